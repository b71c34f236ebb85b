-- +goose Up
-- A person's changes to what triage suggested, kept for retraining
-- (`shikayat corrections export`).
CREATE TABLE corrections (
    id           INTEGER PRIMARY KEY,
    post_id      TEXT NOT NULL,
    complaint_id BIGINT,
    field        TEXT NOT NULL,   -- actionable, district, class, type
    suggested    TEXT NOT NULL DEFAULT '',
    corrected    TEXT NOT NULL,
    user_id      BIGINT,
    by_name      TEXT NOT NULL DEFAULT '',
    at           BIGINT NOT NULL
);
CREATE INDEX corrections_post ON corrections (post_id, id);

-- +goose Down
DROP TABLE corrections;
