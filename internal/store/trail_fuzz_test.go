package store

import (
	"encoding/json"
	"maps"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
)

// An event's stored detail is read back into the map its hash covers: any
// spelling of the same JSON object (spacing, key order, escapes) hashes
// alike, and what does not read as an object of strings is refused, never
// hashed as something else.
func FuzzParseDetail(f *testing.F) {
	for _, s := range []string{``, `{}`, `{"to":"district:162"}`, `{ "b" : "2", "a":"1" }`,
		`{"a":"\u0939"}`, `{"a":1}`, `[]`, `null`, `{"a":"1","a":"2"}`, "{\"a\":\"\xff\"}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parseDetail(s)
		if err != nil {
			return
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("%q read as %v, which cannot be written: %v", s, m, err)
		}
		again, err := parseDetail(string(b))
		if err != nil {
			t.Fatalf("%q read as %v, written as %s, which does not read: %v", s, m, b, err)
		}
		if len(m) > 0 && !maps.Equal(m, again) {
			t.Fatalf("%q read as %v, then as %v", s, m, again)
		}
		e := shikayat.TrailEvent{Code: "UP26-7K3QM9XD4P", At: time.UnixMilli(0), Detail: m}
		e2 := e
		e2.Detail = again
		if shikayat.EventHash("", e) != shikayat.EventHash("", e2) {
			t.Fatalf("%q and %s hash differently", s, b)
		}
	})
}
