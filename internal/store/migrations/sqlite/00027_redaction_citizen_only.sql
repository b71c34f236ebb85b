-- +goose Up
-- Redaction blanks only what a citizen's post put in the trail: the actor
-- (the citizen, '@handle' or 'x:id') and the note (the post's text) of an
-- event a post made, whose detail names the post. A staff member's or the
-- system's event is never blanked; audit verify also asks that every
-- blanked event be followed by the redaction event that did it.
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
        AND (new.actor = old.actor OR new.actor = '') AND (new.note = old.note OR new.note = '')
        AND new.salt = '')))
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd
