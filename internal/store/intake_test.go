package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

func incoming(id, conv, author, text string, actionable bool) shikayat.Incoming {
	p := &shikayat.Post{ID: id, ConversationID: conv, AuthorID: author, AuthorUsername: "user" + author, Text: text, CreatedAt: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)}
	in := shikayat.Incoming{Post: p, MentionsAccount: true, Triage: &shikayat.Triage{Intent: shikayat.IntentFeedback, Lang: "en"}}
	if actionable {
		in.Triage = &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, Lang: "en"}
	}
	return in
}

func TestRecordPosts(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		if ok, err := db.AcquireLease(ctx, "x-intake", "node-a", time.Minute); err != nil || !ok {
			t.Fatalf("acquire = %v, %v", ok, err)
		}
		fence := store.Fence{Lease: "x-intake", Holder: "node-a"}

		batch := []shikayat.Incoming{
			incoming("101", "101", "1", "my bike was stolen", true),
			incoming("102", "101", "1", "still no action on this", true), // same thread, same author
			incoming("103", "101", "2", "same happened to me", true),     // same thread, another author: its own complaint
			incoming("104", "104", "3", "thank you police", false),       // feedback
			incoming("105", "105", "4", "RT: bike stolen", true),         // a retweet
			{Post: &shikayat.Post{ID: "106", ConversationID: "101", AuthorID: "99", AuthorUsername: "Uppolice", Text: "We are looking into it"}, Staff: true},
		}
		batch[4].Post.RetweetOf = "55"
		recs, err := db.RecordPosts(ctx, fence, "mentions", "106", batch)
		if err != nil {
			t.Fatal(err)
		}
		want := []shikayat.RecordKind{"complaint", "attachment", "complaint", "non_actionable", "non_actionable", "staff"}
		for i, r := range recs {
			if r.Kind != want[i] {
				t.Errorf("post %s: %s (%s), want %s", r.PostID, r.Kind, r.Reason, want[i])
			}
		}
		if recs[1].ComplaintID != recs[0].ComplaintID || recs[5].ComplaintID != recs[0].ComplaintID || recs[2].ComplaintID == recs[0].ComplaintID {
			t.Fatalf("attachments went to the wrong complaints: %+v", recs)
		}
		if cp, _ := db.Checkpoint(ctx, "mentions"); cp != "106" {
			t.Fatalf("checkpoint = %q", cp)
		}

		// A status question quoting the code attaches to it.
		q := incoming("107", "107", "5", "what is the status of "+recs[0].ComplaintCode, false)
		q.Dockets = []string{recs[0].ComplaintCode}
		// Re-reading an overlap records nothing twice.
		again, err := db.RecordPosts(ctx, fence, "mentions", "107", append(batch[4:], q))
		if err != nil {
			t.Fatal(err)
		}
		if !again[0].Duplicate || !again[1].Duplicate || again[2].Kind != shikayat.RecordAttachment || again[2].ComplaintID != recs[0].ComplaintID {
			t.Fatalf("second batch = %+v", again)
		}
		c, err := db.FindComplaintByID(ctx, recs[0].ComplaintID, "")
		if err != nil {
			t.Fatal(err)
		}
		// received, two citizen posts (follow-up, status question) and the staff post.
		if len(c.Events) != 4 {
			t.Fatalf("trail = %d events, want 4", len(c.Events))
		}
		page, _ := db.ListComplaints(ctx, shikayat.ComplaintFilter{})
		if page.Total != 2 {
			t.Fatalf("%d complaints, want 2", page.Total)
		}

		// Another node cannot take a live lease, nor commit under it.
		if ok, _ := db.AcquireLease(ctx, "x-intake", "node-b", time.Minute); ok {
			t.Fatal("node-b took a live lease")
		}
		_, err = db.RecordPosts(ctx, store.Fence{Lease: "x-intake", Holder: "node-b"}, "mentions", "200", []shikayat.Incoming{incoming("200", "200", "7", "help", true)})
		wantCode(t, err, shikayat.ECONFLICT)
		if _, err := db.FindComplaintByPost(ctx, "200"); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
			t.Fatal("a fenced-out write committed")
		}
		// Once it expires, node-b takes it and node-a is fenced out.
		clk.Add(61 * time.Second)
		if ok, _ := db.AcquireLease(ctx, "x-intake", "node-b", time.Minute); !ok {
			t.Fatal("node-b could not take an expired lease")
		}
		_, err = db.RecordPosts(ctx, fence, "mentions", "201", []shikayat.Incoming{incoming("201", "201", "7", "help", true)})
		wantCode(t, err, shikayat.ECONFLICT)
		if at, _ := db.PostSeqAt(ctx, 0); at != "107" {
			t.Fatalf("newest post = %q, want 107", at)
		}
		if at, _ := db.PostSeqAt(ctx, 2); at != "105" {
			t.Fatalf("third newest post = %q, want 105", at)
		}
	})
}
