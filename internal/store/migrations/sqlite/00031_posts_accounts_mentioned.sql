-- +goose Up
-- The force's accounts a post @mentioned (comma-separated usernames), kept
-- when the post is redacted, so that a reply to it still goes from an
-- account it mentioned (X lets an account reply only to posts that mention
-- it) and never falls back to one it did not. Handles of police accounts
-- are public; nothing of the citizen is kept.
ALTER TABLE posts ADD COLUMN accounts_mentioned TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE posts DROP COLUMN accounts_mentioned;
