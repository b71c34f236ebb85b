package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A reply 'sending' when its author is erased (its sender crashed, or X
// timed out) never wins a send turn again once its try is stale: it is
// given up unverified (its sender looks for it on X, never posts it), and
// its text is masked.
func TestErasedSendingReplyNeverSentAgain(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "turn:1", ComplaintID: cid, InReplyTo: "101", Text: "@user7 we called you on 9876543299", Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if turn, err := db.MarkReplySending(ctx, r.ID, "", 0, 35*time.Second, 100); err != nil || turn != store.TurnWon {
			t.Fatalf("first turn = %v, %v", turn, err)
		}
		if _, err := db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		d.clk.Add(36 * time.Second)
		turn, err := db.MarkReplySending(ctx, r.ID, "", 1, 35*time.Second, 100)
		if err != nil {
			t.Fatal(err)
		}
		if turn == store.TurnWon {
			t.Fatal("a reply of an erased person won a send turn")
		}
		got, err := db.FindReply(ctx, r.Key)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != shikayat.ReplyUnverified || got.Error != store.RedactedReplyReason {
			t.Errorf("state %s (%q), want %s (%q)", got.State, got.Error, shikayat.ReplyUnverified, store.RedactedReplyReason)
		}
		if held := columnsHolding(t, db, "9876543299"); len(held) > 0 {
			t.Errorf("the erased number is still held in %v", held)
		}
		if turn, err := db.MarkReplySending(ctx, r.ID, "", got.Attempts, 35*time.Second, 100); err != nil || turn == store.TurnWon {
			t.Errorf("a later turn = %v, %v; want it refused", turn, err)
		}
	})
}

// A reply claimed after the erasure (its job was queued before) is
// recorded failed, with no text, and never wins a send turn.
func TestReplyClaimedAfterErasureNeverSent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		if _, err := db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "close:late", ComplaintID: cid, InReplyTo: "101", Text: "@user7 closed, we called 9876543211", Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if r.State != shikayat.ReplyFailed || r.Error != store.RedactedReplyReason || r.Text != "" {
			t.Errorf("claimed as %s (%q) text %q; want failed (%q) with no text", r.State, r.Error, r.Text, store.RedactedReplyReason)
		}
		if turn, err := db.MarkReplySending(ctx, r.ID, "", r.Attempts, 35*time.Second, 100); err != nil || turn == store.TurnWon {
			t.Errorf("turn = %v, %v; want it refused", turn, err)
		}
		if held := columnsHolding(t, db, "9876543211"); len(held) > 0 {
			t.Errorf("the erased number is held in %v", held)
		}
	})
}
