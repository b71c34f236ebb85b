package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// LeaseHolder tells readiness whether any node is reading X.
func TestLeaseHolder(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		now := time.Date(2026, 5, 1, 6, 0, 0, 0, time.UTC)
		db := open(t, dsn(), store.Options{Now: func() time.Time { return now }})
		if h, live, err := db.LeaseHolder(ctx, "x-intake"); err != nil || live || h != "" {
			t.Fatalf("before any node: %q %v %v", h, live, err)
		}
		if ok, err := db.AcquireLease(ctx, "x-intake", "node-a", 30*time.Second); !ok || err != nil {
			t.Fatal(ok, err)
		}
		if h, live, err := db.LeaseHolder(ctx, "x-intake"); err != nil || !live || h != "node-a" {
			t.Fatalf("held: %q %v %v", h, live, err)
		}
		now = now.Add(31 * time.Second)
		if h, live, err := db.LeaseHolder(ctx, "x-intake"); err != nil || live || h != "node-a" {
			t.Fatalf("lapsed: %q %v %v", h, live, err)
		}
	})
}
