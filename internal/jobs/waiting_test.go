package jobs_test

import (
	"bytes"
	"context"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// syncBuffer is a log sink safe for River's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) count(sub string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Count(s.b.String(), sub)
}

// A reply waiting past the alert time is named: logged once when it
// crosses it and again hourly, and listed with its docket code in the
// report /readyz and /metrics read.
func TestWaitingRepliesAreNamed(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		start := time.Now().UTC().Truncate(time.Millisecond)
		now := start
		clock := func() time.Time { return now }
		db, err := store.Open(ctx, dsn(), store.Options{AfterMigrate: jobs.Migrate, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		c, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "7001", Text: "bag stolen at the bus stand"})
		if err != nil {
			t.Fatal(err)
		}
		key := "ack:" + itoa(c.ID)
		if _, err := db.ClaimReply(ctx, &shikayat.Reply{Key: key, ComplaintID: c.ID, InReplyTo: "7001", Text: "ack"}); err != nil {
			t.Fatal(err)
		}
		var logs syncBuffer
		q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{Replies: db, Now: clock, WaitAlert: 15 * time.Minute,
			Logger: slog.New(slog.NewTextHandler(&logs, nil))})
		if err != nil {
			t.Fatal(err)
		}
		line := `msg="reply waiting" reply=` + key
		for _, step := range []struct {
			at    time.Duration
			lines int
		}{{10 * time.Minute, 0}, {16 * time.Minute, 1}, {20 * time.Minute, 1}, {50 * time.Minute, 1}, {77 * time.Minute, 2}, {78 * time.Minute, 2}} {
			now = start.Add(step.at)
			if _, err := q.Sweep(ctx); err != nil {
				t.Fatal(err)
			}
			if n := logs.count(line); n != step.lines {
				t.Fatalf("after %s: %d log lines naming the reply, want %d", step.at, n, step.lines)
			}
		}
		rep, err := q.Waiting(ctx, 20)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Count != 1 || len(rep.Replies) != 1 || rep.Replies[0].Code != c.Code || rep.Replies[0].Key != key ||
			rep.Replies[0].Waited != 78*time.Minute || rep.Oldest != 78*time.Minute {
			t.Fatalf("report %+v, want %s %s waiting 78m", rep, c.Code, key)
		}
		if s := rep.String(); !strings.Contains(s, c.Code+" "+key+" for 1h18m0s") {
			t.Fatalf("report reads %q", s)
		}
	})
}

// A reply given up while its try's outcome was unknown keeps a job until X
// tells whether it was posted: the sweep re-queues it, and neither gives it
// up again nor counts it as waiting.
func TestSweepRequeuesUnverifiedReplies(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		t.Cleanup(func() { db.Close() })
		c, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "7002", Text: "mobile snatched"})
		if err != nil {
			t.Fatal(err)
		}
		key := "ack:" + itoa(c.ID)
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: key, ComplaintID: c.ID, InReplyTo: "7002", Text: "ack"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.MarkReplySending(ctx, r.ID, r.Account, 0, time.Second, 10); err != nil {
			t.Fatal(err)
		}
		if err := db.GiveUpReply(ctx, r.ID, "op", "the citizen was called"); err != nil {
			t.Fatal(err)
		}
		later := func() time.Time { return time.Now().Add(3 * time.Hour) }
		q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{Replies: db, Now: later, GiveUpAfter: time.Hour, WaitAlert: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		res, err := q.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Requeued) != 1 || res.Requeued[0] != key || len(res.GivenUp) != 0 || res.Waiting != 0 {
			t.Fatalf("sweep %+v, want %s re-queued only", res, key)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
