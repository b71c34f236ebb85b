-- +goose Up
-- When X answered a retry with "duplicate content" after a try whose
-- outcome was unknown, while the account's posts did not show the reply
-- yet (X's read side lags): the reply was most likely posted, and is looked
-- for again for a bounded time without being sent again. 0: never.
ALTER TABLE replies ADD COLUMN duplicate_at INTEGER NOT NULL DEFAULT 0;
-- Why a complaint is in HQ's review queue besides its district and
-- triage's confidence: X's own read of its post was triaged differently
-- after a person had acted on it. '' when it is not.
ALTER TABLE complaints ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX replies_unverified ON replies (created_at) WHERE state = 'given_up_unverified';

-- +goose Down
DROP INDEX replies_unverified;
ALTER TABLE complaints DROP COLUMN review_reason;
ALTER TABLE replies DROP COLUMN duplicate_at;
