package store_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// BenchmarkDistrictStats measures HQ's district table and dashboard over
// 1,000,000 complaints received over a year in the 75 districts (set
// SHIKAYAT_BENCH_COMPLAINTS for another size), four in five closed, with a
// bounce for one in twenty and a reopening for one in fifty: the state's
// table for the default 30 days, a zone's, a year's, and the league table:
// counted live (league) and read from the table published for yesterday
// (league-published, the page's path).
// Seeding writes the rows with one INSERT … SELECT each; only the queries
// are timed. Targets: 150 ms for the table, 100 ms for the dashboard. On a
// shared machine, cpu-ms/op (this process's CPU: all of SQLite's work, none
// of PostgreSQL's server) tells more than the wall clock.
//
//	go test -run X -bench DistrictStats -benchtime 5x ./internal/store/
func BenchmarkDistrictStats(b *testing.B) {
	if testing.Short() {
		b.Skip("seeds a million complaints")
	}
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("SHIKAYAT_BENCH_COMPLAINTS")); err == nil && v > 0 {
		n = v
	}
	for _, engine := range storetest.Engines() {
		b.Run(fmt.Sprintf("%s/%d", engine, n), func(b *testing.B) {
			ctx := context.Background()
			now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
			db, err := store.Open(ctx, storetest.DSN(b, engine), store.Options{Now: func() time.Time { return now }})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			t0 := time.Now()
			seedStats(b, db, n, now)
			b.Logf("seeded %d complaints in %s", n, time.Since(t0).Round(time.Millisecond))
			today := time.Date(2026, 3, 11, 0, 0, 0, 0, shikayat.IST)
			zone, err := db.FindUnit(ctx, "district:162")
			if err != nil {
				b.Fatal(err)
			}
			zoneID, _ := shikayat.EscalationUnit(zone.Path, 2)
			zu, err := db.FindUnit(ctx, zoneID)
			if err != nil {
				b.Fatal(err)
			}
			zoneScope := shikayat.ScopeOf(&shikayat.User{ID: 1, Role: shikayat.RoleSupervisor, UnitID: zu.ID}, zu)
			for _, c := range []struct {
				name string
				f    shikayat.StatsFilter
			}{
				{"state-30d", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: today.AddDate(0, 0, -30), To: today}},
				{"zone-30d", shikayat.StatsFilter{Scope: zoneScope, From: today.AddDate(0, 0, -30), To: today}},
				{"state-30d-class", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: today.AddDate(0, 0, -30), To: today, Class: shikayat.ClassMidTerm}},
				{"state-365d", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: today.AddDate(0, 0, -365), To: today}},
			} {
				b.Run(c.name, func(b *testing.B) {
					cpu0 := cpuTime()
					defer func() { b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
					for b.Loop() {
						st, err := db.DistrictStats(ctx, c.f)
						if err != nil {
							b.Fatal(err)
						}
						if st.Totals.Received == 0 {
							b.Fatal("nothing counted")
						}
					}
				})
			}
			b.Run("league", func(b *testing.B) {
				cpu0 := cpuTime()
				defer func() { b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
				for b.Loop() {
					rows, err := db.League(ctx, shikayat.SystemScope(), today, shikayat.DefaultLeague)
					if err != nil {
						b.Fatal(err)
					}
					if len(rows) == 0 || rows[0].Rank != 1 {
						b.Fatalf("league %v", rows)
					}
				}
			})
			// The page's path: yesterday's table (the clock reads noon IST
			// on 10 March), published once before the timing (its cost is
			// logged), then read with the table a step earlier.
			b.Run("league-published", func(b *testing.B) {
				yesterday := today.AddDate(0, 0, -1)
				t0 := time.Now()
				for _, end := range []time.Time{yesterday.Add(-shikayat.DefaultLeague.Step), yesterday} {
					if _, _, err := db.PublishLeague(ctx, end, shikayat.DefaultLeague); err != nil {
						b.Fatal(err)
					}
				}
				b.Logf("published the table and the one a step earlier in %s", time.Since(t0).Round(time.Millisecond))
				cpu0 := cpuTime()
				defer func() { b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
				for b.Loop() {
					t, err := db.PublishedLeague(ctx, shikayat.SystemScope(), yesterday, shikayat.DefaultLeague)
					if err != nil {
						b.Fatal(err)
					}
					if len(t.Rows) == 0 || t.Rows[0].Rank != 1 || t.PublishedAt.IsZero() {
						b.Fatalf("league %+v", t)
					}
				}
			})
		})
	}
}

