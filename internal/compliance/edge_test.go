package compliance_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/compliance"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// simControl posts a body to xsim's compliance control endpoint.
func simControl(t *testing.T, base string, body any) {
	t.Helper()
	b, _ := json.Marshal(body)
	resp, err := http.Post(base+"/_sim/compliance", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("POST /_sim/compliance %s = %d", b, resp.StatusCode)
	}
}

// TestCheckerEdgeCases: what else X's compliance data says, over HTTP
// against xsim, on both engines. A compliance job X ends failed or expired
// holds up no other batch and is checked again when the check is retried
// (Run fails, so River retries it); a post whose author removed its
// location (X's "delete" with reason "scrub_geo") keeps its text and loses
// its coordinates; a suspended, protected or deactivated author's posts
// are redacted, by a job or by looking them up; a record of a kind the
// desk does not act on ("withheld") is logged and leaves the post as it
// is, and the check goes on.
func TestCheckerEdgeCases(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
		clock := func() time.Time { return now }
		sim := xsim.New(xsim.Options{Now: clock})
		srv := httptest.NewServer(sim)
		defer srv.Close()
		db, err := store.Open(ctx, dsn(), store.Options{Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		// Eight posts by four people; post 0 opens a complaint with
		// coordinates. Two ids a job: four jobs a check.
		users := []string{"geeta_r", "geeta_r", "suspended_1", "suspended_1", "gone_2", "locked_3", "ravi_k", "ravi_k"}
		var ids []string
		var batch []shikayat.Incoming
		for i, u := range users {
			id, err := sim.AddDraft(xsim.Draft{Username: u, Text: "@Uppolice my scooter was stolen", Coordinates: []float64{80.9462, 26.8467}})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
			in := shikayat.Incoming{Post: &shikayat.Post{ID: id, ConversationID: id, AuthorID: "a" + u, AuthorUsername: u,
				Text: "my scooter was stolen, post " + id, CreatedAt: now.Add(-time.Hour)}, MentionsAccount: true}
			if i == 0 {
				in.Post.Coordinates = &shikayat.Point{Lat: 26.8467, Lon: 80.9462}
				in.Triage = &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm,
					Type: shikayat.TypeTheft, Lang: "en", District: 162}
				in.Forward = true
			}
			batch = append(batch, in)
		}
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", batch); err != nil {
			t.Fatal(err)
		}
		text := func(id string) string {
			var s string
			if err := db.SQL().QueryRow(`SELECT text FROM posts WHERE id = $1`, id).Scan(&s); err != nil {
				t.Fatal(err)
			}
			return s
		}
		redacted := func() (out []int) {
			for i, id := range ids {
				if text(id) == "" {
					out = append(out, i)
				}
			}
			return out
		}
		x := xapi.New(xapi.Options{BaseURL: srv.URL})
		c := &compliance.Checker{Store: db, X: x, Now: clock, Sleeper: &noSleep{}, JobIDs: 2}

		// Post 0 loses its location on X, post 3's author is suspended,
		// post 6 is withheld, post 7 deleted; the first job fails.
		simControl(t, srv.URL, map[string]any{
			"fail_next": 1, "fail_as": "failed",
			"scrub_geo": []string{ids[0]},
			"users":     map[string]string{"suspended_1": "suspended"},
			"records":   []map[string]string{{"id": ids[6], "action": "withheld", "reason": "withheld"}},
		})
		sim.DeletePost(ids[7])
		res, err := c.Run(ctx)
		if err == nil || len(res.Failed) != 1 || res.Checked != 8 {
			t.Fatalf("a failed job: %+v, %v; want the check to fail for a retry, naming one job", res, err)
		}
		// The failed job named posts 0 and 1; the others went on.
		if got := redacted(); len(got) != 3 || got[0] != 2 || got[1] != 3 || got[2] != 7 {
			t.Fatalf("after the failed job, posts %v redacted; want [2 3 7]", got)
		}
		if res.Other != 1 || text(ids[6]) == "" {
			t.Errorf("the withheld post: %d records of other kinds, text %q; want it logged and kept", res.Other, text(ids[6]))
		}

		// The retry: the job completes; the location goes, the text stays.
		res, err = c.Run(ctx)
		if err != nil || res.Scrubbed != 1 || res.Redacted != 0 {
			t.Fatalf("the retry: %+v, %v", res, err)
		}
		if !strings.Contains(text(ids[0]), "scooter") {
			t.Fatalf("scrub_geo redacted the post: text %q", text(ids[0]))
		}
		var lat *float64
		var body string
		if err := db.SQL().QueryRow(`SELECT c.lat, p.body FROM complaints c JOIN posts p ON p.id = c.source_post_id WHERE c.source_post_id = $1`, ids[0]).Scan(&lat, &body); err != nil {
			t.Fatal(err)
		}
		if lat != nil || strings.Contains(body, "26.8467") {
			t.Errorf("scrub_geo left the location: lat %v, body %s", lat, body)
		}

		// An expired job, and the author of post 4 deactivated: the other
		// jobs still redact.
		simControl(t, srv.URL, map[string]any{"fail_next": 1, "fail_as": "expired", "users": map[string]string{"gone_2": "deactivated"}})
		res, err = c.Run(ctx)
		if err == nil || len(res.Failed) != 1 {
			t.Fatalf("an expired job: %+v, %v", res, err)
		}
		if got := redacted(); len(got) != 4 || got[2] != 4 {
			t.Fatalf("after the expired job, posts %v redacted; want post 4 too", got)
		}

		// No access to compliance jobs: a protected author's post is
		// redacted from the lookup's answer.
		simControl(t, srv.URL, map[string]any{"forbidden": true, "users": map[string]string{"locked_3": "protected"}})
		if res, err = c.Run(ctx); err != nil || !res.Lookup || res.Redacted != 1 {
			t.Fatalf("by lookup: %+v, %v", res, err)
		}
		if got := redacted(); len(got) != 5 || got[3] != 5 {
			t.Fatalf("after the lookup, posts %v redacted; want post 5 too", got)
		}
		if text(ids[6]) == "" || text(ids[1]) == "" || text(ids[0]) == "" {
			t.Error("a post X still shows was redacted")
		}
	})
}
