-- +goose Up
-- Whether the desk may reply on X: only to posts that mention the account.
ALTER TABLE complaints ADD COLUMN replyable INTEGER NOT NULL DEFAULT 1;
-- The language triage found, for answering in it.
ALTER TABLE posts ADD COLUMN lang TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE posts DROP COLUMN lang;
ALTER TABLE complaints DROP COLUMN replyable;
