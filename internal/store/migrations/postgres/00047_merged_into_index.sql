-- +goose Up
-- Migration 00047: a merge refuses a complaint that has duplicates of its
-- own (no chains); finding them reads this index, which holds merged
-- complaints only.
CREATE INDEX complaints_merged_into ON complaints (merged_into) WHERE merged_into <> '';

-- +goose Down
DROP INDEX complaints_merged_into;
