package compliance_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
)

// TestFailedWindowDoesNotFreezeTheCursor: a compliance job X ends failed
// holds the check's progress at its window, and the check fails for a
// retry; when the retry's job for that window fails too, the check moves
// on past it (its posts looked up instead), so the cursor advances
// again instead of staying at the failing window for good.
func TestFailedWindowDoesNotFreezeTheCursor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newLookupDesk(t, dsn())
		d.sim.SetComplianceForbidden(false)
		var ids []string
		for _, text := range []string{"one", "two", "three", "four", "five"} {
			ids = append(ids, d.post(t, "phone stolen, post "+text, nil))
		}
		run := func(cutAt int) (*cutX, error) {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			x := &cutX{Client: xapi.New(xapi.Options{BaseURL: d.url}), cutAt: cutAt, cancel: cancel}
			c := d.checker()
			c.X, c.JobIDs = x, 2
			_, err := c.Run(ctx)
			return x, err
		}
		// The first window's job fails: the check fails for a retry, and
		// the cursor stays at that window.
		d.sim.FailComplianceJobs("failed", 1)
		if _, err := run(0); err == nil {
			t.Fatal("a check whose job failed succeeded; want it retried")
		}
		if after, err := d.db.ComplianceCursor(ctx); err != nil || after != "" {
			t.Fatalf("cursor after the failed window = %q, %v; want it kept at the window", after, err)
		}
		// It fails again on the retry: the check moves on, and the cursor
		// advances past the windows finished (the run is cut off at the
		// third).
		d.sim.FailComplianceJobs("failed", 1)
		x, err := run(3)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("the retried check = %v; want it cut off at its third window", err)
		}
		if len(x.named) != 2 || !slices.Equal(x.named[0], ids[0:2]) {
			t.Fatalf("the retried check named %v", x.named)
		}
		after, err := d.db.ComplianceCursor(ctx)
		if err != nil || after != ids[3] {
			t.Fatalf("cursor after moving on = %q, %v; want %s (the second window finished)", after, err, ids[3])
		}
		// The next check goes on from there and ends its walk cleanly.
		x, err = run(0)
		if err != nil {
			t.Fatal(err)
		}
		if len(x.named) != 1 || !slices.Equal(x.named[0], ids[4:5]) {
			t.Fatalf("the next check named %v, want the last window", x.named)
		}
	})
}

// TestSkippedWindowIsLookedUp: a window whose compliance job X ends failed
// on the check and on its retry is looked up at once on the retry, so a
// post of it deleted on X is redacted then, not on a later walk that would
// use a job again.
func TestSkippedWindowIsLookedUp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newLookupDesk(t, dsn())
		d.sim.SetComplianceForbidden(false)
		var ids []string
		for _, text := range []string{"one", "two", "three"} {
			ids = append(ids, d.post(t, "phone stolen, post "+text, nil))
		}
		d.sim.DeletePost(ids[1])
		run := func() (int, error) {
			c := d.checker()
			c.X, c.JobIDs = xapi.New(xapi.Options{BaseURL: d.url}), 2
			res, err := c.Run(ctx)
			return res.Redacted, err
		}
		d.sim.FailComplianceJobs("failed", 1)
		if n, err := run(); err == nil || n != 0 {
			t.Fatalf("a check whose job failed = %d redacted, %v; want it retried", n, err)
		}
		d.sim.FailComplianceJobs("failed", 1)
		n, err := run()
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Fatalf("the retry that skipped the window redacted %d posts, want the one deleted on X", n)
		}
	})
}
