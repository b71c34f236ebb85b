package intake_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// searchLog lets budget requests to recent search through per attempt
// (the rest answer 503) and notes every post id search returned.
type searchLog struct {
	next   http.RoundTripper
	budget *atomic.Int32
	mu     sync.Mutex
	seen   map[string]int
}

func (s *searchLog) RoundTrip(r *http.Request) (*http.Response, error) {
	if !strings.Contains(r.URL.Path, "/search/recent") {
		return s.next.RoundTrip(r)
	}
	if s.budget.Add(-1) < 0 {
		return searchBudget{next: s.next, budget: s.budget}.RoundTrip(r)
	}
	resp, err := s.next.RoundTrip(r)
	if err != nil {
		return resp, err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	var page struct{ Data []struct{ ID string } }
	json.Unmarshal(body, &page)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range page.Data {
		s.seen[p.ID]++
	}
	return resp, nil
}

// A gap that widens while the backfill walks down it (the mentions
// timeline moved past the last read again) keeps the walk's progress: the
// new part is read, the part already read is not read again, and no post
// is missed.
func TestWidenedGapKeepsTheWalksProgress(t *testing.T) {
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
		log := &searchLog{next: http.DefaultTransport, budget: &atomic.Int32{}, seen: map[string]int{}}
		r.p.X = xapi.New(xapi.Options{BaseURL: r.p.X.BaseURL(), Retries: -1, HTTPClient: &http.Client{Transport: log}})
		log.budget.Store(1)
		if err := r.p.PollOnce(ctx); err == nil {
			t.Fatal("a backfill of one page closed a gap of 320 posts")
		}
		// The timeline moves past the last read again.
		for i := 0; i < 40; i++ {
			ids = append(ids, r.post(t, "c", fmt.Sprintf("@Uppolice chain snatched in Lucknow number %d", i)))
		}
		closed := false
		for attempt := 0; attempt < 10 && !closed; attempt++ {
			log.budget.Store(1)
			closed = r.p.PollOnce(ctx) == nil
		}
		if !closed {
			t.Fatal("the gap never closed")
		}
		for _, id := range ids {
			r.kind(t, id)
		}
		for id, n := range log.seen {
			if n > 1 {
				t.Fatalf("post %s read %d times by the backfill: the widened gap lost the walk's progress", id, n)
			}
		}
		if cp, _ := r.db.Checkpoint(ctx, intake.CheckpointName); cp != ids[len(ids)-1] {
			t.Errorf("checkpoint = %s after the backfill, want %s", cp, ids[len(ids)-1])
		}
	})
}

// stealLease hands the intake lease to another node at the first search.
type stealLease struct {
	next http.RoundTripper
	db   *store.DB
	once sync.Once
}

func (s *stealLease) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.Contains(r.URL.Path, "/search/recent") {
		s.once.Do(func() {
			ctx := context.Background()
			s.db.ReleaseLease(ctx, intake.LeaseName, "test-node")
			s.db.AcquireLease(ctx, intake.LeaseName, "other-node", time.Hour)
		})
	}
	return s.next.RoundTrip(r)
}

// A lease lost during a backfill is a poll not done, not a backfill that
// failed after a successful poll: nothing was recorded.
func TestLeaseLostDuringBackfillIsNotADonePoll(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{MentionsReach: 10})
		r.post(t, "a", "@Uppolice bike stolen in Kanpur")
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 30; i++ {
			r.post(t, "b", fmt.Sprintf("@Uppolice UPI fraud of %d rupees in Varanasi", 1000+i))
		}
		r.p.X = xapi.New(xapi.Options{BaseURL: r.p.X.BaseURL(), Retries: -1,
			HTTPClient: &http.Client{Transport: &stealLease{next: http.DefaultTransport, db: r.db}}})
		err := r.p.PollOnce(ctx)
		var bf *intake.BackfillError
		if err == nil || errors.As(err, &bf) || shikayat.ErrorCode(err) != shikayat.ECONFLICT {
			t.Fatalf("poll = %v, want the lost lease, not a backfill error after a done poll", err)
		}
	})
}

// Every range of mentions lost for good is kept for a person, not only
// the last one.
func TestEveryLostRangeIsKept(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		var ahead atomic.Int64
		clock := func() time.Time { return time.Now().Add(time.Duration(ahead.Load())) }
		r := newRig(t, dsn(), xsim.Options{MentionsReach: 10, Now: clock})
		r.p.Now = clock
		r.post(t, "a", "@Uppolice bike stolen in Kanpur")
		if err := r.p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		var lost []string
		for outage := 1; outage <= 2; outage++ {
			for i := 0; i < 25; i++ {
				r.post(t, "b", fmt.Sprintf("@Uppolice UPI fraud of %d rupees in Varanasi, outage %d", 1000+i, outage))
			}
			ahead.Add(int64(8 * 24 * time.Hour)) // the desk was down for eight days
			if err := r.p.PollOnce(ctx); err != nil {
				t.Fatal(err)
			}
			v, _ := r.db.Checkpoint(ctx, intake.LostName)
			lost = strings.Split(v, ",")
			if len(lost) != outage {
				t.Fatalf("after outage %d the lost ranges are %q, want %d", outage, v, outage)
			}
		}
		err := intake.GapCheck(r.db)(ctx)
		for _, l := range lost {
			if err == nil || !strings.Contains(err.Error(), l) {
				t.Errorf("readiness check = %v, want lost range %s named", err, l)
			}
		}
	})
}
