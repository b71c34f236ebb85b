-- +goose Up
-- The desk's counts per stage (with how many are overdue, and leaving out
-- the sensitive complaints a scope may not list) are answered from this
-- index alone, without reading the complaints.
CREATE INDEX complaints_stage_counts ON complaints (stage, sensitive, unit_id, due_at);

-- +goose Down
DROP INDEX complaints_stage_counts;
