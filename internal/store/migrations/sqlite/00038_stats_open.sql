-- +goose Up
-- stats_open counts the open complaints (stage other than closed) per owning
-- unit, district, class and type (the effective ones, '*' in the rows that
-- sum every class or type, as in stats_days) and IST day of the deadline
-- (due_at; 2147483647 when there is none), so that the dashboard reads the
-- pending and, from the days before today, the overdue complaints without
-- walking the open rows. Triggers keep it in the transaction of each change:
-- an insert adds an open row, an update takes the old row away if it was
-- open and adds the new one if it is. The store rebuilds it with stats_days.
CREATE TABLE stats_open (
    class    TEXT NOT NULL,
    type     TEXT NOT NULL,
    unit_id  TEXT NOT NULL,
    district INTEGER NOT NULL,
    due_day  INTEGER NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (class, type, due_day, unit_id, district)
);

-- +goose StatementBegin
CREATE TRIGGER complaints_open_insert AFTER INSERT ON complaints WHEN NEW.stage <> 'closed' BEGIN
	INSERT INTO stats_open (class, type, unit_id, district, due_day, n)
	SELECT CASE WHEN v.k IN (1, 3) THEN '*' WHEN NEW.class <> '' THEN NEW.class ELSE NEW.suggested_class END,
		CASE WHEN v.k >= 2 THEN '*' WHEN NEW.type <> '' THEN NEW.type ELSE NEW.suggested_type END,
		NEW.unit_id, NEW.district, coalesce((NEW.due_at + 19800000) / 86400000, 2147483647), 1
	FROM (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) v WHERE true
	ON CONFLICT (class, type, due_day, unit_id, district) DO UPDATE SET n = stats_open.n + excluded.n;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER complaints_open_update AFTER UPDATE OF stage, unit_id, district, class, suggested_class, type, suggested_type, due_at ON complaints
WHEN (OLD.stage <> 'closed' OR NEW.stage <> 'closed') AND (OLD.stage IS NOT NEW.stage OR OLD.unit_id IS NOT NEW.unit_id OR OLD.district IS NOT NEW.district OR OLD.class IS NOT NEW.class OR OLD.suggested_class IS NOT NEW.suggested_class OR OLD.type IS NOT NEW.type OR OLD.suggested_type IS NOT NEW.suggested_type OR OLD.due_at IS NOT NEW.due_at)
BEGIN
	INSERT INTO stats_open (class, type, unit_id, district, due_day, n)
	SELECT CASE WHEN v.k IN (1, 3) THEN '*' WHEN OLD.class <> '' THEN OLD.class ELSE OLD.suggested_class END,
		CASE WHEN v.k >= 2 THEN '*' WHEN OLD.type <> '' THEN OLD.type ELSE OLD.suggested_type END,
		OLD.unit_id, OLD.district, coalesce((OLD.due_at + 19800000) / 86400000, 2147483647), -1
	FROM (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) v WHERE OLD.stage <> 'closed'
	ON CONFLICT (class, type, due_day, unit_id, district) DO UPDATE SET n = stats_open.n + excluded.n;
	INSERT INTO stats_open (class, type, unit_id, district, due_day, n)
	SELECT CASE WHEN v.k IN (1, 3) THEN '*' WHEN NEW.class <> '' THEN NEW.class ELSE NEW.suggested_class END,
		CASE WHEN v.k >= 2 THEN '*' WHEN NEW.type <> '' THEN NEW.type ELSE NEW.suggested_type END,
		NEW.unit_id, NEW.district, coalesce((NEW.due_at + 19800000) / 86400000, 2147483647), 1
	FROM (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) v WHERE NEW.stage <> 'closed'
	ON CONFLICT (class, type, due_day, unit_id, district) DO UPDATE SET n = stats_open.n + excluded.n;
END;
-- +goose StatementEnd

-- The rules are emptied so that the next start rebuilds the roll-ups, this
-- table with them; until it has, the dashboard recounts.
UPDATE stats_rules SET long_ms = NULL, mid_ms = NULL, first_ms = NULL;

-- +goose Down
DROP TRIGGER complaints_open_update;
DROP TRIGGER complaints_open_insert;
DROP TABLE stats_open;
