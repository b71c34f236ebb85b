-- +goose Up
-- The dashboard's and the league's counts of bounces and reopenings read
-- the forward and reopen events of a period from this index alone: the
-- unit sent away from (its district, the scope), the complaint (each
-- counted once) and what tells a bounce from another forward.
CREATE INDEX events_stats ON events (action, at, from_unit, complaint_id, from_stage, to_unit);

-- +goose Down
DROP INDEX events_stats;
