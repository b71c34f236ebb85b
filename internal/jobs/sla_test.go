package jobs_test

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// SLA jobs go into River scheduled at their moment, once per moment, and a
// started queue works them when the moment has come: the warning is
// recorded and the breach scheduled next.
func TestSLAJobsAreScheduledOnceAndWorked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		var mu sync.Mutex
		t0 := time.Now().UTC().Add(-9 * 24 * time.Hour).Truncate(time.Millisecond)
		now := t0
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		db, err := store.Open(ctx, dsn(), store.Options{AfterMigrate: jobs.Migrate, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{Handler: newRecorder(-1), SLA: db, PollInterval: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		db.SetJobs(q)
		in := shikayat.NewComplaint{SourcePostID: "1", Text: "मोबाइल चोरी हो गया", AuthorID: "u1", AuthorUsername: "c1", NoAcknowledge: true,
			Triage: &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, District: 162, Confidence: 0.95}, Forward: true}
		c, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		// Routed in the instant it came, its deadline is still generation 0's.
		warnAt := shikayat.DefaultSLA.Moment(c.UnitSince, *c.DueAt, 0)
		// The same moment queued again is not a second job.
		err = db.WithTx(ctx, func(tx *sql.Tx) error {
			return q.InsertTx(ctx, tx, shikayat.Job{Kind: shikayat.JobSLA, ComplaintID: c.ID, At: warnAt, SLAGen: 0})
		})
		if err != nil {
			t.Fatal(err)
		}
		var n, scheduled int
		if err := db.SQL().QueryRow(`SELECT count(*), coalesce(sum(CASE WHEN state = 'scheduled' THEN 1 ELSE 0 END), 0) FROM river_job WHERE kind = 'sla'`).Scan(&n, &scheduled); err != nil {
			t.Fatal(err)
		}
		if n != 1 || scheduled != 1 {
			t.Fatalf("%d SLA jobs (%d scheduled), want the warning's alone, scheduled", n, scheduled)
		}

		mu.Lock()
		now = time.Now().UTC()
		mu.Unlock()
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer q.Stop(ctx)
		deadline := time.Now().Add(60 * time.Second)
		for {
			got, err := db.FindComplaint(ctx, c.Code, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			warned := 0
			for _, e := range got.Events {
				if e.Action == shikayat.SLAEventWarning {
					warned++
				}
			}
			if warned == 1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the warning was not recorded by the queue (%d)", warned)
			}
			time.Sleep(50 * time.Millisecond)
		}
		var breach int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM river_job WHERE kind = 'sla' AND state = 'scheduled'`).Scan(&breach); err != nil {
			t.Fatal(err)
		}
		if breach != 1 {
			t.Fatalf("%d breach jobs scheduled, want 1", breach)
		}
	})
}
