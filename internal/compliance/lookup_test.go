package compliance_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/compliance"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// lookupDesk is a desk and an X that refuses compliance jobs: the checker
// looks the posts up.
type lookupDesk struct {
	db    *store.DB
	sim   *xsim.Server
	url   string
	clock func() time.Time
}

func newLookupDesk(t *testing.T, dsn string) *lookupDesk {
	t.Helper()
	now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	sim := xsim.New(xsim.Options{Now: clock})
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	sim.SetComplianceForbidden(true)
	db, err := store.Open(context.Background(), dsn, store.Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &lookupDesk{db: db, sim: sim, url: srv.URL, clock: clock}
}

// post puts a post on X and records it on the desk with the location it
// had when read (none when at is nil), opening a complaint.
func (d *lookupDesk) post(t *testing.T, text string, at *shikayat.Point) string {
	t.Helper()
	draft := xsim.Draft{Username: "citizen", Text: "@Uppolice " + text}
	if at != nil {
		draft.Coordinates = []float64{at.Lon, at.Lat}
	}
	id, err := d.sim.AddDraft(draft)
	if err != nil {
		t.Fatal(err)
	}
	in := shikayat.Incoming{Post: &shikayat.Post{ID: id, ConversationID: id, AuthorID: "5", AuthorUsername: "citizen",
		Text: text, CreatedAt: d.clock().Add(-time.Hour), Coordinates: at}, Forward: true, MentionsAccount: true,
		Triage: &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm,
			Type: shikayat.TypeTheft, Lang: "en", District: 162}}
	if _, err := d.db.RecordPosts(context.Background(), store.Fence{}, "", "", []shikayat.Incoming{in}); err != nil {
		t.Fatal(err)
	}
	return id
}

func (d *lookupDesk) checker() *compliance.Checker {
	return &compliance.Checker{Store: d.db, X: xapi.New(xapi.Options{BaseURL: d.url}), Now: d.clock, Sleeper: &noSleep{}}
}

// hasGeo reports whether the desk holds a location for post id: in the
// post as read, or on the complaint it opened.
func (d *lookupDesk) hasGeo(t *testing.T, id string) bool {
	t.Helper()
	var body string
	var n int
	if err := d.db.SQL().QueryRow(`SELECT body FROM posts WHERE id = $1`, id).Scan(&body); err != nil {
		t.Fatal(err)
	}
	if err := d.db.SQL().QueryRow(`SELECT count(*) FROM complaints WHERE source_post_id = $1 AND lat IS NOT NULL`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0 || containsAny(body, `"coordinates"`, `"place"`, `"geo"`)
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		for i := 0; i+len(sub) <= len(s); i++ {
			if s[i:i+len(sub)] == sub {
				return true
			}
		}
	}
	return false
}

// TestLookupScrubsGeo: without access to compliance jobs, X's scrub_geo
// reaches the desk only through the lookup: a post that comes back
// without the location the desk holds for it loses it here too; a post
// whose location is still on X keeps it, as does a complaint located by
// other means whose post never had one.
func TestLookupScrubsGeo(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newLookupDesk(t, dsn())
		at := &shikayat.Point{Lat: 26.8467, Lon: 80.9462}
		scrubbed := d.post(t, "phone stolen at the market", at)
		kept := d.post(t, "chain snatched at the crossing", at)
		none := d.post(t, "bike stolen near the station", nil)
		if _, err := d.db.SQL().Exec(`UPDATE complaints SET lat = 26.85, lon = 80.95 WHERE source_post_id = $1`, none); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{scrubbed, kept} {
			if !d.hasGeo(t, id) {
				t.Fatalf("post %s holds no location to scrub", id)
			}
		}
		if !d.sim.ScrubGeo(scrubbed) {
			t.Fatal("no post to scrub on X")
		}
		res, err := d.checker().Run(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !res.Lookup || res.Scrubbed != 1 || res.Redacted != 0 {
			t.Fatalf("result = %+v, want one post scrubbed by lookup", res)
		}
		if d.hasGeo(t, scrubbed) {
			t.Errorf("post %s kept the location its author removed on X", scrubbed)
		}
		if !d.hasGeo(t, kept) || !d.hasGeo(t, none) {
			t.Errorf("a location still on X, or found by other means, was scrubbed")
		}
		if res, err := d.checker().Run(ctx); err != nil || res.Scrubbed != 0 {
			t.Errorf("second check = %+v, %v; want nothing more to scrub", res, err)
		}
	})
}
