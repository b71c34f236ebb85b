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
            AND NEW.actor = OLD.actor AND OLD.salt <> '' AND NEW.salt = ''
            AND NEW.note = '[redacted]')) THEN
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
