package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestFeedback: closing a complaint from X queues its closing reply; the
// author's rating is kept as an event and on the complaint (the last one
// wins); a 1–2 or "not resolved" within the window reopens it once, with a
// deadline again and an appeal counted that the district's counts can sum;
// later, or in a batch that already reopened it, nothing more; the public
// trail shows the appeal, and the trail still verifies.
func TestFeedback(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		jobs := &jobLog{}
		db := open(t, dsn(), store.Options{Now: clk.Now, Jobs: jobs})
		at := clk.Now()
		reply := func(id, author, text string, after time.Duration) shikayat.Incoming {
			in := incoming(id, "500", author, text, false)
			in.Post.CreatedAt, in.Post.InReplyToPostID = at.Add(after), "500"
			return in
		}
		open := incoming("500", "500", "1", "my bike was stolen", true)
		open.Post.CreatedAt, open.Forward, open.Triage.District = at, true, 162
		recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{open})
		if err != nil || recs[0].Kind != shikayat.RecordComplaint {
			t.Fatalf("open: %+v, %v", recs, err)
		}
		code := recs[0].ComplaintCode
		c, ev, err := db.ApplyAction(ctx, code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, shikayat.SystemActor, "")
		if err != nil {
			t.Fatal(err)
		}
		closing := 0
		for _, j := range jobs.jobs {
			if j.Kind == shikayat.JobReply && j.EventID == ev.ID {
				closing++
			}
		}
		if closing != 1 || c.LastClosedAt == nil || c.DueAt != nil {
			t.Fatalf("close: %d closing replies queued, last closed %v, due %v", closing, c.LastClosedAt, c.DueAt)
		}

		clk.Add(time.Hour)
		// Two appeals in one batch reopen it once; a stranger's 1 is nothing.
		recs, err = db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{
			reply("501", "1", "@Uppolice 1", time.Hour), reply("502", "9", "@Uppolice 1", time.Hour),
			reply("503", "1", "@Uppolice abhi tak kuch nahi hua", time.Hour),
		})
		if err != nil {
			t.Fatal(err)
		}
		if recs[1].ComplaintCode == code {
			t.Fatalf("a stranger's rating joined the complaint: %+v", recs[1])
		}
		c, err = db.FindComplaint(ctx, code, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		if c.Stage != shikayat.StageForwarded || c.Rating != 1 || c.Appeals != 1 || c.DueAt == nil || c.LastClosedAt == nil {
			t.Fatalf("after the appeal: stage %s rating %d appeals %d due %v", c.Stage, c.Rating, c.Appeals, c.DueAt)
		}
		var reopens int
		for _, e := range c.Events {
			if e.Action == string(shikayat.ActionReopen) {
				reopens++
				if e.Detail["appeal"] != shikayat.AppealRating || e.Actor != "system" {
					t.Errorf("reopen event %+v", e)
				}
			}
		}
		if reopens != 1 {
			t.Fatalf("%d reopen events, want 1", reopens)
		}
		var appeals int
		if err := db.SQL().QueryRowContext(ctx, `SELECT SUM(appeals) FROM complaints WHERE district = 162`).Scan(&appeals); err != nil || appeals != 1 {
			t.Fatalf("appeals in Lucknow = %d, %v", appeals, err)
		}

		// Closed again: the author's 4 rates it and leaves it closed; after
		// the window, "not resolved" reopens nothing.
		if _, _, err := db.ApplyAction(ctx, code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, shikayat.SystemActor, ""); err != nil {
			t.Fatal(err)
		}
		closedAt := clk.Now()
		late := reply("505", "1", "not resolved", 0)
		late.Post.CreatedAt = closedAt.Add(shikayat.FeedbackWindow + time.Hour)
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{reply("504", "1", "char", 2*time.Hour), late}); err != nil {
			t.Fatal(err)
		}
		c, _ = db.FindComplaint(ctx, code, shikayat.SystemScope())
		if c.Stage != shikayat.StageClosed || c.Rating != 4 || c.Appeals != 1 {
			t.Fatalf("after a 4 and a late appeal: stage %s rating %d appeals %d", c.Stage, c.Rating, c.Appeals)
		}
		pub, err := db.TrackComplaint(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		var steps []string
		for _, s := range shikayat.PublicHistory(pub.Events, nil) {
			steps = append(steps, s.Step)
		}
		want := []string{"received", "forwarded", "closed", "appeal", "closed"}
		if len(steps) != len(want) {
			t.Fatalf("public steps %v, want %v", steps, want)
		}
		for i := range want {
			if steps[i] != want[i] {
				t.Fatalf("public steps %v, want %v", steps, want)
			}
		}
		// The trail with its ratings and appeals still verifies.
		if rep, err := db.VerifyTrail(ctx); err != nil || rep.Failure != nil {
			t.Fatalf("verify: %+v, %v", rep, err)
		}
	})
}
