-- +goose Up
-- Migration 00051: the league table HQ publishes once per IST day.
--
-- league_published says that the table ending at end_ms (the start of the
-- IST day after the last day counted, in ms) was published, complete, at
-- published_ms, for the settings named by rules_key: a digest of the
-- league's window and the closing periods the counts were made with (kept
-- beside it, readable). league_tables holds that table's counts per
-- district, for the whole state. Both are written in one transaction and
-- never changed afterwards: a later reopening or change of class moves a
-- later table, not this one.
CREATE TABLE league_published (
    end_ms       INTEGER NOT NULL,
    rules_key    TEXT NOT NULL,
    window_ms    INTEGER NOT NULL,
    long_ms      INTEGER NOT NULL,
    mid_ms       INTEGER NOT NULL,
    first_ms     INTEGER NOT NULL,
    published_ms INTEGER NOT NULL,
    PRIMARY KEY (end_ms, rules_key)
);

CREATE TABLE league_tables (
    end_ms    INTEGER NOT NULL,
    rules_key TEXT NOT NULL,
    district  INTEGER NOT NULL,
    decided   INTEGER NOT NULL,
    good      INTEGER NOT NULL,
    no_action INTEGER NOT NULL,
    reopened  INTEGER NOT NULL,
    bounces   INTEGER NOT NULL,
    PRIMARY KEY (end_ms, rules_key, district)
);

-- +goose Down
DROP TABLE league_tables;
DROP TABLE league_published;
