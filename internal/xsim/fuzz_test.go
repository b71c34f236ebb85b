package xsim

import (
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzEntities checks that the entities found in any text point at what
// they claim, in code points, as X's do.
func FuzzEntities(f *testing.F) {
	for _, s := range []string{
		"@Uppolice help", "मेरी बाइक चोरी @lkopolice #लखनऊ https://t.co/abc.", "a@b @ # #1 #a_b", "@@x ##y http://", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		e := entitiesOf(text)
		if e == nil {
			return
		}
		r := []rune(text)
		span := func(start, end int) string {
			if start < 0 || end > len(r) || start >= end {
				t.Fatalf("span [%d, %d) outside %d code points of %q", start, end, len(r), text)
			}
			return string(r[start:end])
		}
		for _, m := range e.Mentions {
			if got := span(m.Start, m.End); got != "@"+m.Username || !validUsername(m.Username) {
				t.Fatalf("mention %+v spans %q", m, got)
			}
		}
		for _, h := range e.Hashtags {
			if got := span(h.Start, h.End); got != "#"+h.Tag {
				t.Fatalf("hashtag %+v spans %q", h, got)
			}
		}
		for _, u := range e.URLs {
			if got := span(u.Start, u.End); got != u.URL || !strings.HasPrefix(u.URL, "http") {
				t.Fatalf("url %+v spans %q", u, got)
			}
		}
	})
}

// FuzzParseQuery checks that any query either parses or is refused, and
// that a parsed one can be matched without trouble.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"@Uppolice -is:retweet", `"chain snatching" has:geo`, "#UPPolice from:ram", "a OR b", "@a OR @b OR -is:retweet", "x OR", "-", `"open`, "lang:hi conversation_id:5"} {
		f.Add(s)
	}
	s := New(Options{})
	id, _ := s.AddDraft(Draft{Username: "ram", Text: "@Uppolice chain snatching #UPPolice", Coordinates: []float64{80.9, 26.8}})
	f.Fuzz(func(t *testing.T, q string) {
		m, err := parseQuery(q)
		if err != nil {
			return
		}
		if len(m.terms) == 0 {
			t.Fatalf("query %q parsed to no terms", q)
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		tw := s.posts[id]
		_ = m.match(s, tw)
	})
}

// FuzzFaultRequest checks that any body sent to POST /_sim/faults is
// either refused or yields a fault that is well formed.
func FuzzFaultRequest(f *testing.F) {
	for _, s := range []string{
		`{"endpoint": "create_post", "kind": "5xx", "seconds": 30}`, `{"endpoint": "*", "kind": "429", "count": 3, "reset_seconds": 2}`,
		`{"endpoint": "mentions", "kind": "slow", "seconds": 1, "count": 2}`, `{"kind": "drop"}`, `{"endpoint": "x", "seconds": -1}`, `{`,
		`{"endpoint": "post", "kind": "status", "status": 408}`, `{"endpoint": "post", "kind": "status", "status": 200}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s := New(Options{})
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("POST", "/_sim/faults", strings.NewReader(body)))
		if rec.Code == 400 {
			return
		}
		if rec.Code != 201 {
			t.Fatalf("status %d for %q", rec.Code, body)
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if len(s.faults) != 1 {
			t.Fatalf("%d faults stored", len(s.faults))
		}
		fl := s.faults[0]
		if fl.Count < 0 || fl.Seconds < 0 || (fl.Count == 0 && fl.Seconds == 0) || (fl.Seconds > 0) != (fl.Until != nil) ||
			(fl.Kind == FaultStatus && (fl.Status < 400 || fl.Status > 599)) {
			t.Fatalf("ill-formed fault %+v from %q", *fl, body)
		}
	})
}

// FuzzParseLimits: what --limits accepts names known endpoints, with
// windows in bounds, and reads back the same when written out again.
func FuzzParseLimits(f *testing.F) {
	for _, s := range []string{"", "create_post=1000/15m", "mentions=5000/1h,*=20/1s", "create_post=1/1ns", "x=1/1m", "search=3/90s, me=1/24h", "a=b=c", ",,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseLimits(s)
		if err != nil {
			return
		}
		parts := []string{}
		for ep, lim := range got {
			if lim.Requests < 1 || lim.Window < time.Second || lim.Window > 24*time.Hour {
				t.Fatalf("%q: %s = %v", s, ep, lim)
			}
			if ep != "*" && !strings.HasPrefix(ep, "GET /2/") && !strings.HasPrefix(ep, "POST /2/") {
				t.Fatalf("%q: endpoint %q", s, ep)
			}
			parts = append(parts, ep+"="+lim.String())
		}
		again, err := ParseLimits(strings.Join(parts, ","))
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Fatalf("%q: written %q, read back %v, %v", s, strings.Join(parts, ","), again, err)
		}
	})
}

// The read lag's control request is taken only with 0 to 24 hours in whole
// seconds, and then reads back as set.
func FuzzReadLagRequest(f *testing.F) {
	for _, s := range []string{`{"seconds": 30}`, `{"seconds": 0}`, `{"seconds": -1}`, `{"seconds": 86401}`, `{"lag": 3}`, `{`, `{"seconds": 1.5}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s := New(Options{})
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("POST", "/_sim/read_lag", strings.NewReader(body)))
		if rec.Code != 200 {
			if rec.Code != 400 {
				t.Fatalf("%q answered %d", body, rec.Code)
			}
			return
		}
		var set struct{ Data struct{ Seconds int } }
		if err := json.Unmarshal(rec.Body.Bytes(), &set); err != nil {
			t.Fatal(err)
		}
		if set.Data.Seconds < 0 || set.Data.Seconds > 24*60*60 {
			t.Fatalf("%q set a lag of %d s", body, set.Data.Seconds)
		}
		rec = httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/_sim/read_lag", nil))
		var got struct{ Data struct{ Seconds int } }
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got.Data.Seconds != set.Data.Seconds {
			t.Fatalf("%q: reads back %s, set %d", body, rec.Body.String(), set.Data.Seconds)
		}
	})
}

// The compliance control request is taken whole or not at all: a body
// answered 400 or 404 changes nothing (a compliance job then lists no
// post), and none answers anything else.
func FuzzComplianceControl(f *testing.F) {
	for _, s := range []string{`{"forbidden": true}`, `{"fail_next": 2, "fail_as": "expired"}`, `{"fail_next": 1}`,
		`{"users": {"citizen": "suspended"}}`, `{"users": {"citizen": "banned"}}`, `{"scrub_geo": ["1"]}`,
		`{"records": [{"id": "12", "action": "withheld"}]}`, `{"records": [{"id": "x", "action": "delete"}]}`, `{`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s := New(Options{})
		id, err := s.AddDraft(Draft{Username: "citizen", Text: "@Uppolice hello"})
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("POST", "/_sim/compliance", strings.NewReader(body)))
		switch rec.Code {
		case 200:
			return
		case 400, 404:
		default:
			t.Fatalf("%q answered %d", body, rec.Code)
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if len(s.complianceRecordsLocked(id)) > 0 || s.failJobs != 0 || s.complianceForbidden || len(s.records) != 0 {
			t.Fatalf("%q was refused (%d) but changed the simulator", body, rec.Code)
		}
	})
}
