package store_test

import (
	"context"
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
