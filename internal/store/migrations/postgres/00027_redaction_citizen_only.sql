-- +goose Up
-- Redaction blanks only what a citizen's post put in the trail: the actor
-- (the citizen, '@handle' or 'x:id') and the note (the post's text) of an
-- event a post made, whose detail names the post. A staff member's or the
-- system's event is never blanked; audit verify also asks that every
-- blanked event be followed by the redaction event that did it.
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
            AND (NEW.actor = OLD.actor OR NEW.actor = '') AND (NEW.note = OLD.note OR NEW.note = '')
            AND NEW.salt = '')) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events are append-only';
END;
$$;
-- +goose StatementEnd
