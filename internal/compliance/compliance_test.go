package compliance_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/compliance"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// noSleep records the waits and returns at once.
type noSleep struct {
	mu    sync.Mutex
	waits int
}

func (s *noSleep) Sleep(ctx context.Context, _ time.Duration) error {
	s.mu.Lock()
	s.waits++
	s.mu.Unlock()
	return ctx.Err()
}

// TestChecker: posts on X and on the desk, some deleted on X; a check
// redacts exactly those, by compliance jobs, or by looking the posts up
// when X refuses compliance jobs; a post deleted on X however long after it
// was posted is redacted too (every post not redacted is named, by
// default); ids beyond what one job takes go in further jobs; a second
// check finds nothing more.
func TestChecker(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name      string
		forbidden bool
		jobIDs    int // ids per job (0: X's limit)
		jobs      int // jobs waited for
	}{
		{"compliance job", false, 0, 1},
		{"compliance jobs of 100 ids", false, 100, 3},
		{"lookup", true, 0, 0},
	} {
		forbidden := tc.forbidden
		t.Run(tc.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, dsn func() string) {
				now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
				clock := func() time.Time { return now }
				sim := xsim.New(xsim.Options{Now: clock})
				srv := httptest.NewServer(sim)
				defer srv.Close()
				sim.SetComplianceForbidden(forbidden)
				db, err := store.Open(ctx, dsn(), store.Options{Now: clock})
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				var ids []string
				var batch []shikayat.Incoming
				for i := range 250 { // three lookups' worth
					id, err := sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@Uppolice post"})
					if err != nil {
						t.Fatal(err)
					}
					ids = append(ids, id)
					at := now.Add(-time.Hour)
					if i == 0 {
						at = now.Add(-400 * 24 * time.Hour) // deleted on X long after it was posted
					}
					batch = append(batch, shikayat.Incoming{Post: &shikayat.Post{ID: id, ConversationID: id, AuthorID: "5",
						AuthorUsername: "citizen", Text: "post number " + id, CreatedAt: at}})
				}
				if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", batch); err != nil {
					t.Fatal(err)
				}
				deleted := []string{ids[0], ids[3], ids[150], ids[249]}
				for _, id := range deleted {
					sim.DeletePost(id)
				}
				sleep := &noSleep{}
				c := &compliance.Checker{Store: db, X: xapi.New(xapi.Options{BaseURL: srv.URL}), Now: clock, Sleeper: sleep, JobIDs: tc.jobIDs}
				res, err := c.Run(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if res.Checked != 250 || res.Redacted != 4 || res.Lookup != forbidden {
					t.Fatalf("result = %+v", res)
				}
				if sleep.waits != tc.jobs {
					t.Errorf("waited %d times for the job", sleep.waits)
				}
				for i, id := range ids {
					var text string
					if err := db.SQL().QueryRow(`SELECT text FROM posts WHERE id = $1`, id).Scan(&text); err != nil {
						t.Fatal(err)
					}
					if want := i == 0 || i == 3 || i == 150 || i == 249; (text == "") != want {
						t.Errorf("post %d (%s): text %q", i, id, text)
					}
				}
				res, err = c.Run(ctx)
				if err != nil || res.Redacted != 0 || res.Checked != 246 {
					t.Fatalf("second check = %+v, %v", res, err)
				}
			})
		})
	}
}
