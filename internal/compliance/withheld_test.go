package compliance_test

import (
	"context"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestWithheldPostsAreRecorded: a post X withholds in the country the
// desk serves (India) gets one internal event on its complaint, so that
// staff know people there do not see it on X; it is not redacted. A post
// withheld only elsewhere changes nothing. Both by compliance job and by
// lookup; a second check records nothing more.
func TestWithheldPostsAreRecorded(t *testing.T) {
	ctx := context.Background()
	for _, lookup := range []bool{false, true} {
		name := "compliance job"
		if lookup {
			name = "lookup"
		}
		t.Run(name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, dsn func() string) {
				d := newLookupDesk(t, dsn())
				d.sim.SetComplianceForbidden(lookup)
				here := d.post(t, "phone stolen at the market", nil)
				elsewhere := d.post(t, "chain snatched at the crossing", nil)
				plain := d.post(t, "bike stolen near the station", nil)
				if !d.sim.SetWithheld(here, "DE", "IN") || !d.sim.SetWithheld(elsewhere, "DE") {
					t.Fatal("no post to withhold on X")
				}
				for run := range 2 {
					res, err := d.checker().Run(ctx)
					if err != nil {
						t.Fatal(err)
					}
					if res.Lookup != lookup || res.Redacted != 0 {
						t.Fatalf("check %d = %+v", run, res)
					}
					if want := 1 - run; res.Withheld != want {
						t.Errorf("check %d recorded %d posts withheld, want %d", run, res.Withheld, want)
					}
				}
				for _, tc := range []struct {
					id   string
					want int
				}{{here, 1}, {elsewhere, 0}, {plain, 0}} {
					var code string
					if err := d.db.SQL().QueryRow(`SELECT code FROM complaints WHERE source_post_id = $1`, tc.id).Scan(&code); err != nil {
						t.Fatal(err)
					}
					c, err := d.db.FindComplaint(ctx, code, shikayat.SystemScope())
					if err != nil {
						t.Fatal(err)
					}
					n := 0
					for _, e := range c.Events {
						if e.Action == store.WithheldAction {
							n++
							if e.Public || e.Detail["post_id"] != tc.id || e.Detail["countries"] != "IN" {
								t.Errorf("withheld event %+v", e)
							}
						}
					}
					if n != tc.want || c.Text == "" {
						t.Errorf("post %s: %d withheld events, text %q; want %d and the text kept", tc.id, n, c.Text, tc.want)
					}
				}
			})
		})
	}
}
