package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A reply marked failed that a later look finds posted on X is recorded
// sent, counted in the budget of the day of its try (its reservation went
// back when it failed) and leaves an internal event saying it was found
// posted after being marked failed.
func TestFailedReplyFoundPostedIsCountedAndTraced(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		c, _, err := db.CreateComplaint(ctx, post("9201", "my scooter was stolen"))
		if err != nil {
			t.Fatal(err)
		}
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "reply:1", Account: "Uppolice", ComplaintID: c.ID, InReplyTo: "9201", Text: "We are on it"})
		if err != nil {
			t.Fatal(err)
		}
		day := shikayat.ISTDay(clk.Now())
		if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, 0, 35*time.Second, 1); err != nil || turn != store.TurnWon {
			t.Fatalf("try: %v, %v", turn, err)
		}
		if _, err := db.MarkReplyFailed(ctx, r.ID, 1, "duplicate of another post"); err != nil {
			t.Fatal(err)
		}
		if n, _ := db.BudgetUsed(ctx, "Uppolice", day); n != 0 {
			t.Fatalf("a failed reply holds %d of the budget", n)
		}
		clk.Add(time.Hour)
		if recorded, err := db.MarkReplySent(ctx, r.ID, "7001"); err != nil || !recorded {
			t.Fatalf("found posted: %v, %v", recorded, err)
		}
		if n, err := db.BudgetUsed(ctx, "Uppolice", day); err != nil || n != 1 {
			t.Fatalf("budget used %d (%v), want the post X made counted", n, err)
		}
		// Counted once: a second record changes nothing.
		db.MarkReplySent(ctx, r.ID, "7001")
		if n, _ := db.BudgetUsed(ctx, "Uppolice", day); n != 1 {
			t.Fatalf("budget used %d after a second record, want 1", n)
		}
		got, err := db.FindComplaintByID(ctx, c.ID, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		var found, replied int
		for _, e := range got.Events {
			switch e.Action {
			case store.FoundPostedAction:
				found++
				if e.Public || e.Detail["post_id"] != "7001" || e.Detail["key"] != "reply:1" {
					t.Errorf("found-posted event %+v, want an internal event naming the post and reply", e)
				}
			case "replied":
				replied++
			}
		}
		if found != 1 || replied != 1 {
			t.Fatalf("%d found-posted and %d replied events, want 1 each", found, replied)
		}
		verifyTrail(t, db)
	})
}

// A reply X called a duplicate whose post never showed waits for a person:
// giving it up settles it as not posted and gives its budget back. A reply
// given up while sending cannot be given up twice.
func TestUnseenReplyIsSettledByAPerson(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		c, _, err := db.CreateComplaint(ctx, post("9202", "my cycle was stolen"))
		if err != nil {
			t.Fatal(err)
		}
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "ack:9202", Account: "Uppolice", ComplaintID: c.ID, InReplyTo: "9202", Text: "ack"})
		if err != nil {
			t.Fatal(err)
		}
		if turn, err := db.MarkReplySending(ctx, r.ID, r.Account, 0, 35*time.Second, 5); err != nil || turn != store.TurnWon {
			t.Fatalf("try: %v, %v", turn, err)
		}
		if won, err := db.MarkReplyUnseen(ctx, r.ID, 1, "X called it a duplicate"); err != nil || !won {
			t.Fatalf("unseen: %v, %v", won, err)
		}
		got, _ := db.FindReply(ctx, "ack:9202")
		if got.State != shikayat.ReplyUnverified || got.DuplicateAt == nil {
			t.Fatalf("reply is %s (duplicate at %v), want unverified with the time X said so", got.State, got.DuplicateAt)
		}
		if n, _ := db.BudgetUsed(ctx, "Uppolice", shikayat.ISTDay(clk.Now())); n != 1 {
			t.Fatalf("budget used %d, want the post X most likely made kept", n)
		}
		if err := db.GiveUpReply(ctx, r.ID, "hq.admin", "looked on X: not there"); err != nil {
			t.Fatal(err)
		}
		got, _ = db.FindReply(ctx, "ack:9202")
		if got.State != shikayat.ReplyFailed {
			t.Fatalf("reply is %s, want failed", got.State)
		}
		if n, _ := db.BudgetUsed(ctx, "Uppolice", shikayat.ISTDay(clk.Now())); n != 0 {
			t.Fatalf("budget used %d after a person settled it as not posted", n)
		}
	})
}
