package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// statsDesk is a store on an injected clock with district operators.
type statsDesk struct {
	db    *store.DB
	clock *slaClock
	t0    time.Time
	n     int
}

func newStatsDesk(t *testing.T, dsn string) *statsDesk {
	// 10:00 IST on 5 January 2026.
	t0 := time.Date(2026, 1, 5, 4, 30, 0, 0, time.UTC)
	d := &statsDesk{clock: &slaClock{now: t0}, t0: t0}
	d.db = open(t, dsn, store.Options{Now: d.clock.Now})
	return d
}

func (d *statsDesk) at(off time.Duration) { d.clock.Set(d.t0.Add(off)) }

// complaint opens a complaint forwarded to district lgd at the clock's time.
func (d *statsDesk) complaint(t *testing.T, lgd int, class shikayat.Class) string {
	t.Helper()
	d.n++
	in := post(fmt.Sprintf("s%d", d.n), "मेरी बाइक चोरी हो गई, थाने में कोई नहीं सुन रहा")
	in.Triage = &shikayat.Triage{Actionable: true, Urgency: class, Type: shikayat.TypeTheft, District: lgd, Confidence: 0.95}
	in.Forward = true
	in.ReceivedAt = d.clock.Now()
	c, _, err := d.db.CreateComplaint(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return c.Code
}

func (d *statsDesk) op(t *testing.T, lgd int) shikayat.Actor {
	return actorIn(t, d.db, shikayat.Actor{UserID: int64(1000 + lgd), Username: fmt.Sprintf("op%d", lgd), Role: shikayat.RoleDistrictOperator, UnitID: shikayat.DistrictUnitID(lgd)})
}

func (d *statsDesk) act(t *testing.T, code string, a shikayat.Action, by shikayat.Actor) {
	t.Helper()
	if _, _, err := d.db.ApplyAction(context.Background(), code, a, by, ""); err != nil {
		t.Fatalf("%s %s: %v", a.Kind, code, err)
	}
}

func noteAndClose(t *testing.T, d *statsDesk, code string, by shikayat.Actor) {
	d.act(t, code, shikayat.Action{Kind: shikayat.ActionNote, Text: "SHO ne jaanch ki"}, by)
	d.act(t, code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "done"}, by)
}

const (
	lucknow162 = 162
	kanpur157  = 157
	agra118    = 118
	prayag120  = 120
	fatehpur   = 142
)

