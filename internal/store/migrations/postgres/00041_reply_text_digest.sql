-- +goose Up
-- The digest of a reply's text (shikayat.ReplyTextDigest), kept while a
-- reply of a redacted post or complaint waits to be settled (X may or may
-- not have posted it): its text is masked at once, and the sender matches
-- X's posts against the digest. Blank for every other reply; cleared when
-- the reply settles.
ALTER TABLE replies ADD COLUMN text_digest TEXT NOT NULL DEFAULT '';

-- The desk's own "replied" event keeps the reply as posted; when what it
-- answers is redacted, its note is masked (shikayat.MaskContacts) once:
-- the salt goes, so the note digest cannot be tested against guesses, and
-- the redaction event that follows names the masked note's digest, so
-- audit verify still checks it.
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
            AND (OLD.actor LIKE '@%' OR OLD.actor LIKE 'x:%') AND OLD.user_id IS NULL
            AND OLD.detail LIKE '%"post_id":%'
            AND (NEW.actor = OLD.actor OR NEW.actor = '') AND (NEW.note = OLD.note OR NEW.note = '')
            AND NEW.salt = '')
          OR (OLD.hash <> '' AND NEW.hash = OLD.hash AND OLD.action = 'replied' AND OLD.user_id IS NULL
            AND NEW.actor_digest = OLD.actor_digest AND NEW.note_digest = OLD.note_digest
            AND NEW.actor = OLD.actor AND OLD.salt <> '' AND NEW.salt = '')) THEN
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
    IF TG_OP = 'UPDATE'
        AND (NEW.id, NEW.complaint_id, NEW.at, NEW.user_id, NEW.action, NEW.from_stage, NEW.to_stage,
             NEW.from_unit, NEW.to_unit, NEW.public, NEW.detail)
        IS NOT DISTINCT FROM
            (OLD.id, OLD.complaint_id, OLD.at, OLD.user_id, OLD.action, OLD.from_stage, OLD.to_stage,
             OLD.from_unit, OLD.to_unit, OLD.public, OLD.detail)
        AND ((OLD.hash = '' AND NEW.hash <> '' AND NEW.actor = OLD.actor AND NEW.note = OLD.note)
          OR (OLD.hash <> '' AND NEW.hash = OLD.hash
            AND NEW.actor_digest = OLD.actor_digest AND NEW.note_digest = OLD.note_digest
            AND (OLD.actor LIKE '@%' OR OLD.actor LIKE 'x:%') AND OLD.user_id IS NULL
            AND OLD.detail LIKE '%"post_id":%'
            AND (NEW.actor = OLD.actor OR NEW.actor = '') AND (NEW.note = OLD.note OR NEW.note = '')
            AND NEW.salt = '')) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only';
END;
$$;
-- +goose StatementEnd
ALTER TABLE replies DROP COLUMN text_digest;
