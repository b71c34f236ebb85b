package xapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/shikayat/shikayat/internal/sharedtest"
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
	dir, err := sharedtest.Dir()
	if err != nil {
		return nil
	}
	return readLines(f, filepath.Join(dir, "triage", "dev.jsonl"))
}

func FuzzDecodeStreamLine(f *testing.F) {
	for _, s := range []string{
		"\r\n",
		`{"data":{"id":"9","text":"@Uppolice hi","author_id":"4"},"includes":{"users":[{"id":"4","username":"ram","name":"Ram"}]},"matching_rules":[{"id":"77","tag":"mentions"}]}` + "\r\n",
		`{"errors":[{"title":"operational-disconnect","type":"https://api.twitter.com/2/problems/operational-disconnect"}]}`,
		`{"data":{"id":"1","text":`,
		`{"data":{"id":"2","text":"x","referenced_tweets":[{"type":"retweeted","id":"1"}]},"includes":{"tweets":[{"id":"1","text":"orig"}]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		sp, err := DecodeStreamLine(line)
		var d *DisconnectError
		switch {
		case err == nil:
			if !isID(sp.Post.ID) {
				t.Fatalf("post with id %q", sp.Post.ID)
			}
		case errors.Is(err, ErrKeepAlive):
			if len(bytes.TrimSpace(line)) != 0 {
				t.Fatalf("keep-alive for %q", line)
			}
		case errors.As(err, &d):
			if len(d.Problems) == 0 {
				t.Fatal("disconnect without problems")
			}
		default:
			if code := shikayat.ErrorCode(err); code != shikayat.EINVALID {
				t.Fatalf("code %q: %v", code, err)
			}
		}
	})
}

func FuzzDecodeWebhook(f *testing.F) {
	f.Add([]byte(webhookBody))
	f.Add([]byte(`{"for_user_id":"1","tweet_create_events":[{"id_str":"5","text":"hi","user":{"id_str":"2","screen_name":"a"},"retweeted_status":{"id_str":"4","text":"orig"}}]}`))
	f.Add([]byte(`{"for_user_id":"1","favorite_events":[{}]}`))
	f.Add([]byte(`{"tweet_create_events":[{"id_str":"x"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := DecodeWebhook(body)
		if err != nil {
			if code := shikayat.ErrorCode(err); code != shikayat.EINVALID {
				t.Fatalf("code %q: %v", code, err)
			}
			return
		}
		for _, p := range ev.Posts {
			if !isID(p.ID) {
				t.Fatalf("post with id %q", p.ID)
			}
			if p.Place != nil && p.Place.BBox != [4]float64{} && (p.Place.BBox[0] > p.Place.BBox[2] || p.Place.BBox[1] > p.Place.BBox[3]) {
				t.Fatalf("bbox not west-south-east-north: %v", p.Place.BBox)
			}
		}
		// Only a delivery signed with the secret passes the check.
		if !VerifySignature("s3cret", body, Sign("s3cret", body)) {
			t.Fatal("own signature refused")
		}
		if VerifySignature("s3cret", body, Sign("other", body)) || VerifySignature("s3cret", append(body, ' '), Sign("s3cret", body)) {
			t.Fatal("forged signature accepted")
		}
	})
}

// FuzzCRCToken: a token the CRC endpoint answers is short, from base64's
// alphabet, and never something that could be posted as a delivery.
func FuzzCRCToken(f *testing.F) {
	for _, s := range []string{"abc123", "NDc3ODk0MjQ3MjU5NzQ2OTk2OA", "a-b_c=", "SGVsbG8+/w==", webhookBody, "null", "123", "[]", `"x"`, "{}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, token string) {
		if !ValidCRCToken(token) {
			return
		}
		if len(token) == 0 || len(token) > MaxCRCToken {
			t.Fatalf("token of %d bytes answered", len(token))
		}
		if json.Valid([]byte(token)) {
			t.Fatalf("token %q is JSON", token)
		}
		if _, err := DecodeWebhook([]byte(token)); err == nil {
			t.Fatalf("token %q reads as a delivery", token)
		}
	})
}
