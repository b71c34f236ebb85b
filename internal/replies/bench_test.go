package replies_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/xsim"
)

// BenchmarkAcknowledgements measures how fast one node's sender works a
// backlog of acknowledgements through the queue to xsim, on SQLite. One
// operation is one acknowledgement posted.
func BenchmarkAcknowledgements(b *testing.B) {
	ctx := context.Background()
	limits := map[string]xsim.Limit{}
	for ep := range xsim.DefaultLimits {
		limits[ep] = xsim.Limit{Requests: 1_000_000, Window: time.Minute}
	}
	f := setup(b, "sqlite:"+b.TempDir()+"/b.db", xsim.Options{Limits: limits})
	f.sender.DailyBudget = b.N
	for i := 0; i < b.N; i++ {
		f.complaint(b, "phone snatched near the station "+strconv.Itoa(i), shikayat.ClassMidTerm)
	}
	done := make(chan struct{})
	n := 0
	h := &countingHandler{Sender: f.sender, after: func() {
		if n++; n == b.N {
			close(done)
		}
	}}
	q, err := jobs.New(f.db.SQL(), f.db.Engine(), jobs.Config{Handler: h, PollInterval: 50 * time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	f.sender.Queue = q
	b.ResetTimer()
	if err := q.Start(ctx); err != nil {
		b.Fatal(err)
	}
	<-done
	b.StopTimer()
	stop, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	q.Stop(stop)
}
