package replies_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// replied returns the post ids of the complaint's "replied" events.
func (f *fixture) replied(t *testing.T, c *shikayat.Complaint) []string {
	t.Helper()
	got, err := f.db.FindComplaintByID(context.Background(), c.ID, shikayat.SystemScope())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range got.Events {
		if e.Action == "replied" {
			ids = append(ids, e.Detail["post_id"])
		}
	}
	return ids
}

// staffReply records a reply a person wrote and returns its job's args.
func (f *fixture) staffReply(t *testing.T, c *shikayat.Complaint, text string) jobs.ReplyArgs {
	t.Helper()
	_, ev, err := f.db.ApplyAction(context.Background(), c.Code, shikayat.Action{Kind: shikayat.ActionReply, Text: text, Lang: "en"}, shikayat.SystemActor, "")
	if err != nil {
		t.Fatal(err)
	}
	return jobs.ReplyArgs{ComplaintID: c.ID, EventID: ev.ID}
}

// The acknowledgement and every staff reply answer the same post: after an
// uncertain failure a staff reply must look for itself, not for any reply.
func TestStaffReplyIsNotTakenForTheAcknowledgement(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		c := f.complaint(t, "chain snatched outside the temple", shikayat.ClassMidTerm)
		if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
			t.Fatal(err)
		}
		args := f.staffReply(t, c, "A constable from Hazratganj is on the way")
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.Fault5xx, Count: 1}); err != nil {
			t.Fatal(err)
		}
		if err := f.sender.Reply(ctx, args); err == nil {
			t.Fatal("a 503 was taken for success")
		}
		for i := 0; i < 3; i++ {
			f.sender.Reply(ctx, args) // waits on X are snoozes; what counts is what X holds
		}
		if n := f.ownReplies(c.SourcePostID); n != 2 {
			t.Fatalf("%d replies on X, want the acknowledgement and the staff reply", n)
		}
		staff := ""
		for _, p := range f.sim.AccountPosts() {
			if strings.Contains(p.Text, "A constable from Hazratganj") {
				staff = p.ID
			}
		}
		if staff == "" {
			t.Fatal("the staff reply never went out")
		}
		ids := f.replied(t, c)
		if len(ids) != 2 || ids[1] != staff || ids[0] == ids[1] {
			t.Fatalf("replied events for posts %v, want the acknowledgement's and then %s", ids, staff)
		}
	})
}

// X's 403 "duplicate content" after an uncertain try means the earlier try
// was posted: the reply is recorded sent, with its event.
func TestDuplicateAfterUncertainTryIsRecordedSent(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		a := f.complaint(t, "bike stolen from the market", shikayat.ClassMidTerm)
		b := f.complaint(t, "water logging in our lane", shikayat.ClassLongTerm)
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultAcceptedDropped, Count: 1}); err != nil {
			t.Fatal(err)
		}
		if err := f.sender.Acknowledge(ctx, ack(a)); err == nil {
			t.Fatal("a dropped answer was taken for success")
		}
		if err := f.sender.Acknowledge(ctx, ack(b)); err != nil {
			t.Fatal(err)
		}
		// X's read-after-write lags: the first look misses a's reply.
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "user_tweets", Kind: xsim.FaultOutOfOrder, Count: 1}); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 3 && len(f.replied(t, a)) == 0; i++ {
			f.sender.Acknowledge(ctx, ack(a))
		}
		if n := f.ownReplies(a.SourcePostID); n != 1 {
			t.Fatalf("%d replies on X, want 1", n)
		}
		posted := ""
		for _, p := range f.sim.AccountPosts() {
			if strings.Contains(p.Text, a.Code) {
				posted = p.ID
			}
		}
		if ids := f.replied(t, a); len(ids) != 1 || ids[0] != posted {
			t.Fatalf("replied events %v, want one for post %s", ids, posted)
		}
	})
}

// cancelAfterPost ends the job's context as soon as X's answer to a post
// has been read: a job timing out just after X accepted the post.
type cancelAfterPost struct {
	cancel context.CancelFunc
}

func (c cancelAfterPost) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil && r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/2/tweets") {
		resp.Body = &closeHook{ReadCloser: resp.Body, after: c.cancel}
	}
	return resp, err
}

type closeHook struct {
	io.ReadCloser
	once  sync.Once
	after func()
}

func (h *closeHook) Close() error {
	err := h.ReadCloser.Close()
	h.once.Do(h.after)
	return err
}

// The record of a post X accepted does not depend on the job's context.
func TestSentIsRecordedWhenTheJobEndsJustAfterPosting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		c := f.complaint(t, "my mobile was stolen in the metro", shikayat.ClassMidTerm)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		f.sender.X = xapi.New(xapi.Options{BaseURL: f.url, Retries: -1,
			HTTPClient: &http.Client{Transport: cancelAfterPost{cancel: cancel}}})
		f.sender.Acknowledge(ctx, ack(c))
		if n := f.ownReplies(c.SourcePostID); n != 1 {
			t.Fatalf("%d replies on X, want 1", n)
		}
		if ids := f.replied(t, c); len(ids) != 1 {
			t.Fatalf("X accepted the reply but the trail records %d replies", len(ids))
		}
	})
}
