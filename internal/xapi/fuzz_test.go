package xapi

import (
	"path/filepath"
	"testing"

	"github.com/shikayat/shikayat"
)

func FuzzDecodePost(f *testing.F) {
	for _, s := range []string{
		`{"data":{"id":"1","text":"@Uppolice help"}}`,
		`{"data":{"id":"2","text":"RT x","author_id":"5","referenced_tweets":[{"type":"retweeted","id":"1"}]},"includes":{"tweets":[{"id":"1","text":"orig"}],"users":[{"id":"5","username":"a","name":"A"}]}}`,
		`{"data":{"id":"3","text":"t","geo":{"place_id":"p","coordinates":{"type":"Point","coordinates":[80,26]}},"attachments":{"media_keys":["k"]}},"includes":{"places":[{"id":"p","full_name":"Agra","geo":{"type":"Feature","bbox":[1,2,3,4],"properties":{}}}],"media":[{"media_key":"k","type":"photo"}]}}`,
		`{"errors":[{"title":"Not Found Error","type":"about:blank"}]}`,
		`{"data":{"id":"4","text":"x","created_at":"2026-01-01T00:00:00.000Z","entities":{"mentions":[{"start":0,"end":3,"username":"ab"}],"urls":[{"start":0,"end":1,"url":"u"}]}}}`,
	} {
		f.Add([]byte(s))
	}
	if lines := devLines(f); len(lines) > 0 {
		for _, l := range lines[:10] {
			f.Add(l)
		}
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		p, err := DecodePost(line)
		if err != nil {
			if code := shikayat.ErrorCode(err); code != shikayat.EINVALID {
				t.Fatalf("error code %q, want invalid: %v", code, err)
			}
			return
		}
		if !isID(p.ID) {
			t.Fatalf("decoded post has id %q", p.ID)
		}
		if c := p.Coordinates; c != nil && (c.Lat < -90 || c.Lat > 90 || c.Lon < -180 || c.Lon > 180) {
			t.Fatalf("coordinates out of range: %+v", c)
		}
	})
}

// devLines returns the dev set's lines, or none when the shared folder is absent.
func devLines(f *testing.F) [][]byte {
	dir, err := findShared()
	if err != nil {
		return nil
	}
	return readLines(f, filepath.Join(dir, "triage", "dev.jsonl"))
}
