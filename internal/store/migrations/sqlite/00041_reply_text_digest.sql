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
        AND (old.actor LIKE '@%' OR old.actor LIKE 'x:%') AND old.user_id IS NULL
        AND old.detail LIKE '%"post_id":%'
        AND (new.actor = old.actor OR new.actor = '') AND (new.note = old.note OR new.note = '')
        AND new.salt = '')
      OR (old.hash <> '' AND new.hash = old.hash AND old.action = 'replied' AND old.user_id IS NULL
        AND new.actor_digest = old.actor_digest AND new.note_digest = old.note_digest
        AND new.actor = old.actor AND old.salt <> '' AND new.salt = '')))
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd


-- +goose Down
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
        AND (old.actor LIKE '@%' OR old.actor LIKE 'x:%') AND old.user_id IS NULL
        AND old.detail LIKE '%"post_id":%'
        AND (new.actor = old.actor OR new.actor = '') AND (new.note = old.note OR new.note = '')
        AND new.salt = '')))
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd
ALTER TABLE replies DROP COLUMN text_digest;