// The dashboard counts a period on IST days: received and disposed in it,
// pending and overdue now, the median time to disposal within its error
// bound, the share within the citizen's deadline, bounces against the unit
// that sent the complaint away, reopenings; a district user sees its own.
func TestDistrictStats(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		lko, knp := d.op(t, lucknow162), d.op(t, kanpur157)
		hour, day := time.Hour, 24*time.Hour

		a := d.complaint(t, lucknow162, shikayat.ClassMidTerm) // closed in 5 h
		b := d.complaint(t, lucknow162, shikayat.ClassMidTerm) // closed in 12 days: late
		c := d.complaint(t, lucknow162, shikayat.ClassMidTerm) // open, overdue by the end
		x := d.complaint(t, lucknow162, shikayat.ClassMidTerm) // bounced to Kanpur, closed there, reopened
		d.at(5 * hour)
		noteAndClose(t, d, a, lko)
		d.at(6 * hour)
		d.act(t, x, shikayat.Action{Kind: shikayat.ActionForward, District: kanpur157, Reason: "not ours"}, lko)
		d.at(30 * hour)
		noteAndClose(t, d, x, knp)
		d.at(40 * hour)
		d.act(t, x, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "citizen says not resolved"}, knp)
		d.at(12 * day)
		noteAndClose(t, d, b, lko)
		d.at(13 * day)
		_ = c

		from := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST)
		to := time.Date(2026, 1, 31, 0, 0, 0, 0, shikayat.IST)
		st, err := d.db.DistrictStats(ctx, shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to})
		if err != nil {
			t.Fatal(err)
		}
		by := map[int]*shikayat.DistrictStats{}
		for _, r := range st.Districts {
			by[r.District] = r
		}
		l, k := by[lucknow162], by[kanpur157]
		if l == nil || k == nil {
			t.Fatalf("rows %+v", st.Districts)
		}
		if l.Received != 3 || l.Disposed != 2 || l.Pending != 1 || l.Overdue != 1 || l.Bounces != 1 || l.Reopened != 0 {
			t.Errorf("Lucknow %+v", *l)
		}
		if k.Received != 1 || k.Disposed != 0 || k.Pending != 1 || k.Reopened != 1 || k.Bounces != 0 {
			t.Errorf("Kanpur Nagar %+v", *k)
		}
		// Lucknow disposed in 5 h and 288 h: the lower middle is 5 h, in
		// the bucket [5, 6).
		if l.MedianHours == nil || *l.MedianHours < 5 || *l.MedianHours-l.MedianErrorHours > 5 || *l.MedianHours+l.MedianErrorHours < 5 {
			t.Errorf("Lucknow median %v ± %v, want 5 h within the bound", l.MedianHours, l.MedianErrorHours)
		}
		if l.WithinSLA == nil || *l.WithinSLA != 0.5 {
			t.Errorf("Lucknow within SLA %v, want 0.5 (one of two on the citizen's clock)", l.WithinSLA)
		}
		if l.MeanRating != nil {
			t.Errorf("mean rating %v without ratings", *l.MeanRating)
		}
		if st.Totals.Received != 4 || st.Totals.Disposed != 2 || st.Totals.Bounces != 1 || st.Totals.Reopened != 1 {
			t.Errorf("totals %+v", st.Totals)
		}
		if len(st.Days) != 30 || st.Days[4].Day != "2026-01-05" || st.Days[4].Received != 4 || st.Days[4].Disposed != 1 {
			t.Errorf("days: %d, fifth %+v", len(st.Days), st.Days[4])
		}
		// The authors of a and b rate them 4 and 1 (their last ratings);
		// c is open and x was reopened, so neither counts.
		for code, r := range map[string]int{a: 4, b: 1} {
			if _, err := d.db.SQL().ExecContext(ctx, `UPDATE complaints SET rating = $1 WHERE code = $2`, r, code); err != nil {
				t.Fatal(err)
			}
		}
		if rated, err := d.db.DistrictStats(ctx, shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to}); err != nil {
			t.Fatal(err)
		} else if m := rated.Totals.MeanRating; m == nil || *m != 2.5 {
			t.Errorf("mean rating of 4 and 1 = %v, want 2.5", m)
		}
		// A period that ends before the late closure leaves it out.
		early, err := d.db.DistrictStats(ctx, shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: from.AddDate(0, 0, 10)})
		if err != nil {
			t.Fatal(err)
		}
		if early.Totals.Disposed != 1 {
			t.Errorf("disposed by 10 Jan: %d, want 1", early.Totals.Disposed)
		}

		t.Run("a district sees its own subtree only", func(t *testing.T) {
			st, err := d.db.DistrictStats(ctx, shikayat.StatsFilter{Scope: knp.Scope, From: from, To: to})
			if err != nil {
				t.Fatal(err)
			}
			if len(st.Districts) != 1 || st.Districts[0].District != kanpur157 || st.Totals.Received != 1 {
				t.Errorf("Kanpur Nagar's own dashboard: %+v", st.Totals)
			}
		})
		t.Run("under a zone", func(t *testing.T) {
			z, err := d.db.FindUnit(ctx, shikayat.DistrictUnitID(kanpur157))
			if err != nil {
				t.Fatal(err)
			}
			st, err := d.db.DistrictStats(ctx, shikayat.StatsFilter{Scope: shikayat.SystemScope(), Under: z.ParentID, From: from, To: to})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range st.Districts {
				if r.District == lucknow162 {
					t.Errorf("Kanpur's range counts Lucknow: %+v", r)
				}
			}
			if _, err := d.db.DistrictStats(ctx, shikayat.StatsFilter{Scope: shikayat.SystemScope(), Under: "district:162", From: from, To: to}); shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Errorf("under a district: %v, want invalid", err)
			}
		})
		t.Run("the zero scope sees nothing", func(t *testing.T) {
			if _, err := d.db.DistrictStats(ctx, shikayat.StatsFilter{From: from, To: to}); shikayat.ErrorCode(err) != shikayat.EFORBIDDEN {
				t.Errorf("no scope: %v", err)
			}
		})
	})
}

// stationOf is the one station of district lgd in the league tests, and
// its officer.
func (d *statsDesk) station(t *testing.T, lgd int) shikayat.Actor {
	t.Helper()
	id := fmt.Sprintf("station:league-%d", lgd)
	if _, _, err := d.db.ImportStations(context.Background(), []*shikayat.Unit{{ID: id, Kind: shikayat.UnitStation, Name: fmt.Sprintf("Kotwali %d", lgd), LGD: lgd}}); err != nil {
		t.Fatal(err)
	}
	return actorIn(t, d.db, shikayat.Actor{UserID: int64(5000 + lgd), Username: fmt.Sprintf("sho%d", lgd), Role: shikayat.RoleStationOfficer, UnitID: id})
}

