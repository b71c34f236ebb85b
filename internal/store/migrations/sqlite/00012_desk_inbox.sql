-- +goose Up
-- The desk's inbox filters by the station a complaint is assigned to.
CREATE INDEX complaints_station ON complaints (station_id, stage);

-- +goose Down
DROP INDEX complaints_station;
