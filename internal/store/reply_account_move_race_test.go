package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A node still running the old --accounts (it lists @varanasipolice) has
// read the reply and is about to post it from @varanasipolice; a node with
// the new --accounts moves it to @Uppolice meanwhile. The old node's turn
// is lost: it would post from one account while the record names another,
// and the new node would post it again. The moved reply's turn goes to the
// account it names now.
func TestMovedReplyTurnLostByItsOldAccount(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{Jobs: &jobLog{}})
		c := accountsComplaint(t, db, "4001", []string{"Uppolice", "varanasipolice"}, 162)
		old, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "ack:" + c.SourcePostID, Account: "varanasipolice", ComplaintID: c.ID, InReplyTo: c.SourcePostID, Text: "x"})
		if err != nil {
			t.Fatal(err)
		}
		to, why, err := db.MoveReplyAccount(ctx, old.ID)
		if err != nil || to != "Uppolice" {
			t.Fatalf("move: %q %q %v", to, why, err)
		}
		if turn, err := db.MarkReplySending(ctx, old.ID, old.Account, old.Attempts, time.Minute, 100); err != nil || turn != store.TurnLost {
			t.Fatalf("old node's turn from @%s: %v %v; want it lost (the reply is @Uppolice's now)", old.Account, turn, err)
		}
		if turn, err := db.MarkClosingReplySending(ctx, old.ID, old.Account, old.Attempts, time.Minute, 100, 1); err != nil || turn != store.TurnLost {
			t.Fatalf("old node's closing turn from @%s: %v %v; want it lost", old.Account, turn, err)
		}
		if turn, err := db.MarkReplySending(ctx, old.ID, to, old.Attempts, time.Minute, 100); err != nil || turn != store.TurnWon {
			t.Fatalf("new node's turn from @%s: %v %v; want it won", to, turn, err)
		}
	})
}
