package replies_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/replies"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

type fixture struct {
	db     *store.DB
	sim    *xsim.Server
	sender *replies.Sender
	url    string
}

func setup(t testing.TB, dsn string, opts xsim.Options) *fixture {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, store.Options{AfterMigrate: jobs.Migrate})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{})
	if err != nil {
		t.Fatal(err)
	}
	db.SetJobs(q)
	opts.Account = "Uppolice"
	sim := xsim.New(opts)
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	tmpl, err := replies.LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	s := &replies.Sender{
		DB: db, X: xapi.New(xapi.Options{BaseURL: ts.URL, Retries: -1}), Templates: tmpl,
		Account: "Uppolice", BaseURL: "https://desk.example", DailyBudget: 100, Settle: 10 * time.Millisecond,
		InFlight: 5 * time.Millisecond, Backoff: time.Millisecond,
	}
	return &fixture{db: db, sim: sim, sender: s, url: ts.URL}
}

// complaint posts a mention on xsim and stores the complaint it opens.
func (f *fixture) complaint(t testing.TB, text string, class shikayat.Class) *shikayat.Complaint {
	t.Helper()
	id, err := f.sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@Uppolice " + text})
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := f.db.CreateComplaint(context.Background(), shikayat.NewComplaint{
		SourcePostID: id, Text: text, Lang: "en", Triage: &shikayat.Triage{Urgency: class},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fixture) ownReplies(postID string) int {
	n := 0
	for _, p := range f.sim.AccountPosts() {
		for _, r := range p.ReferencedTweets {
			if r.Type == xapi.RefRepliedTo && r.ID == postID {
				n++
			}
		}
	}
	return n
}

func ack(c *shikayat.Complaint) jobs.AcknowledgeArgs {
	return jobs.AcknowledgeArgs{ComplaintID: c.ID, PostID: c.SourcePostID}
}

func TestSenderNeverTwice(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		t.Run("acknowledges once, however often the job runs", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			c := f.complaint(t, "my phone was snatched near the bus stand", shikayat.ClassImmediate)
			for i := 0; i < 3; i++ {
				if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
					t.Fatal(err)
				}
			}
			if n := f.ownReplies(c.SourcePostID); n != 1 {
				t.Fatalf("%d replies, want 1", n)
			}
			text := f.sim.AccountPosts()[0].Text
			if !strings.Contains(text, c.Code) || !strings.Contains(text, "https://desk.example/t/"+c.Code) || !strings.Contains(text, "112") {
				t.Fatalf("reply %q lacks the code, the link or the 112 advice", text)
			}
			got, _ := f.db.FindComplaintByID(ctx, c.ID, shikayat.SystemScope())
			if last := got.Events[len(got.Events)-1]; last.Action != "replied" || !last.Public {
				t.Fatalf("trail ends with %+v, want the public reply", last)
			}
		})

		t.Run("accepted but dropped: the retry finds the post and does not send again", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			c := f.complaint(t, "fraud call took 5000 rupees", shikayat.ClassMidTerm)
			if err := f.sim.SetFault(xsim.Fault{Endpoint: "tweets", Kind: xsim.FaultAcceptedDropped, Count: 1}); err != nil {
				t.Fatal(err)
			}
			err := f.sender.Acknowledge(ctx, ack(c))
			if err == nil {
				t.Fatal("a dropped connection was taken for success")
			}
			if n := f.ownReplies(c.SourcePostID); n != 1 {
				t.Fatalf("xsim holds %d replies after the drop, want 1", n)
			}
			if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
				t.Fatal(err)
			}
			if n := f.ownReplies(c.SourcePostID); n != 1 {
				t.Fatalf("%d replies after the retry, want 1", n)
			}
		})

		t.Run("a crash before sending: the retry looks, finds nothing, sends once", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			c := f.complaint(t, "loud DJ every night", shikayat.ClassLongTerm)
			r, err := f.db.ClaimReply(ctx, &shikayat.Reply{Key: "ack:" + itoa(c.ID), ComplaintID: c.ID, InReplyTo: c.SourcePostID, Text: "x"})
			if err != nil {
				t.Fatal(err)
			}
			if turn, err := f.db.MarkReplySending(ctx, r.ID, r.Account, r.Attempts, time.Millisecond, 10); err != nil || turn != store.TurnWon {
				t.Fatalf("mark sending = %v, %v", turn, err)
			}
			if turn, _ := f.db.MarkReplySending(ctx, r.ID, r.Account, r.Attempts, time.Millisecond, 10); turn == store.TurnWon {
				t.Fatal("a second worker with a stale view won the reply too")
			}
			if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
				t.Fatal(err)
			}
			if n := f.ownReplies(c.SourcePostID); n != 1 {
				t.Fatalf("%d replies, want 1", n)
			}
		})

		t.Run("a refused reply is not retried", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			id, _ := f.sim.AddDraft(xsim.Draft{Username: "citizen", Text: "no mention here, just a post"})
			c, _, _ := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: id, Text: "x"})
			if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
				t.Fatalf("a refusal for good should end the job: %v", err)
			}
			if n := f.ownReplies(id); n != 0 {
				t.Fatalf("%d replies to a post that does not mention the account", n)
			}
		})

		t.Run("the daily budget holds replies back", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			f.sender.DailyBudget = 1
			a := f.complaint(t, "first", shikayat.ClassMidTerm)
			b := f.complaint(t, "second", shikayat.ClassMidTerm)
			if err := f.sender.Acknowledge(ctx, ack(a)); err != nil {
				t.Fatal(err)
			}
			err := f.sender.Acknowledge(ctx, ack(b))
			var snooze *rivertype.JobSnoozeError
			if !errors.As(err, &snooze) || snooze.Duration <= 0 {
				t.Fatalf("over budget: err = %v, want a snooze", err)
			}
			if n := f.ownReplies(b.SourcePostID); n != 0 {
				t.Fatal("a reply over the budget was sent")
			}
		})

		t.Run("a status reply answers the question", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			c := f.complaint(t, "bike stolen", shikayat.ClassMidTerm)
			ask, _ := f.sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@Uppolice " + c.Code + " ka status kya hai?"})
			if err := f.sender.StatusReply(ctx, jobs.StatusReplyArgs{ComplaintID: c.ID, PostID: ask}); err != nil {
				t.Fatal(err)
			}
			if n := f.ownReplies(ask); n != 1 {
				t.Fatalf("%d status replies, want 1", n)
			}
		})
	})
}

