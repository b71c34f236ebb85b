-- +goose Up
-- The dashboard's bounces and reopenings under a class or type filter join
-- each event of the period to its complaint for the class and type it has
-- now: this index answers that lookup without reading the complaint's row.
CREATE INDEX complaints_class_of ON complaints (id, class, suggested_class, type, suggested_type);

-- +goose Down
DROP INDEX complaints_class_of;