// seedStats writes n complaints received over the year before now, and
// their forward, close and reopen events, behind the store's back.
func seedStats(b *testing.B, db *store.DB, n int, now time.Time) {
	b.Helper()
	ctx := context.Background()
	end := now.UnixMilli()
	const year = int64(365 * 24 * 3600 * 1000)
	exec := func(q string, args ...any) {
		b.Helper()
		if _, err := db.SQL().ExecContext(ctx, q, args...); err != nil {
			b.Fatalf("%v\n%s", err, q)
		}
	}
	// PostgreSQL's bulk load goes without the roll-ups' trigger, rebuilt
	// from the rows afterwards; SQLite's trigger keeps them row by row.
	if db.Engine() == store.Postgres {
		exec(`ALTER TABLE complaints DISABLE TRIGGER complaints_stats_insert`)
		exec(`ALTER TABLE complaints DISABLE TRIGGER complaints_open_insert`)
		defer func() {
			exec(`ALTER TABLE complaints ENABLE TRIGGER complaints_stats_insert`)
			exec(`ALTER TABLE complaints ENABLE TRIGGER complaints_open_insert`)
			t0 := time.Now()
			if err := db.RebuildStatsRollups(ctx); err != nil {
				b.Fatal(err)
			}
			b.Logf("rebuilt the roll-ups of %d complaints in %s", n, time.Since(t0).Round(time.Millisecond))
			exec(`VACUUM ANALYZE stats_days`)
			exec(`VACUUM ANALYZE stats_open`)
		}()
	}
	// received_at spreads the complaints evenly over the year; four in
	// five are closed some hours to weeks later (received + (n*7919 % 600)
	// hours), the rest are open with a deadline ten days on.
	exec(`
		WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $1),
		d AS (SELECT id, lgd, row_number() OVER (ORDER BY id) - 1 AS k FROM units WHERE kind = 'district'),
		r AS (SELECT n, CAST($2 AS BIGINT) - CAST(n AS BIGINT) * CAST($3 AS BIGINT) / CAST($1 AS BIGINT) AS at FROM seq)
		INSERT INTO complaints (code, source, source_post_id, text, stage, district, unit_id,
			class, suggested_class, type, received_at, unit_since, updated_at, closed_at, first_action_at, due_at, resolution)
		SELECT 'BENCH-' || r.n, 'x', 'bench-' || r.n, 'complaint ' || r.n,
			CASE WHEN r.n % 5 = 0 THEN 'in_progress' ELSE 'closed' END,
			d.lgd, d.id,
			CASE WHEN r.n % 10 = 0 THEN 'immediate' ELSE '' END,
			CASE WHEN r.n % 3 = 0 THEN 'long_term' ELSE 'mid_term' END,
			'theft', r.at, r.at, r.at,
			CASE WHEN r.n % 5 = 0 THEN NULL ELSE r.at + (CAST(r.n AS BIGINT) * 7919 % 600) * 3600000 END,
			r.at + (r.n % 90) * 60000,
			CASE WHEN r.n % 5 = 0 THEN r.at + 864000000 ELSE NULL END,
			CASE WHEN r.n % 5 = 0 THEN '' ELSE 'action_taken' END
		FROM r JOIN d ON d.k = r.n % 75`, n, end, year)
	// A person's note on three in four; a bounce on one in twenty (from
	// the next district over); a reopening on one in fifty.
	exec(`INSERT INTO events (complaint_id, at, actor, user_id, action, from_stage, to_stage, from_unit, to_unit)
		SELECT id, received_at + 1800000, 'op', 7, 'note', 'forwarded', 'forwarded', unit_id, unit_id FROM complaints WHERE id % 4 <> 0`)
	exec(`INSERT INTO events (complaint_id, at, actor, user_id, action, from_stage, to_stage, from_unit, to_unit)
		SELECT c.id, c.received_at + 600000, 'op', 7, 'forward', 'forwarded', 'forwarded', u.id, c.unit_id
		FROM complaints c JOIN units u ON u.kind = 'district' AND u.lgd <> c.district AND u.lgd = (SELECT min(lgd) FROM units WHERE kind = 'district' AND lgd > c.district)
		WHERE c.id % 20 = 0`)
	exec(`INSERT INTO events (complaint_id, at, actor, user_id, action, from_stage, to_stage, from_unit, to_unit)
		SELECT id, closed_at + 3600000, 'op', 7, 'reopen', 'closed', 'in_progress', unit_id, unit_id FROM complaints WHERE id % 50 = 1 AND closed_at IS NOT NULL`)
	analyze := `ANALYZE`
	if db.Engine() == store.Postgres {
		analyze = `VACUUM ANALYZE`
	}
	exec(analyze)
}
