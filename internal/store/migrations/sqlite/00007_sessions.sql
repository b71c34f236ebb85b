-- +goose Up
-- Staff sign-in. A session's id lives only in the browser's cookie: the
-- table keeps its SHA-256, so a copy of the database opens no session.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,              -- SHA-256 of the session id, hex
    user_id      INTEGER NOT NULL REFERENCES users (id),
    address      TEXT NOT NULL DEFAULT '',      -- where it signed in from
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,                 -- idle expiry counts from here
    expires_at   INTEGER NOT NULL                  -- absolute expiry
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Failed sign-ins, counted per account and per address over a window, so
-- that every node sharing the database throttles alike.
CREATE TABLE login_failures (
    id       INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    address  TEXT NOT NULL,
    at       INTEGER NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

-- +goose Down
DROP TABLE login_failures;
DROP TABLE sessions;
