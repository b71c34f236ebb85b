package replies_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/replies"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// startQueue starts a working queue over db for the sender.
func startQueue(t *testing.T, db *store.DB, s *replies.Sender, cfg jobs.Config) *jobs.Queue {
	t.Helper()
	cfg.Handler = s
	if cfg.PollInterval == 0 {
		cfg.PollInterval = 20 * time.Millisecond
	}
	q, err := jobs.New(db.SQL(), db.Engine(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.Queue = q
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stop, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		q.Stop(stop)
	})
	return q
}

// waitFor polls cond until it holds; the test's own deadline bounds it.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// liveReplyJobs counts the reply jobs that will still run.
func liveReplyJobs(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	err := db.SQL().QueryRow(`SELECT count(*) FROM river_job WHERE queue = 'replies'
		AND state IN ('available', 'pending', 'retryable', 'running', 'scheduled')`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// X fails for longer than all of River's 25 attempts would last with this
// back-off, then recovers: every acknowledgement goes out, once.
func TestRepliesOutlastAnOutageOfX(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		var cs []*shikayat.Complaint
		for i := 0; i < 2; i++ {
			cs = append(cs, f.complaint(t, "outage complaint "+itoa(int64(i)), shikayat.ClassMidTerm))
		}
		// With this back-off River's 25 attempts of the two jobs take about
		// 3 s (measured: each try waits for the other's); X is down for 10.
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "*", Kind: xsim.Fault5xx, Seconds: 10}); err != nil {
			t.Fatal(err)
		}
		f.sender.Backoff = time.Millisecond
		startQueue(t, f.db, f.sender, jobs.Config{RetryBackoff: time.Millisecond})
		recovered := time.Now().Add(10 * time.Second)
		waitFor(t, "every acknowledgement, or no job left to send one", func() bool {
			done := true
			for _, c := range cs {
				done = done && len(f.replied(t, c)) > 0
			}
			return done || time.Now().After(recovered) && liveReplyJobs(t, f.db) == 0
		})
		for _, c := range cs {
			if n := f.ownReplies(c.SourcePostID); n != 1 {
				t.Fatalf("complaint %s: %d replies on X, want 1", c.Code, n)
			}
			if ids := f.replied(t, c); len(ids) != 1 {
				t.Fatalf("complaint %s: %d replied events, want 1", c.Code, len(ids))
			}
		}
	})
}

// A reply that lost its job (discarded, deleted) is found by the sweep and
// sent once, even when two nodes each run jobs for the same replies.
func TestSweepRequeuesRepliesWithoutAJob(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		a := f.complaint(t, "lost job: sending", shikayat.ClassMidTerm)
		b := f.complaint(t, "lost job: pending", shikayat.ClassImmediate)
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.Fault5xx, Count: 1}); err != nil {
			t.Fatal(err)
		}
		f.sender.Acknowledge(ctx, ack(a)) // left 'sending'
		if _, err := f.db.ClaimReply(ctx, &shikayat.Reply{Key: ack(b).ReplyKey(), ComplaintID: b.ID, InReplyTo: b.SourcePostID,
			Text: "Complaint " + b.Code + " registered", Urgent: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.SQL().ExecContext(ctx, `DELETE FROM river_job`); err != nil {
			t.Fatal(err)
		}
		// Two nodes, each with its sender and a sweep.
		var mu sync.Mutex
		requeued := 0
		for i := 0; i < 2; i++ {
			s := f.sender
			if i == 1 {
				s = &replies.Sender{DB: f.db, X: f.sender.X, Templates: f.sender.Templates, Account: "Uppolice",
					BaseURL: f.sender.BaseURL, DailyBudget: 100, Settle: f.sender.Settle, InFlight: f.sender.InFlight, Backoff: time.Millisecond}
			}
			q := startQueue(t, f.db, s, jobs.Config{Replies: f.db, SweepInterval: 50 * time.Millisecond})
			res, err := q.Sweep(ctx)
			if err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			requeued += len(res.Requeued)
			mu.Unlock()
		}
		if requeued < 2 {
			t.Fatalf("the sweeps re-queued %d replies, want both", requeued)
		}
		waitFor(t, "both replies", func() bool { return len(f.replied(t, a)) > 0 && len(f.replied(t, b)) > 0 })
		for _, c := range []*shikayat.Complaint{a, b} {
			if n := f.ownReplies(c.SourcePostID); n != 1 {
				t.Fatalf("complaint %s: %d replies on X, want 1", c.Code, n)
			}
		}
		// Once sent, a sweep finds nothing to do.
		q, _ := jobs.New(f.db.SQL(), f.db.Engine(), jobs.Config{Replies: f.db})
		if res, err := q.Sweep(ctx); err != nil || len(res.Requeued) != 0 {
			t.Fatalf("sweep after sending: %+v, %v", res, err)
		}
	})
}

