package store_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The daily roll-ups the dashboard reads equal a recount from the
// complaints after a mixed run of actions — created, classified, assigned
// to a station, forwarded away, noted, closed late and in time, reopened,
// rated, merged, changed behind the store's back — for every filter the
// page offers; and an erasure changes no number.
func TestStatsRollupsEqualRecount(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		if _, _, err := d.db.ImportStations(ctx, []*shikayat.Unit{{ID: "station:lko-hazratganj", Kind: shikayat.UnitStation, Name: "Hazratganj", LGD: lucknow162}}); err != nil {
			t.Fatal(err)
		}
		lko, knp, agra := d.op(t, lucknow162), d.op(t, kanpur157), d.op(t, agra118)
		hour, day := time.Hour, 24*time.Hour

		var codes []string
		for i, lgd := range []int{lucknow162, lucknow162, lucknow162, kanpur157, kanpur157, agra118, agra118, prayag120} {
			d.at(time.Duration(i) * 5 * hour) // across IST days
			codes = append(codes, d.complaint(t, lgd, []shikayat.Class{shikayat.ClassImmediate, shikayat.ClassMidTerm, shikayat.ClassLongTerm}[i%3]))
		}
		d.at(2 * day)
		d.act(t, codes[0], shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeFraudCheating}, lko)
		d.act(t, codes[0], shikayat.Action{Kind: shikayat.ActionAssign, Station: "station:lko-hazratganj", Reason: "area"}, lko)
		d.act(t, codes[0], shikayat.Action{Kind: shikayat.ActionNote, Text: "FIR darj"}, lko)
		noteAndClose(t, d, codes[1], lko)
		d.act(t, codes[3], shikayat.Action{Kind: shikayat.ActionForward, District: agra118, Reason: "not ours"}, knp)
		d.at(3 * day)
		d.act(t, codes[0], shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionFIRRegistered, Note: "done"}, lko)
		d.act(t, codes[5], shikayat.Action{Kind: shikayat.ActionMerge, Into: codes[6]}, agra)
		noteAndClose(t, d, codes[3], agra)
		d.at(4 * day)
		d.act(t, codes[1], shikayat.Action{Kind: shikayat.ActionReopen, Reason: "not resolved"}, lko)
		d.at(15 * day) // late
		noteAndClose(t, d, codes[1], lko)
		noteAndClose(t, d, codes[6], agra)
		// Ratings and a change of district written behind the store's back:
		// the triggers count them too.
		for code, r := range map[string]int{codes[0]: 5, codes[1]: 2, codes[6]: 4} {
			if _, err := d.db.SQL().ExecContext(ctx, `UPDATE complaints SET rating = $1 WHERE code = $2`, r, code); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := d.db.SQL().ExecContext(ctx, `UPDATE complaints SET district = $1, suggested_type = $2 WHERE code = $3`, fatehpur, string(shikayat.TypeFraudCheating), codes[7]); err != nil {
			t.Fatal(err)
		}

		from := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST)
		range162, err := d.db.FindUnit(ctx, shikayat.DistrictUnitID(lucknow162))
		if err != nil {
			t.Fatal(err)
		}
		filters := map[string]shikayat.StatsFilter{
			"state":        {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30)},
			"a short one":  {Scope: shikayat.SystemScope(), From: from.AddDate(0, 0, 5), To: from.AddDate(0, 0, 8)},
			"class":        {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30), Class: shikayat.ClassMidTerm},
			"type":         {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30), Type: shikayat.TypeFraudCheating},
			"class + type": {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30), Class: shikayat.ClassLongTerm, Type: shikayat.TypeTheft},
			"range":        {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30), Under: range162.ParentID},
			"district":     {Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 30), District: agra118},
			"a district's": {Scope: lko.Scope, From: from, To: from.AddDate(0, 0, 30)},
			// Blocks of 16 days inside, odd days at both ends.
			"a year":           {Scope: shikayat.SystemScope(), From: from.AddDate(0, 0, -200), To: from.AddDate(0, 0, 165)},
			"a year's class":   {Scope: shikayat.SystemScope(), From: from.AddDate(0, 0, -201), To: from.AddDate(0, 0, 166), Class: shikayat.ClassMidTerm},
			"a year in a zone": {Scope: shikayat.SystemScope(), From: from.AddDate(0, 0, -199), To: from.AddDate(0, 0, 164), Under: range162.ParentID},
			// Ends inside the block that holds the actions.
			"ends mid-block":   {Scope: shikayat.SystemScope(), From: from.AddDate(0, 0, -40), To: from.AddDate(0, 0, 14)},
			"starts mid-block": {Scope: shikayat.SystemScope(), From: from.AddDate(0, 0, 12), To: from.AddDate(0, 0, 60)},
		}
		check := func(t *testing.T, when string) map[string]*shikayat.Stats {
			t.Helper()
			out := map[string]*shikayat.Stats{}
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
				out[name] = got
			}
			return out
		}
		before := check(t, "after the actions")
		blocksSumDays(t, d.db.SQL())
		if before["state"].Totals.Received != 8 || before["state"].Totals.Disposed != 5 || before["state"].Totals.Rated != 3 {
			t.Errorf("state totals %+v", before["state"].Totals)
		}

		// An erasure of an author and a redaction of deleted posts change
		// no number.
		if _, err := d.db.ErasePerson(ctx, "citizens1", "DPO ticket 7", true); err != nil {
			t.Fatal(err)
		}
		if _, err := d.db.RedactDeletedPosts(ctx, []string{"s2", "s7"}); err != nil {
			t.Fatal(err)
		}
		after := check(t, "after erasure")
		if !reflect.DeepEqual(before, after) {
			t.Errorf("erasure changed the numbers: %+v, then %+v", before["state"].Totals, after["state"].Totals)
		}
		// A rebuild writes the same rows the triggers kept.
		if err := d.db.RebuildStatsRollups(ctx); err != nil {
			t.Fatal(err)
		}
		blocksSumDays(t, d.db.SQL())
		if rebuilt := check(t, "after a rebuild"); !reflect.DeepEqual(before, rebuilt) {
			t.Errorf("the rebuild changed the numbers: %+v, then %+v", before["state"].Totals, rebuilt["state"].Totals)
		}
	})
}

func rowsOf(st *shikayat.Stats) string {
	out := ""
	for _, r := range st.Districts {
		out += fmt.Sprintf("  %+v\n", *r)
	}
	for _, d := range st.Days {
		if d.Received+d.Disposed > 0 {
			out += fmt.Sprintf("  %+v\n", d)
		}
	}
	return out
}

// blocksSumDays fails t unless every row of stats_blocks is the sum of the
// rows of stats_days in its block of 16 days, and every day is in a block.
func blocksSumDays(t *testing.T, db *sql.DB) {
	t.Helper()
	type key struct {
		class, typ, unit string
		day              int64
		district         int
	}
	type sums struct {
		n    [5]int
		hist shikayat.DisposalHistogram
	}
	read := func(table string, block bool) map[key]*sums {
		rows, err := db.Query(`SELECT class, type, unit_id, day, district, received, disposed, met, rated, rating_sum, hist FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[key]*sums{}
		for rows.Next() {
			var k key
			var n [5]int
			var hist string
			if err := rows.Scan(&k.class, &k.typ, &k.unit, &k.day, &k.district, &n[0], &n[1], &n[2], &n[3], &n[4], &hist); err != nil {
				t.Fatal(err)
			}
			if block {
				k.day -= k.day % 16
			}
			s := out[k]
			if s == nil {
				s = &sums{hist: shikayat.DisposalHistogram{}}
				out[k] = s
			}
			for i := range n {
				s.n[i] += n[i]
			}
			var h map[string]int
			if err := json.Unmarshal([]byte(hist), &h); err != nil {
				t.Fatalf("%s: hist %q: %v", table, hist, err)
			}
			for b, c := range h {
				bucket, err := strconv.Atoi(b)
				if err != nil {
					t.Fatalf("%s: hist %q: %v", table, hist, err)
				}
				if s.hist[bucket] += c; s.hist[bucket] == 0 {
					delete(s.hist, bucket)
				}
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		for k, s := range out {
			if s.n == [5]int{} && len(s.hist) == 0 {
				delete(out, k) // rows of zeros count nothing
			}
		}
		return out
	}
	days, blocks := read("stats_days", true), read("stats_blocks", false)
	if len(days) == 0 {
		t.Fatal("stats_days counts nothing")
	}
	for k, d := range days {
		if b := blocks[k]; b == nil || !reflect.DeepEqual(*b, *d) {
			t.Errorf("block %+v: stats_blocks has %+v, its days sum to %+v", k, b, *d)
		}
	}
	for k, b := range blocks {
		if days[k] == nil {
			t.Errorf("block %+v: stats_blocks has %+v, its days nothing", k, *b)
		}
	}
}
