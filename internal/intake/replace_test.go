package intake_test

import (
	"context"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// X's own read decides what a post becomes when a pushed copy differed: a
// push of thanks gives way to X's theft complaint, opened and acknowledged
// once; a push under another author leaves the complaint with X's author.
// The trail still verifies.
func TestPolledCopyDecidesWhatThePostBecomes(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{})
		acks := func(postID string) int {
			t.Helper()
			var n int
			if err := r.db.SQL().QueryRow(`SELECT count(*) FROM river_job WHERE kind = $1 AND CAST(args AS TEXT) LIKE $2`,
				string(shikayat.JobAcknowledge), "%"+postID+"%").Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		id := r.post(t, "citizen", "@Uppolice meri bike chori ho gayi Hazratganj Lucknow mein, kripya FIR darj karke madad karein")
		tw, _ := r.sim.Post(id)
		pushed := shikayat.Post{ID: id, Text: "@Uppolice thank you", AuthorID: tw.AuthorID, AuthorUsername: "citizen",
			ConversationID: id, Mentions: []string{"Uppolice"}}
		if err := r.p.Deliver(ctx, []shikayat.Post{pushed}); err != nil {
			t.Fatal(err)
		}
		if k := r.kind(t, id); k != shikayat.RecordNonActionable {
			t.Fatalf("the pushed thanks recorded as %s", k)
		}
		for i := 0; i < 2; i++ {
			if err := r.p.PollOnce(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if k := r.kind(t, id); k != shikayat.RecordComplaint {
			t.Errorf("X's own read is a complaint; the record is %s", k)
		}
		if n := acks(id); n != 1 {
			t.Errorf("%d acknowledgements queued for %s, want 1", n, id)
		}

		id2 := r.post(t, "victim", "@Uppolice mera phone chori ho gaya Aminabad Lucknow mein, kripya FIR darj karke madad karein")
		tw2, _ := r.sim.Post(id2)
		pushed2 := shikayat.Post{ID: id2, Text: tw2.Text, AuthorID: "999", AuthorUsername: "attacker",
			ConversationID: id2, Mentions: []string{"Uppolice"}}
		if err := r.p.Deliver(ctx, []shikayat.Post{pushed2}); err != nil {
			t.Fatal(err)
		}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		var author, uname string
		if err := r.db.SQL().QueryRow(`SELECT author_id, author_username FROM complaints WHERE source_post_id = $1`, id2).Scan(&author, &uname); err != nil {
			t.Fatal(err)
		}
		if author != tw2.AuthorID || uname != "victim" {
			t.Errorf("complaint of %s has author %s/@%s, want X's %s/@victim", id2, author, uname, tw2.AuthorID)
		}
		if n := acks(id2); n != 1 {
			t.Errorf("%d acknowledgements queued for %s, want 1", n, id2)
		}
		if n := r.countPosts(t); n != 2 {
			t.Errorf("%d records of two posts", n)
		}
		rep, err := r.db.VerifyTrail(ctx)
		if err != nil || rep.Failure != nil {
			t.Errorf("the trail does not verify: %v %v", err, rep.Failure)
		}
	})
}