// work is an honest disposal: the district classifies it and assigns it to
// its station, the station records what it did and closes it.
func work(t *testing.T, d *statsDesk, code string, lgd int) {
	t.Helper()
	sho := startWork(t, d, code, lgd, shikayat.ClassMidTerm)
	d.act(t, code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "bike mil gayi"}, sho)
}

// startWork classifies a complaint of district lgd as class, assigns it to
// the district's station and has the station record its action, leaving
// it open; it returns the station's officer.
func startWork(t *testing.T, d *statsDesk, code string, lgd int, class shikayat.Class) shikayat.Actor {
	t.Helper()
	sho := d.station(t, lgd)
	d.act(t, code, shikayat.Action{Kind: shikayat.ActionClassify, Class: class, Type: shikayat.TypeTheft}, d.op(t, lgd))
	d.act(t, code, shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}, d.op(t, lgd))
	d.act(t, code, shikayat.Action{Kind: shikayat.ActionNote, Text: "SHO ne mauke par jaakar bike baramad ki"}, sho)
	return sho
}

// leagueByDistrict returns the state's live league at end, in rank order
// and by district, logging each row.
func leagueByDistrict(t *testing.T, d *statsDesk, end time.Time) ([]shikayat.LeagueRow, map[int]shikayat.LeagueRow) {
	t.Helper()
	rows, err := d.db.League(context.Background(), shikayat.SystemScope(), end, shikayat.DefaultLeague)
	if err != nil {
		t.Fatal(err)
	}
	by := map[int]shikayat.LeagueRow{}
	for _, r := range rows {
		t.Logf("%s (%d): rank %d score %.3f good %d decided %d noaction %d", r.Name, r.District, r.Rank, r.Score, r.Good, r.Decided, r.NoAction)
		by[r.District] = r
	}
	return rows, by
}

