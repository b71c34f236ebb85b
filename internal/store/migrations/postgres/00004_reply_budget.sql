-- +goose Up
-- The daily post budget, reserved when a reply is handed to X: one row per
-- account and IST day, raised only while under the budget, in the same
-- transaction that moves the reply to 'sending'. Nodes sharing the database
-- share the count.
CREATE TABLE reply_budget (
    account TEXT NOT NULL,                       -- the posting account's username
    day     TEXT NOT NULL,                       -- IST day, YYYY-MM-DD
    used    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account, day)
);
-- Which account's budget a reply is charged to, and on which day: set while
-- a reservation is held ('' when none is), released when X certainly did
-- not post it.
ALTER TABLE replies ADD COLUMN account TEXT NOT NULL DEFAULT '';
ALTER TABLE replies ADD COLUMN budget_day TEXT NOT NULL DEFAULT '';
CREATE INDEX replies_waiting ON replies (created_at) WHERE state IN ('pending', 'sending');
CREATE INDEX replies_posted ON replies (posted_id) WHERE posted_id <> '';

-- +goose Down
DROP INDEX replies_posted;
DROP INDEX replies_waiting;
ALTER TABLE replies DROP COLUMN budget_day;
ALTER TABLE replies DROP COLUMN account;
DROP TABLE reply_budget;
