-- +goose Up
-- Times are Unix milliseconds (UTC) so that both engines compare and
-- compute with them the same way.

CREATE TABLE units (
    id        TEXT PRIMARY KEY,          -- hq, zone:NAME, range:NAME, district:LGD, unit:NAME, station:ID
    kind      TEXT NOT NULL,
    name      TEXT NOT NULL,
    name_hi   TEXT NOT NULL DEFAULT '',
    parent_id TEXT REFERENCES units (id),
    path      TEXT NOT NULL,             -- ids from the root, each followed by '/'
    lgd       INTEGER NOT NULL DEFAULT 0,
    aliases   TEXT NOT NULL DEFAULT '',  -- separated by '|'
    lat       REAL,
    lon       REAL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX units_path ON units (path);
CREATE INDEX units_lgd ON units (lgd, kind);

CREATE TABLE complaints (
    id                 INTEGER PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE,
    source             TEXT NOT NULL,
    source_post_id     TEXT NOT NULL UNIQUE,
    author_id          TEXT NOT NULL DEFAULT '',
    author_username    TEXT NOT NULL DEFAULT '',
    conversation_id    TEXT NOT NULL DEFAULT '',
    text               TEXT NOT NULL,
    lang               TEXT NOT NULL DEFAULT '',
    stage              TEXT NOT NULL,
    district           INTEGER NOT NULL DEFAULT 0,
    unit_id            TEXT NOT NULL REFERENCES units (id),
    station_id         TEXT NOT NULL DEFAULT '',
    class              TEXT NOT NULL DEFAULT '',
    type               TEXT NOT NULL DEFAULT '',
    resolution         TEXT NOT NULL DEFAULT '',
    merged_into        TEXT NOT NULL DEFAULT '',
    suggested_district INTEGER NOT NULL DEFAULT 0,
    suggested_class    TEXT NOT NULL DEFAULT '',
    suggested_type     TEXT NOT NULL DEFAULT '',
    confidence         REAL NOT NULL DEFAULT 0,
    lat                REAL,
    lon                REAL,
    media              TEXT NOT NULL DEFAULT '',   -- JSON array
    bounces            INTEGER NOT NULL DEFAULT 0,
    version            INTEGER NOT NULL DEFAULT 1,
    search_text        TEXT NOT NULL DEFAULT '',   -- folded text, code and author for search
    received_at        INTEGER NOT NULL,
    unit_since         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    closed_at          INTEGER,
    first_action_at    INTEGER,
    due_at             INTEGER                     -- next SLA deadline; NULL when none applies
);
CREATE INDEX complaints_unit ON complaints (unit_id, stage);
CREATE INDEX complaints_district ON complaints (district, stage);
CREATE INDEX complaints_due ON complaints (due_at) WHERE stage <> 'closed';
CREATE INDEX complaints_conversation ON complaints (conversation_id, author_id);
CREATE INDEX complaints_received ON complaints (received_at);

CREATE VIRTUAL TABLE complaints_fts USING fts5 (
    search_text, content = 'complaints', content_rowid = 'id', tokenize = 'trigram'
);
-- +goose StatementBegin
CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN
    INSERT INTO complaints_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF search_text ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO complaints_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
-- +goose StatementEnd

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at           INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    user_id      INTEGER,
    action       TEXT NOT NULL,
    from_stage   TEXT NOT NULL DEFAULT '',
    to_stage     TEXT NOT NULL,
    from_unit    TEXT NOT NULL DEFAULT '',
    to_unit      TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    public       INTEGER NOT NULL DEFAULT 0,
    detail       TEXT NOT NULL DEFAULT ''   -- JSON object
);
CREATE INDEX events_complaint ON events (complaint_id, id);
-- The trail is append-only.
-- +goose StatementBegin
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
-- +goose StatementEnd

CREATE TABLE idempotency_keys (
    user_id      INTEGER NOT NULL,
    key          TEXT NOT NULL,
    complaint_id INTEGER NOT NULL,
    event_id     INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL,
    unit_id       TEXT NOT NULL REFERENCES units (id),
    password_hash TEXT NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    hash       TEXT NOT NULL UNIQUE,         -- SHA-256 of the token, hex
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

-- +goose Down
DROP TABLE tokens;
DROP TABLE users;
DROP TABLE idempotency_keys;
DROP TRIGGER events_no_delete;
DROP TRIGGER events_no_update;
DROP TABLE events;
DROP TABLE complaints_fts;
DROP TABLE complaints;
DROP TABLE units;
