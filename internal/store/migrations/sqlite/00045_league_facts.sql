-- +goose Up
-- Migration 00045: what the league and the dashboard's year view read
-- instead of walking the complaints' events.
--
-- The league's per-complaint facts without a walk of each complaint's
-- events. complaints.acted_at is when the complaint was first acted on as the
-- league counts an action: a person's note that moved it to in_progress (the
-- station recorded an action), or a reply by an officer of a station. It is
-- the earliest such event's time, so "an action before the closure" is
-- acted_at <= closed_at. A trigger on events (append-only) keeps it in the
-- transaction of the event; the store recounts it with the roll-ups
-- (RebuildStatsRollups); it is filled here from the events. Whether a reply's
-- officer is a station's is read when the reply is written.
ALTER TABLE complaints ADD COLUMN acted_at INTEGER;
UPDATE complaints SET acted_at = (SELECT min(a.at) FROM events a WHERE a.complaint_id = complaints.id AND a.user_id IS NOT NULL
		AND ((a.action = 'note' AND a.to_stage = 'in_progress')
			OR (a.action = 'reply' AND a.user_id IN (SELECT us.id FROM users us JOIN units uu ON uu.id = us.unit_id WHERE uu.kind = 'station'))))
	WHERE id IN (SELECT complaint_id FROM events WHERE action IN ('note', 'reply') AND user_id IS NOT NULL);

-- +goose StatementBegin
CREATE TRIGGER events_acted AFTER INSERT ON events
WHEN NEW.user_id IS NOT NULL AND ((NEW.action = 'note' AND NEW.to_stage = 'in_progress')
	OR (NEW.action = 'reply' AND NEW.user_id IN (SELECT us.id FROM users us JOIN units uu ON uu.id = us.unit_id WHERE uu.kind = 'station')))
BEGIN
	UPDATE complaints SET acted_at = NEW.at WHERE id = NEW.complaint_id AND (acted_at IS NULL OR acted_at > NEW.at);
END;
-- +goose StatementEnd

-- The league reads each complaint of its window from this index alone, and
-- a complaint's reopenings from the second.
CREATE INDEX complaints_league ON complaints (received_at, district, unit_id, closed_at, acted_at, first_action_at, class, suggested_class, merged_into);
CREATE INDEX events_reopen ON events (complaint_id, at, from_unit) WHERE action = 'reopen';

-- stats_events counts the bounces (a forward away from a unit that owned the
-- complaint past its receipt, shikayat.Apply's rule) and reopenings per IST
-- day and unit sent away from (or that held the complaint when reopened),
-- so that the dashboard and the league read a year of them without walking
-- the events. Each event also carries the IST day of the previous event of
-- its kind on the same complaint (by event id) from a unit of the same
-- district (prev_district_day) and from any unit (prev_day), -1 when there
-- is none: the complaints with such events in a period [F, T) are the
-- events of the period whose previous day is before F, each complaint
-- counted once, exactly, as count(DISTINCT complaint_id) over the events
-- counts them (the first event of the period is the one whose previous is
-- not in it). The district is the unit's lgd when the event is written (a
-- rebuild takes today's). A trigger on events (append-only) keeps it in the
-- transaction of the event; RebuildStatsRollups recounts it; it is filled
-- here from the events. The trigger finds the previous event by walking the
-- complaint's own events backwards (ORDER BY complaint_id, id names index
-- events_complaint, so no planner walks the whole table by id instead).
CREATE TABLE stats_events (
    kind              TEXT NOT NULL,
    day               INTEGER NOT NULL,
    from_unit         TEXT NOT NULL,
    prev_district_day INTEGER NOT NULL,
    prev_day          INTEGER NOT NULL,
    n                 INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, day, from_unit, prev_district_day, prev_day)
);
INSERT INTO stats_events (kind, day, from_unit, prev_district_day, prev_day, n)
SELECT kind, day, from_unit, pd, pa, count(*) FROM (
	SELECT kind, (at + 19800000) / 86400000 AS day, from_unit,
		coalesce((lag(at) OVER (PARTITION BY kind, complaint_id, lgd ORDER BY id) + 19800000) / 86400000, -1) AS pd,
		coalesce((lag(at) OVER (PARTITION BY kind, complaint_id ORDER BY id) + 19800000) / 86400000, -1) AS pa
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

-- +goose Down
DROP TRIGGER events_stats;
DROP TABLE stats_events;
DROP INDEX events_reopen;
DROP INDEX complaints_league;
DROP TRIGGER events_acted;
ALTER TABLE complaints DROP COLUMN acted_at;
