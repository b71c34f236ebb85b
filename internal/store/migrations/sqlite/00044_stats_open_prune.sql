-- +goose Up
-- The update trigger of stats_open (00038) also deletes the rows its change
-- left at zero, so that the table holds the keys of open complaints only and
-- does not grow with every deadline day ever used; and an index of the open
-- complaints by receipt lets the dashboard take away those received after a
-- past period's end without walking the closed ones.
DROP TRIGGER complaints_open_update;
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
	DELETE FROM stats_open WHERE n = 0 AND OLD.stage <> 'closed'
		AND class IN ('*', CASE WHEN OLD.class <> '' THEN OLD.class ELSE OLD.suggested_class END)
		AND type IN ('*', CASE WHEN OLD.type <> '' THEN OLD.type ELSE OLD.suggested_type END)
		AND due_day = coalesce((OLD.due_at + 19800000) / 86400000, 2147483647) AND unit_id = OLD.unit_id AND district = OLD.district;
END;
-- +goose StatementEnd

CREATE INDEX complaints_open_received ON complaints (received_at, district, unit_id, due_at) WHERE stage <> 'closed';

-- +goose Down
DROP INDEX complaints_open_received;
DROP TRIGGER complaints_open_update;
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
