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
