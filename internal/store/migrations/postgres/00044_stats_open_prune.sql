-- +goose Up
-- The trigger function of stats_open (00038) also deletes the rows its
-- change left at zero, so that the table holds the keys of open complaints
-- only and does not grow with every deadline day ever used; and an index of
-- the open complaints by receipt lets the dashboard take away those received
-- after a past period's end without walking the closed ones.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION complaints_open_stats() RETURNS trigger LANGUAGE plpgsql
SET jit = off AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.stage <> 'closed' THEN
		INSERT INTO stats_open (class, type, unit_id, district, due_day, n)
		SELECT CASE WHEN v.k IN (1, 3) THEN '*' WHEN OLD.class <> '' THEN OLD.class ELSE OLD.suggested_class END,
			CASE WHEN v.k >= 2 THEN '*' WHEN OLD.type <> '' THEN OLD.type ELSE OLD.suggested_type END,
			OLD.unit_id, OLD.district, coalesce((OLD.due_at + 19800000) / 86400000, 2147483647), -1
		FROM (VALUES (0), (1), (2), (3)) v(k)
		ON CONFLICT (class, type, due_day, unit_id, district) DO UPDATE SET n = stats_open.n + excluded.n;
	END IF;
	IF NEW.stage <> 'closed' THEN
		INSERT INTO stats_open (class, type, unit_id, district, due_day, n)
		SELECT CASE WHEN v.k IN (1, 3) THEN '*' WHEN NEW.class <> '' THEN NEW.class ELSE NEW.suggested_class END,
			CASE WHEN v.k >= 2 THEN '*' WHEN NEW.type <> '' THEN NEW.type ELSE NEW.suggested_type END,
			NEW.unit_id, NEW.district, coalesce((NEW.due_at + 19800000) / 86400000, 2147483647), 1
		FROM (VALUES (0), (1), (2), (3)) v(k)
		ON CONFLICT (class, type, due_day, unit_id, district) DO UPDATE SET n = stats_open.n + excluded.n;
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.stage <> 'closed' THEN
		DELETE FROM stats_open WHERE n = 0
			AND class IN ('*', CASE WHEN OLD.class <> '' THEN OLD.class ELSE OLD.suggested_class END)
			AND type IN ('*', CASE WHEN OLD.type <> '' THEN OLD.type ELSE OLD.suggested_type END)
			AND due_day = coalesce((OLD.due_at + 19800000) / 86400000, 2147483647) AND unit_id = OLD.unit_id AND district = OLD.district;
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE INDEX complaints_open_received ON complaints (received_at, district, unit_id, due_at) WHERE stage <> 'closed';

-- +goose Down
DROP INDEX complaints_open_received;
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION complaints_open_stats() RETURNS trigger LANGUAGE plpgsql
SET jit = off AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.stage <> 'closed' THEN
		INSERT INTO stats_open (class, type, unit_id, district, due_day, n)
		SELECT CASE WHEN v.k IN (1, 3) THEN '*' WHEN OLD.class <> '' THEN OLD.class ELSE OLD.suggested_class END,
			CASE WHEN v.k >= 2 THEN '*' WHEN OLD.type <> '' THEN OLD.type ELSE OLD.suggested_type END,
			OLD.unit_id, OLD.district, coalesce((OLD.due_at + 19800000) / 86400000, 2147483647), -1
		FROM (VALUES (0), (1), (2), (3)) v(k)
		ON CONFLICT (class, type, due_day, unit_id, district) DO UPDATE SET n = stats_open.n + excluded.n;
	END IF;
	IF NEW.stage <> 'closed' THEN
		INSERT INTO stats_open (class, type, unit_id, district, due_day, n)
		SELECT CASE WHEN v.k IN (1, 3) THEN '*' WHEN NEW.class <> '' THEN NEW.class ELSE NEW.suggested_class END,
			CASE WHEN v.k >= 2 THEN '*' WHEN NEW.type <> '' THEN NEW.type ELSE NEW.suggested_type END,
			NEW.unit_id, NEW.district, coalesce((NEW.due_at + 19800000) / 86400000, 2147483647), 1
		FROM (VALUES (0), (1), (2), (3)) v(k)
		ON CONFLICT (class, type, due_day, unit_id, district) DO UPDATE SET n = stats_open.n + excluded.n;
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
