package jobs

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The compliance check and the retention rule run through River when the
// desk starts; a compliance interval of 0 turns the check off.
func TestPrivacyJobsRunAtStart(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db, err := store.Open(ctx, dsn(), store.Options{AfterMigrate: Migrate})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var checks, retained atomic.Int32
		q, err := New(db.SQL(), db.Engine(), Config{Handler: idle{}, PollInterval: 50 * time.Millisecond,
			Compliance: func(context.Context) error { checks.Add(1); return nil }, ComplianceEvery: time.Hour,
			Retention: func(context.Context) error { retained.Add(1); return nil }})
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for checks.Load() == 0 || retained.Load() == 0 {
			if time.Now().After(deadline) {
				t.Fatalf("compliance ran %d times, retention %d", checks.Load(), retained.Load())
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err := q.Stop(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

// A compliance interval of 0 schedules no check; retention is scheduled
// only when asked for.
func TestPrivacyJobsOff(t *testing.T) {
	work := func(context.Context) error { return nil }
	for _, tc := range []struct {
		cfg  Config
		want int
	}{
		{Config{Compliance: work, ComplianceEvery: 0}, 0},
		{Config{Compliance: work, ComplianceEvery: 6 * time.Hour}, 1},
		{Config{Compliance: work, ComplianceEvery: 6 * time.Hour, Retention: work}, 2},
		{Config{}, 0},
	} {
		rc := &river.Config{}
		addPrivacy(tc.cfg, river.NewWorkers(), rc)
		if len(rc.PeriodicJobs) != tc.want {
			t.Errorf("%+v: %d periodic jobs, want %d", tc.cfg.ComplianceEvery, len(rc.PeriodicJobs), tc.want)
		}
	}
}

// A compliance check that fails (X ended a compliance job failed or
// expired) is run again by River, without waiting for the next interval.
func TestComplianceRetriedAfterAFailure(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db, err := store.Open(ctx, dsn(), store.Options{AfterMigrate: Migrate})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var checks atomic.Int32
		q, err := New(db.SQL(), db.Engine(), Config{Handler: idle{}, PollInterval: 50 * time.Millisecond, RetryBackoff: 10 * time.Millisecond,
			Compliance: func(context.Context) error {
				if checks.Add(1) == 1 {
					return errors.New("X's compliance job 1 failed")
				}
				return nil
			}, ComplianceEvery: 24 * time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer q.Stop(ctx)
		deadline := time.Now().Add(30 * time.Second)
		for checks.Load() < 2 {
			if time.Now().After(deadline) {
				t.Fatalf("the failed compliance check ran %d times, want it retried", checks.Load())
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

// One compliance check at a time: a periodic check is not added while
// another is waiting, running or waiting to be retried; once that one has
// finished, the next is.
func TestComplianceOneAtATime(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db, err := store.Open(ctx, dsn(), store.Options{AfterMigrate: Migrate})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		work := func(context.Context) error { return nil }
		q, err := New(db.SQL(), db.Engine(), Config{Handler: idle{}, Compliance: work, ComplianceEvery: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		insert := func() bool {
			t.Helper()
			res, err := q.client.Insert(ctx, ComplianceArgs{}, complianceOpts())
			if err != nil {
				t.Fatal(err)
			}
			return !res.UniqueSkippedAsDuplicate
		}
		if !insert() {
			t.Fatal("the first check was not added")
		}
		for _, state := range []string{"available", "running", "retryable", "scheduled"} {
			if _, err := db.SQL().ExecContext(ctx, `UPDATE river_job SET state = '`+state+`' WHERE kind = 'x_compliance'`); err != nil {
				t.Fatal(err)
			}
			if insert() {
				t.Fatalf("a second check was added beside one %s", state)
			}
		}
		if _, err := db.SQL().ExecContext(ctx, `UPDATE river_job SET state = 'completed', finalized_at = created_at WHERE kind = 'x_compliance'`); err != nil {
			t.Fatal(err)
		}
		if !insert() {
			t.Fatal("the next check was not added after the first completed")
		}
	})
}
