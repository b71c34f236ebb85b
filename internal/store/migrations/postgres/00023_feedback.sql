-- +goose Up
-- Feedback from the complaint's author on X. rating is the author's last
-- rating, 1–5 (0: none; every rating is also an event 'rating' on the
-- trail); appeals counts the times the author's rating of 1–2 or "not
-- resolved" reopened the complaint (also a 'reopen' event whose detail
-- names the appeal), so the stats count appeals per district with
-- SUM(appeals). last_closed_at is when the complaint was last closed: it
-- stays when the complaint is reopened, and the feedback window runs from
-- it.
ALTER TABLE complaints ADD COLUMN rating INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN appeals INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN last_closed_at BIGINT;
UPDATE complaints SET last_closed_at = closed_at WHERE closed_at IS NOT NULL;

-- +goose Down
ALTER TABLE complaints DROP COLUMN last_closed_at;
ALTER TABLE complaints DROP COLUMN appeals;
ALTER TABLE complaints DROP COLUMN rating;
