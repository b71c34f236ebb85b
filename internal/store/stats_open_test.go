package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The pending and overdue complaints read from stats_open (migration 00038)
// equal a recount at the edges of its days: due earlier today and later
// today, yesterday, without a deadline; received after the period's end;
// reclassified, re-routed, closed and reopened, merged, and changed behind
// the store's back.
func TestStatsOpenRollupEqualsRecount(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		lko, knp := d.op(t, lucknow162), d.op(t, kanpur157)
		hour, day := time.Hour, 24*time.Hour
		var codes []string
		for i, lgd := range []int{lucknow162, lucknow162, lucknow162, kanpur157, kanpur157, agra118, agra118, prayag120} {
			d.at(time.Duration(i) * 2 * day)
			codes = append(codes, d.complaint(t, lgd, []shikayat.Class{shikayat.ClassImmediate, shikayat.ClassMidTerm, shikayat.ClassLongTerm}[i%3]))
		}
		d.at(16 * day)
		d.act(t, codes[0], shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassLongTerm, Type: shikayat.TypeFraudCheating}, lko)
		d.act(t, codes[3], shikayat.Action{Kind: shikayat.ActionForward, District: agra118, Reason: "not ours"}, knp)
		noteAndClose(t, d, codes[1], lko)
		d.act(t, codes[1], shikayat.Action{Kind: shikayat.ActionReopen, Reason: "not resolved"}, lko)
		noteAndClose(t, d, codes[2], lko)
		d.act(t, codes[5], shikayat.Action{Kind: shikayat.ActionMerge, Into: codes[6]}, d.op(t, agra118))
		// Now is 16 days on, 10:00 IST: deadlines at the edges of today.
		now := d.clock.Now()
		for code, due := range map[string]any{
			codes[0]: now.Add(-hour).UnixMilli(),                     // earlier today: overdue
			codes[1]: now.Add(hour).UnixMilli(),                      // later today: not yet
			codes[3]: now.UnixMilli(),                                // now: overdue
			codes[4]: now.Add(-day).UnixMilli(),                      // yesterday
			codes[6]: nil,                                            // none
			codes[7]: now.Add(-10*hour - 30*time.Minute).UnixMilli(), // today's first minute, IST
		} {
			if _, err := d.db.SQL().ExecContext(ctx, `UPDATE complaints SET due_at = $1 WHERE code = $2`, due, code); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := d.db.SQL().ExecContext(ctx, `UPDATE complaints SET suggested_class = $1, class = '' WHERE code = $2`, string(shikayat.ClassMidTerm), codes[4]); err != nil {
			t.Fatal(err)
		}

		from := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST)
		for name, f := range map[string]shikayat.StatsFilter{
			"state":               {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30)},
			"ends before receipt": {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 10)},
			"ends before all":     {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 4)},
			"class":               {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30), Class: shikayat.ClassMidTerm},
			"type":                {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30), Type: shikayat.TypeFraudCheating},
			"district":            {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30), District: agra118},
			"a district's":        {Scope: lko.Scope, From: from, To: from.AddDate(0, 0, 30)},
		} {
			got, err := d.db.DistrictStats(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := d.db.RecountDistrictStats(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the roll-ups say\n%+v\n%s\nthe recount\n%+v\n%s", name, got.Totals, rowsOf(got), want.Totals, rowsOf(want))
			}
			if name == "state" && (want.Totals.Pending != 6 || want.Totals.Overdue != 4) {
				t.Errorf("state: pending %d, overdue %d; want 6 and 4", want.Totals.Pending, want.Totals.Overdue)
			}
		}
	})
}
