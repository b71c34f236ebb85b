-- +goose Up
-- Posts triage was unsure of are held for review (kind 'held'): triage's
-- judgement is kept with every triaged post, and what intake knew that a
-- complaint made from it later needs.
ALTER TABLE posts ADD COLUMN triage TEXT NOT NULL DEFAULT '';      -- JSON: intent, confidence, reasons, suggestions
ALTER TABLE posts ADD COLUMN handling TEXT NOT NULL DEFAULT '';    -- acknowledge, review or record
ALTER TABLE posts ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;  -- the post @mentions the account
ALTER TABLE posts ADD COLUMN forward INTEGER NOT NULL DEFAULT 0;   -- triage was sure of the district
ALTER TABLE posts ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;    -- held, and triage called it immediate
ALTER TABLE posts ADD COLUMN due_at BIGINT;                        -- a held immediate post's review deadline
ALTER TABLE posts ADD COLUMN held_post_id TEXT NOT NULL DEFAULT ''; -- a follow-up's held post
-- The review queue: immediate first, then oldest.
CREATE INDEX posts_held ON posts (urgent DESC, created_at) WHERE kind = 'held';
CREATE INDEX posts_held_followups ON posts (held_post_id) WHERE held_post_id <> '';
-- The review queue's open complaints triage was unsure of.
CREATE INDEX complaints_unsure ON complaints (confidence) WHERE stage <> 'closed';

-- +goose Down
DROP INDEX complaints_unsure;
DROP INDEX posts_held_followups;
DROP INDEX posts_held;
ALTER TABLE posts DROP COLUMN held_post_id;
ALTER TABLE posts DROP COLUMN due_at;
ALTER TABLE posts DROP COLUMN urgent;
ALTER TABLE posts DROP COLUMN forward;
ALTER TABLE posts DROP COLUMN mentions;
ALTER TABLE posts DROP COLUMN handling;
ALTER TABLE posts DROP COLUMN triage;
