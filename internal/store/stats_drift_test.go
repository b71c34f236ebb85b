package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// sameAsRecount fails t when the dashboard read from the roll-ups differs
// from the recount of the complaints and events for f.
func sameAsRecount(t *testing.T, d *statsDesk, name string, f shikayat.StatsFilter) {
	t.Helper()
	ctx := context.Background()
	got, err := d.db.DistrictStats(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := d.db.RecountDistrictStats(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: roll-ups bounces=%d reopened=%d\n%s\nrecount bounces=%d reopened=%d\n%s", name,
			got.Totals.Bounces, got.Totals.Reopened, rowsOf(got), want.Totals.Bounces, want.Totals.Reopened, rowsOf(want))
	}
}

// A zone or range filter is resolved in the dashboard's own read
// transaction: with a pool of one connection, a lookup that asked the pool
// for a second one would wait for ever (the context's deadline here only
// ends the wait).
func TestStatsUnderFilterOneConnection(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newStatsDesk(t, dsn())
		d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		district, err := d.db.FindUnit(context.Background(), shikayat.DistrictUnitID(lucknow162))
		if err != nil {
			t.Fatal(err)
		}
		d.db.SQL().SetMaxOpenConns(1)
		defer d.db.SQL().SetMaxOpenConns(0)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		f := shikayat.StatsFilter{Scope: shikayat.SystemScope(), Under: district.ParentID,
			From: time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST), To: time.Date(2026, 1, 31, 0, 0, 0, 0, shikayat.IST)}
		if _, err := d.db.DistrictStats(ctx, f); err != nil {
			t.Fatalf("dashboard under %s: %v", f.Under, err)
		}
		if _, err := d.db.RecountDistrictStats(ctx, f); err != nil {
			t.Fatalf("recount under %s: %v", f.Under, err)
		}
	})
}

// Only an unknown unit or one of another kind is the caller's mistake; a
// failure to read it (here a cancelled context) is not relabelled one.
func TestStatsUnderFilterErrors(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newStatsDesk(t, dsn())
		d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST), time.Date(2026, 1, 31, 0, 0, 0, 0, shikayat.IST)
		for _, under := range []string{"zone:nowhere", shikayat.DistrictUnitID(lucknow162)} {
			_, err := d.db.DistrictStats(context.Background(), shikayat.StatsFilter{Scope: shikayat.SystemScope(), Under: under, From: from, To: to})
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Errorf("under %s: %v, want %s", under, err, shikayat.EINVALID)
			}
		}
		district, err := d.db.FindUnit(context.Background(), shikayat.DistrictUnitID(lucknow162))
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err = d.db.DistrictStats(ctx, shikayat.StatsFilter{Scope: shikayat.SystemScope(), Under: district.ParentID, From: from, To: to})
		if err == nil || shikayat.ErrorCode(err) == shikayat.EINVALID {
			t.Errorf("cancelled: %v, want an internal error", err)
		}
	})
}

// A station that bounced a complaint is moved to another district: the
// bounce roll-up still equals the recount, state-wide and per district.
func TestStatsStationMovedDistrict(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		lko, knp := d.op(t, lucknow162), d.op(t, kanpur157)
		sho := d.station(t, lucknow162)
		day := 24 * time.Hour
		c := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		d.at(time.Hour)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, lko)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}, lko)
		d.at(day)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionForward, District: kanpur157, Reason: "not ours"}, lko)
		d.at(3 * day)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionForward, District: lucknow162, Reason: "not ours"}, knp)
		from := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST)
		to := time.Date(2026, 1, 31, 0, 0, 0, 0, shikayat.IST)
		sameAsRecount(t, d, "before the move", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to})
		if _, _, err := d.db.ImportStations(ctx, []*shikayat.Unit{{ID: sho.UnitID, Kind: shikayat.UnitStation, Name: "Kotwali 162", LGD: kanpur157}}); err != nil {
			t.Fatal(err)
		}
		sameAsRecount(t, d, "state, after the move", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to})
		sameAsRecount(t, d, "kanpur, after the move", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to, District: kanpur157})
		sameAsRecount(t, d, "lucknow, after the move", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to, District: lucknow162})
	})
}

// Two nodes whose clocks differ around IST midnight commit events whose
// ids are not in the order of their times: the previous event is the
// earlier in time, in the trigger and in the recount alike.
func TestStatsEventsOutOfTimeOrder(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newStatsDesk(t, dsn())
		lko, knp := d.op(t, lucknow162), d.op(t, kanpur157)
		c := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		mid := time.Date(2026, 1, 8, 0, 0, 0, 0, shikayat.IST)
		d.clock.Set(mid.Add(30 * time.Second)) // one node, a little ahead
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionForward, District: kanpur157, Reason: "not ours"}, lko)
		d.clock.Set(mid.Add(40 * time.Second))
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionForward, District: lucknow162, Reason: "not ours"}, knp)
		d.clock.Set(mid.Add(-10 * time.Second)) // another, a little behind
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionForward, District: kanpur157, Reason: "again"}, lko)
		sameAsRecount(t, d, "Jan 7", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: mid.AddDate(0, 0, -1), To: mid})
		sameAsRecount(t, d, "Jan 8", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: mid, To: mid.AddDate(0, 0, 1)})
		sameAsRecount(t, d, "Jan 7-8", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: mid.AddDate(0, 0, -1), To: mid.AddDate(0, 0, 1)})
	})
}

