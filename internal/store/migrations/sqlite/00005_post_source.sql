-- +goose Up
-- Where the record of a post came from: 'poll' (X's mentions timeline or
-- recent search, read by the desk) or 'push' (a webhook delivery or the
-- filtered stream). A polled copy that differs replaces a pushed one.
ALTER TABLE posts ADD COLUMN source TEXT NOT NULL DEFAULT 'poll';
-- Posts X sent that could not be read, for a person to look at.
CREATE INDEX posts_unreadable ON posts (recorded_at) WHERE kind = 'unreadable';

-- +goose Down
DROP INDEX posts_unreadable;
ALTER TABLE posts DROP COLUMN source;
