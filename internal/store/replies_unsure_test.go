package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A try taken over while 'sending' had an unknown outcome: the reply is
// unsure from when that try began, through a later try X refused for now
// (back to pending), until it is settled. Given up while unsure, it is
// looked for on X rather than failed; settled, it is sure again.
func TestReplyStaysUnsureUntilSettled(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		c, _, err := db.CreateComplaint(ctx, post("9201", "chain snatched near the temple"))
		if err != nil {
			t.Fatal(err)
		}
		const inFlight = 35 * time.Second
		state := func(t *testing.T, key string) *shikayat.Reply {
			t.Helper()
			r, err := db.FindReply(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		// unsure claims a reply, tries it once with an unknown outcome and
		// once more, refused for now: it is pending again.
		unsure := func(t *testing.T, key string) (*shikayat.Reply, time.Time) {
			t.Helper()
			r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: key, Account: "Uppolice", ComplaintID: c.ID, InReplyTo: "9201", Text: "reply " + key})
			if err != nil {
				t.Fatal(err)
			}
			first := clk.Now()
			if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, 0, inFlight, 10); err != nil || turn != store.TurnWon {
				t.Fatalf("first try: %v, %v", turn, err)
			}
			if got := state(t, key); got.UnsureSince != nil {
				t.Fatalf("a try in flight made the reply unsure: %v", got.UnsureSince)
			}
			clk.Add(inFlight)
			if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, 1, inFlight, 10); err != nil || turn != store.TurnWon {
				t.Fatalf("take-over: %v, %v", turn, err)
			}
			if won, err := db.MarkReplyPending(ctx, r.ID, 2, "rate limited"); err != nil || !won {
				t.Fatalf("pending: %v, %v", won, err)
			}
			got := state(t, key)
			if got.State != shikayat.ReplyPending || got.UnsureSince == nil || !got.UnsureSince.Equal(first) {
				t.Fatalf("reply is %s, unsure since %v; want pending, unsure since the first try at %v", got.State, got.UnsureSince, first)
			}
			return got, first
		}

		t.Run("a later try keeps the first unknown one", func(t *testing.T) {
			r, first := unsure(t, "ack:later")
			clk.Add(time.Minute)
			if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, r.Attempts, inFlight, 10); err != nil || turn != store.TurnWon {
				t.Fatalf("third try: %v, %v", turn, err)
			}
			if won, err := db.MarkReplyPending(ctx, r.ID, r.Attempts+1, "unauthorized"); err != nil || !won {
				t.Fatalf("pending: %v, %v", won, err)
			}
			if got := state(t, "ack:later"); got.UnsureSince == nil || !got.UnsureSince.Equal(first) {
				t.Fatalf("unsure since %v, want %v", got.UnsureSince, first)
			}
		})
		t.Run("sent settles it", func(t *testing.T) {
			r, _ := unsure(t, "ack:sent")
			if ok, err := db.MarkReplySent(ctx, r.ID, "8801"); err != nil || !ok {
				t.Fatalf("sent: %v, %v", ok, err)
			}
			if got := state(t, "ack:sent"); got.UnsureSince != nil {
				t.Fatalf("a sent reply is unsure since %v", got.UnsureSince)
			}
		})
		t.Run("refused for good settles it", func(t *testing.T) {
			r, _ := unsure(t, "ack:failed")
			if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, r.Attempts, inFlight, 10); err != nil || turn != store.TurnWon {
				t.Fatalf("third try: %v, %v", turn, err)
			}
			if won, err := db.MarkReplyFailed(ctx, r.ID, r.Attempts+1, "the post is gone"); err != nil || !won {
				t.Fatalf("failed: %v, %v", won, err)
			}
			if got := state(t, "ack:failed"); got.State != shikayat.ReplyFailed || got.UnsureSince != nil {
				t.Fatalf("reply is %s, unsure since %v; want failed and settled", got.State, got.UnsureSince)
			}
		})
		t.Run("given up, it is looked for on X", func(t *testing.T) {
			r, _ := unsure(t, "ack:given")
			if err := db.GiveUpReply(ctx, r.ID, "op", "the citizen was called"); err != nil {
				t.Fatal(err)
			}
			if got := state(t, "ack:given"); got.State != shikayat.ReplyUnverified || got.UnsureSince == nil {
				t.Fatalf("reply is %s, unsure since %v; want %s, still unsure", got.State, got.UnsureSince, shikayat.ReplyUnverified)
			}
			if won, err := db.MarkUnverifiedNotPosted(ctx, r.ID, "given up; not found on X"); err != nil || !won {
				t.Fatalf("not posted: %v, %v", won, err)
			}
			if got := state(t, "ack:given"); got.State != shikayat.ReplyFailed || got.UnsureSince != nil {
				t.Fatalf("reply is %s, unsure since %v; want failed and settled", got.State, got.UnsureSince)
			}
		})
		t.Run("a pending reply never unsure fails when given up", func(t *testing.T) {
			r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "ack:plain", Account: "Uppolice", ComplaintID: c.ID, InReplyTo: "9201", Text: "plain"})
			if err != nil {
				t.Fatal(err)
			}
			if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, 0, inFlight, 10); err != nil || turn != store.TurnWon {
				t.Fatalf("try: %v, %v", turn, err)
			}
			if won, err := db.MarkReplyPending(ctx, r.ID, 1, "rate limited"); err != nil || !won {
				t.Fatalf("pending: %v, %v", won, err)
			}
			if err := db.GiveUpReply(ctx, r.ID, "op", "the citizen was called"); err != nil {
				t.Fatal(err)
			}
			if got := state(t, "ack:plain"); got.State != shikayat.ReplyFailed {
				t.Fatalf("reply is %s, want failed: no try of it reached X", got.State)
			}
		})
	})
}
