package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The lists behind the dashboard's bounces and reopenings keep the scope
// of the complaint's owner: a district that sent a complaint away, or had
// closed one that another unit now holds, neither lists nor exports it
// (sensitive or not), and the bounces and reopenings of another district
// stay out of its lists. HQ lists what every unit bounced or reopened.
func TestEventListsKeepOwnerScope(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		lko, knp, agra := d.op(t, lucknow162), d.op(t, kanpur157), d.op(t, agra118)
		yes := true

		// Lucknow bounces one to Kanpur Nagar, which marks it sensitive.
		gone := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		d.act(t, gone, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm}, lko)
		d.act(t, gone, shikayat.Action{Kind: shikayat.ActionForward, District: kanpur157, Reason: "not ours"}, lko)
		d.act(t, gone, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes, Reason: "victim"}, knp)
		// Lucknow closes one, which is then sent on to Agra and reopened there.
		moved := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		noteAndClose(t, d, moved, lko)
		d.act(t, moved, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "citizen says not resolved"}, lko)
		d.act(t, moved, shikayat.Action{Kind: shikayat.ActionForward, District: agra118, Reason: "not ours"}, lko)
		noteAndClose(t, d, moved, agra)
		d.act(t, moved, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "citizen says not resolved"}, agra)
		// Kanpur Nagar bounces one to Agra and closes and reopens another.
		other := d.complaint(t, kanpur157, shikayat.ClassMidTerm)
		d.act(t, other, shikayat.Action{Kind: shikayat.ActionForward, District: agra118, Reason: "not ours"}, knp)
		reop := d.complaint(t, kanpur157, shikayat.ClassMidTerm)
		noteAndClose(t, d, reop, knp)
		d.act(t, reop, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "citizen says not resolved"}, knp)
		// Lucknow bounces one that comes back to it: it holds it again.
		back := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		d.act(t, back, shikayat.Action{Kind: shikayat.ActionForward, District: kanpur157, Reason: "not ours"}, lko)
		d.act(t, back, shikayat.Action{Kind: shikayat.ActionForward, District: lucknow162, Reason: "theirs after all"}, knp)

		codes := func(f shikayat.ComplaintFilter) map[string]bool {
			t.Helper()
			p, err := d.db.ListComplaints(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]bool{}
			for _, c := range p.Complaints {
				out[c.Code] = true
			}
			if p.Total != len(out) {
				t.Errorf("%+v: total %d, listed %d", f, p.Total, len(out))
			}
			n := 0
			if err := d.db.EachComplaint(ctx, f, func(c *shikayat.Complaint) error {
				n++
				if !out[c.Code] {
					t.Errorf("%+v: exports %s (held by %s) that it does not list", f, c.Code, c.UnitID)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if n != len(out) {
				t.Errorf("%+v: exports %d, lists %d", f, n, len(out))
			}
			return out
		}
		for _, tc := range []struct {
			name string
			f    shikayat.ComplaintFilter
			want []string
		}{
			{"lucknow bounced", shikayat.ComplaintFilter{Scope: lko.Scope, Bounced: true}, []string{back}},
			{"lucknow bounced_from", shikayat.ComplaintFilter{Scope: lko.Scope, BouncedFrom: lucknow162}, []string{back}},
			{"lucknow bounced_from kanpur", shikayat.ComplaintFilter{Scope: lko.Scope, BouncedFrom: kanpur157}, nil},
			{"lucknow reopened", shikayat.ComplaintFilter{Scope: lko.Scope, Reopened: true}, nil},
			{"kanpur bounced", shikayat.ComplaintFilter{Scope: knp.Scope, Bounced: true}, nil},
			{"kanpur reopened", shikayat.ComplaintFilter{Scope: knp.Scope, Reopened: true}, []string{reop}},
			{"hq bounced", shikayat.ComplaintFilter{Scope: shikayat.SystemScope(), Bounced: true}, []string{gone, moved, other, back}},
			{"hq reopened lucknow", shikayat.ComplaintFilter{Scope: shikayat.SystemScope(), Reopened: true, District: lucknow162}, []string{moved}},
		} {
			got := codes(tc.f)
			if len(got) != len(tc.want) {
				t.Errorf("%s: lists %v, want %v", tc.name, got, tc.want)
			}
			for _, c := range tc.want {
				if !got[c] {
					t.Errorf("%s: lists %v, want %v", tc.name, got, tc.want)
				}
			}
		}
	})
}

// A station re-imported under another district takes its complaints'
// counts with it: the roll-ups and a recount agree for both districts, and
// the district that holds the station now counts its complaint.
func TestStationMovedCountsWithItsNewDistrict(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		st := &shikayat.Unit{ID: "station:moving", Kind: shikayat.UnitStation, Name: "Moving", LGD: lucknow162}
		if _, _, err := d.db.ImportStations(ctx, []*shikayat.Unit{st}); err != nil {
			t.Fatal(err)
		}
		lko, knp := d.op(t, lucknow162), d.op(t, kanpur157)
		c := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, lko)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionAssign, Station: "station:moving", Reason: "area"}, lko)
		moved := *st
		moved.LGD = kanpur157
		if _, _, err := d.db.ImportStations(ctx, []*shikayat.Unit{&moved}); err != nil {
			t.Fatal(err)
		}
		if err := d.db.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		from := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST)
		for _, tc := range []struct {
			name  string
			scope shikayat.Scope
			want  int
		}{{"lucknow", lko.Scope, 0}, {"kanpur", knp.Scope, 1}, {"hq", shikayat.SystemScope(), 1}} {
			f := shikayat.StatsFilter{Scope: tc.scope, From: from, To: from.AddDate(0, 0, 30)}
			got, err := d.db.DistrictStats(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := d.db.RecountDistrictStats(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if got.Totals.Received != want.Totals.Received || got.Totals.Received != tc.want {
				t.Errorf("%s: roll-ups received %d, recount %d, want %d", tc.name, got.Totals.Received, want.Totals.Received, tc.want)
			}
		}
	})
}
