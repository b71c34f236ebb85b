-- +goose Up
-- When a try began whose outcome is not known (Unix ms; 0: none): that try
-- may have reached X even after the reply went back to pending (a later
-- try refused for now, a 429 or a 401). A later "duplicate content" from X
-- then means the reply was posted, and a person giving it up has it looked
-- for on X. Cleared only when the reply is settled (sent, failed, or found
-- not posted).
ALTER TABLE replies ADD COLUMN unsure_since BIGINT NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE replies DROP COLUMN unsure_since;
