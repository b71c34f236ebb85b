package replies_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// A try whose answer was lost (posted), then a retry refused with 429, then
// one X calls a duplicate while its read side still lags: the reply was
// posted, and must not end failed. The 429 does not make it certain.
func TestUncertainThen429ThenDuplicateIsNotFailed(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, clk, c := lagged(t, dsn(), 3*time.Minute)
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.Fault429, Count: 1, ResetSeconds: 1}); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 4; i++ {
			err := f.sender.Acknowledge(ctx, ack(c))
			clk.Add(2 * time.Second)
			r := f.reply(t, ack(c).ReplyKey())
			t.Logf("run %d: err=%v state=%s attempts=%d error=%q", i, err, r.State, r.Attempts, r.Error)
		}
		r := f.reply(t, ack(c).ReplyKey())
		if n := f.ownReplies(c.SourcePostID); n != 1 {
			t.Fatalf("%d replies on X", n)
		}
		if r.State == shikayat.ReplyFailed {
			t.Fatalf("reply posted on X (try 1) is recorded failed: %q; reply_failed events=%d", r.Error, len(f.events(t, c, "reply_failed")))
		}
	})
}

// The same with a person giving up after the 429: the reply is looked for
// on X, and recorded sent once it shows.
func TestUncertainThen429ThenGivenUpIsLookedFor(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, clk, c := lagged(t, dsn(), 3*time.Minute)
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.Fault429, Count: 1, ResetSeconds: 3600}); err != nil {
			t.Fatal(err)
		}
		err := f.sender.Acknowledge(ctx, ack(c))
		r := f.reply(t, ack(c).ReplyKey())
		t.Logf("after 429: err=%v state=%s", err, r.State)
		if err := f.db.GiveUpReply(ctx, r.ID, "op", "called the citizen"); err != nil {
			t.Fatal(err)
		}
		clk.Add(4 * time.Minute)
		_ = f.sender.Acknowledge(ctx, ack(c)) // snoozes until it is seen
		r = f.reply(t, ack(c).ReplyKey())
		if n := f.ownReplies(c.SourcePostID); n != 1 {
			t.Fatalf("%d replies on X", n)
		}
		if r.State != shikayat.ReplySent {
			t.Fatalf("reply posted on X is %s (%q), want sent once it shows", r.State, r.Error)
		}
	})
}
