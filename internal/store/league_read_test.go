package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// publishedCount returns how many league tables are stored, and their rows.
func publishedCount(t *testing.T, db *store.DB) (tables, rows int) {
	t.Helper()
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT (SELECT count(*) FROM league_published), (SELECT count(*) FROM league_tables)`).Scan(&tables, &rows); err != nil {
		t.Fatal(err)
	}
	return tables, rows
}

// Reading the league never publishes it: a day with no published table is
// "not published", and the provisional count stores nothing. Movement is
// only against a table published Step earlier, never counted back; a
// station's user, whose scope holds no district, gets no table at all.
func TestLeagueReadsNeverPublish(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d, _ := leagueDesk(t, dsn())
		d.at(15 * 24 * time.Hour)
		rules := shikayat.LeagueRules{Window: 90 * 24 * time.Hour, Step: 5 * 24 * time.Hour, MinVolume: 1}
		end := time.Date(2026, 1, 20, 0, 0, 0, 0, shikayat.IST)
		if _, err := d.db.PublishedLeague(ctx, shikayat.SystemScope(), end, rules); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
			t.Fatalf("reading a day never published: %v, want %s", err, shikayat.ENOTFOUND)
		}
		live, err := d.db.League(ctx, shikayat.SystemScope(), end, rules)
		if err != nil {
			t.Fatal(err)
		}
		backCounted := false
		for _, r := range live {
			backCounted = backCounted || r.PrevRank > 0
		}
		if !backCounted {
			t.Fatal("the table a step earlier, counted back, ranks no district: the test proves nothing")
		}
		prov, err := d.db.ProvisionalLeague(ctx, shikayat.SystemScope(), end, rules)
		if err != nil {
			t.Fatal(err)
		}
		if len(prov.Rows) != 3 || !prov.PublishedAt.IsZero() || !prov.PrevPublishedAt.IsZero() {
			t.Fatalf("provisional table %+v, want three districts, nothing published", prov)
		}
		for _, r := range prov.Rows {
			if r.PrevRank != 0 || r.Move != 0 {
				t.Errorf("district %d moves against a table never published: %+v", r.District, r)
			}
		}
		var station string
		if err := d.db.SQL().QueryRowContext(ctx, `SELECT id FROM units WHERE kind = 'station' ORDER BY id LIMIT 1`).Scan(&station); err != nil {
			t.Fatal(err)
		}
		su, err := d.db.FindUnit(ctx, station)
		if err != nil {
			t.Fatal(err)
		}
		thana := shikayat.ScopeOf(&shikayat.User{ID: 2, Role: shikayat.RoleStationOfficer, UnitID: su.ID}, su)
		for name, read := range map[string]func() (*shikayat.LeagueTable, error){
			"provisional": func() (*shikayat.LeagueTable, error) { return d.db.ProvisionalLeague(ctx, thana, end, rules) },
		} {
			st, err := read()
			if err != nil {
				t.Fatal(err)
			}
			if !st.NoDistricts || len(st.Rows) != 0 {
				t.Errorf("%s: a station's user gets %+v, want no districts", name, st)
			}
		}
		if tables, rows := publishedCount(t, d.db); tables != 0 || rows != 0 {
			t.Fatalf("reading stored %d tables of %d rows", tables, rows)
		}

		// The job publishes the table a step earlier: movement is against it.
		prevEnd := end.Add(-rules.Step)
		prevCounts, prevAt, err := d.db.PublishLeague(ctx, prevEnd, rules)
		if err != nil {
			t.Fatal(err)
		}
		prov, err = d.db.ProvisionalLeague(ctx, shikayat.SystemScope(), end, rules)
		if err != nil {
			t.Fatal(err)
		}
		now := make([]shikayat.LeagueCounts, len(prov.Rows))
		for i, r := range prov.Rows {
			now[i] = r.LeagueCounts
		}
		if want := shikayat.RankLeague(now, prevCounts, rules); !reflect.DeepEqual(prov.Rows, want) || !prov.PrevPublishedAt.Equal(prevAt) {
			t.Errorf("provisional rows %+v (earlier published %s)\nwant %+v (%s)", prov.Rows, prov.PrevPublishedAt, want, prevAt)
		}
		if tables, _ := publishedCount(t, d.db); tables != 1 {
			t.Errorf("%d tables stored, want the job's one", tables)
		}
		// A zone's provisional table ranks its districts among themselves.
		scope, _ := zoneOf(t, d.db, agra118)
		zone, err := d.db.ProvisionalLeague(ctx, scope, end, rules)
		if err != nil {
			t.Fatal(err)
		}
		if len(zone.Rows) == 0 || len(zone.Rows) == 3 || zone.Rows[0].Rank != 1 {
			t.Errorf("zone of Agra: %+v, want its districts ranked from 1", zone.Rows)
		}
		pub, err := d.db.PublishedLeague(ctx, thana, prevEnd, rules)
		if err != nil {
			t.Fatal(err)
		}
		if !pub.NoDistricts || len(pub.Rows) != 0 {
			t.Errorf("a station's user reads the published table as %+v, want no districts", pub)
		}
	})
}

// The day just ended is published only shikayat.LeaguePublishDelay after
// IST midnight, when it is over on every node's clock.
func TestPublishLeagueWaitsForTheDelay(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d, _ := leagueDesk(t, dsn())
		end := time.Date(2026, 1, 21, 0, 0, 0, 0, shikayat.IST)
		d.clock.Set(end.Add(shikayat.LeaguePublishDelay - time.Minute))
		if _, _, err := d.db.PublishLeague(ctx, end, shikayat.DefaultLeague); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Fatalf("publishing at 00:19 IST: %v, want %s", err, shikayat.EINVALID)
		}
		if tables, _ := publishedCount(t, d.db); tables != 0 {
			t.Fatalf("%d tables stored before the delay", tables)
		}
		d.clock.Set(end.Add(shikayat.LeaguePublishDelay))
		if _, _, err := d.db.PublishLeague(ctx, end, shikayat.DefaultLeague); err != nil {
			t.Fatalf("publishing at 00:20 IST: %v", err)
		}
	})
}

// A table is counted with the closing periods its key names, even when the
// node takes up other periods between taking the key and counting.
func TestPublishLeagueCountsWithItsKeysPeriods(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		name := dsn()
		d, _ := leagueDesk(t, name)
		if err := d.db.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		d.at(15 * 24 * time.Hour)
		end := time.Date(2026, 1, 20, 0, 0, 0, 0, shikayat.IST)
		before, err := d.db.League(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		// Another node changes the mid-term closing period to 30 days: the
		// complaints still open are no longer late, so not decided.
		other := shikayat.DefaultSLA
		other.MidTermClose = 30 * 24 * time.Hour
		changed := false
		d.db.OnLockHeld(func(step string) {
			if step != "league key" || changed {
				return
			}
			changed = true
			changer := open(t, name, store.Options{Now: d.clock.Now, SLA: other, ChangeSLA: true})
			if err := changer.WaitStatsRules(); err != nil {
				t.Error(err)
			}
			if differs, err := d.db.RefreshSLA(ctx); err != nil || !differs {
				t.Errorf("the node does not take up the new periods: differs %v, %v", differs, err)
			}
		})
		counts, _, err := d.db.PublishLeague(ctx, end, shikayat.DefaultLeague)
		d.db.OnLockHeld(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !changed {
			t.Fatal("the periods were not changed while publishing")
		}
		after, err := d.db.League(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		if reflect.DeepEqual(before, after) {
			t.Fatal("the new periods count the same: the test proves nothing")
		}
		want := make([]shikayat.LeagueCounts, 0, len(before))
		for _, r := range before {
			want = append(want, r.LeagueCounts)
		}
		got := shikayat.RankLeague(counts, nil, shikayat.DefaultLeague)
		gotCounts := make([]shikayat.LeagueCounts, 0, len(got))
		for _, r := range got {
			gotCounts = append(gotCounts, r.LeagueCounts)
		}
		if !reflect.DeepEqual(gotCounts, want) {
			t.Errorf("published %+v\nwant the counts of the periods its key names %+v", gotCounts, want)
		}
		var mid int64
		if err := d.db.SQL().QueryRowContext(ctx, `SELECT mid_ms FROM league_published WHERE end_ms = $1`, end.UnixMilli()).Scan(&mid); err != nil {
			t.Fatal(err)
		}
		if mid != shikayat.DefaultSLA.MidTermClose.Milliseconds() {
			t.Errorf("stored under a mid-term period of %d ms, want the default's", mid)
		}
	})
}

// Today's provisional table counts as things stand now: complaints due
// later today are not late yet.
func TestProvisionalLeagueTodayAsItStands(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newStatsDesk(t, dsn())
		for range 3 {
			d.complaint(t, lucknow162, shikayat.ClassMidTerm) // due ten days on, 10:00 IST
		}
		d.at(10*24*time.Hour - 2*time.Hour) // 08:00 IST on the day they are due
		end := time.Date(2026, 1, 16, 0, 0, 0, 0, shikayat.IST)
		table, err := d.db.ProvisionalLeague(context.Background(), shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range table.Rows {
			if r.District == lucknow162 && r.Decided != 0 {
				t.Errorf("Lucknow at 08:00: %+v, want nothing decided: its complaints are due at 10:00", r.LeagueCounts)
			}
		}
		d.at(10*24*time.Hour + time.Hour) // 11:00 IST: now late
		table, err = d.db.ProvisionalLeague(context.Background(), shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range table.Rows {
			if r.District == lucknow162 {
				found = r.Decided == 3 && r.Good == 0
			}
		}
		if !found {
			t.Errorf("Lucknow at 11:00: %+v, want 3 decided late", table.Rows)
		}
	})
}
