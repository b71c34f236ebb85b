package intake_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/triage"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

type rig struct {
	db  *store.DB
	sim *xsim.Server
	p   *intake.Poller
}

func newRig(t testing.TB, dsn string, opts xsim.Options) *rig {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, store.Options{AfterMigrate: jobs.Migrate})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	q, _ := jobs.New(db.SQL(), db.Engine(), jobs.Config{})
	db.SetJobs(q)
	opts.Account = "Uppolice"
	sim := xsim.New(opts)
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	tr, err := triage.New(triage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &intake.Poller{
		DB: db, X: xapi.New(xapi.Options{BaseURL: ts.URL, Retries: -1}), Triager: tr,
		Account: "Uppolice", PoliceAccounts: []string{"lkopolice"}, Holder: "test-node",
	}
	if ok, err := db.AcquireLease(context.Background(), intake.LeaseName, "test-node", time.Hour); !ok || err != nil {
		t.Fatalf("lease: %v %v", ok, err)
	}
	return &rig{db: db, sim: sim, p: p}
}

func (r *rig) post(t *testing.T, user, text string) string {
	t.Helper()
	id, err := r.sim.AddDraft(xsim.Draft{Username: user, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (r *rig) kind(t *testing.T, id string) shikayat.RecordKind {
	t.Helper()
	_, kind, _, err := r.db.FindPost(context.Background(), id)
	if err != nil {
		t.Fatalf("post %s: %v", id, err)
	}
	return kind
}

func (r *rig) countPosts(t *testing.T) int {
	t.Helper()
	var n int
	if err := r.db.SQL().QueryRow(`SELECT count(*) FROM posts`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPoller(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		t.Run("records every mention once, whatever X's faults", func(t *testing.T) {
			r := newRig(t, dsn(), xsim.Options{})
			var ids []string
			for i := 0; i < 30; i++ {
				ids = append(ids, r.post(t, fmt.Sprintf("citizen%d", i), fmt.Sprintf("@Uppolice meri bike chori ho gayi Lucknow mein, gaadi number %d", i)))
			}
			for _, kind := range []string{xsim.FaultOutOfOrder, xsim.FaultDuplicate, xsim.FaultMalformed, xsim.Fault5xx} {
				if err := r.sim.SetFault(xsim.Fault{Endpoint: "mentions", Kind: kind, Count: 1}); err != nil {
					t.Fatal(err)
				}
			}
			for i := 0; i < 6; i++ {
				r.p.PollOnce(ctx) // some polls fail on the injected faults
				ids = append(ids, r.post(t, "late", fmt.Sprintf("@Uppolice chain snatching in Aminabad %d", i)))
			}
			for i := 0; i < 3; i++ {
				if err := r.p.PollOnce(ctx); err != nil {
					t.Fatalf("poll without faults: %v", err)
				}
			}
			for _, id := range ids {
				r.kind(t, id)
			}
			if n := r.countPosts(t); n != len(ids) {
				t.Fatalf("%d posts recorded, want %d", n, len(ids))
			}
			page, _ := r.db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope()})
			if page.Total > len(ids) {
				t.Fatalf("%d complaints from %d posts", page.Total, len(ids))
			}
		})

		t.Run("staff posts, thanks and retweets are not complaints", func(t *testing.T) {
			r := newRig(t, dsn(), xsim.Options{})
			staff := r.post(t, "lkopolice", "@Uppolice Hazratganj police has registered the FIR")
			thanks := r.post(t, "happy", "@Uppolice thank you so much for the help, great work by the team!")
			orig := r.post(t, "victim", "@Uppolice kal raat mere ghar mein chori ho gayi, gehne aur cash le gaye, Gomti Nagar Lucknow, kripya FIR darj karein")
			rt, err := r.sim.AddDraft(xsim.Draft{Username: "friend", RetweetOf: orig})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.p.PollOnce(ctx); err != nil {
				t.Fatal(err)
			}
			for id, want := range map[string]shikayat.RecordKind{staff: "staff", thanks: "non_actionable", orig: "complaint", rt: "non_actionable"} {
				if got := r.kind(t, id); got != want {
					t.Errorf("post %s recorded as %s, want %s", id, got, want)
				}
			}
		})

		t.Run("after a gap longer than the timeline reaches, recent search backfills", func(t *testing.T) {
			r := newRig(t, dsn(), xsim.Options{MentionsReach: 10})
			first := r.post(t, "a", "@Uppolice bike stolen in Kanpur")
			if err := r.p.PollOnce(ctx); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for i := 0; i < 25; i++ {
				ids = append(ids, r.post(t, "b", fmt.Sprintf("@Uppolice UPI fraud of %d rupees in Varanasi", 1000+i)))
			}
			if err := r.p.PollOnce(ctx); err != nil {
				t.Fatal(err)
			}
			for _, id := range append(ids, first) {
				r.kind(t, id)
			}
		})
	})
}

// arrivals adds posts to the simulator while a poll pages through the
// timeline, as people keep posting on X.
type arrivals struct {
	next  http.RoundTripper
	onGet func()
}

func (a arrivals) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := a.next.RoundTrip(r)
	if strings.Contains(r.URL.Path, "/mentions") && a.onGet != nil {
		a.onGet()
	}
	return resp, err
}

