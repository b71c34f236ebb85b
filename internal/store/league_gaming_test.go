package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A district office that replies a canned line and closes at once does not
// win the league: its reply is not the station's action.
func TestLeagueCannedReplyDoesNotWin(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		honest, replier := lucknow162, kanpur157
		codes := map[int][]string{}
		for _, lgd := range []int{honest, replier} {
			for range 30 {
				codes[lgd] = append(codes[lgd], d.complaint(t, lgd, shikayat.ClassMidTerm))
			}
		}
		d.at(2 * time.Hour)
		for _, c := range codes[replier] {
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionReply, Text: "Aapki shikayat par karyavahi ki ja rahi hai"}, d.op(t, replier))
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, d.op(t, replier))
		}
		for _, c := range codes[honest][:25] {
			work(t, d, c, honest)
		}
		d.at(20 * 24 * time.Hour)
		end := time.Date(2026, 1, 26, 0, 0, 0, 0, shikayat.IST)
		rows, err := d.db.League(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			t.Logf("%s (%d): rank %d score %.3f good %d decided %d noaction %d", r.Name, r.District, r.Rank, r.Score, r.Good, r.Decided, r.NoAction)
			if r.District == replier && r.Good != 0 {
				t.Errorf("the canned replies count %d good closures", r.Good)
			}
		}
		if len(rows) == 0 || rows[0].District != honest {
			t.Errorf("the honest district is not on top: %+v", rows)
		}
	})
}

// A district that merges its hard, overdue complaints into one it closed
// quickly long ago does not win: the merge is refused, so the hard ones stay
// pending and late, and a merge into a closed complaint never makes them
// count as closed in time.
func TestLeagueMergeIntoClosedDoesNotWin(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		honest, merger := lucknow162, kanpur157
		codes := map[int][]string{}
		for _, lgd := range []int{honest, merger} {
			for range 30 {
				codes[lgd] = append(codes[lgd], d.complaint(t, lgd, shikayat.ClassMidTerm))
			}
		}
		d.at(2 * time.Hour)
		for _, c := range codes[honest][:25] {
			work(t, d, c, honest)
		}
		for _, c := range codes[merger][:18] {
			work(t, d, c, merger)
		}
		// Past the mid-term deadline, the twelve hard ones are merged into a
		// complaint closed within hours of its receipt.
		d.at(12 * 24 * time.Hour)
		for _, c := range codes[merger][18:] {
			_, _, err := d.db.ApplyAction(ctx, c, shikayat.Action{Kind: shikayat.ActionMerge, Into: codes[merger][0]}, d.op(t, merger), "")
			if code := shikayat.ErrorCode(err); code != shikayat.EINVALID {
				t.Errorf("merge %s into a closed complaint: %v (%s), want %s", c, err, code, shikayat.EINVALID)
			}
		}
		d.at(20 * 24 * time.Hour)
		end := time.Date(2026, 1, 26, 0, 0, 0, 0, shikayat.IST)
		rows, by := leagueByDistrict(t, d, end)
		if r := by[merger]; r.Decided != 30 || r.Good != 18 {
			t.Errorf("merger: %+v, want the twelve hard ones decided (late) and not good", r)
		}
		if len(rows) == 0 || rows[0].District != honest {
			t.Errorf("the honest district is not on top: %+v", rows)
		}
		if by[merger].Score >= by[honest].Score {
			t.Errorf("the merger scores %.3f, the honest district %.3f", by[merger].Score, by[honest].Score)
		}
	})
}

// mergeGaming builds an honest district that works 25 of its 30
// complaints, and a district that gives one complaint (X) a station's note
// and then merges 28 others into it; then runs more, and returns the
// league 20 days on, by district.
func mergeGaming(t *testing.T, dsn string, more func(d *statsDesk, x, y string, merger int)) (rows []shikayat.LeagueRow, honest, merger int) {
	t.Helper()
	ctx := context.Background()
	d := newStatsDesk(t, dsn)
	honest, merger = lucknow162, kanpur157
	codes := map[int][]string{}
	for _, lgd := range []int{honest, merger} {
		for range 30 {
			codes[lgd] = append(codes[lgd], d.complaint(t, lgd, shikayat.ClassMidTerm))
		}
	}
	d.at(2 * time.Hour)
	for _, c := range codes[honest][:25] {
		work(t, d, c, honest)
	}
	x, y := codes[merger][0], codes[merger][1]
	sho := d.station(t, merger)
	d.act(t, x, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, d.op(t, merger))
	d.act(t, x, shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}, d.op(t, merger))
	d.act(t, x, shikayat.Action{Kind: shikayat.ActionNote, Text: "SHO ne jaanch ki"}, sho)
	d.at(3 * time.Hour)
	for _, c := range codes[merger][2:] {
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionMerge, Into: x}, d.op(t, merger))
	}
	more(d, x, y, merger)
	d.at(20 * 24 * time.Hour)
	end := time.Date(2026, 1, 26, 0, 0, 0, 0, shikayat.IST)
	rows, err := d.db.League(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		t.Logf("%s (%d): rank %d score %.3f good %d decided %d noaction %d", r.Name, r.District, r.Rank, r.Score, r.Good, r.Decided, r.NoAction)
	}
	return rows, honest, merger
}

