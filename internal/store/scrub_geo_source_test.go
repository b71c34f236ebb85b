package store_test

import (
	"context"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestScrubLostGeoKeepsOtherCoordinates: a post X gives back without its
// location loses the location as read, and its complaint loses the
// coordinates that came from it; coordinates the complaint got otherwise
// (located from the text, or corrected by a person: here written
// directly) stay, whether the post had only a place or had coordinates of
// its own.
func TestScrubLostGeoKeepsOtherCoordinates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{Jobs: &countJobs{}})
		record := func(id string, at *shikayat.Point) int64 {
			t.Helper()
			in := incoming(id, id, "7", "my phone was stolen at the market", true)
			in.Forward, in.Triage.District = true, 162
			in.Post.Coordinates = at
			in.Post.Place = &shikayat.Place{ID: "p" + id, FullName: "Hazratganj, Lucknow"}
			recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in})
			if err != nil {
				t.Fatal(err)
			}
			return recs[0].ComplaintID
		}
		locate := func(cid int64, lat, lon float64) {
			t.Helper()
			if _, err := db.SQL().Exec(`UPDATE complaints SET lat = $1, lon = $2 WHERE id = $3`, lat, lon, cid); err != nil {
				t.Fatal(err)
			}
		}
		fromPost := record("171", &shikayat.Point{Lat: 26.8467, Lon: 80.9462})
		placeOnly := record("172", nil)
		locate(placeOnly, 26.8501, 80.9499) // located from the text
		corrected := record("173", &shikayat.Point{Lat: 26.8467, Lon: 80.9462})
		locate(corrected, 26.7606, 80.8893) // a person corrected it
		if n, err := db.ScrubLostGeo(ctx, []string{"171", "172", "173"}); err != nil || n != 3 {
			t.Fatalf("scrubbed %d, %v", n, err)
		}
		for cid, want := range map[int64]*float64{fromPost: nil, placeOnly: ptr(26.8501), corrected: ptr(26.7606)} {
			c, err := db.FindComplaintByID(ctx, cid, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case want == nil && c.Lat != nil:
				t.Errorf("complaint %s keeps the post's coordinates %v", c.Code, *c.Lat)
			case want != nil && (c.Lat == nil || *c.Lat != *want):
				t.Errorf("complaint %s lat %v, want %v kept", c.Code, c.Lat, *want)
			}
		}
		for _, s := range []string{"Hazratganj", "26.8467"} {
			if found := columnsHolding(t, db, s); len(found) > 0 {
				t.Errorf("%q still held in %v", s, found)
			}
		}
	})
}

func ptr(f float64) *float64 { return &f }
