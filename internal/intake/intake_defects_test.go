package intake_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// run starts the poller's loop and stops it when the test ends.
func (r *rig) run(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); r.p.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
}

// waitFor polls cond until it holds, failing the test after a generous
// deadline (a guard against hanging, not a measure of speed).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// syncBuffer collects log output written from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The loop polls every --x-poll, not on every renewal of the lease: with
// the lease renewed three times per poll interval, four polls still take
// at least three intervals. (A slow machine only stretches the gaps.)
func TestRunHonoursThePollInterval(t *testing.T) {
	r := newRig(t, "sqlite:"+t.TempDir()+"/s.db", xsim.Options{})
	r.p.Interval, r.p.LeaseTTL = 900*time.Millisecond, 900*time.Millisecond
	start := time.Now()
	r.run(t)
	waitFor(t, "four polls", func() bool { return r.sim.Requests("mentions") >= 4 })
	if took, least := time.Since(start), 3*r.p.Interval; took < least {
		t.Fatalf("four polls in %s: the loop polls more often than every %s", took, r.p.Interval)
	}
}

// After a 429 the loop waits for the reset X announced before it asks
// again, while it keeps renewing its lease.
func TestRunWaitsForTheRateLimitReset(t *testing.T) {
	r := newRig(t, "sqlite:"+t.TempDir()+"/s.db", xsim.Options{})
	r.p.Interval, r.p.LeaseTTL = 100*time.Millisecond, 3*time.Second
	if err := r.sim.SetFault(xsim.Fault{Endpoint: "mentions", Kind: xsim.Fault429, ResetSeconds: 3}); err != nil {
		t.Fatal(err)
	}
	r.run(t)
	waitFor(t, "the first poll", func() bool { return r.sim.Requests("mentions") >= 1 })
	rl, ok := r.p.X.RateLimit(xapi.EndpointMentions)
	if !ok || rl.Reset.IsZero() {
		t.Fatalf("no reset announced: %+v", rl)
	}
	waitFor(t, "the poll after the 429", func() bool { return r.sim.Requests("mentions") >= 2 })
	if now := time.Now(); now.Before(rl.Reset) {
		t.Fatalf("asked again %s before the announced reset", rl.Reset.Sub(now))
	}
	// The lease was renewed while the loop waited.
	if ok, err := r.db.AcquireLease(context.Background(), intake.LeaseName, "other-node", time.Minute); ok || err != nil {
		t.Fatalf("another node took the lease while the poller waited: %v %v", ok, err)
	}
}

// X indexes posts late: a post can appear in the mentions timeline after
// more than 20 newer ones were read. The re-read overlap is a window of
// time, not a count of posts, so a poll still finds it.
func TestOverlapCoversPostsDeliveredOutOfOrder(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{})
		late := r.post(t, "late", "@Uppolice mera phone chori ho gaya Aminabad Lucknow mein")
		for i := 0; i < 30; i++ {
			r.post(t, fmt.Sprintf("c%d", i), fmt.Sprintf("@Uppolice UPI fraud of %d rupees in Varanasi", 1000+i))
		}
		if err := r.sim.SetFault(xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultOutOfOrder, Depth: 31}); err != nil {
			t.Fatal(err)
		}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := r.db.FindPost(ctx, late); err == nil {
			t.Fatal("the fault did not hide the late post")
		}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		r.kind(t, late)
		if n := r.countPosts(t); n != 31 {
			t.Fatalf("%d posts recorded, want 31", n)
		}
	})
}

// A backfill that fails (here a 503 from recent search) must not move the
// checkpoint over the posts it did not read: what was read is recorded,
// the gap stays open (and said so) until a later backfill reads it.
func TestFailedBackfillKeepsTheGap(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{MentionsReach: 10})
		var logs syncBuffer
		r.p.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
		ids := []string{r.post(t, "a", "@Uppolice bike stolen in Kanpur")}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 25; i++ {
			ids = append(ids, r.post(t, "b", fmt.Sprintf("@Uppolice UPI fraud of %d rupees in Varanasi", 1000+i)))
		}
		if err := r.sim.SetFault(xsim.Fault{Endpoint: "search", Kind: xsim.Fault5xx}); err != nil {
			t.Fatal(err)
		}
		if err := r.p.PollOnce(ctx); err == nil {
			t.Error("a failed backfill was not reported as a failed poll")
		}
		// The newest posts read are recorded all the same.
		r.kind(t, ids[len(ids)-1])
		if cp, _ := r.db.Checkpoint(ctx, intake.CheckpointName); cp != ids[0] {
			t.Errorf("checkpoint = %s, want it left at %s, below the gap", cp, ids[0])
		}
		// The gap runs from the overlap's start below the checkpoint.
		gap, _ := r.db.Checkpoint(ctx, intake.GapName)
		if lo, _, _ := strings.Cut(gap, ".."); lo == "" || len(lo) == len(ids[0]) && lo >= ids[0] {
			t.Errorf("gap = %q, want it to start below the checkpoint %s", gap, ids[0])
		}
		if err := intake.GapCheck(r.db)(ctx); err == nil || !strings.Contains(err.Error(), gap) {
			t.Errorf("readiness check = %v, want the open gap %s", err, gap)
		}
		if !strings.Contains(logs.String(), "gap") {
			t.Errorf("the log does not mention the gap:\n%s", logs.String())
		}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
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

