-- +goose Up
-- HQ's dashboard, league table and exports. Each count of the district
-- table reads one of these indexes alone where no class or type filter
-- asks for more: complaints received in a period, those disposed in it
-- (with what the median and the citizen's deadline need), those open now,
-- and the forward and reopen events of a period.
CREATE INDEX complaints_received_district ON complaints (received_at, district, unit_id);
CREATE INDEX complaints_closed_district ON complaints (closed_at, district, received_at, first_action_at, class, suggested_class, unit_id) WHERE closed_at IS NOT NULL;
CREATE INDEX complaints_open_district ON complaints (district, received_at, due_at, unit_id) WHERE stage <> 'closed';
CREATE INDEX events_action_at ON events (action, at);

-- +goose Down
DROP INDEX events_action_at;
DROP INDEX complaints_open_district;
DROP INDEX complaints_closed_district;
DROP INDEX complaints_received_district;
