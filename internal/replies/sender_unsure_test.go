package replies_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/replies"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// shortJob is the context of a job with too little time left to wait out a
// rate limit: the sender puts the job back instead of sleeping.
func shortJob(t *testing.T, f *fixture) context.Context {
	t.Helper()
	f.sender.TryTime = time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	t.Cleanup(cancel)
	return ctx
}

// A try whose answer was lost (it was posted), then a retry X refuses for
// now (429 or 401): the reply goes back to pending, but an earlier try may
// still have reached X. When X later calls a try a duplicate while its
// read side lags, the reply is not recorded failed: it is looked for, and
// recorded sent with its post once it shows.
func TestUncertaintySurvivesARefusalForNow(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault xsim.Fault
	}{
		{"429", xsim.Fault{Endpoint: "create_post", Kind: xsim.Fault429, Count: 1, ResetSeconds: 1}},
		{"401", xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultStatus, Status: http.StatusUnauthorized, Count: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, dsn func() string) {
				f, clk, c := lagged(t, dsn(), 3*time.Minute)
				key := ack(c).ReplyKey()
				if err := f.sim.SetFault(tc.fault); err != nil {
					t.Fatal(err)
				}
				if err := f.sender.Acknowledge(shortJob(t, f), ack(c)); !isSnooze(err) {
					t.Fatalf("after the %s: %v, want a wait", tc.name, err)
				}
				if r := f.reply(t, key); r.State != shikayat.ReplyPending || r.UnsureSince == nil {
					t.Fatalf("after the %s the reply is %s (unsure since %v), want pending and still unsure", tc.name, r.State, r.UnsureSince)
				}
				// Past the rate limit's window; a node that restarted knows no
				// limit of the account's.
				clk.Add(2 * time.Second)
				f.sender.X = xapi.New(xapi.Options{BaseURL: f.url, Retries: -1})
				for i := 0; i < 3; i++ {
					f.sender.Acknowledge(shortJob(t, f), ack(c))
				}
				if r := f.reply(t, key); r.State == shikayat.ReplyFailed {
					t.Fatalf("the reply on X is recorded failed: %q", r.Error)
				}
				clk.Add(3 * time.Minute)
				if err := f.sender.Acknowledge(context.Background(), ack(c)); err != nil {
					t.Fatal(err)
				}
				posted := f.postOf(t, c)
				if r := f.reply(t, key); r.State != shikayat.ReplySent || r.PostedID != posted || r.UnsureSince != nil {
					t.Fatalf("reply is %s (posted %q, unsure since %v), want sent as %s and settled", r.State, r.PostedID, r.UnsureSince, posted)
				}
				if n := f.ownReplies(c.SourcePostID); n != 1 {
					t.Fatalf("%d replies on X, want 1", n)
				}
				if n := len(f.events(t, c, "reply_failed")); n != 0 {
					t.Fatalf("%d reply_failed events for a reply that went out", n)
				}
				if ids := f.replied(t, c); len(ids) != 1 || ids[0] != posted {
					t.Fatalf("replied events %v, want one for post %s", ids, posted)
				}
			})
		})
	}
}

// A person gives up a reply that went back to pending after a try of
// unknown outcome: it may have been posted, so it is looked for on X, and
// recorded sent once its post shows, not failed.
func TestGivenUpAfterARefusalForNowIsLookedFor(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, clk, c := lagged(t, dsn(), 3*time.Minute)
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultStatus, Status: http.StatusUnauthorized, Count: 1}); err != nil {
			t.Fatal(err)
		}
		f.sender.Acknowledge(ctx, ack(c)) // the 401
		r := f.reply(t, ack(c).ReplyKey())
		if r.State != shikayat.ReplyPending {
			t.Fatalf("after the 401 the reply is %s, want pending", r.State)
		}
		if err := f.db.GiveUpReply(ctx, r.ID, "op", "the citizen was called"); err != nil {
			t.Fatal(err)
		}
		if r := f.reply(t, ack(c).ReplyKey()); r.State != shikayat.ReplyUnverified {
			t.Fatalf("given up, the reply is %s, want %s: an earlier try may have posted it", r.State, shikayat.ReplyUnverified)
		}
		clk.Add(4 * time.Minute)
		f.sender.Acknowledge(ctx, ack(c))
		if r := f.reply(t, ack(c).ReplyKey()); r.State != shikayat.ReplySent || r.PostedID != f.postOf(t, c) {
			t.Fatalf("reply on X is %s (%q), want sent once it shows", r.State, r.Error)
		}
		if n := f.ownReplies(c.SourcePostID); n != 1 {
			t.Fatalf("%d replies on X, want 1", n)
		}
	})
}

