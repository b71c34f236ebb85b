package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// countJobs counts the jobs queued, by kind and complaint.
type countJobs struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *countJobs) InsertTx(_ context.Context, _ *sql.Tx, j shikayat.Job) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[fmt.Sprintf("%s/%d", j.Kind, j.ComplaintID)]++
	return nil
}

func (c *countJobs) acks(id int64) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[fmt.Sprintf("%s/%d", shikayat.JobAcknowledge, id)]
}

// verifyTrail fails the test unless the whole trail verifies.
func verifyTrail(t *testing.T, db *store.DB) {
	t.Helper()
	if rep := verify(t, db); rep.Failure != nil {
		t.Fatalf("the trail does not verify: %s", rep.Failure)
	}
}

// postRecord returns what the post's record became and its complaint.
func postRecord(db *store.DB, id string) (shikayat.RecordKind, int64, error) {
	var kind string
	var cid sql.NullInt64
	err := db.SQL().QueryRow(`SELECT kind, complaint_id FROM posts WHERE id = $1`, id).Scan(&kind, &cid)
	return shikayat.RecordKind(kind), cid.Int64, err
}

func countComplaints(t *testing.T, db *store.DB, postID string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM complaints WHERE source_post_id = $1`, postID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// X's own read decides what a post becomes, not a pushed copy that
// differed: a push that was not actionable gives way to X's complaint,
// which is opened and acknowledged once.
func TestPolledComplaintOpensWhatAPushLeftNonActionable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		jobs := &countJobs{}
		db := open(t, dsn(), store.Options{Jobs: jobs})
		pushed := incoming("401", "401", "1", "thank you", false)
		pushed.Pushed = true
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{pushed}); err != nil {
			t.Fatal(err)
		}
		polled := incoming("401", "401", "1", "my bike was stolen in Hazratganj", true)
		for i := 0; i < 2; i++ {
			if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{polled}); err != nil {
				t.Fatal(err)
			}
		}
		kind, cid, err := postRecord(db, "401")
		if err != nil || kind != shikayat.RecordComplaint || cid == 0 {
			t.Fatalf("record = %s complaint %d (%v), want the complaint X's read makes", kind, cid, err)
		}
		if n := countComplaints(t, db, "401"); n != 1 {
			t.Errorf("%d complaints for the post, want 1", n)
		}
		if n := jobs.acks(cid); n != 1 {
			t.Errorf("%d acknowledgements queued, want 1", n)
		}
		verifyTrail(t, db)
	})
}

// A pushed copy under another author opened the complaint: X's own read
// gives the complaint its author and text back, the trail says what
// differed, still verifies, and still catches a later hand in the text.
func TestPolledCopyReplacesAPushedComplaintsAuthor(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		jobs := &countJobs{}
		db := open(t, dsn(), store.Options{Jobs: jobs})
		pushed := incoming("402", "402", "999", "my phone was stolen in Aminabad", true)
		pushed.Post.AuthorUsername = "attacker"
		pushed.Pushed = true
		first, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{pushed})
		if err != nil {
			t.Fatal(err)
		}
		polled := incoming("402", "402", "7", "my phone was stolen in Aminabad, Lucknow", true)
		polled.Post.AuthorUsername = "victim"
		recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{polled})
		if err != nil {
			t.Fatal(err)
		}
		if recs[0].ComplaintID != first[0].ComplaintID || recs[0].Replaced != "text,author" {
			t.Fatalf("polled = %+v, want the first complaint, text and author replaced", recs[0])
		}
		c, err := db.FindComplaintByID(ctx, first[0].ComplaintID, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		if c.AuthorID != "7" || c.AuthorUsername != "victim" || c.Text != polled.Post.Text {
			t.Errorf("complaint = %s/@%s %q, want X's author and text", c.AuthorID, c.AuthorUsername, c.Text)
		}
		last := c.Events[len(c.Events)-1]
		if last.Action != store.ReplacedAction || last.Public || last.Detail["differed"] != "text,author" {
			t.Errorf("last event = %+v, want an internal replacement naming what differed", last)
		}
		if n := jobs.acks(c.ID); n != 1 {
			t.Errorf("%d acknowledgements queued, want 1", n)
		}
		verifyTrail(t, db)

		// A second replacement (X's read changed again) moves the digests on.
		polled.Post.Text += " near the market"
		polled.Pushed = false
		db.SQL().Exec(`UPDATE posts SET source = 'push' WHERE id = '402'`)
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{polled}); err != nil {
			t.Fatal(err)
		}
		verifyTrail(t, db)

		// A hand that rewrites the text and its digest is still caught.
		var salt string
		db.SQL().QueryRow(`SELECT digest_salt FROM complaints WHERE id = $1`, c.ID).Scan(&salt)
		if _, err := db.SQL().Exec(`UPDATE complaints SET text = 'nothing happened', text_digest = $1 WHERE id = $2`,
			shikayat.PersonalDigest(salt, "nothing happened"), c.ID); err != nil {
			t.Fatal(err)
		}
		rep, err := db.VerifyTrail(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Failure == nil || rep.Failure.Code != c.Code {
			t.Errorf("a rewritten text and digest verified: %+v", rep.Failure)
		}
	})
}

// A forged push made a complaint of a post X reads as not actionable: the
// complaint is kept (nothing is deleted), holds X's text, and is marked in
// an internal event for a person.
func TestForgedPushKeepsTheComplaintForAPerson(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		jobs := &countJobs{}
		db := open(t, dsn(), store.Options{Jobs: jobs})
		pushed := incoming("403", "403", "1", "my car was stolen in Kanpur", true)
		pushed.Pushed = true
		first, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{pushed})
		if err != nil {
			t.Fatal(err)
		}
		polled := incoming("403", "403", "1", "thank you police", false)
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{polled}); err != nil {
			t.Fatal(err)
		}
		kind, cid, err := postRecord(db, "403")
		if err != nil || kind != shikayat.RecordComplaint || cid != first[0].ComplaintID {
			t.Fatalf("record = %s complaint %d (%v), want the complaint kept", kind, cid, err)
		}
		c, err := db.FindComplaintByID(ctx, cid, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		last := c.Events[len(c.Events)-1]
		if last.Action != store.ReplacedAction || last.Public || last.Detail["needs_review"] != "1" {
			t.Errorf("last event = %+v, want an internal event for a person", last)
		}
		if c.Text != polled.Post.Text {
			t.Errorf("complaint text = %q, want X's", c.Text)
		}
		if n := jobs.acks(cid); n != 1 {
			t.Errorf("%d acknowledgements queued, want 1", n)
		}
		verifyTrail(t, db)
	})
}

// Readable copies of a post recorded as unreadable, delivered at once (poll
// and stream), decide it once: one attachment event, and no failed batch.
func TestUnreadableRecordDecidedOnceUnderConcurrency(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{})
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{incoming("501", "501", "1", "my bike was stolen", true)}); err != nil {
			t.Fatal(err)
		}
		for round := 0; round < 10; round++ {
			id := fmt.Sprint(510 + round)
			bad := shikayat.Incoming{Post: &shikayat.Post{ID: id}, Unreadable: &shikayat.UnreadablePost{ID: id, Raw: `{"id":` + id, Error: "truncated"}}
			if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{bad}); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for i := 0; i < 4; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{incoming(id, "501", "1", "still no action", true)})
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Errorf("round %d: %v", round, err)
				}
			}
			var n int
			if err := db.SQL().QueryRow(`SELECT count(*) FROM events WHERE detail LIKE $1`, `%"post_id":"`+id+`"%`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Fatalf("round %d: the post was attached %d times, want once", round, n)
			}
		}
	})
}

// TestRedactedComplaintTakesNothingFromX: once redacted, a complaint's
// pushed post read again by X brings no text back, not into the trail
// either.
func TestRedactedComplaintTakesNothingFromX(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{Jobs: &countJobs{}})
		pushed := incoming("404", "404", "999", "a forged copy", true)
		pushed.Pushed = true
		first, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{pushed})
		if err != nil {
			t.Fatal(err)
		}
		// The complaint is redacted and its post, pushed, is not (a
		// pushed copy was left as it came).
		if _, err := db.RedactDeletedPosts(ctx, []string{"404"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().Exec(`UPDATE posts SET redacted_at = NULL, text = 'a forged copy' WHERE id = '404'`); err != nil {
			t.Fatal(err)
		}
		polled := incoming("404", "404", "7", "Periwinkleotter took my bag", true)
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{polled}); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM events WHERE complaint_id = $1 AND note LIKE '%Periwinkleotter%'`, first[0].ComplaintID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		var text string
		db.SQL().QueryRow(`SELECT text FROM complaints WHERE id = $1`, first[0].ComplaintID).Scan(&text)
		if n > 0 || text != "" {
			t.Errorf("a redacted complaint took X's read back: %d events hold it, text %q", n, text)
		}
		verifyTrail(t, db)
	})
}
