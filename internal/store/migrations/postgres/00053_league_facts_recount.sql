-- +goose Up
-- Migration 00053: complaints.acted_at and stats_events recounted from the
-- events by the rules of 00052 (a reply counts for the station only when
-- its writer's unit, where recorded, is the station or under it; no row
-- counts zero).
--
-- Other nodes (old binaries, in a rolling upgrade) may be writing events
-- meanwhile, through 00052's functions, committed before this. The recount
-- first waits for them and holds them off until it commits, so that no
-- event is left out of the recount or counted in it and by its trigger
-- both: every writer of an event updates its complaint's row first (the
-- complaint's version, see insertEvent), so SHARE ROW EXCLUSIVE on
-- complaints (as a rebuild takes it) waits for every writer under way and
-- keeps out new ones, readers still reading. The events table itself is
-- not locked: a redaction updates events before its complaint, and a lock
-- on both would deadlock with it; the columns a redaction may change are
-- none the recount reads.
LOCK TABLE complaints IN SHARE ROW EXCLUSIVE MODE;

UPDATE complaints SET acted_at = NULL WHERE acted_at IS NOT NULL
	AND id NOT IN (SELECT a.complaint_id FROM events a WHERE a.user_id IS NOT NULL AND ((a.action = 'note' AND a.to_stage = 'in_progress')
		OR (a.action = 'reply' AND a.from_unit IN (SELECT id FROM units WHERE kind = 'station')
			AND (a.by_unit = '' OR EXISTS (SELECT 1 FROM units fu JOIN units bu ON substr(bu.path, 1, length(fu.path)) = fu.path
				WHERE fu.id = a.from_unit AND bu.id = a.by_unit)))));
UPDATE complaints SET acted_at = a.at
	FROM (SELECT a.complaint_id, min(a.at) AS at FROM events a WHERE a.user_id IS NOT NULL AND ((a.action = 'note' AND a.to_stage = 'in_progress')
		OR (a.action = 'reply' AND a.from_unit IN (SELECT id FROM units WHERE kind = 'station')
			AND (a.by_unit = '' OR EXISTS (SELECT 1 FROM units fu JOIN units bu ON substr(bu.path, 1, length(fu.path)) = fu.path
				WHERE fu.id = a.from_unit AND bu.id = a.by_unit)))) GROUP BY a.complaint_id) a
	WHERE complaints.id = a.complaint_id AND complaints.acted_at IS DISTINCT FROM a.at;

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

-- +goose Down
-- The counts stay; 00052's down restores the older triggers.
SELECT 1;
