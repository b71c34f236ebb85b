-- +goose Up
-- No digest of a reply's text is kept any more: a reply of a redacted post
-- or complaint is never sent again, and its sender counts any post of the
-- account's answering the same post after its try as it. A digest of a
-- template with a few unknowns gives them back to whoever guesses, so the
-- ones kept by earlier redactions go.
UPDATE replies SET text_digest = '';

-- +goose Down
SELECT 1;
