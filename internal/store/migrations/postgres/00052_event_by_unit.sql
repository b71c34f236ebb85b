-- +goose Up
-- Migration 00052: a reply records the unit of the person who wrote it, as
-- it was then (events.by_unit; "" on other events and on the replies written
-- before), and the league's action (complaints.acted_at, 00045/00048)
-- counts a reply while a station holds the complaint only when it is by a
-- member of that station or of a unit under it: a district office's canned
-- reply while its station holds the complaint is not the station's action.
-- A reply without by_unit keeps 00048's rule (the station held it). The
-- event's hash covers by_unit when it is set (shikayat.EventHash), and an
-- event's by_unit is never changed after (events_append_only).
--
-- stats_events' trigger (00048) ran for each row, but PostgreSQL runs a row
-- trigger of AFTER INSERT once the whole statement is done, so each run of
-- a statement that wrote several bounces of one complaint saw all of them
-- and the differences it added did not sum to the recount. It now runs
-- once per statement over the statement's new events (a transition table),
-- recounting each complaint they touch with and without all of them, and
-- upserts the differences in key order (two statements lock shared rows in
-- the same order). A row whose count it brings to zero is removed, so that
-- the rows are a recount's, whatever order the events came in.
--
-- The ALTER TABLE is first: it holds events exclusively until the commit,
-- so no event is written under the old functions and the new trigger both.
-- Migration 00053 then recounts acted_at and stats_events under locks.
ALTER TABLE events ADD COLUMN by_unit TEXT NOT NULL DEFAULT '';

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND (NEW.id, NEW.complaint_id, NEW.at, NEW.user_id, NEW.action, NEW.from_stage, NEW.to_stage,
             NEW.from_unit, NEW.to_unit, NEW.public, NEW.detail, NEW.by_unit)
        IS NOT DISTINCT FROM
            (OLD.id, OLD.complaint_id, OLD.at, OLD.user_id, OLD.action, OLD.from_stage, OLD.to_stage,
             OLD.from_unit, OLD.to_unit, OLD.public, OLD.detail, OLD.by_unit)
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

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION events_acted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.user_id IS NOT NULL AND ((NEW.action = 'note' AND NEW.to_stage = 'in_progress')
		OR (NEW.action = 'reply' AND EXISTS (SELECT 1 FROM units uu WHERE uu.id = NEW.from_unit AND uu.kind = 'station')
			AND (NEW.by_unit = '' OR EXISTS (SELECT 1 FROM units fu JOIN units bu ON substr(bu.path, 1, length(fu.path)) = fu.path
				WHERE fu.id = NEW.from_unit AND bu.id = NEW.by_unit)))) THEN
		UPDATE complaints SET acted_at = NEW.at WHERE id = NEW.complaint_id AND (acted_at IS NULL OR acted_at > NEW.at);
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd

DROP TRIGGER events_stats ON events;
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION events_stats() RETURNS trigger LANGUAGE plpgsql
SET jit = off AS $$
DECLARE
	zk text[]; zd bigint[]; zu text[]; zpd bigint[]; zpa bigint[];
BEGIN
	-- Most statements write no bounce or reopening: nothing to count.
	IF NOT EXISTS (SELECT 1 FROM new_events e
		WHERE e.action = 'reopen' OR (e.action = 'forward' AND e.from_stage <> 'received' AND e.from_unit <> 'hq' AND e.from_unit <> e.to_unit)) THEN
		RETURN NULL;
	END IF;
	WITH touched AS (
		SELECT DISTINCT e.complaint_id FROM new_events e
		WHERE (e.action = 'reopen' OR (e.action = 'forward' AND e.from_stage <> 'received' AND e.from_unit <> 'hq' AND e.from_unit <> e.to_unit))
	), k AS (
		SELECT CASE WHEN e.action = 'reopen' THEN 'reopen' ELSE 'bounce' END AS kind, e.id, e.complaint_id, e.at, e.from_unit, u.lgd,
			EXISTS (SELECT 1 FROM new_events n WHERE n.id = e.id) AS is_new
		FROM events e JOIN units u ON u.id = e.from_unit
		WHERE e.complaint_id IN (SELECT complaint_id FROM touched)
			AND (e.action = 'reopen' OR (e.action = 'forward' AND e.from_stage <> 'received' AND e.from_unit <> 'hq' AND e.from_unit <> e.to_unit))
	), up AS (
		INSERT INTO stats_events (kind, day, from_unit, prev_district_day, prev_day, n)
		SELECT kind, day, from_unit, pd, pa, sum(d) FROM (
			SELECT kind, (at + 19800000) / 86400000 AS day, from_unit,
				coalesce((lag(at) OVER (PARTITION BY kind, complaint_id, lgd ORDER BY at, id) + 19800000) / 86400000, -1) AS pd,
				coalesce((lag(at) OVER (PARTITION BY kind, complaint_id ORDER BY at, id) + 19800000) / 86400000, -1) AS pa, 1 AS d
			FROM k
			UNION ALL
			SELECT kind, (at + 19800000) / 86400000 AS day, from_unit,
				coalesce((lag(at) OVER (PARTITION BY kind, complaint_id, lgd ORDER BY at, id) + 19800000) / 86400000, -1) AS pd,
				coalesce((lag(at) OVER (PARTITION BY kind, complaint_id ORDER BY at, id) + 19800000) / 86400000, -1) AS pa, -1 AS d
			FROM k WHERE NOT is_new
		) x
		GROUP BY kind, day, from_unit, pd, pa HAVING sum(d) <> 0
		ORDER BY kind, day, from_unit, pd, pa
		ON CONFLICT (kind, day, from_unit, prev_district_day, prev_day) DO UPDATE SET n = stats_events.n + excluded.n
		RETURNING kind, day, from_unit, prev_district_day, prev_day, n
	)
	SELECT array_agg(kind), array_agg(day), array_agg(from_unit), array_agg(prev_district_day), array_agg(prev_day)
		INTO zk, zd, zu, zpd, zpa
		FROM up WHERE n = 0;
	-- Only rows this statement upserted, so locked by it already.
	IF zk IS NOT NULL THEN
		DELETE FROM stats_events s USING unnest(zk, zd, zu, zpd, zpa) AS z(kind, day, from_unit, pd, pa)
		WHERE s.kind = z.kind AND s.day = z.day AND s.from_unit = z.from_unit
			AND s.prev_district_day = z.pd AND s.prev_day = z.pa AND s.n = 0;
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER events_stats AFTER INSERT ON events REFERENCING NEW TABLE AS new_events
	FOR EACH STATEMENT EXECUTE FUNCTION events_stats();

