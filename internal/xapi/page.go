package xapi

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"github.com/shikayat/shikayat"
)

// UnmarshalJSON decodes a page one post at a time, so that a post X sent in
// a shape the desk cannot take (a field of the wrong type) spoils only
// itself: it goes to Undecoded, the others to Data, each with its raw JSON.
func (p *Page) UnmarshalJSON(b []byte) error {
	var w struct {
		Data     []json.RawMessage `json:"data"`
		Includes *Includes         `json:"includes"`
		Meta     Meta              `json:"meta"`
		Errors   []Problem         `json:"errors"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*p = Page{Includes: w.Includes, Meta: w.Meta, Errors: w.Errors}
	for _, raw := range w.Data {
		var t Tweet
		if err := json.Unmarshal(raw, &t); err != nil {
			p.Undecoded = append(p.Undecoded, raw)
			continue
		}
		p.Data = append(p.Data, t)
		p.Raw = append(p.Raw, raw)
	}
	return nil
}

// ReadPage turns a page into Posts, as PostsFromPage does, and returns each
// post that could not be read as an UnreadablePost with its raw JSON and
// the reason, so that it can be recorded rather than skipped. Every item of
// the page's data ends in exactly one of the two lists.
func ReadPage(page *Page) ([]shikayat.Post, []shikayat.UnreadablePost) {
	if page == nil {
		return nil, nil
	}
	idx := newIndex(page.Includes)
	posts := make([]shikayat.Post, 0, len(page.Data))
	var bad []shikayat.UnreadablePost
	for i := range page.Data {
		t := &page.Data[i]
		p, err := PostFrom(t, idx)
		if err == nil {
			posts = append(posts, p)
			continue
		}
		var raw []byte
		if i < len(page.Raw) {
			raw = page.Raw[i]
		} else {
			raw, _ = json.Marshal(t)
		}
		bad = append(bad, unreadable(t.ID, raw, shikayat.ErrorMessage(err)))
	}
	for _, raw := range page.Undecoded {
		var loose struct {
			ID any `json:"id"`
		}
		_ = json.Unmarshal(raw, &loose)
		id, _ := loose.ID.(string)
		bad = append(bad, unreadable(id, raw, "post: "+undecodable(raw)))
	}
	return posts, bad
}

func unreadable(id string, raw []byte, reason string) shikayat.UnreadablePost {
	if !isID(id) {
		sum := sha256.Sum256(raw)
		id = "unreadable:" + hex.EncodeToString(sum[:8])
	}
	// Kept as text: the database takes only valid UTF-8.
	return shikayat.UnreadablePost{ID: id, Raw: strings.ToValidUTF8(string(raw), "\uFFFD"), Error: strings.ToValidUTF8(reason, "\uFFFD")}
}

// undecodable says why raw is not a post object.
func undecodable(raw []byte) string {
	var t Tweet
	if err := json.Unmarshal(raw, &t); err != nil {
		return jsonErrorText(err)
	}
	return "not a post object"
}
