-- +goose Up
-- HQ finds any recorded post by its text, Devanagari or Latin: a trigram
-- index over the posts' text (case folded by the tokenizer).
CREATE VIRTUAL TABLE posts_fts USING fts5 (
    text, content = 'posts', content_rowid = 'rowid', tokenize = 'trigram'
);
INSERT INTO posts_fts (posts_fts) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts (rowid, text) VALUES (new.rowid, new.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER posts_fts_update AFTER UPDATE OF text ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO posts_fts (rowid, text) VALUES (new.rowid, new.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER posts_fts_delete;
DROP TRIGGER posts_fts_update;
DROP TRIGGER posts_fts_insert;
DROP TABLE posts_fts;
