package store_test

import (
	"context"
	"strings"
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
	t.Parallel()
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
		c, err := db.FindComplaintByID(ctx, recs[0].ComplaintID, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		// received, two citizen posts (follow-up, status question) and the staff post.
		if len(c.Events) != 4 {
			t.Fatalf("trail = %d events, want 4", len(c.Events))
		}
		page, _ := db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope()})
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
		if conv, ok, _ := db.ConversationOf(ctx, "102"); !ok || conv != "101" {
			t.Fatalf("conversation of 102 = %q, %v", conv, ok)
		}
		if _, ok, _ := db.ConversationOf(ctx, "999"); ok {
			t.Fatal("an unknown post has a conversation")
		}
	})
}

func TestRecordPostsEdgeCases(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		db.AcquireLease(ctx, "x-intake", "n", 10*time.Second)
		fence := store.Fence{Lease: "x-intake", Holder: "n", TTL: 10 * time.Second}
		first, err := db.RecordPosts(ctx, fence, "", "", []shikayat.Incoming{incoming("10", "10", "1", "phone stolen", true)})
		if err != nil {
			t.Fatal(err)
		}
		code := first[0].ComplaintCode

		rt := incoming("11", "11", "2", "RT @Uppolice: your complaint is "+code, true)
		rt.Post.RetweetOf, rt.Dockets = "99", []string{code}
		unknown := incoming("12", "12", "3", "chain snatched", true)
		unknown.Triage.District, unknown.Forward = 9999, true
		empty := incoming("13", "13", "4", "   ", true)
		silent := incoming("14", "14", "5", "bike stolen, posted without tagging", true)
		silent.MentionsAccount = false
		// Each renewal of the fence keeps the lease alive past its first term.
		clk.Add(8 * time.Second)
		recs, err := db.RecordPosts(ctx, fence, "", "", []shikayat.Incoming{rt, unknown, empty, silent})
		if err != nil {
			t.Fatalf("one odd post held up the batch: %v", err)
		}
		clk.Add(8 * time.Second)
		if _, err := db.RecordPosts(ctx, fence, "", "", nil); err != nil {
			t.Fatalf("the lease lapsed although each commit renewed it: %v", err)
		}
		if recs[0].Kind != shikayat.RecordNonActionable || recs[0].ComplaintID != 0 {
			t.Errorf("a retweet quoting a docket = %+v, want non-actionable", recs[0])
		}
		if recs[1].Kind != shikayat.RecordComplaint {
			t.Errorf("unknown district = %+v, want a complaint", recs[1])
		} else if c, _ := db.FindComplaintByID(ctx, recs[1].ComplaintID, shikayat.SystemScope()); c.SuggestedDistrict != 0 || c.Stage != shikayat.StageReceived {
			t.Errorf("unknown district kept: %+v", c)
		}
		if recs[2].Kind != shikayat.RecordNonActionable || !strings.Contains(recs[2].Reason, "no complaint") {
			t.Errorf("empty text = %+v", recs[2])
		}
		c, _ := db.FindComplaintByID(ctx, recs[3].ComplaintID, shikayat.SystemScope())
		if c == nil || c.Replyable {
			t.Fatalf("a post without the mention gave a replyable complaint: %+v", c)
		}
		hq := shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq", Scope: shikayat.SystemScope()}
		_, _, err = db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionReply, Text: "We are on it"}, hq, "")
		wantCode(t, err, shikayat.EINVALID)
	})
}