// The league table cannot be topped by gaming it: a district with three
// quick closures, one that bounces its hard cases and closes the rest fast,
// one that closes everything at once without doing anything, one that
// writes a throwaway note and closes, one that merges its hard cases away
// into another complaint, one whose quick closures are reopened by the
// citizens, and one that sends its reopened complaints on to another
// district all rank below an honest district that closes most of its
// complaints, in time, after its station acted. Bounces count against the
// district that sent the complaint away, reopenings against the one that
// closed it.
func TestLeagueGamingCasesDoNotWin(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		hour, day := time.Hour, 24*time.Hour
		honest, tiny, bouncer, closer, appealed := lucknow162, agra118, kanpur157, prayag120, fatehpur
		const throwaway, merger, shifter, shiftedTo, bouncedTo = 119, 121, 122, 123, 143

		var codes = map[int][]string{}
		for _, lgd := range []int{honest, bouncer, closer, appealed, throwaway, merger, shifter} {
			for range 30 {
				codes[lgd] = append(codes[lgd], d.complaint(t, lgd, shikayat.ClassMidTerm))
			}
		}
		for range 3 {
			codes[tiny] = append(codes[tiny], d.complaint(t, tiny, shikayat.ClassMidTerm))
		}
		d.at(2 * hour)
		// Tiny: three closures within hours, its station having acted.
		for _, c := range codes[tiny] {
			work(t, d, c, tiny)
		}
		// Bouncer: the twelve hard ones go elsewhere, the rest closed fast.
		for i, c := range codes[bouncer] {
			if i < 12 {
				d.act(t, c, shikayat.Action{Kind: shikayat.ActionForward, District: bouncedTo, Reason: "not ours"}, d.op(t, bouncer))
				continue
			}
			work(t, d, c, bouncer)
		}
		// Closer: everything closed at once, nothing done.
		for _, c := range codes[closer] {
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, d.op(t, closer))
		}
		// Throwaway: a note of the district's own, then closed; no station
		// ever saw it.
		for _, c := range codes[throwaway] {
			noteAndClose(t, d, c, d.op(t, throwaway))
		}
		// Merger: the twelve hard ones merged into one complaint that
		// stays open; the rest worked and closed fast.
		for i, c := range codes[merger] {
			switch {
			case i == 0:
			case i <= 12:
				d.act(t, c, shikayat.Action{Kind: shikayat.ActionMerge, Into: codes[merger][0]}, d.op(t, merger))
			default:
				work(t, d, c, merger)
			}
		}
		// Appealed: worked and closed fast, two in three reopened.
		for i, c := range codes[appealed] {
			work(t, d, c, appealed)
			if i%3 != 0 {
				d.act(t, c, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "not resolved"}, d.op(t, appealed))
			}
		}
		// Shifter: the same, but each reopened complaint is sent on to
		// another district, which then holds it.
		for i, c := range codes[shifter] {
			work(t, d, c, shifter)
			if i%3 != 0 {
				d.act(t, c, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "not resolved"}, d.op(t, shifter))
				d.act(t, c, shikayat.Action{Kind: shikayat.ActionForward, District: shiftedTo, Reason: "not ours"}, d.op(t, shifter))
			}
		}
		// Honest: 25 worked and closed within days, 5 run late.
		d.at(4 * day)
		for _, c := range codes[honest][:25] {
			work(t, d, c, honest)
		}
		d.at(20 * day)

		end := time.Date(2026, 1, 26, 0, 0, 0, 0, shikayat.IST)
		for _, min := range []int{shikayat.DefaultLeague.MinVolume, 1} {
			rules := shikayat.DefaultLeague
			rules.MinVolume = min
			rows, err := d.db.League(ctx, shikayat.SystemScope(), end, rules)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				t.Fatal("no league table")
			}
			if rows[0].District != honest || rows[0].Rank != 1 {
				t.Errorf("minimum volume %d: top is %+v, want Lucknow (the honest district)", min, rows[0])
			}
			by := map[int]shikayat.LeagueRow{}
			for _, r := range rows {
				by[r.District] = r
			}
			if r := by[honest]; r.Good != 25 || r.Decided != 30 || r.NoAction != 0 {
				t.Errorf("honest: %+v", r)
			}
			if r := by[closer]; r.Good != 0 || r.NoAction != 30 {
				t.Errorf("closer: %+v, want no good closure and 30 without action", r)
			}
			if r := by[throwaway]; r.Good != 0 || r.NoAction != 30 {
				t.Errorf("throwaway notes: %+v, want no good closure and 30 without action", r)
			}
			if r := by[merger]; r.Decided != 30 || r.Good != 17 {
				t.Errorf("merger: %+v, want the twelve merged away decided and not good", r)
			}
			if r, to := by[bouncer], by[bouncedTo]; r.Bounces != 12 || r.Good != 18 || to.Bounces != 0 {
				t.Errorf("bouncer: %+v; the district it bounced to: %+v", r, to)
			}
			if r := by[appealed]; r.Reopened != 20 || r.Good != 10 {
				t.Errorf("appealed: %+v", r)
			}
			if r, to := by[shifter], by[shiftedTo]; r.Reopened != 20 || to.Reopened != 0 || to.Good != 0 {
				t.Errorf("shifter: %+v; the district it sent its reopenings to: %+v", r, to)
			}
			if r := by[tiny]; min > 3 && r.Rank != 0 {
				t.Errorf("three complaints ranked %d under a minimum of %d", r.Rank, min)
			}
			for _, gamer := range []int{tiny, bouncer, closer, throwaway, merger, appealed, shifter} {
				if r := by[gamer]; r.Score >= by[honest].Score {
					t.Errorf("%s scores %.3f, the honest district %.3f", r.Name, r.Score, by[honest].Score)
				}
			}
		}
		// A month earlier nothing was decided: no one was ranked then.
		rows, err := d.db.League(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		if rows[0].PrevRank != 0 || rows[0].Move != 0 {
			t.Errorf("movement without an earlier table: %+v", rows[0])
		}
	})
}

// An export walks every complaint of the filter once, newest first, in
// batches: many received at the same moment, more than a batch of them.
func TestEachComplaintWalksEveryOneOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		const n = 1234
		// Three receipt times only: the batches break inside ties.
		if _, err := d.db.SQL().ExecContext(ctx, `
			WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $1)
			INSERT INTO complaints (code, source, source_post_id, text, stage, district, unit_id, received_at, unit_since, updated_at)
			SELECT 'EXP-' || seq.n, 'x', 'exp-' || seq.n, 'शिकायत ' || seq.n, 'forwarded', 162, 'district:162',
				CAST($2 AS BIGINT) - (seq.n % 3) * 1000, $2, $2
			FROM seq`, n, d.t0.UnixMilli()); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		var last time.Time
		err := d.db.EachComplaint(ctx, shikayat.ComplaintFilter{Scope: d.op(t, lucknow162).Scope}, func(c *shikayat.Complaint) error {
			if seen[c.Code] {
				t.Fatalf("%s twice", c.Code)
			}
			if !last.IsZero() && c.ReceivedAt.After(last) {
				t.Fatalf("%s out of order", c.Code)
			}
			seen[c.Code], last = true, c.ReceivedAt
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) != n {
			t.Errorf("walked %d of %d", len(seen), n)
		}
		if err := d.db.EachComplaint(ctx, shikayat.ComplaintFilter{}, func(*shikayat.Complaint) error { return nil }); shikayat.ErrorCode(err) != shikayat.EFORBIDDEN {
			t.Errorf("no scope: %v", err)
		}
	})
}
