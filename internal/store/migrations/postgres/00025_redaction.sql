-- +goose Up
-- Redaction: a post deleted on X, an erasure request or the retention rule
-- blanks the personal text of a post and of the complaint it opened, and
-- notes when. A redacted record is never filled in again from X.
ALTER TABLE posts ADD COLUMN redacted_at BIGINT;
ALTER TABLE complaints ADD COLUMN redacted_at BIGINT;
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
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND (NEW.id, NEW.complaint_id, NEW.at, NEW.user_id, NEW.action, NEW.from_stage, NEW.to_stage,
             NEW.from_unit, NEW.to_unit, NEW.public, NEW.detail)
        IS NOT DISTINCT FROM
            (OLD.id, OLD.complaint_id, OLD.at, OLD.user_id, OLD.action, OLD.from_stage, OLD.to_stage,
             OLD.from_unit, OLD.to_unit, OLD.public, OLD.detail)
        AND ((OLD.hash = '' AND NEW.hash <> '' AND NEW.actor = OLD.actor AND NEW.note = OLD.note)
          OR (OLD.hash <> '' AND NEW.hash = OLD.hash
            AND NEW.actor_digest = OLD.actor_digest AND NEW.note_digest = OLD.note_digest
            AND (NEW.actor = OLD.actor OR NEW.actor = '') AND (NEW.note = OLD.note OR NEW.note = '')
            AND NEW.salt = '')) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only';
END;
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.hash = '' AND NEW.hash <> ''
        AND (NEW.id, NEW.complaint_id, NEW.at, NEW.actor, NEW.user_id, NEW.action,
             NEW.from_stage, NEW.to_stage, NEW.from_unit, NEW.to_unit, NEW.note,
             NEW.public, NEW.detail)
        IS NOT DISTINCT FROM
            (OLD.id, OLD.complaint_id, OLD.at, OLD.actor, OLD.user_id, OLD.action,
             OLD.from_stage, OLD.to_stage, OLD.from_unit, OLD.to_unit, OLD.note,
             OLD.public, OLD.detail) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only';
END;
$$;
-- +goose StatementEnd
DROP INDEX complaints_closed;
DROP INDEX posts_unredacted;
DROP INDEX posts_author_id;
DROP INDEX posts_author_username;
ALTER TABLE complaints DROP COLUMN redacted_at;
ALTER TABLE posts DROP COLUMN redacted_at;