// A station officer's reply is the league's action on the complaint by the
// unit that held it when the reply was written: the officer's later move to
// the district office changes nothing, in the trigger or in a rebuild.
func TestActedAtSurvivesOfficerMove(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		lko := d.op(t, lucknow162)
		sho := d.station(t, lucknow162)
		u := &shikayat.User{Username: sho.Username, Role: sho.Role, UnitID: sho.UnitID}
		if err := d.db.CreateUser(ctx, u, "x"); err != nil {
			t.Fatal(err)
		}
		sho.UserID = u.ID
		c := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		d.at(time.Hour)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, lko)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}, lko)
		d.at(2 * time.Hour)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionReply, Text: "Hum dekh rahe hain"}, sho)
		acted := func() (at *int64) {
			t.Helper()
			if err := d.db.SQL().QueryRowContext(ctx, `SELECT acted_at FROM complaints WHERE code = $1`, c).Scan(&at); err != nil {
				t.Fatal(err)
			}
			return at
		}
		before := acted()
		if before == nil {
			t.Fatal("the station officer's reply set no acted_at")
		}
		if _, err := d.db.SQL().ExecContext(ctx, `UPDATE users SET unit_id = $1 WHERE id = $2`, shikayat.DistrictUnitID(lucknow162), sho.UserID); err != nil {
			t.Fatal(err)
		}
		if err := d.db.RebuildStatsRollups(ctx); err != nil {
			t.Fatal(err)
		}
		if after := acted(); after == nil || *after != *before {
			t.Errorf("acted_at after the officer moved and a rebuild: %v, want %d", after, *before)
		}
	})
}

// One statement that writes several bounces of a complaint leaves in
// stats_events exactly the rows a rebuild recounts, whatever order the
// statement lists them in: by time, or against it (ids then disagree with
// the times, as between nodes whose clocks differ).
func TestStatsEventsMultiRowInsertOrder(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		for _, order := range []string{"in time order", "against time order"} {
			t.Run(order, func(t *testing.T) {
				ctx := context.Background()
				d := newStatsDesk(t, dsn())
				var ids [2]int64
				for i := range ids {
					c := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
					if err := d.db.SQL().QueryRowContext(ctx, `SELECT id FROM complaints WHERE code = $1`, c).Scan(&ids[i]); err != nil {
						t.Fatal(err)
					}
				}
				// Back and forth between two districts over three IST days,
				// two bounces on the first, for two complaints.
				day := int64(24 * time.Hour / time.Millisecond)
				t0 := time.Date(2026, 1, 6, 10, 0, 0, 0, shikayat.IST).UnixMilli()
				type bounce struct {
					at       int64
					from, to string
				}
				bounces := []bounce{
					{t0, "district:162", "district:157"},
					{t0 + 3600000, "district:157", "district:162"},
					{t0 + day, "district:162", "district:157"},
					{t0 + 2*day, "district:157", "district:162"},
				}
				if order != "in time order" {
					slices.Reverse(bounces)
				}
				var rows []string
				var args []any
				for _, id := range ids {
					for _, b := range bounces {
						n := len(args)
						rows = append(rows, fmt.Sprintf("($%d, $%d, 'op', 1, 'forward', 'forwarded', 'forwarded', $%d, $%d)", n+1, n+2, n+3, n+4))
						args = append(args, id, b.at, b.from, b.to)
					}
				}
				if _, err := d.db.SQL().ExecContext(ctx, `INSERT INTO events (complaint_id, at, actor, user_id, action, from_stage, to_stage, from_unit, to_unit)
					VALUES `+strings.Join(rows, ", "), args...); err != nil {
					t.Fatal(err)
				}
				kept := statsEventsRows(t, d)
				if err := d.db.RebuildStatsRollups(ctx); err != nil {
					t.Fatal(err)
				}
				recounted := statsEventsRows(t, d)
				if !reflect.DeepEqual(kept, recounted) {
					t.Errorf("stats_events as the trigger kept it:\n%s\nas a rebuild recounts it:\n%s", strings.Join(kept, "\n"), strings.Join(recounted, "\n"))
				}
				if len(recounted) == 0 {
					t.Error("the rebuild counted no bounces")
				}
			})
		}
	})
}

// statsEventsRows reads stats_events, one line a row, in key order.
func statsEventsRows(t *testing.T, d *statsDesk) []string {
	t.Helper()
	rows, err := d.db.SQL().QueryContext(context.Background(), `SELECT kind, day, from_unit, prev_district_day, prev_day, n FROM stats_events
		ORDER BY kind, day, from_unit, prev_district_day, prev_day`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var kind, unit string
		var day, pd, pa, n int64
		if err := rows.Scan(&kind, &day, &unit, &pd, &pa, &n); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %d %s %d %d: %d", kind, day, unit, pd, pa, n))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
