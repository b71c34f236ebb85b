-- +goose Up
-- The trail is append-only: the row trigger of 00001 refuses UPDATE and
-- DELETE, but TRUNCATE fires no row triggers. A statement trigger refuses it.
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

-- +goose Down
DROP TRIGGER events_no_truncate ON events;