-- +goose Down
DROP TRIGGER events_stats ON events;
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION events_stats() RETURNS trigger LANGUAGE plpgsql
SET jit = off AS $$
BEGIN
	INSERT INTO stats_events (kind, day, from_unit, prev_district_day, prev_day, n)
	SELECT kind, day, from_unit, pd, pa, sum(d) FROM (
		SELECT kind, (at + 19800000) / 86400000 AS day, from_unit,
			coalesce((lag(at) OVER (PARTITION BY kind, lgd ORDER BY at, id) + 19800000) / 86400000, -1) AS pd,
			coalesce((lag(at) OVER (PARTITION BY kind ORDER BY at, id) + 19800000) / 86400000, -1) AS pa, 1 AS d
		FROM (SELECT CASE WHEN e.action = 'reopen' THEN 'reopen' ELSE 'bounce' END AS kind, e.id, e.at, e.from_unit, u.lgd, (CASE WHEN e.id = NEW.id THEN 1 ELSE 0 END) AS is_new
			FROM events e JOIN units u ON u.id = e.from_unit
			WHERE e.complaint_id = NEW.complaint_id
				AND (e.action = 'reopen' OR (e.action = 'forward' AND e.from_stage <> 'received' AND e.from_unit <> 'hq' AND e.from_unit <> e.to_unit))) k
		UNION ALL
		SELECT kind, (at + 19800000) / 86400000 AS day, from_unit,
			coalesce((lag(at) OVER (PARTITION BY kind, lgd ORDER BY at, id) + 19800000) / 86400000, -1) AS pd,
			coalesce((lag(at) OVER (PARTITION BY kind ORDER BY at, id) + 19800000) / 86400000, -1) AS pa, -1 AS d
		FROM (SELECT CASE WHEN e.action = 'reopen' THEN 'reopen' ELSE 'bounce' END AS kind, e.id, e.at, e.from_unit, u.lgd, (CASE WHEN e.id = NEW.id THEN 1 ELSE 0 END) AS is_new
			FROM events e JOIN units u ON u.id = e.from_unit
			WHERE e.complaint_id = NEW.complaint_id
				AND (e.action = 'reopen' OR (e.action = 'forward' AND e.from_stage <> 'received' AND e.from_unit <> 'hq' AND e.from_unit <> e.to_unit))) k WHERE is_new = 0
	) x
	GROUP BY kind, day, from_unit, pd, pa HAVING sum(d) <> 0
	ON CONFLICT (kind, day, from_unit, prev_district_day, prev_day) DO UPDATE SET n = stats_events.n + excluded.n;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER events_stats AFTER INSERT ON events FOR EACH ROW
	WHEN (NEW.action = 'reopen' OR (NEW.action = 'forward' AND NEW.from_stage <> 'received' AND NEW.from_unit <> 'hq' AND NEW.from_unit <> NEW.to_unit))
	EXECUTE FUNCTION events_stats();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION events_acted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.user_id IS NOT NULL AND ((NEW.action = 'note' AND NEW.to_stage = 'in_progress')
		OR (NEW.action = 'reply' AND EXISTS (SELECT 1 FROM units uu WHERE uu.id = NEW.from_unit AND uu.kind = 'station'))) THEN
		UPDATE complaints SET acted_at = NEW.at WHERE id = NEW.complaint_id AND (acted_at IS NULL OR acted_at > NEW.at);
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
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
ALTER TABLE events DROP COLUMN by_unit;