// Under a rate limit with a backlog, every immediate complaint is
// acknowledged before any other.
func TestUrgentFirstUnderRateLimit(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{Limits: map[string]xsim.Limit{xapi.EndpointCreatePost: {Requests: 2, Window: time.Second}}})
		classes := []shikayat.Class{"mid_term", "long_term", "immediate", "mid_term", "immediate", "long_term", "mid_term", "immediate"}
		urgent := map[string]bool{}
		for i, class := range classes {
			c := f.complaint(t, "complaint "+itoa(int64(i)), class)
			urgent[c.SourcePostID] = class == shikayat.ClassImmediate
		}
		var mu sync.Mutex
		done := make(chan struct{})
		count := 0
		counting := &countingHandler{Sender: f.sender, logf: t.Logf, after: func() {
			mu.Lock()
			defer mu.Unlock()
			if count++; count == len(classes) {
				close(done)
			}
		}}
		q, err := jobs.New(f.db.SQL(), f.db.Engine(), jobs.Config{Handler: counting, PollInterval: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		f.sender.Queue = q
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer func() {
			stop, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			q.Stop(stop)
		}()
		select {
		case <-done:
		case <-time.After(90 * time.Second):
			t.Fatalf("only %d of %d acknowledgements went out", count, len(classes))
		}
		var order []bool
		for _, p := range f.sim.AccountPosts() {
			for _, r := range p.ReferencedTweets {
				if r.Type == xapi.RefRepliedTo {
					order = append(order, urgent[r.ID])
				}
			}
		}
		if len(order) != len(classes) {
			t.Fatalf("%d replies, want %d", len(order), len(classes))
		}
		for i := 3; i < len(order); i++ {
			if order[i] {
				t.Fatalf("an immediate complaint was answered in place %d: %v", i+1, order)
			}
		}
	})
}

// countingHandler calls after once each acknowledgement is done for good.
type countingHandler struct {
	*replies.Sender
	after func()
	logf  func(string, ...any)
}

func (h *countingHandler) Acknowledge(ctx context.Context, a jobs.AcknowledgeArgs) error {
	err := h.Sender.Acknowledge(ctx, a)
	if h.logf != nil {
		h.logf("ack %s: %v", a.PostID, err)
	}
	if err == nil {
		h.after()
	}
	return err
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