// After a try whose outcome was unknown (it was posted, its answer lost),
// X refuses a retry for good (a 4xx other than a duplicate): the first
// try may still stand on X, so the reply is not settled failed; it is
// given up unverified, looked for, and recorded sent once its post shows.
func TestRefusalForGoodAfterAnUnsureTryIsLookedFor(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before *xsim.Fault // a refusal for now between the two tries
	}{
		{"sending", nil},
		{"pending and unsure", &xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultStatus, Status: http.StatusUnauthorized, Count: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, dsn func() string) {
				ctx := context.Background()
				f, clk, c := lagged(t, dsn(), 3*time.Minute)
				key := ack(c).ReplyKey()
				if tc.before != nil {
					if err := f.sim.SetFault(*tc.before); err != nil {
						t.Fatal(err)
					}
					f.sender.Acknowledge(ctx, ack(c))
				}
				if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultStatus, Status: http.StatusConflict, Count: 1}); err != nil {
					t.Fatal(err)
				}
				f.sender.Acknowledge(ctx, ack(c))
				if r := f.reply(t, key); r.State != shikayat.ReplyUnverified || r.UnsureSince == nil {
					t.Fatalf("after the refusal the reply is %s (%q, unsure since %v), want %s: an earlier try may be on X",
						r.State, r.Error, r.UnsureSince, shikayat.ReplyUnverified)
				}
				clk.Add(4 * time.Minute)
				if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
					t.Fatal(err)
				}
				posted := f.postOf(t, c)
				if r := f.reply(t, key); r.State != shikayat.ReplySent || r.PostedID != posted {
					t.Fatalf("the reply is %s (%q), want sent as %s once its post shows", r.State, r.Error, posted)
				}
				if n := f.ownReplies(c.SourcePostID); n != 1 {
					t.Fatalf("%d replies on X, want 1", n)
				}
			})
		})
	}
}

// A desk restored from a backup acknowledges a post the desk the copy came
// from had acknowledged after the copy was made; X's read side does not
// show that post yet, and X calls the try a duplicate. The reply is not
// failed: the old desk posted it. It is looked for, as after an uncertain
// try, and recorded sent with the old desk's post once that shows.
func TestRestoredReplyCalledADuplicateIsLookedFor(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, clk := clocked(t, dsn())
		if ok, err := f.db.AcquireLease(ctx, "intake", "n", time.Hour); !ok || err != nil {
			t.Fatal(ok, err)
		}
		fence := store.Fence{Lease: "intake", Holder: "n", TTL: time.Hour}
		if err := f.db.SetCheckpoint(ctx, fence, "x:mentions", shikayat.SnowflakeAt(clk.Now().Add(-time.Hour))); err != nil {
			t.Fatal(err)
		}
		c := f.complaint(t, "my purse was snatched near the bus stand", shikayat.ClassMidTerm)
		text, err := f.sender.Templates.Render(replies.TemplateAck, "en", replies.TemplateData{Code: c.Code, URL: "https://desk.example/t/" + c.Code})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.sim.SetReadLag(3 * time.Minute); err != nil {
			t.Fatal(err)
		}
		old, err := f.sender.X.CreateReply(ctx, text, c.SourcePostID) // the old desk's acknowledgement
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.MarkRestored(ctx, "x:mentions"); err != nil {
			t.Fatal(err)
		}
		f.sender.Acknowledge(ctx, ack(c))
		if r := f.reply(t, ack(c).ReplyKey()); r.State == shikayat.ReplyFailed {
			t.Fatalf("the reply the old desk posted is recorded failed: %q", r.Error)
		}
		clk.Add(4 * time.Minute)
		if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
			t.Fatal(err)
		}
		if r := f.reply(t, ack(c).ReplyKey()); r.State != shikayat.ReplySent || r.PostedID != old {
			t.Fatalf("the reply is %s (%q, post %q), want sent as the old desk's post %s", r.State, r.Error, r.PostedID, old)
		}
		if n := f.ownReplies(c.SourcePostID); n != 1 {
			t.Fatalf("%d replies on X, want 1", n)
		}
	})
}