// A stream whose rules could not be read is tried again, with back-off,
// while the node holds the lease.
func TestStreamRetriesAfterTheRulesFailed(t *testing.T) {
	r := newRig(t, "sqlite:"+t.TempDir()+"/s.db", xsim.Options{KeepAlive: 50 * time.Millisecond})
	r.p.Stream, r.p.Interval, r.p.LeaseTTL = true, time.Hour, time.Hour
	if err := r.sim.SetFault(xsim.Fault{Endpoint: "rules", Kind: xsim.Fault5xx, Count: 2}); err != nil {
		t.Fatal(err)
	}
	r.run(t)
	waitFor(t, "the stream to connect after two failed reads of its rules", r.sim.StreamConnected)
	if n := r.sim.Requests("rules"); n < 3 {
		t.Fatalf("rules read %d times, want at least 3", n)
	}
}

// corrupt rewrites mentions answers on the way to the client, as a broken
// X might send them.
type corrupt struct {
	next    http.RoundTripper
	replace map[string]string
}

func (c corrupt) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err != nil || !strings.Contains(r.URL.Path, "/mentions") {
		return resp, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	s := string(b)
	for old, repl := range c.replace {
		s = strings.ReplaceAll(s, old, repl)
	}
	resp.Body = io.NopCloser(strings.NewReader(s))
	resp.ContentLength = int64(len(s))
	resp.Header.Del("Content-Length")
	return resp, nil
}

// Posts X sends that cannot be read are recorded as unreadable, raw JSON
// and all, exactly once each, and do not hold up the others.
func TestUnreadablePostsAreRecorded(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{})
		good := r.post(t, "a", "@Uppolice bike stolen in Kanpur")
		badGeo := r.post(t, "b", "@Uppolice chain snatched in Agra")
		badType := r.post(t, "c", "@Uppolice land grabbed in Meerut")
		r.p.X = xapi.New(xapi.Options{BaseURL: r.p.X.BaseURL(), Retries: -1, HTTPClient: &http.Client{Transport: corrupt{
			next: http.DefaultTransport,
			replace: map[string]string{
				`"id":"` + badGeo + `"`:  `"id":"` + badGeo + `","geo":{"coordinates":{"type":"Point","coordinates":[500,500]}}`,
				`"id":"` + badType + `"`: `"id":"` + badType + `","lang":5`,
			},
		}}})
		for i := 0; i < 2; i++ {
			if err := r.p.PollOnce(ctx); err != nil {
				t.Fatalf("poll %d: %v", i, err)
			}
		}
		r.kind(t, good)
		for _, id := range []string{badGeo, badType} {
			if k := r.kind(t, id); k != shikayat.RecordUnreadable {
				t.Errorf("post %s recorded as %s, want unreadable", id, k)
			}
		}
		if n := r.countPosts(t); n != 3 {
			t.Fatalf("%d records, want 3", n)
		}
		bad, err := r.db.UnreadablePosts(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(bad) != 2 {
			t.Fatalf("unreadable posts = %+v, want 2", bad)
		}
		for _, u := range bad {
			if !strings.Contains(u.Raw, u.ID) || u.Error == "" {
				t.Errorf("unreadable post kept without its raw JSON or error: %+v", u)
			}
		}
		if cp, _ := r.db.Checkpoint(ctx, intake.CheckpointName); cp != badType {
			t.Errorf("checkpoint = %s, want %s", cp, badType)
		}
	})
}

// A pushed copy (webhook, stream) cannot pre-empt the record of a post X's
// own timeline reads differently: the polled copy wins, and the log says so.
func TestPolledCopyWinsOverAPushedOne(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{})
		var logs syncBuffer
		r.p.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
		textB := "@Uppolice meri bike chori ho gayi Hazratganj Lucknow mein"
		id := r.post(t, "citizen", textB)
		tw, _ := r.sim.Post(id)
		pushed := shikayat.Post{ID: id, Text: "@Uppolice forged words about a bike", AuthorID: tw.AuthorID, AuthorUsername: "citizen",
			ConversationID: id, Mentions: []string{"Uppolice"}}
		if err := r.p.Deliver(ctx, []shikayat.Post{pushed}); err != nil {
			t.Fatal(err)
		}
		if p, _, _, err := r.db.FindPost(ctx, id); err != nil || p.Text != pushed.Text {
			t.Fatalf("pushed post not recorded: %v %v", p, err)
		}
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		p, _, _, err := r.db.FindPost(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Text != textB {
			t.Errorf("record holds %q, want the polled %q", p.Text, textB)
		}
		if n := r.countPosts(t); n != 1 {
			t.Errorf("%d records of one post", n)
		}
		if !strings.Contains(logs.String(), "differ") || !strings.Contains(logs.String(), id) {
			t.Errorf("the log does not say the copies differed:\n%s", logs.String())
		}
		// A later push of the old words changes nothing.
		if err := r.p.Deliver(ctx, []shikayat.Post{pushed}); err != nil {
			t.Fatal(err)
		}
		if p, _, _, _ := r.db.FindPost(ctx, id); p.Text != textB {
			t.Errorf("a later push overwrote the polled copy: %q", p.Text)
		}
	})
}
