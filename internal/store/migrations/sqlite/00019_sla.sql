-- +goose Up
-- SLA clocks. sla_gen counts the complaint's deadlines: it moves on whenever
-- due_at does, and an SLA job made for an older generation does nothing.
-- sla_step is how far the current deadline has gone: 0 none, 1 warned,
-- 2 overdue (breached), 3 and on escalated one level more each.
-- escalated_to/escalated_path name the unit whose escalation queue holds
-- the complaint ('' when none); ownership stays with unit_id.
-- ack_checked is set once the acknowledgement deadline has been checked.
-- sla_queued is 1 when the job for the deadline's next moment is queued;
-- complaints stored without a queue (before this, or by a command) are
-- scheduled when the desk starts.
ALTER TABLE complaints ADD COLUMN sla_gen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN sla_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN escalated_to TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN escalated_path TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN ack_checked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN sla_queued INTEGER NOT NULL DEFAULT 0;
CREATE INDEX complaints_sla_unqueued ON complaints (id) WHERE sla_queued = 0 AND stage <> 'closed';
CREATE INDEX complaints_escalated ON complaints (escalated_path) WHERE escalated_path <> '';
CREATE INDEX events_action ON events (action, from_unit);

-- +goose Down
DROP INDEX events_action;
DROP INDEX complaints_escalated;
DROP INDEX complaints_sla_unqueued;
ALTER TABLE complaints DROP COLUMN sla_queued;
ALTER TABLE complaints DROP COLUMN ack_checked;
ALTER TABLE complaints DROP COLUMN escalated_path;
ALTER TABLE complaints DROP COLUMN escalated_to;
ALTER TABLE complaints DROP COLUMN sla_step;
ALTER TABLE complaints DROP COLUMN sla_gen;
