-- +goose Up
-- Daily roll-ups for HQ's dashboard and the league table. stats_days holds,
-- per IST day (days since 1970-01-01 in India time), owning unit (a station
-- counts as its district, so that every scope from a district up reads whole
-- rows), district, class and type (the effective ones: a person's, else the
-- model's suggestion; '*' in a row that sums every class or type, so that a
-- query without that filter reads few rows):
--   received            complaints received that day
--   disposed, met, hist complaints closed that day (closed_at), how many
--                       within the citizen's deadline, and their hours to
--                       disposal as a histogram {"bucket": count} with the
--                       buckets of shikayat.DisposalBucket
--   rated, rating_sum   ratings of the complaints last closed that day
-- They are kept by triggers on complaints, in the transaction of the change
-- itself, so they cannot drift from the rows they count: each insert adds
-- the row's facts, each update of a counted column takes the old row's
-- facts away and adds the new row's. Complaints are never deleted, so
-- redaction and erasure change no count. The facts are defined once, in
-- the view stats_pending_facts over the staging table stats_pending, which
-- a trigger fills with the old row (-1) and the new (+1) and empties again.
-- The citizen's deadlines that decide "met" are in stats_rules; the store
-- writes its settings there and rebuilds the roll-ups when they change
-- (which is also how the rows already in the table are counted the first
-- time: the rules start empty).
CREATE TABLE stats_rules (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    long_ms  BIGINT,
    mid_ms   BIGINT,
    first_ms BIGINT
);
INSERT INTO stats_rules (id) VALUES (1);

CREATE TABLE stats_days (
    day        BIGINT NOT NULL,
    class      TEXT NOT NULL,
    type       TEXT NOT NULL,
    unit_id    TEXT NOT NULL,
    district   INTEGER NOT NULL,
    received   BIGINT NOT NULL DEFAULT 0,
    disposed   BIGINT NOT NULL DEFAULT 0,
    met        BIGINT NOT NULL DEFAULT 0,
    rated      BIGINT NOT NULL DEFAULT 0,
    rating_sum BIGINT NOT NULL DEFAULT 0,
    hist       JSONB NOT NULL DEFAULT '{}',
    PRIMARY KEY (class, type, day, unit_id, district)
);

CREATE UNLOGGED TABLE stats_pending (
    unit_id         TEXT NOT NULL,
    district        INTEGER NOT NULL,
    class           TEXT NOT NULL,
    suggested_class TEXT NOT NULL,
    type            TEXT NOT NULL,
    suggested_type  TEXT NOT NULL,
    received_at     BIGINT NOT NULL,
    closed_at       BIGINT,
    first_action_at BIGINT,
    rating          INTEGER NOT NULL,
    last_closed_at  BIGINT,
    d               INTEGER NOT NULL
);

CREATE VIEW stats_pending_units AS
SELECT p.*, coalesce((SELECT CASE WHEN u.kind = 'station' AND u.parent_id IS NOT NULL THEN u.parent_id ELSE u.id END
		FROM units u WHERE u.id = p.unit_id), p.unit_id) AS g,
	CASE WHEN p.class <> '' THEN p.class ELSE p.suggested_class END AS ec,
	CASE WHEN p.type <> '' THEN p.type ELSE p.suggested_type END AS et
FROM stats_pending p;

CREATE VIEW stats_pending_facts AS
SELECT f.day, CASE WHEN v.k IN (1, 3) THEN '*' ELSE f.ec END AS class, CASE WHEN v.k >= 2 THEN '*' ELSE f.et END AS type,
	f.unit_id, f.district, f.received, f.disposed, f.met, f.rated, f.rating_sum, f.bucket
FROM (
	SELECT (p.received_at + 19800000) / 86400000 AS day, p.ec, p.et, p.g AS unit_id, p.district,
		p.d AS received, 0 AS disposed, 0 AS met, 0 AS rated, 0 AS rating_sum, NULL AS bucket
	FROM stats_pending_units p
	UNION ALL
	SELECT (p.closed_at + 19800000) / 86400000, p.ec, p.et, p.g, p.district, 0, p.d, p.d * (CASE WHEN (CASE WHEN p.ec = 'long_term' THEN p.closed_at - p.received_at <= r.long_ms ELSE p.closed_at - p.received_at <= r.mid_ms END)
				AND (p.ec <> 'immediate' OR (p.first_action_at IS NOT NULL AND p.first_action_at - p.received_at <= r.first_ms))
			THEN 1 ELSE 0 END), 0, 0, (CASE WHEN p.closed_at < p.received_at THEN 0
			WHEN (p.closed_at - p.received_at) / 3600000 < 48 THEN (p.closed_at - p.received_at) / 3600000
			WHEN (p.closed_at - p.received_at) / 3600000 < 240 THEN (p.closed_at - p.received_at) / 21600000 * 6
			ELSE (p.closed_at - p.received_at) / 86400000 * 24 END)
	FROM stats_pending_units p CROSS JOIN stats_rules r WHERE p.closed_at IS NOT NULL
	UNION ALL
	SELECT (p.last_closed_at + 19800000) / 86400000, p.ec, p.et, p.g, p.district, 0, 0, 0, p.d, p.d * p.rating, NULL
	FROM stats_pending_units p WHERE p.rating > 0 AND p.last_closed_at IS NOT NULL
) f CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) v;

