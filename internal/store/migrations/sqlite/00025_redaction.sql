-- +goose Up
-- Redaction: a post deleted on X, an erasure request or the retention rule
-- blanks the personal text of a post and of the complaint it opened, and
-- notes when. A redacted record is never filled in again from X.
ALTER TABLE posts ADD COLUMN redacted_at INTEGER;
ALTER TABLE complaints ADD COLUMN redacted_at INTEGER;
CREATE INDEX posts_author_username ON posts (lower(author_username));
CREATE INDEX posts_author_id ON posts (author_id);
-- The posts the compliance check names to X, in id order.
CREATE INDEX posts_unredacted ON posts (seq) WHERE redacted_at IS NULL;
CREATE INDEX complaints_closed ON complaints (closed_at) WHERE redacted_at IS NULL AND stage = 'closed';

-- The trail allows two updates: giving an event from before the hashes its
-- hash and digests, once (00010); and redacting it, which blanks its actor
-- and note and always the salt of their digests (so that a digest cannot
-- be tested against guesses), and changes nothing else. The
-- digests stay, so the hash still verifies.
DROP TRIGGER events_no_update;
-- +goose StatementBegin
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (new.id = old.id AND new.complaint_id = old.complaint_id AND new.at = old.at
    AND new.user_id IS old.user_id AND new.action = old.action
    AND new.from_stage = old.from_stage AND new.to_stage = old.to_stage
    AND new.from_unit = old.from_unit AND new.to_unit = old.to_unit
    AND new.public = old.public AND new.detail = old.detail
    AND ((old.hash = '' AND new.hash <> '' AND new.actor = old.actor AND new.note = old.note)
      OR (old.hash <> '' AND new.hash = old.hash
        AND new.actor_digest = old.actor_digest AND new.note_digest = old.note_digest
        AND (new.actor = old.actor OR new.actor = '') AND (new.note = old.note OR new.note = '')
        AND new.salt = '')))
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd

-- +goose Down
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
DROP INDEX complaints_closed;
DROP INDEX posts_unredacted;
DROP INDEX posts_author_id;
DROP INDEX posts_author_username;
ALTER TABLE complaints DROP COLUMN redacted_at;
ALTER TABLE posts DROP COLUMN redacted_at;
