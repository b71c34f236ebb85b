-- +goose Up
-- The tamper-evident trail (see trail.go in the root package for the
-- canonical encoding). Personal text enters hashes only through a salted
-- digest stored beside it, so that it can be redacted later.
ALTER TABLE events ADD COLUMN hash TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN actor_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN note_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN salt TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN text_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN author_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN digest_salt TEXT NOT NULL DEFAULT '';
CREATE INDEX events_at ON events (at);
-- Events from before the trail was hashed, which the store hashes once:
-- those up to this id, and no event written after (an event without a hash
-- is then one written behind the store's back, which verify reports).
CREATE INDEX events_unhashed ON events (complaint_id) WHERE hash = '';
INSERT INTO checkpoints (name, value, updated_at)
    SELECT 'trail:unhashed_through', CAST(COALESCE(max(id), 0) AS TEXT), 0 FROM events;

-- The one update the trail allows: giving an event from before the hashes
-- its hash and digests, once.
DROP TRIGGER events_no_update;
-- +goose StatementBegin
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (old.hash = '' AND new.hash <> ''
    AND new.id = old.id AND new.complaint_id = old.complaint_id AND new.at = old.at
    AND new.actor = old.actor AND new.user_id IS old.user_id AND new.action = old.action
    AND new.from_stage = old.from_stage AND new.to_stage = old.to_stage
    AND new.from_unit = old.from_unit AND new.to_unit = old.to_unit
    AND new.note = old.note AND new.public = old.public AND new.detail = old.detail)
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd

-- One seal per IST day, chained to the day before.
CREATE TABLE seals (
    day        TEXT PRIMARY KEY,      -- YYYY-MM-DD, IST
    prev       TEXT NOT NULL,         -- the previous day's digest, '' for the first
    digest     TEXT NOT NULL,
    complaints INTEGER NOT NULL,      -- how many complaints changed that day
    sealed_at  INTEGER NOT NULL
);

-- +goose Down
DELETE FROM checkpoints WHERE name = 'trail:unhashed_through';
DROP TABLE seals;
DROP TRIGGER events_no_update;
-- +goose StatementBegin
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd
DROP INDEX events_unhashed;
DROP INDEX events_at;
ALTER TABLE complaints DROP COLUMN digest_salt;
ALTER TABLE complaints DROP COLUMN author_digest;
ALTER TABLE complaints DROP COLUMN text_digest;
ALTER TABLE events DROP COLUMN salt;
ALTER TABLE events DROP COLUMN note_digest;
ALTER TABLE events DROP COLUMN actor_digest;
ALTER TABLE events DROP COLUMN hash;
