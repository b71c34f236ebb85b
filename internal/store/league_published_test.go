package store_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// leagueDesk opens complaints in three districts on 5 January 2026 and
// works some of them: Lucknow 25 of 30, Kanpur 20 of 30, Agra 22 of 24.
func leagueDesk(t *testing.T, dsn string) (*statsDesk, map[int][]string) {
	t.Helper()
	d := newStatsDesk(t, dsn)
	codes := map[int][]string{}
	for lgd, n := range map[int]int{lucknow162: 30, kanpur157: 30, agra118: 24} {
		for range n {
			codes[lgd] = append(codes[lgd], d.complaint(t, lgd, shikayat.ClassMidTerm))
		}
	}
	d.at(2 * time.Hour)
	for lgd, n := range map[int]int{lucknow162: 25, kanpur157: 20, agra118: 22} {
		for _, c := range codes[lgd][:n] {
			work(t, d, c, lgd)
		}
	}
	return d, codes
}

// publish publishes the tables ending at ends, as the job does.
func publish(t *testing.T, db *store.DB, r shikayat.LeagueRules, ends ...time.Time) {
	t.Helper()
	for _, end := range ends {
		if _, _, err := db.PublishLeague(context.Background(), end, r); err != nil {
			t.Fatal(err)
		}
	}
}

// The published table is League's live table at publication; a reopening
// after it does not move it, but moves the next day's table.
func TestPublishedLeagueIsFixedAtPublication(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d, codes := leagueDesk(t, dsn())
		// 10:00 IST on 20 January: the table through 19 January.
		d.at(15 * 24 * time.Hour)
		end := time.Date(2026, 1, 20, 0, 0, 0, 0, shikayat.IST)
		live, err := d.db.League(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		publish(t, d.db, shikayat.DefaultLeague, end.Add(-shikayat.DefaultLeague.Step), end)
		pub, err := d.db.PublishedLeague(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(pub.Rows, live) {
			t.Fatalf("published %+v\nlive      %+v", pub.Rows, live)
		}
		if len(live) != 3 || live[0].Rank != 1 {
			t.Fatalf("live league %+v, want three districts ranked", live)
		}
		if want := d.clock.Now(); !pub.PublishedAt.Equal(want) || !pub.End.Equal(end) {
			t.Errorf("published at %s for %s, want %s for %s", pub.PublishedAt, pub.End, want, end)
		}

		// The next morning the citizens reopen ten of Lucknow's closures.
		d.at(16 * 24 * time.Hour)
		for _, c := range codes[lucknow162][:10] {
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "citizen says not resolved"}, d.op(t, lucknow162))
		}
		moved, err := d.db.League(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		if reflect.DeepEqual(moved, live) {
			t.Fatal("the reopenings do not move the live table, so the test proves nothing")
		}
		again, err := d.db.PublishedLeague(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(again, pub) {
			t.Errorf("the published table moved:\n%+v\nwas\n%+v", again, pub)
		}
		publish(t, d.db, shikayat.DefaultLeague, end.AddDate(0, 0, 1))
		next, err := d.db.PublishedLeague(ctx, shikayat.SystemScope(), end.AddDate(0, 0, 1), shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		liveNext, err := d.db.League(ctx, shikayat.SystemScope(), end.AddDate(0, 0, 1), shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(next.Rows, liveNext) {
			t.Errorf("the next day's table %+v\nlive %+v", next.Rows, liveNext)
		}
		good := func(rows []shikayat.LeagueRow) int {
			for _, r := range rows {
				if r.District == lucknow162 {
					return r.Good
				}
			}
			return -1
		}
		if g, was := good(next.Rows), good(pub.Rows); g != was-10 {
			t.Errorf("Lucknow's good closures: %d the next day, %d in the published table, want ten fewer", g, was)
		}
		// Movement compares with the table published Step earlier: none
		// was for that day, and none is counted back.
		if !next.PrevPublishedAt.IsZero() {
			t.Error("the table Step earlier was published by reading the next day's")
		}

		// A day not over is not published.
		today := time.Date(2026, 1, 22, 0, 0, 0, 0, shikayat.IST)
		if _, _, err := d.db.PublishLeague(ctx, today, shikayat.DefaultLeague); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Errorf("publishing a day not over: %v, want %s", err, shikayat.EINVALID)
		}
		if _, _, err := d.db.PublishLeague(ctx, end.Add(time.Hour), shikayat.DefaultLeague); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Errorf("publishing a table ending mid-day: %v, want %s", err, shikayat.EINVALID)
		}
		if _, err := d.db.PublishedLeague(ctx, shikayat.Scope{}, end, shikayat.DefaultLeague); err == nil {
			t.Error("the zero scope read the league")
		}
	})
}

