-- +goose Up
-- Migration 00048: stats_events (00045) takes the previous bounce or
-- reopening of a complaint by time (at, then id), not by id alone. Event
-- ids are in commit order, and two nodes whose clocks differ commit events
-- whose ids and times disagree; a later event by id but earlier in time
-- then hid the first bounce of a day. An event written earlier in time than
-- some already there also changes the previous day of the one after it, so
-- the trigger recounts the complaint's few bounces and reopenings with and
-- without the new event and adds the difference. The rows are recounted
-- here by the new order.
DROP TRIGGER events_stats;
DELETE FROM stats_events;
INSERT INTO stats_events (kind, day, from_unit, prev_district_day, prev_day, n)
SELECT kind, day, from_unit, pd, pa, count(*) FROM (
	SELECT kind, (at + 19800000) / 86400000 AS day, from_unit,
		coalesce((lag(at) OVER (PARTITION BY kind, complaint_id, lgd ORDER BY at, id) + 19800000) / 86400000, -1) AS pd,
		coalesce((lag(at) OVER (PARTITION BY kind, complaint_id ORDER BY at, id) + 19800000) / 86400000, -1) AS pa
	FROM (SELECT CASE WHEN e.action = 'reopen' THEN 'reopen' ELSE 'bounce' END AS kind, e.id, e.complaint_id, e.at, e.from_unit, u.lgd
		FROM events e JOIN units u ON u.id = e.from_unit
		WHERE e.action = 'reopen' OR (e.action = 'forward' AND e.from_stage <> 'received' AND e.from_unit <> 'hq' AND e.from_unit <> e.to_unit)) k
) x
GROUP BY kind, day, from_unit, pd, pa;

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

-- complaints.acted_at (00045) counts a person's reply as the league's action
-- when a station held the complaint as the reply was written (the event's
-- from_unit), not when the replying officer's unit is a station now: a
-- rebuild read users.unit_id as it is today and an officer's move changed
-- the league after the fact. The trigger and the rebuild (actedEvent) read
-- the event alone; acted_at is recounted here by that rule.
UPDATE complaints SET acted_at = NULL WHERE acted_at IS NOT NULL
	AND id NOT IN (SELECT a.complaint_id FROM events a WHERE a.user_id IS NOT NULL AND ((a.action = 'note' AND a.to_stage = 'in_progress')
		OR (a.action = 'reply' AND a.from_unit IN (SELECT id FROM units WHERE kind = 'station'))));
UPDATE complaints SET acted_at = a.at
	FROM (SELECT a.complaint_id, min(a.at) AS at FROM events a WHERE a.user_id IS NOT NULL AND ((a.action = 'note' AND a.to_stage = 'in_progress')
		OR (a.action = 'reply' AND a.from_unit IN (SELECT id FROM units WHERE kind = 'station'))) GROUP BY a.complaint_id) a
	WHERE complaints.id = a.complaint_id AND complaints.acted_at IS DISTINCT FROM a.at;

DROP TRIGGER events_acted;
-- +goose StatementBegin
CREATE TRIGGER events_acted AFTER INSERT ON events
WHEN NEW.user_id IS NOT NULL AND ((NEW.action = 'note' AND NEW.to_stage = 'in_progress')
	OR (NEW.action = 'reply' AND NEW.from_unit IN (SELECT id FROM units WHERE kind = 'station')))
BEGIN
	UPDATE complaints SET acted_at = NEW.at WHERE id = NEW.complaint_id AND (acted_at IS NULL OR acted_at > NEW.at);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER events_stats;
-- +goose StatementBegin
CREATE TRIGGER events_stats AFTER INSERT ON events
WHEN NEW.action = 'reopen' OR (NEW.action = 'forward' AND NEW.from_stage <> 'received' AND NEW.from_unit <> 'hq' AND NEW.from_unit <> NEW.to_unit)
BEGIN
	INSERT INTO stats_events (kind, day, from_unit, prev_district_day, prev_day, n)
	SELECT k.kind, (NEW.at + 19800000) / 86400000, NEW.from_unit,
		coalesce((SELECT (p.at + 19800000) / 86400000 FROM events p JOIN units pu ON pu.id = p.from_unit
			WHERE p.complaint_id = NEW.complaint_id AND p.id < NEW.id AND pu.lgd = nu.lgd
				AND (CASE WHEN k.kind = 'reopen' THEN p.action = 'reopen'
					ELSE p.action = 'forward' AND p.from_stage <> 'received' AND p.from_unit <> 'hq' AND p.from_unit <> p.to_unit END)
			ORDER BY p.complaint_id DESC, p.id DESC LIMIT 1), -1),
		coalesce((SELECT (p.at + 19800000) / 86400000 FROM events p JOIN units pu ON pu.id = p.from_unit
			WHERE p.complaint_id = NEW.complaint_id AND p.id < NEW.id
				AND (CASE WHEN k.kind = 'reopen' THEN p.action = 'reopen'
					ELSE p.action = 'forward' AND p.from_stage <> 'received' AND p.from_unit <> 'hq' AND p.from_unit <> p.to_unit END)
			ORDER BY p.complaint_id DESC, p.id DESC LIMIT 1), -1), 1
	FROM units nu CROSS JOIN (SELECT CASE WHEN NEW.action = 'reopen' THEN 'reopen' ELSE 'bounce' END AS kind) k
	WHERE nu.id = NEW.from_unit
	ON CONFLICT (kind, day, from_unit, prev_district_day, prev_day) DO UPDATE SET n = stats_events.n + excluded.n;
END;
-- +goose StatementEnd
DROP TRIGGER events_acted;
-- +goose StatementBegin
CREATE TRIGGER events_acted AFTER INSERT ON events
WHEN NEW.user_id IS NOT NULL AND ((NEW.action = 'note' AND NEW.to_stage = 'in_progress')
	OR (NEW.action = 'reply' AND NEW.user_id IN (SELECT us.id FROM users us JOIN units uu ON uu.id = us.unit_id WHERE uu.kind = 'station')))
BEGIN
	UPDATE complaints SET acted_at = NEW.at WHERE id = NEW.complaint_id AND (acted_at IS NULL OR acted_at > NEW.at);
END;
-- +goose StatementEnd

