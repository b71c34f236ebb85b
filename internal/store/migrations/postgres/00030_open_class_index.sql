-- +goose Up
-- The dashboard's count of open complaints (pending and overdue) with a
-- class or type filter reads this index alone, as it does without one: the
-- effective class and type need the columns a person sets and the model's
-- suggestions.
CREATE INDEX complaints_open_district_class ON complaints (district, received_at, due_at, unit_id, class, suggested_class, type, suggested_type) WHERE stage <> 'closed';
DROP INDEX complaints_open_district;

-- +goose Down
CREATE INDEX complaints_open_district ON complaints (district, received_at, due_at, unit_id) WHERE stage <> 'closed';
DROP INDEX complaints_open_district_class;
