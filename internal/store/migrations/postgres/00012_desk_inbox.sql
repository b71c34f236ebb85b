-- +goose Up
-- The desk's inbox: complaints of a station, and the order of urgency
-- (immediate first, by a person's class else the suggestion) then age,
-- state-wide and within a stage (which also covers the counts per stage).
-- The expression is the store's urgencyExpr, letter for letter.
CREATE INDEX complaints_stage_urgency ON complaints (stage, (CASE WHEN class = 'immediate' OR (class = '' AND suggested_class = 'immediate') THEN 0 ELSE 1 END), received_at, id);
CREATE INDEX complaints_station ON complaints (station_id);
CREATE INDEX complaints_urgency ON complaints ((CASE WHEN class = 'immediate' OR (class = '' AND suggested_class = 'immediate') THEN 0 ELSE 1 END), received_at, id);

-- Triage's reasons for a post, as a JSON array, for the complaint page.
ALTER TABLE posts ADD COLUMN reasons TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE posts DROP COLUMN reasons;
DROP INDEX complaints_urgency;
DROP INDEX complaints_station;
DROP INDEX complaints_stage_urgency;
