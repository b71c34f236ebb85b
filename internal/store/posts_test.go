package store_test

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// jobLog keeps the jobs the store enqueues (the real queue is River; the
// store only asks for them in its transaction).
type jobLog struct {
	mu   sync.Mutex
	jobs []shikayat.Job
}

func (j *jobLog) InsertTx(_ context.Context, _ *sql.Tx, job shikayat.Job) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.jobs = append(j.jobs, job)
	return nil
}

func (j *jobLog) count(kind shikayat.JobKind, postID string) int {
	j.mu.Lock()
	defer j.mu.Unlock()
	n := 0
	for _, job := range j.jobs {
		if job.Kind == kind && job.PostID == postID {
			n++
		}
	}
	return n
}

func heldIncoming(id, conv, author, text string, class shikayat.Class, at time.Time) shikayat.Incoming {
	p := &shikayat.Post{ID: id, ConversationID: conv, AuthorID: author, AuthorUsername: "user" + author, Text: text, CreatedAt: at}
	return shikayat.Incoming{Post: p, MentionsAccount: true, Triage: &shikayat.Triage{
		Intent: shikayat.IntentComplaint, Actionable: true, Urgency: class, Type: shikayat.TypeOther, District: 162,
		Lang: "en", Confidence: 0.6, Handling: shikayat.HandlingReview, Reasons: []string{"intent: complaint (0.60)"}}}
}

