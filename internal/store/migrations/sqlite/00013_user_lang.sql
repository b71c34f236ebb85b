-- +goose Up
-- The desk's language a member of staff chose: "hi", "en", or "" (not chosen).
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE users DROP COLUMN lang;
