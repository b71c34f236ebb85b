package jobs_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Readiness asks how long the oldest reply has waited.
func TestOldestWaitingReply(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{})
		if err != nil {
			t.Fatal(err)
		}
		db.SetJobs(q)
		if _, ok, err := q.OldestWaitingReply(ctx); ok || err != nil {
			t.Fatalf("empty queue: %v %v", ok, err)
		}
		before := time.Now().Add(-time.Minute)
		for _, id := range []string{"1", "2"} {
			if _, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: id, Text: "theft"}); err != nil {
				t.Fatal(err)
			}
		}
		at, ok, err := q.OldestWaitingReply(ctx)
		if !ok || err != nil || at.Before(before) || at.After(time.Now().Add(time.Minute)) {
			t.Fatalf("with two acknowledgements waiting: %v %v %v", at, ok, err)
		}
	})
}
