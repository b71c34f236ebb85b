-- +goose Up
-- The daily roll-ups are kept per owning unit itself, a station included,
-- not per the station's district at the time of writing: a scope maps the
-- unit to its district when it reads (through units.path), so a station
-- re-imported under another district takes its complaints' counts along.
-- The rules are emptied so that the next start rebuilds the rows; until it
-- has, the dashboard recounts.
CREATE OR REPLACE VIEW stats_pending_units AS
SELECT p.*, p.unit_id AS g,
	CASE WHEN p.class <> '' THEN p.class ELSE p.suggested_class END AS ec,
	CASE WHEN p.type <> '' THEN p.type ELSE p.suggested_type END AS et
FROM stats_pending p;
UPDATE stats_rules SET long_ms = NULL, mid_ms = NULL, first_ms = NULL;

-- +goose Down
CREATE OR REPLACE VIEW stats_pending_units AS
SELECT p.*, coalesce((SELECT CASE WHEN u.kind = 'station' AND u.parent_id IS NOT NULL THEN u.parent_id ELSE u.id END
		FROM units u WHERE u.id = p.unit_id), p.unit_id) AS g,
	CASE WHEN p.class <> '' THEN p.class ELSE p.suggested_class END AS ec,
	CASE WHEN p.type <> '' THEN p.type ELSE p.suggested_type END AS et
FROM stats_pending p;
UPDATE stats_rules SET long_ms = NULL, mid_ms = NULL, first_ms = NULL;