// checkMergeGaming: the merged duplicates count as decided and never good,
// and the honest district is on top.
func checkMergeGaming(t *testing.T, rows []shikayat.LeagueRow, honest, merger int) {
	t.Helper()
	for _, r := range rows {
		if r.District == merger && r.Good > 1 {
			t.Errorf("the merger counts %d good closures, one at most (X)", r.Good)
		}
	}
	if len(rows) == 0 || rows[0].District != honest {
		t.Errorf("the honest district is not on top: %+v", rows)
	}
}

// "Merge everything into X, note X, close X": X's one quick, acted-on
// closure must not count for the 28 duplicates merged into it.
func TestLeagueMergeAllThenCloseOneDoesNotWin(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		rows, honest, merger := mergeGaming(t, dsn(), func(d *statsDesk, x, y string, merger int) {
			d.act(t, y, shikayat.Action{Kind: shikayat.ActionMerge, Into: x}, d.op(t, merger))
			d.act(t, x, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "done"}, d.station(t, merger))
		})
		checkMergeGaming(t, rows, honest, merger)
	})
}

// The chain variant: X, with its duplicates, merged on into Y. The merge
// is refused (X has duplicates), and nothing of it counts as good.
func TestLeagueMergeChainDoesNotWin(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		rows, honest, merger := mergeGaming(t, dsn(), func(d *statsDesk, x, y string, merger int) {
			_, _, err := d.db.ApplyAction(context.Background(), x, shikayat.Action{Kind: shikayat.ActionMerge, Into: y}, d.op(t, merger), "")
			wantCode(t, err, shikayat.EINVALID)
		})
		checkMergeGaming(t, rows, honest, merger)
	})
}

// A district office that assigns its complaints to a station and then
// replies a canned line itself, while the station holds them, and closes
// at once does not win: the reply is the district office's, not the
// station's action, though the station held the complaint.
func TestLeagueOfficeReplyWhileStationHoldsDoesNotWin(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		honest, replier := lucknow162, kanpur157
		codes := map[int][]string{}
		for _, lgd := range []int{honest, replier} {
			for range 30 {
				codes[lgd] = append(codes[lgd], d.complaint(t, lgd, shikayat.ClassMidTerm))
			}
		}
		d.at(2 * time.Hour)
		sho := d.station(t, replier)
		for _, c := range codes[replier] {
			op := d.op(t, replier)
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, op)
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}, op)
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionReply, Text: "Aapki shikayat par karyavahi ki ja rahi hai"}, op)
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, op)
		}
		for _, c := range codes[honest][:25] {
			work(t, d, c, honest)
		}
		d.at(20 * 24 * time.Hour)
		end := time.Date(2026, 1, 26, 0, 0, 0, 0, shikayat.IST)
		rows, err := d.db.League(ctx, shikayat.SystemScope(), end, shikayat.DefaultLeague)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			t.Logf("%s (%d): rank %d score %.3f good %d decided %d noaction %d", r.Name, r.District, r.Rank, r.Score, r.Good, r.Decided, r.NoAction)
			if r.District == replier && (r.Good != 0 || r.NoAction != 30) {
				t.Errorf("the office's replies count %d good closures and %d without action, want 0 and 30", r.Good, r.NoAction)
			}
		}
		if len(rows) == 0 || rows[0].District != honest {
			t.Errorf("the honest district is not on top: %+v", rows)
		}
	})
}

// A district that merges its hard cases into one complaint and closes that
// one at once, with nothing done, does not top one that closes its own hard
// cases without action and takes the count: each duplicate of a complaint
// closed without action counts as closed without action too. Duplicates of
// a complaint the station acted on and closed in time (a third district)
// are only decided.
func TestLeagueMergeIntoQuickClosureDoesNotWin(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newStatsDesk(t, dsn())
		honest, merger, fair := lucknow162, kanpur157, agra118
		codes := map[int][]string{}
		for _, lgd := range []int{honest, merger, fair} {
			for range 30 {
				codes[lgd] = append(codes[lgd], d.complaint(t, lgd, shikayat.ClassMidTerm))
			}
		}
		d.at(2 * time.Hour)
		for _, c := range codes[honest][:25] {
			work(t, d, c, honest)
		}
		for _, c := range codes[honest][25:] {
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "no police matter"}, d.op(t, honest))
		}
		for _, c := range codes[merger][:24] {
			work(t, d, c, merger)
		}
		for _, c := range codes[fair][:24] {
			work(t, d, c, fair)
		}
		d.at(3 * time.Hour)
		x := codes[merger][24]
		for _, c := range codes[merger][25:] {
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionMerge, Into: x}, d.op(t, merger))
		}
		d.act(t, x, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "done"}, d.op(t, merger))
		y := codes[fair][24]
		for _, c := range codes[fair][25:] {
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionMerge, Into: y}, d.op(t, fair))
		}
		work(t, d, y, fair)
		d.at(20 * 24 * time.Hour)
		end := time.Date(2026, 1, 26, 0, 0, 0, 0, shikayat.IST)
		_, by := leagueByDistrict(t, d, end)
		if r := by[merger]; r.Decided != 30 || r.Good != 24 || r.NoAction != 6 {
			t.Errorf("merger: %+v, want 30 decided, 24 good, and 6 without action (the one closed and its five duplicates)", r.LeagueCounts)
		}
		if r := by[fair]; r.Decided != 30 || r.Good != 25 || r.NoAction != 0 {
			t.Errorf("fair: %+v, want 30 decided, 25 good, none without action", r.LeagueCounts)
		}
		if by[merger].Score >= by[honest].Score {
			t.Errorf("the merger scores %.3f, the honest district %.3f", by[merger].Score, by[honest].Score)
		}
	})
}

