-- +goose Up
-- stats_blocks sums stats_days over blocks of 16 IST days: its day is the
-- first day of the block (a multiple of 16, days since 1970-01-01 in India
-- time), every other column as in stats_days. A year's dashboard then reads
-- a row per unit and block for the blocks inside the period and stats_days
-- only for the days at its two ends, some 35 rows per unit instead of 365.
-- The same trigger that keeps stats_days keeps it, in the transaction of
-- each change, through the view stats_pending_blocks (the facts of
-- stats_pending_facts by block); the store rebuilds it with stats_days.
-- Writers to complaints are held off until it commits (as in 00043): a
-- node of the version before writing meanwhile would run the trigger as it
-- was and count its change in stats_days only.
LOCK TABLE complaints IN SHARE ROW EXCLUSIVE MODE;
CREATE TABLE stats_blocks (
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

-- The daily chart sums received and disposed per day over a scope's units:
-- from this index alone, without a visit to each row (the days of past
-- months are not updated, so their pages stay all-visible).
CREATE INDEX stats_days_chart ON stats_days (class, type, day, unit_id, received, disposed);

CREATE VIEW stats_pending_blocks AS
SELECT day - day % 16 AS day, class, type, unit_id, district, received, disposed, met, rated, rating_sum, bucket
FROM stats_pending_facts;

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION complaints_stats() RETURNS trigger LANGUAGE plpgsql
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
	INSERT INTO stats_blocks (day, class, type, unit_id, district, received, disposed, met, rated, rating_sum, hist)
	SELECT day, class, type, unit_id, district, sum(received), sum(disposed), sum(met), sum(rated), sum(rating_sum), '{}'::jsonb
	FROM stats_pending_blocks WHERE true
	GROUP BY day, class, type, unit_id, district
	HAVING sum(received) <> 0 OR sum(disposed) <> 0 OR sum(met) <> 0 OR sum(rated) <> 0 OR sum(rating_sum) <> 0 OR count(bucket) > 0
	ORDER BY day, class, type, unit_id, district
	ON CONFLICT (day, class, type, unit_id, district) DO UPDATE SET received = stats_blocks.received + excluded.received,
		disposed = stats_blocks.disposed + excluded.disposed, met = stats_blocks.met + excluded.met,
		rated = stats_blocks.rated + excluded.rated, rating_sum = stats_blocks.rating_sum + excluded.rating_sum;
	UPDATE stats_blocks SET hist = jsonb_set(stats_blocks.hist, ARRAY[f.bucket::text], to_jsonb(coalesce((stats_blocks.hist ->> f.bucket::text)::bigint, 0) + f.n))
	FROM (SELECT day, class, type, unit_id, district, bucket, sum(disposed) AS n FROM stats_pending_blocks
		WHERE bucket IS NOT NULL GROUP BY day, class, type, unit_id, district, bucket HAVING sum(disposed) < 0) f
	WHERE stats_blocks.day = f.day AND stats_blocks.class = f.class AND stats_blocks.type = f.type AND stats_blocks.unit_id = f.unit_id AND stats_blocks.district = f.district;
	UPDATE stats_blocks SET hist = jsonb_set(stats_blocks.hist, ARRAY[f.bucket::text], to_jsonb(coalesce((stats_blocks.hist ->> f.bucket::text)::bigint, 0) + f.n))
	FROM (SELECT day, class, type, unit_id, district, bucket, sum(disposed) AS n FROM stats_pending_blocks
		WHERE bucket IS NOT NULL GROUP BY day, class, type, unit_id, district, bucket HAVING sum(disposed) > 0) f
	WHERE stats_blocks.day = f.day AND stats_blocks.class = f.class AND stats_blocks.type = f.type AND stats_blocks.unit_id = f.unit_id AND stats_blocks.district = f.district;
	DELETE FROM stats_pending;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- Filled here from stats_days, in the migration's transaction, and not left
-- to the rebuild at the next start: during a rollout a node that knows
-- nothing of stats_blocks may start first and write the rules back, and
-- the rebuild would then never come (as 00043 says of stats_open).
INSERT INTO stats_blocks (day, class, type, unit_id, district, received, disposed, met, rated, rating_sum)
SELECT day - day % 16, class, type, unit_id, district, sum(received), sum(disposed), sum(met), sum(rated), sum(rating_sum)
FROM stats_days GROUP BY day - day % 16, class, type, unit_id, district;
UPDATE stats_blocks SET hist = h.hist
FROM (SELECT x.b, x.class, x.type, x.unit_id, x.district, jsonb_object_agg(x.k, x.n) AS hist
	FROM (SELECT d.day - d.day % 16 AS b, d.class, d.type, d.unit_id, d.district, e.key AS k, sum(e.value::bigint) AS n
		FROM stats_days d, jsonb_each_text(d.hist) e
		GROUP BY d.day - d.day % 16, d.class, d.type, d.unit_id, d.district, e.key) x
	GROUP BY x.b, x.class, x.type, x.unit_id, x.district) h
WHERE stats_blocks.day = h.b AND stats_blocks.class = h.class AND stats_blocks.type = h.type
	AND stats_blocks.unit_id = h.unit_id AND stats_blocks.district = h.district;

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION complaints_stats() RETURNS trigger LANGUAGE plpgsql
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
DROP VIEW stats_pending_blocks;
DROP INDEX stats_days_chart;
DROP TABLE stats_blocks;
