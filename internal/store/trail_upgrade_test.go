package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store/migrations"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A database from before the hashes gets its chain on upgrade, and verifies.
func TestUpgradedTrailVerifies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.EachEmpty(t, func(t *testing.T, dsn func() string) {
		d := dsn()
		engine, driverDSN, err := ParseDSN(d)
		if err != nil {
			t.Fatal(err)
		}
		driver := "sqlite"
		if engine == Postgres {
			driver = "pgx"
		}
		old, err := sql.Open(driver, driverDSN)
		if err != nil {
			t.Fatal(err)
		}
		defer old.Close()
		p, err := migrations.Provider(old, string(engine))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.UpTo(ctx, 9); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`INSERT INTO units (id, kind, name, path, updated_at) VALUES ('hq', 'hq', 'HQ', 'hq/', 0)`,
			`INSERT INTO complaints (id, code, source, source_post_id, author_username, text, stage, unit_id, received_at, unit_since, updated_at)
				VALUES (1, 'UP26-0000000001', 'x', '11', 'citizen', 'bike stolen', 'received', 'hq', 1773124200000, 1773124200000, 1773124200000)`,
			`INSERT INTO complaints (id, code, source, source_post_id, author_username, text, stage, unit_id, received_at, unit_since, updated_at)
				VALUES (2, 'UP26-0000000002', 'x', '12', 'other', 'chain snatched', 'received', 'hq', 1773124200000, 1773124200000, 1773124200000)`,
			`INSERT INTO events (complaint_id, at, actor, action, to_stage, to_unit, note, public) VALUES (1, 1773124200000, 'system', 'receive', 'received', 'hq', 'Complaint received.', 1)`,
			`INSERT INTO events (complaint_id, at, actor, action, to_stage, to_unit, note, public) VALUES (2, 1773124200000, 'system', 'receive', 'received', 'hq', 'Complaint received.', 1)`,
			`INSERT INTO events (complaint_id, at, actor, user_id, action, from_stage, to_stage, note, detail) VALUES (1, 1773124300000, 'hq', 1, 'note', 'received', 'received', 'Called back.', '{"k":"v"}')`,
		} {
			if _, err := old.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		old.Close()

		db, err := Open(ctx, d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var unhashed int
		if err := db.db.QueryRow(`SELECT count(*) FROM events WHERE hash = ''`).Scan(&unhashed); err != nil || unhashed != 0 {
			t.Fatalf("%d events without a hash (%v)", unhashed, err)
		}
		// A new event chains onto the old ones.
		tx, err := db.db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		c, err := findComplaintBy(ctx, tx, "c.id = $1", 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := insertEvent(ctx, tx, c.ID, eventNote("after the upgrade")); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		rep, err := db.VerifyTrail(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Failure != nil || rep.Events != 4 {
			t.Fatalf("verify = %+v, %v", rep, rep.Failure)
		}
		// Opening again finds nothing to do and changes nothing.
		var before string
		db.db.QueryRow(`SELECT hash FROM events WHERE complaint_id = 1 ORDER BY id DESC LIMIT 1`).Scan(&before)
		if err := db.backfillTrail(ctx); err != nil {
			t.Fatal(err)
		}
		var after string
		db.db.QueryRow(`SELECT hash FROM events WHERE complaint_id = 1 ORDER BY id DESC LIMIT 1`).Scan(&after)
		if before == "" || before != after {
			t.Fatalf("hash %q became %q", before, after)
		}
		// An event written since without a hash, behind the store's
		// back, is not blessed by the next start: verify reports it.
		var forged int64
		if err := db.db.QueryRow(`INSERT INTO events (complaint_id, at, actor, action, to_stage) VALUES (2, 1773124400000, 'hq', 'note', 'received') RETURNING id`).Scan(&forged); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if db, err = Open(ctx, d, Options{}); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if rep, err = db.VerifyTrail(ctx); err != nil || rep.Failure == nil || rep.Failure.EventID != forged {
			t.Fatalf("verify = %+v, %v; want event %d named", rep, err, forged)
		}
	})
}

func eventNote(text string) *shikayat.Event {
	return &shikayat.Event{At: time.Date(2026, 3, 10, 7, 0, 0, 0, time.UTC), Actor: "hq", Action: "note", FromStage: "received", ToStage: "received", Note: text}
}
