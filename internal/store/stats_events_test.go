package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The bounces and reopenings read from stats_events (migration 00045)
// equal a recount from the events on a desk of random actions, where a
// complaint is bounced and reopened more than once, by one district and by
// several, for periods that cut between its events: per district each
// complaint once, in the totals each complaint once; and again after the
// table is emptied and rebuilt.
func TestStatsEventsRollupEqualsRecount(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := randomDesk(t, dsn())
		lko := d.op(t, lucknow162)
		district, err := d.db.FindUnit(ctx, shikayat.DistrictUnitID(lucknow162))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST)
		filters := map[string]shikayat.StatsFilter{}
		for _, p := range [][2]int{{0, 90}, {10, 11}, {12, 20}, {20, 45}, {30, 31}, {40, 75}} {
			from, to := start.AddDate(0, 0, p[0]), start.AddDate(0, 0, p[1])
			name := from.Format("01-02") + ".." + to.Format("01-02")
			filters["state "+name] = shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to}
			filters["district "+name] = shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to, District: kanpur157}
			filters["a district's "+name] = shikayat.StatsFilter{Scope: lko.Scope, From: from, To: to}
			filters["range "+name] = shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to, Under: district.ParentID}
			filters["class "+name] = shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to, Class: shikayat.ClassMidTerm}
		}
		check := func(when string) {
			t.Helper()
			bounces := 0
			for name, f := range filters {
				got, err := d.db.DistrictStats(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				want, err := d.db.RecountDistrictStats(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s, %s: the roll-ups say\n%+v\n%s\nthe recount\n%+v\n%s", when, name, got.Totals, rowsOf(got), want.Totals, rowsOf(want))
				}
				if name == "state 01-01..04-01" {
					bounces = want.Totals.Bounces
					if want.Totals.Bounces == 0 || want.Totals.Reopened == 0 {
						t.Errorf("the desk has %d bounced and %d reopened complaints", want.Totals.Bounces, want.Totals.Reopened)
					}
				}
			}
			t.Logf("%s: %d complaints bounced", when, bounces)
		}
		check("as kept by the trigger")
		if _, err := d.db.SQL().ExecContext(ctx, `DELETE FROM stats_events`); err != nil {
			t.Fatal(err)
		}
		if err := d.db.RebuildStatsRollups(ctx); err != nil {
			t.Fatal(err)
		}
		check("after a rebuild")
	})
}

// Under a class or type filter the bounces and reopenings are counted from
// the events, each complaint once per district and once in all, by the
// class and type the complaint has now: they equal a count written here
// in plain SQL, per district and in the totals, for each class and a type.
func TestStatsEventsClassFilterCounts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := randomDesk(t, dsn())
		start := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST)
		const bounce = `e.action = 'forward' AND e.from_stage <> 'received' AND e.from_unit <> 'hq' AND e.from_unit <> e.to_unit`
		const reopen = `e.action = 'reopen'`
		count := func(kind, group string, f shikayat.StatsFilter) map[int]int {
			t.Helper()
			col, val := `CASE WHEN c.class <> '' THEN c.class ELSE c.suggested_class END`, string(f.Class)
			if f.Type != "" {
				col, val = `CASE WHEN c.type <> '' THEN c.type ELSE c.suggested_type END`, string(f.Type)
			}
			rows, err := d.db.SQL().QueryContext(ctx, `SELECT `+group+`, count(DISTINCT e.complaint_id)
				FROM events e JOIN units u ON u.id = e.from_unit JOIN complaints c ON c.id = e.complaint_id
				WHERE `+kind+` AND e.at >= $1 AND e.at < $2 AND `+col+` = $3 GROUP BY 1`, f.From.UnixMilli(), f.To.UnixMilli(), val)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			out := map[int]int{}
			for rows.Next() {
				var g, n int
				if err := rows.Scan(&g, &n); err != nil {
					t.Fatal(err)
				}
				out[g] = n
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			return out
		}
		seen := 0
		for _, p := range [][2]int{{0, 90}, {10, 11}, {20, 45}, {40, 75}} {
			from, to := start.AddDate(0, 0, p[0]), start.AddDate(0, 0, p[1])
			for _, f := range []shikayat.StatsFilter{
				{Scope: shikayat.SystemScope(), From: from, To: to, Class: shikayat.ClassMidTerm},
				{Scope: shikayat.SystemScope(), From: from, To: to, Class: shikayat.ClassImmediate},
				{Scope: shikayat.SystemScope(), From: from, To: to, Class: shikayat.ClassLongTerm},
				{Scope: shikayat.SystemScope(), From: from, To: to, Type: shikayat.TypeTheft},
			} {
				name := fmt.Sprintf("%s..%s %s%s", from.Format("01-02"), to.Format("01-02"), f.Class, f.Type)
				st, err := d.db.DistrictStats(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				wantB, wantR := count(bounce, "u.lgd", f), count(reopen, "u.lgd", f)
				gotB, gotR := map[int]int{}, map[int]int{}
				for _, r := range st.Districts {
					if r.Bounces != 0 {
						gotB[r.District] = r.Bounces
					}
					if r.Reopened != 0 {
						gotR[r.District] = r.Reopened
					}
				}
				if !reflect.DeepEqual(gotB, wantB) || !reflect.DeepEqual(gotR, wantR) {
					t.Errorf("%s: bounces %v, reopenings %v per district; counted %v, %v", name, gotB, gotR, wantB, wantR)
				}
				if b, r := count(bounce, "0", f)[0], count(reopen, "0", f)[0]; st.Totals.Bounces != b || st.Totals.Reopened != r {
					t.Errorf("%s: %d bounced and %d reopened in all; counted %d and %d", name, st.Totals.Bounces, st.Totals.Reopened, b, r)
				}
				seen += st.Totals.Bounces + st.Totals.Reopened
			}
		}
		if seen == 0 {
			t.Error("the desk has no bounced or reopened complaint of any class")
		}
	})
}
