-- +goose Up
-- No digest of a reply's text is kept any more: a reply of a redacted post
-- or complaint is never sent again, and its sender counts any post of the
-- account's answering the same post after its try as it. A digest of a
-- template with a few unknowns gives them back to whoever guesses, so the
-- ones kept by earlier redactions go.
UPDATE replies SET text_digest = '';

-- A "replied" event whose reply answers a redacted post or complaint may
-- only have its note replaced by the marker "[redacted]" (RedactedNote in
-- the store), never by other text; the redaction event that follows names
-- the event's note digest (which its hash covers).
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
        AND new.actor = old.actor AND old.salt <> '' AND new.salt = ''
        AND new.note = '[redacted]')))
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
        AND new.salt = '')
      OR (old.hash <> '' AND new.hash = old.hash AND old.action = 'replied' AND old.user_id IS NULL
        AND new.actor_digest = old.actor_digest AND new.note_digest = old.note_digest
        AND new.actor = old.actor AND old.salt <> '' AND new.salt = '')))
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd
