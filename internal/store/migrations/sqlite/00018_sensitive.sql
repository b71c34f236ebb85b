-- +goose Up
-- Sensitive complaints (sexual offences, minors, the victim's identity):
-- triage's suggestion and what staff set. See shikayat.Complaint.Sensitive.
ALTER TABLE complaints ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN suggested_sensitive INTEGER NOT NULL DEFAULT 0;
-- An alert about a sensitive complaint goes to the units that may see it.
ALTER TABLE alerts ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE alerts DROP COLUMN sensitive;
ALTER TABLE complaints DROP COLUMN suggested_sensitive;
ALTER TABLE complaints DROP COLUMN sensitive;