-- +goose StatementBegin
CREATE FUNCTION complaints_stats() RETURNS trigger LANGUAGE plpgsql
-- One complaint's few rows: the planner's guess for the small staging
-- table would otherwise compile each statement (JIT) for longer than it runs.
SET jit = off AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		INSERT INTO stats_pending (unit_id, district, class, suggested_class, type, suggested_type, received_at, closed_at, first_action_at, rating, last_closed_at, d) VALUES (OLD.unit_id, OLD.district, OLD.class, OLD.suggested_class, OLD.type, OLD.suggested_type, OLD.received_at, OLD.closed_at, OLD.first_action_at, OLD.rating, OLD.last_closed_at, -1);
	END IF;
	INSERT INTO stats_pending (unit_id, district, class, suggested_class, type, suggested_type, received_at, closed_at, first_action_at, rating, last_closed_at, d) VALUES (NEW.unit_id, NEW.district, NEW.class, NEW.suggested_class, NEW.type, NEW.suggested_type, NEW.received_at, NEW.closed_at, NEW.first_action_at, NEW.rating, NEW.last_closed_at, 1);
	INSERT INTO stats_days (day, class, type, unit_id, district, received, disposed, met, rated, rating_sum, hist)
	SELECT day, class, type, unit_id, district, sum(received), sum(disposed), sum(met), sum(rated), sum(rating_sum), '{}'::jsonb
	FROM stats_pending_facts WHERE true
	GROUP BY day, class, type, unit_id, district
	HAVING sum(received) <> 0 OR sum(disposed) <> 0 OR sum(met) <> 0 OR sum(rated) <> 0 OR sum(rating_sum) <> 0 OR count(bucket) > 0
	ORDER BY day, class, type, unit_id, district
	ON CONFLICT (day, class, type, unit_id, district) DO UPDATE SET received = stats_days.received + excluded.received,
		disposed = stats_days.disposed + excluded.disposed, met = stats_days.met + excluded.met,
		rated = stats_days.rated + excluded.rated, rating_sum = stats_days.rating_sum + excluded.rating_sum;
	UPDATE stats_days SET hist = jsonb_set(stats_days.hist, ARRAY[f.bucket::text], to_jsonb(coalesce((stats_days.hist ->> f.bucket::text)::bigint, 0) + f.n))
	FROM (SELECT day, class, type, unit_id, district, bucket, sum(disposed) AS n FROM stats_pending_facts
		WHERE bucket IS NOT NULL GROUP BY day, class, type, unit_id, district, bucket HAVING sum(disposed) < 0) f
	WHERE stats_days.day = f.day AND stats_days.class = f.class AND stats_days.type = f.type AND stats_days.unit_id = f.unit_id AND stats_days.district = f.district;
	UPDATE stats_days SET hist = jsonb_set(stats_days.hist, ARRAY[f.bucket::text], to_jsonb(coalesce((stats_days.hist ->> f.bucket::text)::bigint, 0) + f.n))
	FROM (SELECT day, class, type, unit_id, district, bucket, sum(disposed) AS n FROM stats_pending_facts
		WHERE bucket IS NOT NULL GROUP BY day, class, type, unit_id, district, bucket HAVING sum(disposed) > 0) f
	WHERE stats_days.day = f.day AND stats_days.class = f.class AND stats_days.type = f.type AND stats_days.unit_id = f.unit_id AND stats_days.district = f.district;
	DELETE FROM stats_pending;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER complaints_stats_insert AFTER INSERT ON complaints FOR EACH ROW EXECUTE FUNCTION complaints_stats();
CREATE TRIGGER complaints_stats_update AFTER UPDATE OF unit_id, district, class, suggested_class, type, suggested_type, received_at, closed_at, first_action_at, rating, last_closed_at ON complaints
	FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.district IS DISTINCT FROM NEW.district OR OLD.class IS DISTINCT FROM NEW.class OR OLD.suggested_class IS DISTINCT FROM NEW.suggested_class OR OLD.type IS DISTINCT FROM NEW.type OR OLD.suggested_type IS DISTINCT FROM NEW.suggested_type OR OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.first_action_at IS DISTINCT FROM NEW.first_action_at OR OLD.rating IS DISTINCT FROM NEW.rating OR OLD.last_closed_at IS DISTINCT FROM NEW.last_closed_at) EXECUTE FUNCTION complaints_stats();

-- +goose Down
DROP TRIGGER complaints_stats_update ON complaints;
DROP TRIGGER complaints_stats_insert ON complaints;
DROP FUNCTION complaints_stats();
DROP VIEW stats_pending_facts;
DROP VIEW stats_pending_units;
DROP TABLE stats_pending;
DROP TABLE stats_days;
DROP TABLE stats_rules;
