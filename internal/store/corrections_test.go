package store_test

import (
	"context"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A person who changes triage's district, class or type leaves a
// correction; the export gives each corrected post once, with its label as
// people last set it.
func TestCorrectionsAreKeptAndExported(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{})
		in := shikayat.Incoming{MentionsAccount: true, Post: &shikayat.Post{ID: "5001", Text: "@Uppolice मेरी बाइक चोरी हो गई हज़रतगंज में", AuthorID: "9", AuthorUsername: "ravi", Mentions: []string{"Uppolice"}},
			Triage: &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, District: 164, Confidence: 0.9, Lang: "hi"}}
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in}); err != nil {
			t.Fatal(err)
		}
		c, err := db.FindComplaintByPost(ctx, "5001")
		if err != nil {
			t.Fatal(err)
		}
		hq := actorIn(t, db, shikayat.Actor{UserID: 1, Username: "hq-op", Role: shikayat.RoleHQOperator, UnitID: "hq"})
		lko := actorIn(t, db, lucknow)
		step := func(by shikayat.Actor, a shikayat.Action) {
			t.Helper()
			if _, _, err := db.ApplyAction(ctx, c.Code, a, by, ""); err != nil {
				t.Fatal(err)
			}
		}
		step(hq, shikayat.Action{Kind: shikayat.ActionForward, District: 162, Reason: "Hazratganj is in Lucknow"})
		step(lko, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}) // as suggested: nothing to correct
		step(lko, shikayat.Action{Kind: shikayat.ActionNote, Text: "seen"})
		step(lko, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassImmediate, Type: shikayat.TypeAssaultThreat})

		var got []store.CorrectedPost
		if err := db.EachCorrectedPost(ctx, func(p store.CorrectedPost) error { got = append(got, p); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Fatalf("%d corrected posts, want 1", len(got))
		}
		l := got[0].Label
		if got[0].Post.ID != "5001" || got[0].Post.Text != in.Post.Text || !l.Actionable || l.Intent != "complaint" ||
			l.District == nil || *l.District != 162 || l.Urgency == nil || *l.Urgency != "immediate" || l.Type == nil || *l.Type != "assault_threat" {
			t.Fatalf("exported %+v with label %+v", got[0].Post, l)
		}
		var n int
		db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM corrections`).Scan(&n)
		if n != 3 { // district, then class and type once
			t.Fatalf("%d corrections, want 3", n)
		}

		// A held post recorded as not a complaint.
		if err := db.RecordCorrection(ctx, &shikayat.Correction{PostID: "5001", Field: shikayat.CorrectActionable, Suggested: "true", Corrected: "false", By: "hq-op"}); err != nil {
			t.Fatal(err)
		}
		got = nil
		db.EachCorrectedPost(ctx, func(p store.CorrectedPost) error { got = append(got, p); return nil })
		if len(got) != 1 || got[0].Label.Actionable || got[0].Label.Intent != "other" || got[0].Label.Urgency != nil {
			t.Fatalf("after 'not a complaint': %+v", got[0].Label)
		}
	})
}
