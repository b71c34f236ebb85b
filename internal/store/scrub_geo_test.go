package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestScrubGeo: X's "scrub_geo" drops a post's coordinates and place, and
// the coordinates of the complaint it opened, and nothing else.
func TestScrubGeo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{Jobs: &countJobs{}})
		in := incoming("170", "170", "7", "my phone was stolen at the market", true)
		in.Forward, in.Triage.District = true, 162
		in.Post.Coordinates = &shikayat.Point{Lat: 26.8467, Lon: 80.9462}
		in.Post.Place = &shikayat.Place{ID: "p1", FullName: "Hazratganj, Lucknow"}
		recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in})
		if err != nil {
			t.Fatal(err)
		}
		if c, err := db.FindComplaintByID(ctx, recs[0].ComplaintID, shikayat.SystemScope()); err != nil || c.Lat == nil {
			t.Fatalf("the complaint holds no coordinates to scrub: %v", err)
		}
		if n, err := db.ScrubGeo(ctx, []string{"170", "999"}); err != nil || n != 1 {
			t.Fatalf("scrubbed %d, %v", n, err)
		}
		for _, s := range []string{"Hazratganj", "26.8467"} {
			if found := columnsHolding(t, db, s); len(found) > 0 {
				t.Errorf("%q still held in %v", s, found)
			}
		}
		c, err := db.FindComplaintByID(ctx, recs[0].ComplaintID, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		if c.Lat != nil || !strings.Contains(c.Text, "stolen") {
			t.Errorf("complaint lat %v, text %q: want no coordinates, the text kept", c.Lat, c.Text)
		}
	})
}
