package intake_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// A 429 from recent search (the backfill) must not hold back mentions
// polling until search's reset: the mentions read succeeded, so the loop
// polls again after its interval while the backfill waits on its own.
func TestSearch429DoesNotPauseMentions(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, "sqlite:"+t.TempDir()+"/s.db", xsim.Options{MentionsReach: 10})
	r.post(t, "a", "@Uppolice bike stolen in Kanpur")
	if err := r.p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 25; i++ {
		r.post(t, "b", fmt.Sprintf("@Uppolice chain snatched in Lucknow number %d", i))
	}
	// Search's reset is far beyond the test's patience.
	if err := r.sim.SetFault(xsim.Fault{Endpoint: "search", Kind: xsim.Fault429, Count: 1, ResetSeconds: 600}); err != nil {
		t.Fatal(err)
	}
	r.p.Interval, r.p.LeaseTTL = 100*time.Millisecond, 3*time.Second
	before := r.sim.Requests("mentions")
	r.run(t)
	waitFor(t, "five mentions polls after search's 429", func() bool { return r.sim.Requests("mentions")-before >= 5 })
	if n := r.sim.Requests("search"); n != 1 {
		t.Errorf("search asked %d times before its reset, want 1", n)
	}
	if err := intake.GapCheck(r.db)(ctx); err == nil {
		t.Error("the gap is not in the readiness check while the backfill waits")
	}
}

// searchBudget lets budget requests to recent search through per attempt
// and answers the rest 503, as a rate limit that stops a backfill after a
// few pages would.
type searchBudget struct {
	next   http.RoundTripper
	budget *atomic.Int32
}

func (s searchBudget) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.Contains(r.URL.Path, "/search/recent") && s.budget.Add(-1) < 0 {
		return &http.Response{StatusCode: http.StatusServiceUnavailable, Status: "503 Service Unavailable",
			Header: http.Header{"Content-Type": {"application/json"}}, Request: r,
			Body: io.NopCloser(strings.NewReader(`{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}`))}, nil
	}
	return s.next.RoundTrip(r)
}

// A backfill stopped after one page each time walks down the gap across
// attempts (its progress is stored), instead of re-reading the newest page
// from the top; the gap stays open, in the readiness check, until it is
// read to its bottom, and then the checkpoint moves.
func TestBackfillWalksDownTheGap(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{MentionsReach: 10})
		ids := []string{r.post(t, "a", "@Uppolice bike stolen in Kanpur")}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 330; i++ {
			ids = append(ids, r.post(t, "b", fmt.Sprintf("@Uppolice UPI fraud of %d rupees in Varanasi", 1000+i)))
		}
		budget := &atomic.Int32{}
		r.p.X = xapi.New(xapi.Options{BaseURL: r.p.X.BaseURL(), Retries: -1,
			HTTPClient: &http.Client{Transport: searchBudget{next: http.DefaultTransport, budget: budget}}})
		attempts := 0
		for ; attempts < 8; attempts++ {
			budget.Store(1)
			err := r.p.PollOnce(ctx)
			if err == nil {
				break
			}
			if cp, _ := r.db.Checkpoint(ctx, intake.CheckpointName); cp != ids[0] {
				t.Fatalf("attempt %d: checkpoint = %s moved over the open gap (want %s)", attempts, cp, ids[0])
			}
			if err := intake.GapCheck(r.db)(ctx); err == nil {
				t.Fatalf("attempt %d: the open gap is not in the readiness check", attempts)
			}
		}
		if attempts == 8 {
			t.Fatal("the gap never closed: each backfill starts again from the newest posts")
		}
		for _, id := range ids {
			r.kind(t, id)
		}
		if err := intake.GapCheck(r.db)(ctx); err != nil {
			t.Errorf("the gap was read but the check still says %v", err)
		}
		if cp, _ := r.db.Checkpoint(ctx, intake.CheckpointName); cp != ids[len(ids)-1] {
			t.Errorf("checkpoint = %s after the backfill, want %s", cp, ids[len(ids)-1])
		}
	})
}

// A post X indexed late, inside the overlap below the checkpoint, is read
// by the backfill when the timeline no longer reaches back to it: search
// starts at the overlap's start, not at the checkpoint.
func TestBackfillSearchesTheOverlap(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{MentionsReach: 10})
		late := r.post(t, "late", "@Uppolice mera phone chori ho gaya Aminabad Lucknow mein")
		r.post(t, "a", "@Uppolice bike stolen in Kanpur")
		if err := r.sim.SetFault(xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultOutOfOrder, Depth: 2}); err != nil {
			t.Fatal(err)
		}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := r.db.FindPost(ctx, late); err == nil {
			t.Fatal("the fault did not hide the late post")
		}
		for i := 0; i < 25; i++ {
			r.post(t, "b", fmt.Sprintf("@Uppolice UPI fraud of %d rupees in Varanasi", 1000+i))
		}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := r.db.FindPost(ctx, late); err != nil {
			t.Errorf("the late post in the overlap was read by neither the mentions nor the backfill: %v", err)
		}
	})
}

// A gap older than recent search reaches back (7 days) can never be read:
// the loss is said in the log and the readiness check, with its bounds kept
// for a person, and the gap is not searched for in vain.
func TestGapBeyondSearchReachIsReportedLost(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		var ahead atomic.Int64
		clock := func() time.Time { return time.Now().Add(time.Duration(ahead.Load())) }
		r := newRig(t, dsn(), xsim.Options{MentionsReach: 10, Now: clock})
		r.p.Now = clock
		var logs syncBuffer
		r.p.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
		ids := []string{r.post(t, "a", "@Uppolice bike stolen in Kanpur")}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 25; i++ {
			ids = append(ids, r.post(t, "b", fmt.Sprintf("@Uppolice UPI fraud of %d rupees in Varanasi", 1000+i)))
		}
		// The desk was down for eight days.
		ahead.Store(int64(8 * 24 * time.Hour))
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if n := r.sim.Requests("search"); n != 0 {
			t.Errorf("searched %d times for posts search cannot reach", n)
		}
		lost, _ := r.db.Checkpoint(ctx, intake.LostName)
		if lo, hi, ok := strings.Cut(lost, ".."); !ok || lo == "" || hi != ids[len(ids)-10] {
			t.Errorf("lost = %q, want the gap's bounds up to %s", lost, ids[len(ids)-10])
		}
		err := intake.GapCheck(r.db)(ctx)
		if err == nil || !strings.Contains(err.Error(), "lost for good") || !strings.Contains(err.Error(), lost) {
			t.Errorf("readiness check = %v, want the lost mentions named", err)
		}
		if !strings.Contains(logs.String(), "lost for good") {
			t.Errorf("the log does not say the mentions were lost:\n%s", logs.String())
		}
		if gap, _ := r.db.Checkpoint(ctx, intake.GapName); gap != "" {
			t.Errorf("gap %s left open although it can never be read", gap)
		}
		if cp, _ := r.db.Checkpoint(ctx, intake.CheckpointName); cp != ids[len(ids)-1] {
			t.Errorf("checkpoint = %s, want %s", cp, ids[len(ids)-1])
		}
	})
}