// An honest merge costs a district nothing: duplicates merged into a
// long-term complaint its station is working, still open and within its
// deadline at the end, are not counted until that complaint is judged, so
// a district that merges them scores as one that left them open; and a
// duplicate the station had acted on before the merge is not counted as
// closed without action, whatever became of the complaint it went into.
func TestLeagueHonestMergeCostsNothing(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newStatsDesk(t, dsn())
		merger, leaver, acted := lucknow162, kanpur157, agra118
		codes := map[int][]string{}
		for _, lgd := range []int{merger, leaver, acted} {
			for range 31 {
				codes[lgd] = append(codes[lgd], d.complaint(t, lgd, shikayat.ClassMidTerm))
			}
		}
		d.at(2 * time.Hour)
		for _, lgd := range []int{merger, leaver, acted} {
			for _, c := range codes[lgd][:25] {
				work(t, d, c, lgd)
			}
		}
		longTerm := shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassLongTerm, Type: shikayat.TypeTheft}
		// The merger's station works one long-term case; five duplicates
		// of it are merged in. The leaver leaves six long-term cases open.
		target := codes[merger][25]
		startWork(t, d, target, merger, shikayat.ClassLongTerm)
		for _, c := range codes[merger][26:] {
			d.act(t, c, longTerm, d.op(t, merger))
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionMerge, Into: target}, d.op(t, merger))
		}
		for _, c := range codes[leaver][25:] {
			d.act(t, c, longTerm, d.op(t, leaver))
		}
		// The third district's station acts on five complaints, which are
		// then merged into one the office closes at once without action.
		x := codes[acted][25]
		for _, c := range codes[acted][26:] {
			startWork(t, d, c, acted, shikayat.ClassMidTerm)
		}
		for _, c := range codes[acted][26:] {
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionMerge, Into: x}, d.op(t, acted))
		}
		d.act(t, x, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "done"}, d.op(t, acted))
		// A fourth district merges six mid-term cases, with nothing done,
		// into a long-term one its station works: the merge does not
		// stretch their own ten days.
		stretcher := prayag120
		var late4 []string
		for range 31 {
			late4 = append(late4, d.complaint(t, stretcher, shikayat.ClassMidTerm))
		}
		for _, c := range late4[:25] {
			work(t, d, c, stretcher)
		}
		t4 := late4[25]
		startWork(t, d, t4, stretcher, shikayat.ClassLongTerm)
		for _, c := range late4[26:] {
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionMerge, Into: t4}, d.op(t, stretcher))
		}
		d.at(20 * 24 * time.Hour)
		end := time.Date(2026, 1, 26, 0, 0, 0, 0, shikayat.IST)
		_, by := leagueByDistrict(t, d, end)
		if r := by[stretcher]; r.Decided != 30 || r.NoAction != 5 {
			t.Errorf("stretcher: %+v, want 30 decided and 5 without action: its mid-term duplicates are past their own ten days", r.LeagueCounts)
		}
		if r := by[merger]; r.Decided != 25 || r.Good != 25 || r.NoAction != 0 {
			t.Errorf("merger: %+v, want 25 decided and good: the duplicates wait for the case being worked", r.LeagueCounts)
		}
		if by[merger].Score != by[leaver].Score {
			t.Errorf("merging scores %.3f, leaving open %.3f: an honest merge must cost nothing", by[merger].Score, by[leaver].Score)
		}
		if r := by[acted]; r.Decided != 31 || r.Good != 25 || r.NoAction != 1 {
			t.Errorf("acted: %+v, want 31 decided, 25 good, 1 without action (only the one closed at once)", r.LeagueCounts)
		}
		// Once the worked case is late, its duplicates count as closed
		// without action.
		late := time.Date(2026, 2, 10, 0, 0, 0, 0, shikayat.IST)
		d.at(37 * 24 * time.Hour)
		if _, by := leagueByDistrict(t, d, late); by[merger].Decided != 31 || by[merger].NoAction != 5 {
			t.Errorf("merger after the worked case went late: %+v, want 31 decided, 5 without action", by[merger].LeagueCounts)
		}
	})
}
