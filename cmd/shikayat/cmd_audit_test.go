package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

func TestAuditCommands(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := dsn()
		ctx := context.Background()
		// Three days ago, so that at least two days are over and may be
		// sealed, whatever the hour (yesterday waits store.SealGrace after
		// midnight IST).
		db, err := store.Open(ctx, d, store.Options{AfterMigrate: jobs.Migrate, Now: func() time.Time { return time.Now().Add(-72 * time.Hour) }})
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "1", Text: "bike stolen", AuthorUsername: "citizen"})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()

		code, out, errs := runCmd(t, "", "audit", "seal", "--db", d)
		if code != 0 || strings.Count(out, "\n") < 2 {
			t.Fatalf("audit seal = %d, %q, %q", code, out, errs)
		}
		var first store.Seal
		if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &first); err != nil || first.Complaints != 1 || len(first.Digest) != 64 {
			t.Fatalf("first seal %q: %+v, %v", out, first, err)
		}
		code, out, _ = runCmd(t, "", "audit", "seals", "--db", d, "--from", first.Day, "--to", first.Day)
		if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, first.Digest) {
			t.Fatalf("audit seals = %d, %q", code, out)
		}
		if code, _, _ := runCmd(t, "", "audit", "seals", "--db", d, "--from", "yesterday"); code != 1 {
			t.Fatalf("a bad day: status %d", code)
		}
		if code, out, errs := runCmd(t, "", "audit", "verify", "--db", d); code != 0 || !strings.Contains(out, "trail verified: 1 events of 1 complaints") {
			t.Fatalf("audit verify = %d, %q, %q", code, out, errs)
		}

		db, err = store.Open(ctx, d, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		stmt := `DROP TRIGGER events_no_update`
		if db.Engine() == store.Postgres {
			stmt = `ALTER TABLE events DISABLE TRIGGER ALL`
		}
		var id int64
		db.SQL().QueryRow(`SELECT id FROM events`).Scan(&id)
		for _, q := range []string{stmt, `UPDATE events SET note = 'nothing'`} {
			if _, err := db.SQL().Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
		code, _, errs = runCmd(t, "", "audit", "verify", "--db", d)
		if want := fmt.Sprintf("complaint %s, event %d", c.Code, id); code != 1 || !strings.Contains(errs, want) {
			t.Fatalf("audit verify of an edited trail = %d, %q; want it to name %s", code, errs, want)
		}
		if code, _, _ := runCmd(t, "", "audit", "check"); code != 2 {
			t.Fatalf("audit check: status %d, want 2", code)
		}
	})
}
