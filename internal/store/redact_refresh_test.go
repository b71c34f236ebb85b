package store_test

import (
	"context"
	"database/sql"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestRedactedNeverRefreshed: a redacted record is never filled in again
// from a later read of X, on both engines. A post deleted on X (pushed
// first, so that a polled copy would normally replace it), a post polled
// first then pushed, an unreadable one redacted and then read whole, and a
// person's erased post: each copy that comes after the redaction finds the
// record and leaves it blank — its words and handle are in no table, no
// post_replaced event is written, the record keeps its kind.
func TestRedactedNeverRefreshed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{Jobs: &countJobs{}})
		record := func(in shikayat.Incoming) shikayat.PostRecord {
			t.Helper()
			recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in})
			if err != nil {
				t.Fatal(err)
			}
			return recs[0]
		}
		pushed := incoming("201", "201", "7", "my scooter was stolen at Zebracrossing", true)
		pushed.Pushed, pushed.Forward, pushed.Triage.District = true, true, 162
		polled := incoming("202", "202", "8", "my bag was snatched at Quetzalfeather", true)
		unreadable := shikayat.Incoming{Post: &shikayat.Post{ID: "203"}, Unreadable: &shikayat.UnreadablePost{ID: "203", Raw: `{"id":"203","text":"Vermilionkite`, Error: "truncated"}}
		erased := incoming("204", "204", "9", "my phone was stolen at Ultramarinebox", true)
		erased.Post.AuthorUsername = "meera_k"
		first := map[string]shikayat.PostRecord{}
		for _, in := range []shikayat.Incoming{pushed, polled, unreadable, erased} {
			first[in.Post.ID] = record(in)
		}
		if n, err := db.RedactDeletedPosts(ctx, []string{"201", "202", "203"}); err != nil || n != 3 {
			t.Fatalf("redacted %d, %v", n, err)
		}
		if _, err := db.ErasePerson(ctx, "meera_k", "DPO ticket 9", true); err != nil {
			t.Fatal(err)
		}

		// Later copies: X's poll of the pushed one (differing, so it would
		// replace it), a push of the polled one, a readable copy of the
		// unreadable one, and a poll of the erased one.
		again := incoming("201", "201", "7", "my scooter was stolen at Zebracrossing near the bank", true)
		push2 := incoming("202", "202", "8", "my bag was snatched at Quetzalfeather", true)
		push2.Pushed = true
		whole := incoming("203", "203", "10", "chain snatched at Vermilionkite", true)
		erased2 := incoming("204", "204", "9", "my phone was stolen at Ultramarinebox", true)
		erased2.Post.AuthorUsername = "meera_k"
		for _, in := range []shikayat.Incoming{again, push2, whole, erased2} {
			rec := record(in)
			if !rec.Duplicate || rec.Replaced != "" || rec.Kind != first[in.Post.ID].Kind || rec.ComplaintID != first[in.Post.ID].ComplaintID {
				t.Errorf("post %s read again after its redaction: %+v, first %+v", in.Post.ID, rec, first[in.Post.ID])
			}
		}
		for _, s := range []string{"Zebracrossing", "Quetzalfeather", "Vermilionkite", "Ultramarinebox", "meera_k"} {
			if found := columnsHolding(t, db, s); len(found) > 0 {
				t.Errorf("%q is back in %v", s, found)
			}
		}
		var replaced int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM events WHERE action IN ('post_replaced', 'triage_reapplied', 'triage_differs')`).Scan(&replaced); err != nil || replaced != 0 {
			t.Errorf("%d events of a redacted post read again (%v)", replaced, err)
		}
	})
}

// TestRedactionRacingAPoll: the redaction of a post deleted on X and a
// poll that read the post (a differing copy of a pushed one, which would
// replace it) overlap, on PostgreSQL: each starts while the other's
// transaction is open. Whichever commits first, the post and its complaint
// end blank: the poll that comes second leaves the redacted record alone,
// the redaction that comes second blanks what the poll wrote (the replaced
// text, X's triage and its reasons). SQLite serialises writers, so they
// cannot overlap there.
func TestRedactionRacingAPoll(t *testing.T) {
	t.Parallel()
	if !slices.Contains(storetest.Engines(), "postgres") {
		t.Skip("needs PostgreSQL (SHIKAYAT_TEST_POSTGRES)")
	}
	for _, pollFirst := range []bool{false, true} {
		name := "redaction inside the poll"
		if pollFirst {
			name = "poll inside the redaction"
		}
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, "postgres")
			// inner runs once, from inside the outer transaction once that
			// holds the post's row lock; the outer one goes on only when
			// inner is seen waiting on a lock (it really overlaps), and
			// the test fails if inner finishes without waiting.
			var mu sync.Mutex
			var inner func() error
			innerDone := make(chan error, 1)
			var watch *sql.DB
			hook := func(string) {
				mu.Lock()
				f := inner
				inner = nil
				mu.Unlock()
				if f == nil {
					return
				}
				go func() { innerDone <- f() }()
				for {
					select {
					case err := <-innerDone:
						innerDone <- err
						t.Errorf("the inner operation finished while the outer one held the post's lock: no overlap")
						return
					default:
					}
					var waiting int
					if err := watch.QueryRow(`SELECT count(*) FROM pg_stat_activity
						WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
						t.Errorf("read lock waits: %v", err)
						return
					}
					if waiting > 0 {
						return
					}
					time.Sleep(5 * time.Millisecond)
				}
			}
			poller := open(t, dsn, store.Options{Jobs: &countJobs{}})
			redactor := open(t, dsn, store.Options{Jobs: &countJobs{}})
			watch = poller.SQL()
			if pollFirst {
				redactor.OnLockHeld(hook)
			} else {
				poller.OnLockHeld(hook)
			}
			in := incoming("301", "301", "7", "my scooter was stolen at Zebracrossing", true)
			in.Pushed, in.Forward, in.Triage.District = true, true, 162
			if _, err := poller.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in}); err != nil {
				t.Fatal(err)
			}
			polled := incoming("301", "301", "7", "my scooter was stolen at Zebracrossing, Quetzalfeather lane", true)
			polled.Triage.Reasons = []string{"theft: stolen at Quetzalfeather"}
			poll := func() error {
				_, err := poller.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{polled})
				return err
			}
			redact := func() error {
				n, err := redactor.RedactDeletedPosts(ctx, []string{"301"})
				if err == nil && n != 1 {
					t.Errorf("redacted %d posts, want 1", n)
				}
				return err
			}
			outer := poll
			mu.Lock()
			inner = redact
			if pollFirst {
				outer, inner = redact, poll
			}
			mu.Unlock()
			if err := outer(); err != nil {
				t.Fatal(err)
			}
			if err := <-innerDone; err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{"Zebracrossing", "Quetzalfeather"} {
				if found := columnsHolding(t, poller, s); len(found) > 0 {
					t.Errorf("%q survives the redaction in %v", s, found)
				}
			}
		})
	}
}
