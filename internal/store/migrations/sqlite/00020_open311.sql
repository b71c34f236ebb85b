-- +goose Up
-- The deployment's secret for Open311: the public list of requests shows
-- ids derived from it, which do not reveal docket codes. One row.
CREATE TABLE open311_secret (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    secret TEXT NOT NULL
);

-- +goose Down
DROP TABLE open311_secret;
