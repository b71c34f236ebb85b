package replies

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A restore makes the sender look on X first only for posts the desk the
// copy came from may have answered: after the copy's checkpoint less the
// overlap, before the restore, and within X's reach of a week.
func TestRestoredBeforeIsBounded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db, err := store.Open(ctx, dsn(), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		now := time.Now()
		if ok, err := db.AcquireLease(ctx, "intake", "n", time.Hour); !ok || err != nil {
			t.Fatal(ok, err)
		}
		fence := store.Fence{Lease: "intake", Holder: "n", TTL: time.Hour}
		if err := db.SetCheckpoint(ctx, fence, "x:mentions", shikayat.SnowflakeAt(now.Add(-time.Hour))); err != nil {
			t.Fatal(err)
		}
		if _, err := db.MarkRestored(ctx, "x:mentions"); err != nil {
			t.Fatal(err)
		}
		s := &Sender{DB: db, Overlap: 5 * time.Minute}
		for _, tc := range []struct {
			name string
			post time.Time
			want bool
		}{
			{"after the checkpoint", now.Add(-30 * time.Minute), true},
			{"within the overlap", now.Add(-time.Hour - time.Minute), true},
			{"below the checkpoint less the overlap", now.Add(-2 * time.Hour), false},
			{"after the restore", now.Add(time.Hour), false},
		} {
			got, err := s.restoredBefore(ctx, &shikayat.Reply{InReplyTo: shikayat.SnowflakeAt(tc.post)})
			if err != nil || got != tc.want {
				t.Errorf("%s: restoredBefore = %v, %v; want %v", tc.name, got, err, tc.want)
			}
		}
	})
}

// A copy that had read nothing bounds the window by X's reach alone.
func TestRestoredBeforeWithoutCheckpoint(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db, err := store.Open(ctx, dsn(), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.MarkRestored(ctx, "x:mentions"); err != nil {
			t.Fatal(err)
		}
		s := &Sender{DB: db}
		now := time.Now()
		for _, tc := range []struct {
			post time.Time
			want bool
		}{
			{now.Add(-2 * time.Hour), true},
			{now.Add(-8 * 24 * time.Hour), false},
		} {
			got, err := s.restoredBefore(ctx, &shikayat.Reply{InReplyTo: shikayat.SnowflakeAt(tc.post)})
			if err != nil || got != tc.want {
				t.Errorf("post at %v: restoredBefore = %v, %v; want %v", tc.post, got, err, tc.want)
			}
		}
	})
}