// Two senders on two connections to one database, budget B, more than B
// replies: exactly B go out.
func TestBudgetHoldsAcrossSenders(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		name := dsn()
		f := setup(t, name, xsim.Options{})
		const budget = 3
		f.sender.DailyBudget = budget
		db2, err := store.Open(ctx, name, store.Options{AfterMigrate: jobs.Migrate})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db2.Close() })
		other := &replies.Sender{DB: db2, X: f.sender.X, Templates: f.sender.Templates, Account: "Uppolice",
			BaseURL: f.sender.BaseURL, DailyBudget: budget, Settle: f.sender.Settle}
		var cs []*shikayat.Complaint
		for i := 0; i < 12; i++ {
			cs = append(cs, f.complaint(t, "budget complaint "+itoa(int64(i)), shikayat.ClassMidTerm))
		}
		var wg sync.WaitGroup
		for g := 0; g < 6; g++ {
			s := f.sender
			if g%2 == 1 {
				s = other
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range cs {
					c := cs[(i+g*5)%len(cs)]
					s.Acknowledge(ctx, ack(c))
				}
			}()
		}
		wg.Wait()
		posted, recorded := 0, 0
		for _, c := range cs {
			posted += f.ownReplies(c.SourcePostID)
			recorded += len(f.replied(t, c))
		}
		if posted != budget || recorded != budget {
			t.Fatalf("%d replies posted, %d recorded; the budget is %d", posted, recorded, budget)
		}
	})
}

// A reply is given up by the deployment's rule only when one is set.
func TestSweepGivesUpOnlyByTheDeploymentsRule(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		c := f.complaint(t, "a reply that waits", shikayat.ClassMidTerm)
		key := ack(c).ReplyKey()
		if _, err := f.db.ClaimReply(ctx, &shikayat.Reply{Key: key, ComplaintID: c.ID, InReplyTo: c.SourcePostID, Text: "x"}); err != nil {
			t.Fatal(err)
		}
		later := func() time.Time { return time.Now().Add(3 * time.Hour) }
		q, _ := jobs.New(f.db.SQL(), f.db.Engine(), jobs.Config{Replies: f.db, Now: later, WaitAlert: time.Hour})
		res, err := q.Sweep(ctx)
		if err != nil || len(res.GivenUp) != 0 || res.Waiting != 1 {
			t.Fatalf("without a rule: %+v, %v; want nothing given up, one waiting", res, err)
		}
		q, _ = jobs.New(f.db.SQL(), f.db.Engine(), jobs.Config{Replies: f.db, Now: later, GiveUpAfter: 2 * time.Hour})
		res, err = q.Sweep(ctx)
		if err != nil || len(res.GivenUp) != 1 || res.GivenUp[0] != key {
			t.Fatalf("with a rule of 2h after 3h: %+v, %v", res, err)
		}
		if r, err := f.db.FindReply(ctx, key); err != nil || r.State != shikayat.ReplyFailed || !strings.Contains(r.Error, "given up") {
			t.Fatalf("reply = %+v, %v; want failed, given up", r, err)
		}
		got, _ := f.db.FindComplaintByID(ctx, c.ID, shikayat.SystemScope())
		if last := got.Events[len(got.Events)-1]; last.Action != "reply_given_up" || last.Public {
			t.Fatalf("trail ends with %+v, want the internal give-up event", last)
		}
	})
}
