package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A node whose deadlines differ from those the roll-ups were counted by
// does not start (each restart would otherwise flip the stored rules and
// rebuild), unless told to change them; then they are the stored ones and
// a node with the old deadlines is refused in turn.
func TestNodeWithOtherSLARefusedUnlessTold(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		url := dsn()
		first, err := store.Open(ctx, url, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := first.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		first.Close()

		other := shikayat.DefaultSLA
		other.MidTermClose = 5 * 24 * time.Hour
		if db, err := store.Open(ctx, url, store.Options{SLA: other}); err == nil {
			db.Close()
			t.Fatal("a node with other deadlines started")
		} else {
			wantCode(t, err, shikayat.EINVALID)
		}
		db, err := store.Open(ctx, url, store.Options{SLA: other, ChangeSLA: true})
		if err != nil {
			t.Fatalf("told to change the deadlines: %v", err)
		}
		if err := db.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if db, err := store.Open(ctx, url, store.Options{}); err == nil {
			db.Close()
			t.Fatal("a node with the old deadlines started after the change")
		}
		// A tool given no deadlines takes the database's.
		tool := open(t, url, store.Options{StoredSLA: true})
		if err := tool.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		tool.Close()
		db = open(t, url, store.Options{SLA: other})
		if err := db.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
	})
}

// A rebuild of the roll-ups that fails in the background is logged, not
// only kept for WaitStatsRules.
func TestFailedRebuildLogged(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		url := dsn()
		first := open(t, url, store.Options{})
		if err := first.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		// A roll-up table gone behind the store's back fails the rebuild.
		if _, err := first.SQL().ExecContext(ctx, `DROP TABLE stats_open`); err != nil {
			t.Fatal(err)
		}
		first.Close()

		var logged bytes.Buffer
		other := shikayat.DefaultSLA
		other.MidTermClose = 5 * 24 * time.Hour
		db := open(t, url, store.Options{SLA: other, ChangeSLA: true, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
		if err := db.WaitStatsRules(); err == nil {
			t.Fatal("the rebuild did not fail")
		}
		if !strings.Contains(logged.String(), "level=ERROR") || !strings.Contains(logged.String(), "stats_open") {
			t.Errorf("the failed rebuild was not logged: %q", logged.String())
		}
	})
}
