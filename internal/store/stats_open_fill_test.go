package store

import (
	"context"
	"database/sql"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store/migrations"
	"github.com/shikayat/shikayat/internal/storetest"
)

// During the rollout of migration 00038 a node that knows nothing of
// stats_open may rebuild the other roll-ups and write stats_rules; the
// nodes that read stats_open must not then trust a table never filled.
// Here the complaints predate 00038, the rules are written as such a node
// writes them, and the dashboard's pending and overdue equal a recount;
// emptying stats_open behind the store's back and running the fill
// (migration 00043) again gives the same.
func TestStatsOpenFilledByMigration(t *testing.T) {
	t.Parallel()
	storetest.EachEmpty(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
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
		sub, _ := fs.Sub(migrations.FS, string(engine))
		p, err := migrations.Provider(old, string(engine))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.UpTo(ctx, 36); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
		hour := int64(3600000)
		at := now.UnixMilli()
		exec := func(db *sql.DB, q string, args ...any) {
			t.Helper()
			if _, err := db.ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("%v\n%s", err, q)
			}
		}
		exec(old, `INSERT INTO units (id, kind, name, path, lgd, updated_at) VALUES ('hq', 'hq', 'HQ', 'hq/', 0, 0), ('district:162', 'district', 'Lucknow', 'hq/district:162/', 162, 0)`)
		for i, c := range []struct {
			stage string
			due   any
		}{{"forwarded", at - 48*hour}, {"in_progress", at + 48*hour}, {"forwarded", nil}, {"closed", nil}, {"forwarded", at - hour}} {
			exec(old, `INSERT INTO complaints (code, source, source_post_id, text, stage, district, unit_id, suggested_class, received_at, unit_since, updated_at, due_at)
				VALUES ($1, 'x', $2, 'text', $3, 162, 'district:162', 'mid_term', $4, $4, $4, $5)`,
				"UP26-000000000"+string(rune('1'+i)), "p"+string(rune('1'+i)), c.stage, at-int64(i+1)*24*hour, c.due)
		}
		if _, err := p.UpTo(ctx, 39); err != nil {
			t.Fatal(err)
		}
		// A node without stats_open rebuilds stats_days and writes the rules.
		sla := shikayat.DefaultSLA
		exec(old, `UPDATE stats_rules SET long_ms = $1, mid_ms = $2, first_ms = $3`,
			sla.LongTermClose.Milliseconds(), sla.MidTermClose.Milliseconds(), sla.ImmediateFirstAction.Milliseconds())

		db, err := Open(ctx, d, Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		from := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST)
		f := shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 90)}
		check := func(when string) {
			t.Helper()
			got, err := db.DistrictStats(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := db.RecountDistrictStats(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if got.Totals.Pending != want.Totals.Pending || got.Totals.Overdue != want.Totals.Overdue || want.Totals.Pending != 4 {
				t.Errorf("%s: pending %d, overdue %d; the recount %d and %d", when, got.Totals.Pending, got.Totals.Overdue, want.Totals.Pending, want.Totals.Overdue)
			}
		}
		check("after the upgrade")

		exec(db.SQL(), `DELETE FROM stats_open`)
		up, err := fs.ReadFile(sub, "00043_stats_open_fill.sql")
		if err != nil {
			t.Fatal(err)
		}
		body, _, _ := strings.Cut(strings.SplitN(string(up), "-- +goose Up", 2)[1], "-- +goose Down")
		tx, err := db.SQL().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, body); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		check("after the fill again")
	})
}

// A change that leaves a stats_open row at zero deletes it: the table
// holds the open complaints' keys, not every deadline day ever used.
func TestStatsOpenPrunesZeroRows(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
		db, err := Open(ctx, dsn(), Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := db.SQL().ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("%v\n%s", err, q)
			}
		}
		at := now.UnixMilli()
		exec(`INSERT INTO complaints (code, source, source_post_id, text, stage, district, unit_id, suggested_class, received_at, unit_since, updated_at, due_at)
			VALUES ('UP26-0000000001', 'x', 'p1', 'text', 'forwarded', 162, 'district:162', 'mid_term', $1, $1, $1, $1)`, at)
		for _, q := range []string{
			`UPDATE complaints SET due_at = due_at + 86400000`,
			`UPDATE complaints SET class = 'long_term'`,
			`UPDATE complaints SET stage = 'closed', closed_at = $1`,
		} {
			if strings.Contains(q, "$1") {
				exec(q, at)
			} else {
				exec(q)
			}
		}
		var rows []int
		r, err := db.SQL().QueryContext(ctx, `SELECT n FROM stats_open`)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for r.Next() {
			var n int
			if err := r.Scan(&n); err != nil {
				t.Fatal(err)
			}
			rows = append(rows, n)
		}
		if !reflect.DeepEqual(rows, []int(nil)) {
			t.Errorf("stats_open holds %v after its only complaint closed; want no rows", rows)
		}
	})
}
