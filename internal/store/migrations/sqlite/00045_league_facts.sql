-- +goose Up
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

-- +goose Down
DROP INDEX events_reopen;
DROP INDEX complaints_league;
DROP TRIGGER events_acted;
ALTER TABLE complaints DROP COLUMN acted_at;