// Two nodes publishing the same table at once end with one table, and
// both read it.
func TestPublishedLeagueConcurrentPublishers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		name := dsn()
		d, _ := leagueDesk(t, name)
		d.at(15 * 24 * time.Hour)
		// A second node, its clock a minute on.
		other := open(t, name, store.Options{Now: func() time.Time { return d.clock.Now().Add(time.Minute) }})
		first := time.Date(2026, 1, 10, 0, 0, 0, 0, shikayat.IST)
		const days = 8
		type result struct {
			counts []shikayat.LeagueCounts
			at     time.Time
			err    error
		}
		var got [2][days]result
		var wg sync.WaitGroup
		for i, db := range []*store.DB{d.db, other} {
			wg.Go(func() {
				for k := range days {
					r := &got[i][k]
					r.counts, r.at, r.err = db.PublishLeague(ctx, first.AddDate(0, 0, k), shikayat.DefaultLeague)
				}
			})
		}
		wg.Wait()
		for k := range days {
			a, b := got[0][k], got[1][k]
			if a.err != nil || b.err != nil {
				t.Fatalf("day %d: %v, %v", k, a.err, b.err)
			}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("day %d: the nodes read different tables:\n%+v\n%+v", k, a, b)
			}
			if k >= 1 && len(a.counts) != 3 {
				t.Errorf("day %d: %d districts, want 3", k, len(a.counts))
			}
		}
		var published, rows int
		if err := d.db.SQL().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM league_published), (SELECT count(*) FROM league_tables)`).Scan(&published, &rows); err != nil {
			t.Fatal(err)
		}
		want := 0
		for k := range days {
			want += len(got[0][k].counts)
		}
		if published != days || rows != want {
			t.Errorf("%d tables of %d rows stored, want %d of %d", published, rows, days, want)
		}
	})
}

// A node that counted a table while another published it keeps the other
// one's table, not its own counts: after the first node counted, the
// citizens reopen ten complaints and the second node publishes.
func TestPublishedLeagueLoserReadsWinner(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		name := dsn()
		d, codes := leagueDesk(t, name)
		d.at(15 * 24 * time.Hour)
		other := open(t, name, store.Options{Now: func() time.Time { return d.clock.Now().Add(time.Minute) }})
		end := time.Date(2026, 1, 20, 0, 0, 0, 0, shikayat.IST)
		var won []shikayat.LeagueCounts
		var wonAt time.Time
		d.db.OnLockHeld(func(step string) {
			if step != "league counted" || won != nil {
				return
			}
			for _, c := range codes[lucknow162][:10] {
				d.act(t, c, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "citizen says not resolved"}, d.op(t, lucknow162))
			}
			var err error
			if won, wonAt, err = other.PublishLeague(ctx, end, shikayat.DefaultLeague); err != nil {
				t.Error(err)
			}
		})
		counts, at, err := d.db.PublishLeague(ctx, end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		if won == nil {
			t.Fatal("the second node did not publish")
		}
		if !reflect.DeepEqual(counts, won) || !at.Equal(wonAt) || !at.Equal(d.clock.Now().Add(time.Minute)) {
			t.Errorf("the first node read %+v (%s)\nthe second published %+v (%s)", counts, at, won, wonAt)
		}
		var good int
		if err := d.db.SQL().QueryRowContext(ctx, `SELECT good FROM league_tables WHERE district = $1`, lucknow162).Scan(&good); err != nil {
			t.Fatal(err)
		}
		if good != 15 {
			t.Errorf("Lucknow's stored good closures: %d, want 15 (the second node's count)", good)
		}
	})
}

// A zone's user sees the districts of its zone, with their ranks in the
// state's table.
func TestPublishedLeagueZoneSeesStateRanks(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d, _ := leagueDesk(t, dsn())
		d.at(15 * 24 * time.Hour)
		end := time.Date(2026, 1, 20, 0, 0, 0, 0, shikayat.IST)
		publish(t, d.db, shikayat.DefaultLeague, end)
		state, err := d.db.PublishedLeague(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		below := false // a zone whose best district is not the state's first
		for _, lgd := range []int{kanpur157, agra118} {
			scope, path := zoneOf(t, d.db, lgd)
			zone, err := d.db.PublishedLeague(ctx, scope, end, shikayat.DefaultLeague)
			if err != nil {
				t.Fatal(err)
			}
			var want []shikayat.LeagueRow
			for _, r := range state.Rows {
				u, err := d.db.FindUnit(ctx, shikayat.DistrictUnitID(r.District))
				if err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(u.Path, path) {
					want = append(want, r)
				}
			}
			if len(want) == 0 || len(want) == len(state.Rows) {
				t.Fatalf("zone of %d: %d of the state's %d districts, the test proves nothing", lgd, len(want), len(state.Rows))
			}
			if !reflect.DeepEqual(zone.Rows, want) {
				t.Errorf("zone of %d sees %+v\nwant %+v", lgd, zone.Rows, want)
			}
			below = below || zone.Rows[0].Rank > 1
		}
		if !below {
			t.Error("every zone's first district is first in the state: the state ranks are not shown")
		}
	})
}

// zoneOf returns the scope of a supervisor of district lgd's zone, and the
// zone's path.
func zoneOf(t *testing.T, db *store.DB, lgd int) (shikayat.Scope, string) {
	t.Helper()
	ctx := context.Background()
	du, err := db.FindUnit(ctx, shikayat.DistrictUnitID(lgd))
	if err != nil {
		t.Fatal(err)
	}
	zoneID, _ := shikayat.EscalationUnit(du.Path, 2)
	zu, err := db.FindUnit(ctx, zoneID)
	if err != nil {
		t.Fatal(err)
	}
	return shikayat.ScopeOf(&shikayat.User{ID: 1, Role: shikayat.RoleSupervisor, UnitID: zu.ID}, zu), zu.Path
}

// A backup carries the published tables: the copy reads the same table
// without counting it again, even after the complaints behind it changed.
func TestPublishedLeagueSurvivesBackup(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dsn := storetest.DSN(t, "sqlite")
	d, codes := leagueDesk(t, dsn)
	d.at(15 * 24 * time.Hour)
	end := time.Date(2026, 1, 20, 0, 0, 0, 0, shikayat.IST)
	publish(t, d.db, shikayat.DefaultLeague, end)
	pub, err := d.db.PublishedLeague(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
	if err != nil {
		t.Fatal(err)
	}
	d.at(16 * 24 * time.Hour)
	for _, c := range codes[lucknow162][:10] {
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "citizen says not resolved"}, d.op(t, lucknow162))
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := store.BackupSQLite(ctx, dsn, path); err != nil {
		t.Fatal(err)
	}
	copied := open(t, "sqlite:"+path, store.Options{Now: d.clock.Now})
	got, err := copied.PublishedLeague(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, pub) {
		t.Errorf("the copy's table %+v\nwas %+v", got, pub)
	}
}
