package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

func TestReplyStates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		c, _, err := db.CreateComplaint(ctx, post("9001", "मेरा फोन चोरी हो गया"))
		if err != nil {
			t.Fatal(err)
		}
		claim := func(key string) *shikayat.Reply {
			t.Helper()
			r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: key, Account: "Uppolice", ComplaintID: c.ID, InReplyTo: "9001", Text: "reply " + key})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		state := func(key string) *shikayat.Reply {
			t.Helper()
			r, err := db.FindReply(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		used := func() int {
			t.Helper()
			n, err := db.BudgetUsed(ctx, "Uppolice", shikayat.ISTDay(clk.Now()))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		const inFlight = 35 * time.Second

		t.Run("a stale worker cannot flip a reply back", func(t *testing.T) {
			r := claim("ack:stale")
			if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, 0, inFlight, 10); err != nil || turn != store.TurnWon {
				t.Fatalf("first try: %v, %v", turn, err)
			}
			if turn, _ := db.MarkReplySending(ctx, r.ID, r.Account, 1, inFlight, 10); turn != store.TurnLost {
				t.Fatalf("a try still in flight was taken over: %v", turn)
			}
			clk.Add(inFlight)
			if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, 1, inFlight, 10); err != nil || turn != store.TurnWon {
				t.Fatalf("take-over after the first try's time: %v, %v", turn, err)
			}
			// The first worker, whose try is no longer the latest, wakes up.
			if won, err := db.MarkReplyPending(ctx, r.ID, 1, "rate limited"); err != nil || won {
				t.Fatalf("stale pending = %v, %v", won, err)
			}
			if won, err := db.MarkReplyFailed(ctx, r.ID, 1, "refused"); err != nil || won {
				t.Fatalf("stale failed = %v, %v", won, err)
			}
			if got := state("ack:stale"); got.State != shikayat.ReplySending || got.Attempts != 2 {
				t.Fatalf("reply is %s after %d tries, want sending after 2", got.State, got.Attempts)
			}
			if n := used(); n != 1 {
				t.Fatalf("budget used %d, want 1: the take-over keeps the first reservation", n)
			}
			if won, err := db.MarkReplyPending(ctx, r.ID, 2, "rate limited"); err != nil || !won {
				t.Fatalf("current pending = %v, %v", won, err)
			}
			if n := used(); n != 0 {
				t.Fatalf("budget used %d after a try that certainly did not post, want 0", n)
			}
			if recorded, err := db.MarkReplySent(ctx, r.ID, "777"); err != nil || !recorded {
				t.Fatalf("sent = %v, %v", recorded, err)
			}
			if recorded, _ := db.MarkReplySent(ctx, r.ID, "778"); recorded {
				t.Fatal("a second post id replaced the first")
			}
			if got := state("ack:stale"); got.State != shikayat.ReplySent || got.PostedID != "777" {
				t.Fatalf("reply is %s as %q, want sent as 777", got.State, got.PostedID)
			}
			if other, _ := db.PostRecorded(ctx, "777", r.ID+1000); !other {
				t.Fatal("post 777 is not known as recorded")
			}
		})

		t.Run("the budget holds per account and IST day", func(t *testing.T) {
			a, b := claim("ack:b1"), claim("ack:b2")
			base := used()
			if turn, _ := db.MarkReplySending(ctx, a.ID, a.Account, 0, inFlight, base+1); turn != store.TurnWon {
				t.Fatalf("under budget: %v", turn)
			}
			if turn, _ := db.MarkReplySending(ctx, b.ID, b.Account, 0, inFlight, base+1); turn != store.TurnOverBudget {
				t.Fatalf("over budget: %v", turn)
			}
			if got := state("ack:b2"); got.State != shikayat.ReplyPending || got.Attempts != 0 {
				t.Fatalf("a reply over budget changed: %s, %d tries", got.State, got.Attempts)
			}
			other, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "ack:b3", Account: "lkopolice", ComplaintID: c.ID, InReplyTo: "9001", Text: "x"})
			if err != nil {
				t.Fatal(err)
			}
			if turn, _ := db.MarkReplySending(ctx, other.ID, other.Account, 0, inFlight, 1); turn != store.TurnWon {
				t.Fatalf("another account's budget: %v", turn)
			}
			clk.Add(24 * time.Hour)
			if turn, _ := db.MarkReplySending(ctx, b.ID, b.Account, 0, inFlight, base+1); turn != store.TurnWon {
				t.Fatalf("the next IST day: %v", turn)
			}
		})

		t.Run("a person gives up a waiting reply", func(t *testing.T) {
			r := claim("reply:giveup")
			later := clk.Now().Add(time.Hour)
			before, err := db.CountWaitingReplies(ctx, later)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.GiveUpReply(ctx, r.ID, "si.sharma", ""); shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("no reason: %v", err)
			}
			if err := db.GiveUpReply(ctx, r.ID, "si.sharma", "the citizen was called instead"); err != nil {
				t.Fatal(err)
			}
			if got := state("reply:giveup"); got.State != shikayat.ReplyFailed {
				t.Fatalf("reply is %s, want failed", got.State)
			}
			if err := db.GiveUpReply(ctx, r.ID, "si.sharma", "again"); shikayat.ErrorCode(err) != shikayat.ECONFLICT {
				t.Fatalf("giving up twice: %v", err)
			}
			got, _ := db.FindComplaintByID(ctx, c.ID, shikayat.SystemScope())
			last := got.Events[len(got.Events)-1]
			if last.Action != "reply_given_up" || last.Public || last.Actor != "si.sharma" || last.Note != "the citizen was called instead" {
				t.Fatalf("trail ends with %+v, want the internal give-up event", last)
			}
			if n, err := db.CountWaitingReplies(ctx, later); err != nil || n != before-1 {
				t.Fatalf("waiting replies = %d, %v; want %d", n, err, before-1)
			}
		})
	})
}

// BenchmarkReplySendCycle measures the store's side of one reply: claim,
// reserve the budget while moving it to sending, record it sent.
func BenchmarkReplySendCycle(b *testing.B) {
	ctx := context.Background()
	for _, engine := range storetest.Engines() {
		b.Run(engine, func(b *testing.B) {
			db, err := store.Open(ctx, storetest.DSN(b, engine), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "status:" + strconv.Itoa(i), Account: "Uppolice", InReplyTo: "1", Text: "x"})
				if err != nil {
					b.Fatal(err)
				}
				if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, 0, time.Minute, b.N+1); err != nil || turn != store.TurnWon {
					b.Fatal(turn, err)
				}
				if _, err := db.MarkReplySent(ctx, r.ID, strconv.Itoa(i)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
