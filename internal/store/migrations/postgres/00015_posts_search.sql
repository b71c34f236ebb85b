-- +goose Up
-- HQ finds any recorded post by its text, Devanagari or Latin: a pg_trgm
-- index over the posts' folded text.
CREATE INDEX posts_search ON posts USING gin (lower(text) gin_trgm_ops);

-- +goose Down
DROP INDEX posts_search;