// A pushed copy of a post (webhook, stream) cannot pre-empt the record of
// the copy X's own timeline returns: the polled copy replaces its content,
// the difference is reported, and the post keeps its one record.
func TestRecordPostsPolledCopyWins(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{})
		pushed := incoming("301", "301", "1", "my bike was stolen (forged)", true)
		pushed.Pushed = true
		first, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{pushed})
		if err != nil {
			t.Fatal(err)
		}
		polled := incoming("301", "301", "1", "my bike was stolen in Hazratganj", true)
		recs, err := db.RecordPosts(ctx, store.Fence{}, "mentions", "301", []shikayat.Incoming{polled})
		if err != nil {
			t.Fatal(err)
		}
		if !recs[0].Duplicate || recs[0].Replaced != "text" || recs[0].ComplaintID != first[0].ComplaintID {
			t.Fatalf("polled copy = %+v, want the first record, its text replaced", recs[0])
		}
		p, kind, _, err := db.FindPost(ctx, "301")
		if err != nil || p.Text != polled.Post.Text || kind != shikayat.RecordComplaint {
			t.Fatalf("record = %+v %s %v, want the polled text", p, kind, err)
		}
		c, _ := db.FindComplaintByID(ctx, first[0].ComplaintID, shikayat.SystemScope())
		if c.Text != polled.Post.Text {
			t.Errorf("the complaint keeps the pushed text %q, not X's own words", c.Text)
		}
		if last := c.Events[len(c.Events)-1]; last.Action != store.ReplacedAction || last.Detail["differed"] != "text" {
			t.Errorf("the trail does not show the replacement: %+v", last)
		}
		// Another push, or another poll, changes nothing more.
		for _, in := range []shikayat.Incoming{pushed, polled} {
			again, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in})
			if err != nil || !again[0].Duplicate || again[0].Replaced != "" {
				t.Fatalf("again = %+v, %v", again, err)
			}
		}
		if p, _, _, _ := db.FindPost(ctx, "301"); p.Text != polled.Post.Text {
			t.Fatalf("a later push replaced the polled copy: %q", p.Text)
		}
	})
}

// A post that could not be read ends in one unreadable record per id, raw
// JSON kept; a readable copy that comes later takes its place.
func TestRecordUnreadablePosts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{})
		bad := func(id, raw string) shikayat.Incoming {
			return shikayat.Incoming{Post: &shikayat.Post{ID: id}, Unreadable: &shikayat.UnreadablePost{ID: id, Raw: raw, Error: "lang is a number"}}
		}
		in := []shikayat.Incoming{bad("401", `{"id":"401","lang":5}`), bad("unreadable:abc", `{"id":5}`), bad("402", `{"id":"402","lang":5}`)}
		for i := 0; i < 2; i++ {
			recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", in)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range recs {
				if r.Kind != shikayat.RecordUnreadable || r.Duplicate != (i == 1) {
					t.Fatalf("round %d: %+v", i, r)
				}
			}
		}
		got, err := db.UnreadablePosts(ctx, 10)
		if err != nil || len(got) != 3 {
			t.Fatalf("unreadable = %+v, %v", got, err)
		}
		for _, u := range got {
			if !strings.Contains(u.Raw, `"id":`) || !strings.Contains(u.Error, "lang is a number") {
				t.Errorf("%+v lost its raw JSON or its error", u)
			}
		}
		// X sends 401 readable later: it is decided like any post.
		recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{incoming("401", "401", "1", "phone stolen", true)})
		if err != nil || recs[0].Kind != shikayat.RecordComplaint {
			t.Fatalf("readable copy = %+v, %v", recs, err)
		}
		if got, _ := db.UnreadablePosts(ctx, 10); len(got) != 2 {
			t.Fatalf("%d unreadable left, want 2", len(got))
		}
		var n int
		db.SQL().QueryRow(`SELECT count(*) FROM posts`).Scan(&n)
		if n != 3 {
			t.Fatalf("%d records, want 3", n)
		}
	})
}

func TestIdempotentReplayKeepsScope(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{})
		in := post("1", "theft in Lucknow")
		in.Triage, in.Forward = &shikayat.Triage{District: 162}, true
		c, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		op := actorIn(t, db, lucknow)
		a := shikayat.Action{Kind: shikayat.ActionForward, District: 164, Reason: "Kanpur's"}
		if _, _, err := db.ApplyAction(ctx, c.Code, a, op, "k1"); err != nil {
			t.Fatal(err)
		}
		_, _, err = db.ApplyAction(ctx, c.Code, a, op, "k1")
		wantCode(t, err, shikayat.ENOTFOUND)
		_, _, err = db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: "x"}, shikayat.Actor{UserID: 9, Username: "nobody"}, "")
		wantCode(t, err, shikayat.EFORBIDDEN)
	})
}
