package replies_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// lagClock is the clock of X and of the sender in a test: the real time
// when t is zero (as the store's, which stamps the tries that are compared
// with the times of X's posts), or fixed at t; Add moves it on either way.
type lagClock struct {
	mu  sync.Mutex
	t   time.Time
	off time.Duration
}

func (c *lagClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.t.IsZero() {
		return time.Now().Add(c.off)
	}
	return c.t.Add(c.off)
}

func (c *lagClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.off += d
}

// clocked is a fixture whose X and sender keep clk, the real time moved on
// by the test's Adds.
func clocked(t *testing.T, dsn string) (*fixture, *lagClock) {
	t.Helper()
	clk := &lagClock{}
	f := setup(t, dsn, xsim.Options{Now: clk.Now})
	f.sender.Now = clk.Now
	return f, clk
}

// lagged is a fixture whose X shows a new post only lag after it was made,
// and whose first try of c's acknowledgement reached X with its answer lost.
func lagged(t *testing.T, dsn string, lag time.Duration) (*fixture, *lagClock, *shikayat.Complaint) {
	t.Helper()
	f, clk := clocked(t, dsn)
	if err := f.sim.SetReadLag(lag); err != nil {
		t.Fatal(err)
	}
	c := f.complaint(t, "my purse was snatched near the bus stand", shikayat.ClassMidTerm)
	if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultAcceptedDropped, Count: 1}); err != nil {
		t.Fatal(err)
	}
	if err := f.sender.Acknowledge(context.Background(), ack(c)); err == nil {
		t.Fatal("a dropped answer was taken for success")
	}
	return f, clk, c
}

func (f *fixture) postOf(t *testing.T, c *shikayat.Complaint) string {
	t.Helper()
	id := ""
	for _, p := range f.sim.AccountPosts() {
		if strings.Contains(p.Text, c.Code) {
			if id != "" {
				t.Fatalf("the acknowledgement of %s is on X twice", c.Code)
			}
			id = p.ID
		}
	}
	return id
}

func (f *fixture) reply(t *testing.T, key string) *shikayat.Reply {
	t.Helper()
	r, err := f.db.FindReply(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// After a try whose outcome was unknown, X calls the retry a duplicate
// while its read side does not show the post yet: the reply was posted. It
// is not failed and not sent again; it is looked for until it shows, then
// recorded sent with its post.
func TestDuplicateWhileXsReadSideLagsIsRecordedSent(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, clk, c := lagged(t, dsn(), 3*time.Minute)
		for i := 0; i < 3; i++ {
			if err := f.sender.Acknowledge(ctx, ack(c)); !isSnooze(err) {
				t.Fatalf("run %d while the post is not visible: %v, want a wait on X", i, err)
			}
		}
		if r := f.reply(t, ack(c).ReplyKey()); r.State != shikayat.ReplyUnverified || r.PostedID != "" {
			t.Fatalf("reply is %s (posted %q), want %s and no post id: X called it a duplicate", r.State, r.PostedID, shikayat.ReplyUnverified)
		}
		if n := f.ownReplies(c.SourcePostID); n != 1 {
			t.Fatalf("%d replies on X, want 1", n)
		}
		clk.Add(3 * time.Minute)
		if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
			t.Fatal(err)
		}
		posted := f.postOf(t, c)
		if r := f.reply(t, ack(c).ReplyKey()); r.State != shikayat.ReplySent || r.PostedID != posted {
			t.Fatalf("reply is %s (posted %q), want sent as %s", r.State, r.PostedID, posted)
		}
		if ids := f.replied(t, c); len(ids) != 1 || ids[0] != posted {
			t.Fatalf("replied events %v, want one for post %s", ids, posted)
		}
		if n := len(f.events(t, c, "reply_failed")); n != 0 {
			t.Fatalf("%d reply_failed events for a reply that went out", n)
		}
	})
}

// A post X called a duplicate that never shows within the bound is neither
// sent again, nor failed, nor recorded with an empty post id: it stays
// unverified for a person, and is still recorded sent if it shows later.
func TestDuplicateNeverSeenStaysForAPerson(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, clk, c := lagged(t, dsn(), time.Hour)
		f.sender.Acknowledge(ctx, ack(c)) // the 403
		for i := 0; i < 4; i++ {
			clk.Add(5 * time.Minute) // past the default bound of 10 minutes
			f.sender.Acknowledge(ctx, ack(c))
		}
		r := f.reply(t, ack(c).ReplyKey())
		if r.State != shikayat.ReplyUnverified || r.PostedID != "" {
			t.Fatalf("reply is %s (posted %q), want %s for a person", r.State, r.PostedID, shikayat.ReplyUnverified)
		}
		if n := f.ownReplies(c.SourcePostID); n != 1 {
			t.Fatalf("%d replies on X, want 1", n)
		}
		if n := len(f.events(t, c, "reply_failed")) + len(f.replied(t, c)); n != 0 {
			t.Fatalf("%d reply_failed or replied events, want none while nobody knows", n)
		}
		clk.Add(time.Hour)
		if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
			t.Fatal(err)
		}
		if r := f.reply(t, ack(c).ReplyKey()); r.State != shikayat.ReplySent || r.PostedID != f.postOf(t, c) {
			t.Fatalf("reply is %s (posted %q), want sent once its post shows", r.State, r.PostedID)
		}
	})
}

// A reply given up while its try's outcome was unknown is looked for while
// X's read side may lag, not judged "not posted" at the first look.
func TestGivenUpReplyIsLookedForWhileXLags(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, clk, c := lagged(t, dsn(), 3*time.Minute)
		r := f.reply(t, ack(c).ReplyKey())
		if err := f.db.GiveUpReply(ctx, r.ID, "op", "the citizen was called"); err != nil {
			t.Fatal(err)
		}
		f.sender.Acknowledge(ctx, ack(c))
		if r := f.reply(t, ack(c).ReplyKey()); r.State != shikayat.ReplyUnverified {
			t.Fatalf("reply is %s at the first look, want still %s: X's read side lags", r.State, shikayat.ReplyUnverified)
		}
		clk.Add(3 * time.Minute)
		f.sender.Acknowledge(ctx, ack(c))
		if r := f.reply(t, ack(c).ReplyKey()); r.State != shikayat.ReplySent || r.PostedID != f.postOf(t, c) {
			t.Fatalf("reply is %s (posted %q), want sent", r.State, r.PostedID)
		}
	})
}
