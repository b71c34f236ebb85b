package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The trail cannot be emptied wholesale: on PostgreSQL the append-only
// trigger also refuses TRUNCATE, which row triggers do not see; SQLite has
// no TRUNCATE, and its DELETE without WHERE still runs the row trigger.
func TestEventsCannotBeEmptied(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := dsn()
		db := open(t, d, store.Options{})
		if _, _, err := db.CreateComplaint(ctx, post("1000", "x")); err != nil {
			t.Fatal(err)
		}
		stmts := []string{`DELETE FROM events`}
		if strings.HasPrefix(d, "postgres") {
			stmts = append(stmts, `TRUNCATE events`, `TRUNCATE TABLE events CASCADE`, `TRUNCATE complaints, events`)
		}
		for _, stmt := range stmts {
			if _, err := db.SQL().ExecContext(ctx, stmt); err == nil {
				t.Errorf("%s: the trail was emptied", stmt)
			}
		}
		var n int
		if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM events`).Scan(&n); err != nil || n == 0 {
			t.Fatalf("events left: %d, %v", n, err)
		}
	})
}
