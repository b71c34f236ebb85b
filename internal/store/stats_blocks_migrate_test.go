package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/store/migrations"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Migration 00056 fills stats_blocks from stats_days itself: a database
// whose complaints predate it, and whose rules a node of the version before
// wrote (so that no rebuild comes at the next start), reads a year's
// dashboard from the blocks equal to a recount.
func TestStatsBlocksFilledByMigration(t *testing.T) {
	t.Parallel()
	storetest.EachEmpty(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := dsn()
		engine, driverDSN, err := store.ParseDSN(d)
		if err != nil {
			t.Fatal(err)
		}
		driver := "sqlite"
		if engine == store.Postgres {
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
		if _, err := p.UpTo(ctx, 55); err != nil {
			t.Fatal(err)
		}
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := old.ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("%v\n%s", err, q)
			}
		}
		sla := shikayat.DefaultSLA
		exec(`UPDATE stats_rules SET long_ms = $1, mid_ms = $2, first_ms = $3`,
			sla.LongTermClose.Milliseconds(), sla.MidTermClose.Milliseconds(), sla.ImmediateFirstAction.Milliseconds())
		exec(`INSERT INTO units (id, kind, name, path, lgd, updated_at) VALUES ('hq', 'hq', 'HQ', 'hq/', 0, 0),
			('district:162', 'district', 'Lucknow', 'hq/district:162/', 162, 0), ('district:157', 'district', 'Kanpur Nagar', 'hq/district:157/', 157, 0)`)
		now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
		hour := int64(3600000)
		for i := range 40 {
			unit, lgd := "district:162", 162
			if i%3 == 0 {
				unit, lgd = "district:157", 157
			}
			at := now.UnixMilli() - int64(i)*53*hour // across days and blocks
			var closed any
			stage := "forwarded"
			if i%4 != 0 {
				closed, stage = at+int64(i%7+1)*9*hour, "closed"
			}
			exec(`INSERT INTO complaints (code, source, source_post_id, text, stage, district, unit_id, suggested_class, received_at, unit_since, updated_at, closed_at, rating, last_closed_at)
				VALUES ($1, 'x', $2, 'text', $3, $4, $5, 'mid_term', $6, $6, $6, $7, $8, $7)`,
				fmt.Sprintf("UP26-%010d", i), fmt.Sprint("p", i), stage, lgd, unit, at, closed, i%5)
		}
		if _, err := p.Up(ctx); err != nil {
			t.Fatal(err)
		}
		blocksSumDays(t, old)

		db, err := store.Open(ctx, d, store.Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		today := time.Date(2026, 3, 11, 0, 0, 0, 0, shikayat.IST)
		f := shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: today.AddDate(0, 0, -365), To: today}
		got, err := db.DistrictStats(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := db.RecountDistrictStats(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("a year after the upgrade: the roll-ups say\n%+v\n%s\nthe recount\n%+v\n%s", got.Totals, rowsOf(got), want.Totals, rowsOf(want))
		}
		if want.Totals.Disposed == 0 || want.Totals.Rated == 0 {
			t.Errorf("the recount counts nothing: %+v", want.Totals)
		}
	})
}
