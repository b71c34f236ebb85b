package intake_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/xsim"
)

// When the poller stops and cannot give its lease up, it says so: another
// node then waits for the lease to lapse.
func TestFailedLeaseReleaseIsLogged(t *testing.T) {
	r := newRig(t, "sqlite:"+filepath.Join(t.TempDir(), "l.db"), xsim.Options{})
	var logs syncBuffer
	r.p.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	r.p.Interval, r.p.LeaseTTL = time.Hour, time.Hour
	polled := make(chan struct{}, 10)
	r.p.Polled = func(int, int) { polled <- struct{}{} }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); r.p.Run(ctx) }()
	<-polled // it holds the lease
	r.db.Close()
	cancel()
	<-done
	if !strings.Contains(logs.String(), "release the intake lease") {
		t.Fatalf("a failed release was not logged:\n%s", logs.String())
	}
}
