package jobs_test

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// recorder is a job handler that notes what it was given.
type recorder struct {
	mu   sync.Mutex
	acks []jobs.AcknowledgeArgs
	done chan struct{}
	want int
}

func newRecorder(want int) *recorder { return &recorder{done: make(chan struct{}), want: want} }

func (r *recorder) Acknowledge(_ context.Context, a jobs.AcknowledgeArgs) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.acks = append(r.acks, a)
	if len(r.acks) == r.want {
		close(r.done)
	}
	return nil
}

func (r *recorder) Reply(context.Context, jobs.ReplyArgs) error { return nil }

func (r *recorder) StatusReply(context.Context, jobs.StatusReplyArgs) error     { return nil }
func (r *recorder) HelplineReply(context.Context, jobs.HelplineReplyArgs) error { return nil }

func (r *recorder) wait(t *testing.T) []jobs.AcknowledgeArgs {
	t.Helper()
	select {
	case <-r.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("jobs were not worked: got %d of %d", len(r.acks), r.want)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]jobs.AcknowledgeArgs(nil), r.acks...)
}

func open(t *testing.T, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, store.Options{AfterMigrate: jobs.Migrate})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// countJobs counts the reply jobs (SLA jobs are counted by their own tests).
func countJobs(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM river_job WHERE kind <> 'sla'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestQueue(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		t.Run("a rolled-back transaction leaves no job", func(t *testing.T) {
			db := open(t, dsn())
			defer db.Close()
			q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{})
			if err != nil {
				t.Fatal(err)
			}
			db.SetJobs(q)
			boom := errors.New("boom")
			err = db.WithTx(ctx, func(tx *sql.Tx) error {
				if _, _, err := db.CreateComplaintTx(ctx, tx, shikayat.NewComplaint{SourcePostID: "1", Text: "theft"}); err != nil {
					return err
				}
				if n := countJobsTx(t, tx); n != 1 {
					t.Errorf("inside the transaction: %d jobs, want 1", n)
				}
				return boom
			})
			if !errors.Is(err, boom) {
				t.Fatalf("err = %v", err)
			}
			if n := countJobs(t, db); n != 0 {
				t.Fatalf("%d jobs after rollback, want 0", n)
			}
			if _, err := db.FindComplaintByPost(ctx, "1"); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
				t.Fatalf("complaint after rollback: %v", err)
			}
			// Committed, it is there exactly once.
			if _, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "2", Text: "theft"}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "2", Text: "theft"}); err != nil {
				t.Fatal(err)
			}
			if n := countJobs(t, db); n != 1 {
				t.Fatalf("%d jobs after commit and a repeated create, want 1", n)
			}
		})

		t.Run("a job enqueued before a restart is worked after it", func(t *testing.T) {
			d := dsn()
			db := open(t, d)
			q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{})
			if err != nil {
				t.Fatal(err)
			}
			db.SetJobs(q)
			c, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "77", Text: "मेरा फोन चोरी हो गया"})
			if err != nil {
				t.Fatal(err)
			}
			db.Close()

			db = open(t, d)
			defer db.Close()
			rec := newRecorder(1)
			q, err = jobs.New(db.SQL(), db.Engine(), jobs.Config{Handler: rec, PollInterval: 50 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			if err := q.Start(ctx); err != nil {
				t.Fatal(err)
			}
			got := rec.wait(t)
			stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			if err := q.Stop(stopCtx); err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].ComplaintID != c.ID || got[0].PostID != "77" {
				t.Fatalf("worked %+v, want the acknowledgement of complaint %d", got, c.ID)
			}
		})

		t.Run("urgent jobs are worked first", func(t *testing.T) {
			db := open(t, dsn())
			defer db.Close()
			q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{})
			if err != nil {
				t.Fatal(err)
			}
			db.SetJobs(q)
			for i, class := range []shikayat.Class{"mid_term", "long_term", "mid_term", "immediate", "long_term", "immediate"} {
				in := shikayat.NewComplaint{SourcePostID: string(rune('a' + i)), Text: "x", Triage: &shikayat.Triage{Urgency: class}}
				if _, _, err := db.CreateComplaint(ctx, in); err != nil {
					t.Fatal(err)
				}
			}
			rec := newRecorder(6)
			q, err = jobs.New(db.SQL(), db.Engine(), jobs.Config{Handler: rec, Workers: 1, PollInterval: 50 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			if err := q.Start(ctx); err != nil {
				t.Fatal(err)
			}
			got := rec.wait(t)
			stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			q.Stop(stopCtx)
			first := map[string]bool{got[0].PostID: true, got[1].PostID: true}
			if !first["d"] || !first["f"] {
				t.Fatalf("worked in order %v, want the two immediate ones (d, f) first", got)
			}
		})
	})
}

func countJobsTx(t *testing.T, tx *sql.Tx) int {
	t.Helper()
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM river_job WHERE kind <> 'sla'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