// TestHeldPosts: a post triage hands to review is held — no docket, no
// reply — an immediate one alerts HQ and is due in 15 minutes, follow-ups
// join it, HQ finds it and makes it a complaint (once, however often or
// however many at once) or not, each kept as a correction.
func TestHeldPosts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		jobs := &jobLog{}
		db := open(t, dsn(), store.Options{Now: clk.Now, Jobs: jobs})
		at := clk.Now().Add(-2 * time.Minute)
		before, _ := db.LastAlertID(ctx)
		batch := []shikayat.Incoming{
			heldIncoming("201", "201", "1", "someone is standing outside my house since night", shikayat.ClassMidTerm, at),
			heldIncoming("202", "202", "2", "बच्चा स्कूल से घर नहीं आया", shikayat.ClassImmediate, at.Add(time.Minute)),
			incoming("203", "201", "1", "please send someone, he is still there", true), // a follow-up to the held post
			heldIncoming("204", "204", "3", "is this a scam call or not", shikayat.ClassLongTerm, at),
		}
		recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", batch)
		if err != nil {
			t.Fatal(err)
		}
		want := []shikayat.RecordKind{shikayat.RecordHeld, shikayat.RecordHeld, shikayat.RecordAttachment, shikayat.RecordHeld}
		for i, r := range recs {
			if r.Kind != want[i] || r.ComplaintID != 0 {
				t.Fatalf("post %s: %s (%s) complaint %d, want %s and no complaint", r.PostID, r.Kind, r.Reason, r.ComplaintID, want[i])
			}
		}
		if n := len(jobs.jobs); n != 0 {
			t.Fatalf("%d jobs queued for held posts, want none: %+v", n, jobs.jobs)
		}
		alerts, err := db.AlertsSince(ctx, before, clk.Now().Add(time.Hour), 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(alerts) != 1 || alerts[0].Kind != shikayat.AlertReview || alerts[0].PostID != "202" || alerts[0].UnitID != shikayat.HQUnitID || alerts[0].Code != "" {
			t.Fatalf("alerts = %+v, want one review alert for post 202 at HQ", alerts)
		}
		if alerts[0].For("/hq/z1/") || !alerts[0].For(alerts[0].UnitPath) {
			t.Fatalf("the review alert reaches below HQ: %+v", alerts[0])
		}

		hq := actorIn(t, db, shikayat.Actor{UserID: 1, Username: "hq-op", Role: shikayat.RoleHQOperator, UnitID: "hq"})
		lko := actorIn(t, db, lucknow)
		page, err := db.ListPosts(ctx, shikayat.PostFilter{Scope: hq.Scope, Held: true})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 3 || page.Posts[0].ID != "202" || !page.Posts[0].Urgent || page.Posts[1].ID != "201" && page.Posts[1].ID != "204" {
			t.Fatalf("held queue = %+v, want 202 (immediate) first", page.Posts)
		}
		top := page.Posts[0]
		if top.DueAt == nil || !top.DueAt.Equal(at.Add(time.Minute+15*time.Minute)) || top.Overdue || top.Triage == nil || top.Triage.Confidence != 0.6 || top.Handling != shikayat.HandlingReview {
			t.Fatalf("immediate held post = %+v (due %v), want due 15 min after it was posted, with its triage", top, top.DueAt)
		}
		clk.Add(20 * time.Minute)
		if v, _ := db.PostView(ctx, hq.Scope, "202"); v == nil || !v.Overdue {
			t.Fatalf("after 20 minutes the immediate held post is not overdue: %+v", v)
		}
		if _, err := db.ListPosts(ctx, shikayat.PostFilter{Scope: lko.Scope}); shikayat.ErrorCode(err) != shikayat.EFORBIDDEN {
			t.Fatalf("a district operator lists posts: %v", err)
		}
		if _, err := db.ActOnPost(ctx, "201", shikayat.PostMakeComplaint, lko, ""); shikayat.ErrorCode(err) != shikayat.EFORBIDDEN {
			t.Fatalf("a district operator acts on a post: %v", err)
		}

		for q, id := range map[string]string{"स्कूल से": "202", "SCAM call": "204", "203": "203", "he": ""} {
			page, err := db.ListPosts(ctx, shikayat.PostFilter{Scope: hq.Scope, Query: q})
			if err != nil {
				t.Fatal(err)
			}
			if id == "" {
				continue // a short query works, whatever it finds
			}
			if page.Total != 1 || page.Posts[0].ID != id {
				t.Errorf("search %q = %+v, want post %s", q, page.Posts, id)
			}
		}

		out, err := db.ActOnPost(ctx, "201", shikayat.PostMakeComplaint, hq, "")
		if err != nil {
			t.Fatal(err)
		}
		c := out.Complaint
		if !out.Created || c == nil || c.Code == "" || !c.ReceivedAt.Equal(at) || c.SourcePostID != "201" {
			t.Fatalf("make_complaint = %+v (complaint %+v), want a new complaint received at the post's time", out, c)
		}
		if got := jobs.count(shikayat.JobAcknowledge, "201"); got != 1 {
			t.Fatalf("%d acknowledgements queued, want 1", got)
		}
		if c.Stage != shikayat.StageForwarded && c.District != 0 {
			t.Fatalf("forward rule: %+v", c)
		}
		again, err := db.ActOnPost(ctx, "201", shikayat.PostMakeComplaint, hq, "")
		if err != nil || again.Created || again.Complaint.ID != c.ID {
			t.Fatalf("second make_complaint = %+v, %v; want the same complaint, not created", again, err)
		}
		if got := jobs.count(shikayat.JobAcknowledge, "201"); got != 1 {
			t.Fatalf("%d acknowledgements queued after a second make_complaint, want 1", got)
		}
		full, err := db.FindComplaintByID(ctx, c.ID, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		follow := false
		for _, ev := range full.Events {
			if ev.Action == shikayat.EventCitizenPost && ev.Detail["post_id"] == "203" {
				follow = true
			}
		}
		if !follow {
			t.Fatalf("the follow-up to the held post is not in the complaint's trail: %+v", full.Events)
		}
		if _, err := db.ActOnPost(ctx, "201", shikayat.PostNotComplaint, hq, ""); shikayat.ErrorCode(err) != shikayat.ECONFLICT {
			t.Fatalf("not_complaint on a complaint: %v, want conflict", err)
		}

		// Not a complaint: nothing sent, recorded as such, a correction kept.
		nc, err := db.ActOnPost(ctx, "204", shikayat.PostNotComplaint, hq, "k1")
		if err != nil || nc.Complaint != nil || nc.Post.Kind != shikayat.RecordNonActionable {
			t.Fatalf("not_complaint = %+v, %v", nc, err)
		}
		if _, err := db.ActOnPost(ctx, "204", shikayat.PostNotComplaint, hq, "k1"); err != nil {
			t.Fatalf("replayed not_complaint: %v", err)
		}
		if _, err := db.ActOnPost(ctx, "202", shikayat.PostNotComplaint, hq, "k1"); shikayat.ErrorCode(err) != shikayat.ECONFLICT {
			t.Fatalf("an Idempotency-Key reused for another post: %v, want conflict", err)
		}
		if got := jobs.count(shikayat.JobAcknowledge, "204"); got != 0 {
			t.Fatal("not_complaint queued a reply")
		}
		var fields []string
		err = db.EachCorrectedPost(ctx, func(cp store.CorrectedPost) error {
			fields = append(fields, cp.Label.ID+":"+map[bool]string{true: "complaint", false: "not"}[cp.Label.Actionable])
			return nil
		})
		if err != nil || len(fields) != 2 || fields[0] != "201:complaint" || fields[1] != "204:not" {
			t.Fatalf("corrections = %v, %v", fields, err)
		}

		// Two people at once make one complaint.
		var wg sync.WaitGroup
		outs := make([]*shikayat.PostOutcome, 2)
		errs := make([]error, 2)
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				by := hq
				by.UserID = int64(10 + i)
				outs[i], errs[i] = db.ActOnPost(ctx, "202", shikayat.PostMakeComplaint, by, "")
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if outs[0].Complaint.ID != outs[1].Complaint.ID || outs[0].Created == outs[1].Created {
			t.Fatalf("two make_complaint at once: %+v / %+v, want one complaint made once", outs[0], outs[1])
		}
		if got := jobs.count(shikayat.JobAcknowledge, "202"); got != 1 {
			t.Fatalf("%d acknowledgements queued for two make_complaint at once, want 1", got)
		}
		if got, _ := db.ListPosts(ctx, shikayat.PostFilter{Scope: hq.Scope, Held: true}); got.Total != 0 {
			t.Fatalf("%d posts still held, want none", got.Total)
		}
	})
}

// TestHelplineReplyJob: another department's matter is recorded, never
// docketed, and its helpline reply is queued only where the deployment
// answers them.
func TestHelplineReplyJob(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		jobs := &jobLog{}
		db := open(t, dsn(), store.Options{Jobs: jobs})
		mk := func(id string, on bool) shikayat.Incoming {
			in := incoming(id, id, "9", "बिजली नहीं आ रही तीन दिन से", false)
			in.Triage = &shikayat.Triage{Intent: shikayat.IntentOther, Lang: "hi", Confidence: 0.2, Handling: shikayat.HandlingRecord, Department: "electricity"}
			in.HelplineReplies = on
			return in
		}
		recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{mk("301", false), mk("302", true)})
		if err != nil {
			t.Fatal(err)
		}
		if recs[0].Kind != shikayat.RecordNonActionable || recs[1].Kind != shikayat.RecordNonActionable || recs[1].ComplaintID != 0 {
			t.Fatalf("records = %+v", recs)
		}
		if jobs.count(shikayat.JobHelplineReply, "301") != 0 || jobs.count(shikayat.JobHelplineReply, "302") != 1 || len(jobs.jobs) != 1 {
			t.Fatalf("jobs = %+v, want one helpline reply for 302", jobs.jobs)
		}
	})
}
