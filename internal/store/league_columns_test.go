package store_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The league read from the complaints' columns and indexes (migration
// 00045) equals the per-complaint query over the events it replaces, on a
// desk of random actions — notes, station replies, closures in and out of
// time, reopenings, forwards, merges — at several ends.
func TestLeagueEqualsRecount(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := randomDesk(t, dsn())
		hour := time.Hour
		compare := func(when string) {
			t.Helper()
			for _, end := range []time.Time{
				time.Date(2026, 1, 20, 0, 0, 0, 0, shikayat.IST),
				time.Date(2026, 2, 10, 0, 0, 0, 0, shikayat.IST),
				time.Date(2026, 3, 1, 0, 0, 0, 0, shikayat.IST),
			} {
				for _, rules := range []shikayat.LeagueRules{shikayat.DefaultLeague, {Window: 20 * 24 * hour, Step: 5 * 24 * hour, MinVolume: 1}} {
					got, err := d.db.League(ctx, shikayat.SystemScope(), end, rules)
					if err != nil {
						t.Fatal(err)
					}
					want, err := d.db.LeagueRecount(ctx, shikayat.SystemScope(), end, rules)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s, end %s: the league says\n%+v\nthe recount\n%+v", when, end.Format(time.DateOnly), got, want)
					}
					good := 0
					for _, r := range want {
						good += r.Good
					}
					t.Logf("%s, end %s: %d districts, %d good", when, end.Format(time.DateOnly), len(want), good)
				}
			}
		}
		compare("as kept by the trigger")
		// A rebuild recounts acted_at from the events, emptied or wrong.
		if _, err := d.db.SQL().ExecContext(ctx, `UPDATE complaints SET acted_at = CASE WHEN id % 2 = 0 THEN NULL ELSE 1 END`); err != nil {
			t.Fatal(err)
		}
		if err := d.db.RebuildStatsRollups(ctx); err != nil {
			t.Fatal(err)
		}
		compare("after a rebuild")
	})
}

// randomDesk is a desk of random actions over seventy-five days in three
// districts — notes, station replies, canned replies, closures in and out
// of time, reopenings, forwards back and forth, merges; what the stage
// refuses is skipped.
func randomDesk(t *testing.T, dsn string) *statsDesk {
	t.Helper()
	ctx := context.Background()
	d := newStatsDesk(t, dsn)
	rng := rand.New(rand.NewPCG(17, 8))
	districts := []int{lucknow162, kanpur157, agra118}
	type complaint struct {
		code string
		lgd  int
	}
	var cs []complaint
	hour := time.Hour
	done := map[shikayat.ActionKind]int{}
	for step := range 900 {
		d.at(time.Duration(step) * 2 * hour)
		if step%6 == 0 {
			lgd := districts[rng.IntN(len(districts))]
			cs = append(cs, complaint{d.complaint(t, lgd, []shikayat.Class{shikayat.ClassImmediate, shikayat.ClassMidTerm, shikayat.ClassLongTerm}[rng.IntN(3)]), lgd})
		}
		c := &cs[rng.IntN(len(cs))]
		op, sho := d.op(t, c.lgd), d.station(t, c.lgd)
		var a shikayat.Action
		by := op
		switch rng.IntN(10) {
		case 0, 9:
			a = shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}
			d.db.ApplyAction(ctx, c.code, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, op, "")
		case 1:
			a, by = shikayat.Action{Kind: shikayat.ActionNote, Text: "mauke par gaye"}, sho
		case 2:
			a, by = shikayat.Action{Kind: shikayat.ActionReply, Text: "karyavahi ki ja rahi hai"}, sho
		case 3:
			a = shikayat.Action{Kind: shikayat.ActionReply, Text: "karyavahi ki ja rahi hai"}
		case 4:
			a = shikayat.Action{Kind: shikayat.ActionNote, Text: "dekh rahe hain"}
		case 5:
			a = shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "done"}
			if rng.IntN(3) > 0 {
				by = sho
				d.db.ApplyAction(ctx, c.code, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, op, "")
				d.db.ApplyAction(ctx, c.code, shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}, op, "")
				d.db.ApplyAction(ctx, c.code, shikayat.Action{Kind: shikayat.ActionNote, Text: "mauke par gaye"}, sho, "")
			}
		case 6:
			a = shikayat.Action{Kind: shikayat.ActionReopen, Reason: "not resolved"}
		case 7:
			to := districts[rng.IntN(len(districts))]
			a = shikayat.Action{Kind: shikayat.ActionForward, District: to, Reason: "not ours"}
			if _, _, err := d.db.ApplyAction(ctx, c.code, a, op, ""); err == nil {
				c.lgd = to
				done[a.Kind]++
			}
			continue
		case 8:
			a = shikayat.Action{Kind: shikayat.ActionMerge, Into: cs[rng.IntN(len(cs))].code}
		}
		if _, _, err := d.db.ApplyAction(ctx, c.code, a, by, ""); err == nil { // one the stage refuses is skipped
			done[a.Kind]++
		}
	}
	t.Logf("actions done: %v", done)
	return d
}
