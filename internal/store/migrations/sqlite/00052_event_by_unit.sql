-- +goose Up
-- Migration 00052: a reply records the unit of the person who wrote it, as
-- it was then (events.by_unit; "" on other events and on the replies written
-- before), and the league's action (complaints.acted_at, 00045/00048)
-- counts a reply while a station holds the complaint only when it is by a
-- member of that station or of a unit under it: a district office's canned
-- reply while its station holds the complaint is not the station's action.
-- A reply without by_unit keeps 00048's rule (the station held it). The
-- event's hash covers by_unit when it is set (shikayat.EventHash), and an
-- event's by_unit is never changed after (events_no_update).
--
-- stats_events' trigger (00048) recounts a complaint's bounces and
-- reopenings with and without the new event and adds the difference; rows
-- whose count it brings to zero are now removed, so that the rows are the
-- same whatever order the events of one statement come in, and the same as
-- a recount's. Migration 00053 recounts both.
ALTER TABLE events ADD COLUMN by_unit TEXT NOT NULL DEFAULT '';

DROP TRIGGER events_no_update;
-- +goose StatementBegin
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (new.id = old.id AND new.complaint_id = old.complaint_id AND new.at = old.at
    AND new.user_id IS old.user_id AND new.action = old.action
    AND new.from_stage = old.from_stage AND new.to_stage = old.to_stage
    AND new.from_unit = old.from_unit AND new.to_unit = old.to_unit
    AND new.public = old.public AND new.detail = old.detail AND new.by_unit = old.by_unit
    AND ((old.hash = '' AND new.hash <> '' AND new.actor = old.actor AND new.note = old.note)
      OR (old.hash <> '' AND new.hash = old.hash
        AND new.actor_digest = old.actor_digest AND new.note_digest = old.note_digest
        AND (old.actor LIKE '@%' OR old.actor LIKE 'x:%') AND old.user_id IS NULL
        AND old.detail LIKE '%"post_id":%'
        AND (new.actor = old.actor OR new.actor = '') AND (new.note = old.note OR new.note = '')
        AND new.salt = '')
      OR (old.hash <> '' AND new.hash = old.hash AND old.action = 'replied' AND old.user_id IS NULL
        AND new.actor_digest = old.actor_digest AND new.note_digest = old.note_digest
        AND new.actor = old.actor AND old.salt <> '' AND new.salt = ''
        AND new.note = '[redacted]')))
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd

DROP TRIGGER events_acted;
-- +goose StatementBegin
CREATE TRIGGER events_acted AFTER INSERT ON events
WHEN NEW.user_id IS NOT NULL AND ((NEW.action = 'note' AND NEW.to_stage = 'in_progress')
	OR (NEW.action = 'reply' AND NEW.from_unit IN (SELECT id FROM units WHERE kind = 'station')
		AND (NEW.by_unit = '' OR EXISTS (SELECT 1 FROM units fu JOIN units bu ON substr(bu.path, 1, length(fu.path)) = fu.path
			WHERE fu.id = NEW.from_unit AND bu.id = NEW.by_unit))))
BEGIN
	UPDATE complaints SET acted_at = NEW.at WHERE id = NEW.complaint_id AND (acted_at IS NULL OR acted_at > NEW.at);
END;
-- +goose StatementEnd

-- The rows at zero, found by this index alone (there are none but for the
-- moment between the trigger's two statements; SQLite has one writer).
CREATE INDEX stats_events_zero ON stats_events (kind) WHERE n = 0;
DROP TRIGGER events_stats;
-- +goose StatementBegin
CREATE TRIGGER events_stats AFTER INSERT ON events
WHEN NEW.action = 'reopen' OR (NEW.action = 'forward' AND NEW.from_stage <> 'received' AND NEW.from_unit <> 'hq' AND NEW.from_unit <> NEW.to_unit)
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
	ORDER BY kind, day, from_unit, pd, pa
	ON CONFLICT (kind, day, from_unit, prev_district_day, prev_day) DO UPDATE SET n = stats_events.n + excluded.n;
	DELETE FROM stats_events WHERE n = 0;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER events_stats;
DROP INDEX stats_events_zero;
-- +goose StatementBegin
CREATE TRIGGER events_stats AFTER INSERT ON events
WHEN NEW.action = 'reopen' OR (NEW.action = 'forward' AND NEW.from_stage <> 'received' AND NEW.from_unit <> 'hq' AND NEW.from_unit <> NEW.to_unit)
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
END;
-- +goose StatementEnd
DROP TRIGGER events_acted;
-- +goose StatementBegin
CREATE TRIGGER events_acted AFTER INSERT ON events
WHEN NEW.user_id IS NOT NULL AND ((NEW.action = 'note' AND NEW.to_stage = 'in_progress')
	OR (NEW.action = 'reply' AND NEW.from_unit IN (SELECT id FROM units WHERE kind = 'station')))
BEGIN
	UPDATE complaints SET acted_at = NEW.at WHERE id = NEW.complaint_id AND (acted_at IS NULL OR acted_at > NEW.at);
END;
-- +goose StatementEnd
DROP TRIGGER events_no_update;
-- +goose StatementBegin
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (new.id = old.id AND new.complaint_id = old.complaint_id AND new.at = old.at
    AND new.user_id IS old.user_id AND new.action = old.action
    AND new.from_stage = old.from_stage AND new.to_stage = old.to_stage
    AND new.from_unit = old.from_unit AND new.to_unit = old.to_unit
    AND new.public = old.public AND new.detail = old.detail
    AND ((old.hash = '' AND new.hash <> '' AND new.actor = old.actor AND new.note = old.note)
      OR (old.hash <> '' AND new.hash = old.hash
        AND new.actor_digest = old.actor_digest AND new.note_digest = old.note_digest
        AND (old.actor LIKE '@%' OR old.actor LIKE 'x:%') AND old.user_id IS NULL
        AND old.detail LIKE '%"post_id":%'
        AND (new.actor = old.actor OR new.actor = '') AND (new.note = old.note OR new.note = '')
        AND new.salt = '')
      OR (old.hash <> '' AND new.hash = old.hash AND old.action = 'replied' AND old.user_id IS NULL
        AND new.actor_digest = old.actor_digest AND new.note_digest = old.note_digest
        AND new.actor = old.actor AND old.salt <> '' AND new.salt = ''
        AND new.note = '[redacted]')))
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd
ALTER TABLE events DROP COLUMN by_unit;
