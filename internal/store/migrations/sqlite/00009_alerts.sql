-- +goose Up
-- Live alerts to a unit's signed-in staff (an immediate complaint landed).
-- Written in the transaction of the change that causes them; every node
-- reads them back to push them to the browsers it serves.
CREATE TABLE alerts (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    code      TEXT NOT NULL DEFAULT '',
    post_id   TEXT NOT NULL DEFAULT '',
    unit_id   TEXT NOT NULL,
    unit_path TEXT NOT NULL,
    district  INTEGER NOT NULL DEFAULT 0,
    type      TEXT NOT NULL DEFAULT '',
    at        BIGINT NOT NULL
);
CREATE INDEX alerts_at ON alerts (at);

-- +goose Down
DROP TABLE alerts;