// The timeline's reach is a window that slides while a poll pages through
// it: a poll can come back with fewer posts than the reach and still have
// missed some. It must notice and backfill.
func TestPollerBackfillsWhenTheWindowSlides(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, "sqlite:"+filepath.Join(t.TempDir(), "s.db"), xsim.Options{MentionsReach: 250})
	var ids []string
	ids = append(ids, r.post(t, "a", "@Uppolice bike stolen in Kanpur"))
	if err := r.p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 240; i++ {
		ids = append(ids, r.post(t, "b", fmt.Sprintf("@Uppolice UPI fraud of %d rupees in Varanasi", 1000+i)))
	}
	posting := true
	base := r.p.X.BaseURL()
	r.p.X = xapi.New(xapi.Options{BaseURL: base, Retries: -1, HTTPClient: &http.Client{Transport: arrivals{
		next: http.DefaultTransport,
		onGet: func() {
			if !posting {
				return
			}
			for i := 0; i < 40; i++ {
				ids = append(ids, r.post(t, "c", fmt.Sprintf("@Uppolice chain snatched in Agra %d", i+len(ids))))
			}
		},
	}}})
	if err := r.p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	posting = false
	if err := r.p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		r.kind(t, id)
	}
}

// With the filtered stream on, the lease holder records a post as it
// arrives, long before the next poll.
func TestStreamRecordsBetweenPolls(t *testing.T) {
	r := newRig(t, "sqlite:"+filepath.Join(t.TempDir(), "s.db"), xsim.Options{KeepAlive: 50 * time.Millisecond})
	r.db.ReleaseLease(context.Background(), intake.LeaseName, "test-node")
	r.p.Stream, r.p.Interval, r.p.LeaseTTL = true, time.Hour, time.Hour
	polled := make(chan struct{}, 10)
	r.p.Polled = func(int, int) { polled <- struct{}{} }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); r.p.Run(ctx) }()
	defer func() { cancel(); <-done }()
	<-polled // the first poll ran; the next is an hour away
	deadline := time.Now().Add(20 * time.Second)
	for !r.sim.StreamConnected() {
		if time.Now().After(deadline) {
			t.Fatal("the stream did not connect")
		}
		time.Sleep(20 * time.Millisecond)
	}
	id := r.post(t, "fast", "@Uppolice aag lagi hai Aminabad Lucknow mein, jaldi aaiye")
	for {
		if _, _, _, err := r.db.FindPost(context.Background(), id); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the streamed post was not recorded")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
