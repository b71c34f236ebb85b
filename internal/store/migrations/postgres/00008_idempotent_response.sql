-- +goose Up
-- The complaint as the first request with an Idempotency-Key returned it
-- (JSON), so that a replay answers the same body.
ALTER TABLE idempotency_keys ADD COLUMN response TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE idempotency_keys DROP COLUMN response;
