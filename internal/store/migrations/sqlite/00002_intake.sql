-- +goose Up
-- Every post intake reads ends in exactly one record here.
CREATE TABLE posts (
    id              TEXT PRIMARY KEY,            -- the post id on X
    seq             INTEGER NOT NULL,               -- the id as a number, for ordering
    author_id       TEXT NOT NULL DEFAULT '',
    author_username TEXT NOT NULL DEFAULT '',
    conversation_id TEXT NOT NULL DEFAULT '',
    text            TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL,               -- complaint, attachment, non_actionable, staff
    reason          TEXT NOT NULL DEFAULT '',    -- why it got that record
    complaint_id    INTEGER REFERENCES complaints (id),
    intent          TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL DEFAULT '',    -- the post as the desk read it, JSON
    created_at      INTEGER NOT NULL,               -- when it was posted
    recorded_at     INTEGER NOT NULL
);
CREATE INDEX posts_seq ON posts (seq);
CREATE INDEX posts_complaint ON posts (complaint_id);

-- Where each intake source stands.
CREATE TABLE checkpoints (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Leases: exactly one node holds each at a time (X intake).
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Replies to citizens, recorded before and after they are sent, so that none
-- is ever sent twice.
CREATE TABLE replies (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,           -- ack:COMPLAINT, reply:EVENT, status:POST
    complaint_id INTEGER REFERENCES complaints (id),
    in_reply_to  TEXT NOT NULL,                  -- the post answered
    text         TEXT NOT NULL,
    lang         TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL,                  -- pending, sending, sent, failed, skipped
    posted_id    TEXT NOT NULL DEFAULT '',
    attempts     INTEGER NOT NULL DEFAULT 0,
    error        TEXT NOT NULL DEFAULT '',
    urgent       INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    attempted_at INTEGER,
    sent_at      INTEGER
);
CREATE INDEX replies_sent ON replies (sent_at) WHERE state = 'sent';
CREATE INDEX replies_complaint ON replies (complaint_id);

-- +goose Down
DROP TABLE replies;
DROP TABLE leases;
DROP TABLE checkpoints;
DROP TABLE posts;
