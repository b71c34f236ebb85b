package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A reply reserved on one IST day whose try was uncertain, taken over on
// the next day, is reserved in the new day's budget (and the old day's
// reservation goes back): the new day's cap holds.
func TestReplyTakenOverOnANewDayUsesThatDaysBudget(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		c, _, err := db.CreateComplaint(ctx, post("9101", "bike stolen near the market"))
		if err != nil {
			t.Fatal(err)
		}
		claim := func(key string) *shikayat.Reply {
			t.Helper()
			r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: key, Account: "Uppolice", ComplaintID: c.ID, InReplyTo: "9101", Text: "reply " + key})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		const inFlight = 35 * time.Second
		day1 := shikayat.ISTDay(clk.Now())
		a := claim("ack:a")
		if turn, err := db.MarkReplySending(ctx, a.ID, a.Account, 0, inFlight, 1); err != nil || turn != store.TurnWon {
			t.Fatalf("day 1 try: %v, %v", turn, err)
		}
		// The try's outcome is unknown; the next day comes.
		clk.Add(24 * time.Hour)
		day2 := shikayat.ISTDay(clk.Now())
		b := claim("ack:b")
		if turn, err := db.MarkReplySending(ctx, b.ID, b.Account, 0, inFlight, 1); err != nil || turn != store.TurnWon {
			t.Fatalf("day 2's first reply: %v, %v", turn, err)
		}
		if _, err := db.MarkReplySent(ctx, b.ID, "p-b"); err != nil {
			t.Fatal(err)
		}
		turn, err := db.MarkReplySending(ctx, a.ID, a.Account, 1, inFlight, 1)
		if err != nil {
			t.Fatal(err)
		}
		if turn != store.TurnOverBudget {
			n, _ := db.BudgetUsed(ctx, "Uppolice", day2)
			t.Fatalf("day 1's reply taken over on day 2: %v with day 2's budget of 1 used %d, want over budget", turn, n)
		}
		clk.Add(24 * time.Hour)
		if turn, err := db.MarkReplySending(ctx, a.ID, a.Account, 1, inFlight, 1); err != nil || turn != store.TurnWon {
			t.Fatalf("day 3: %v, %v", turn, err)
		}
		for day, want := range map[string]int{day1: 0, day2: 1, shikayat.ISTDay(clk.Now()): 1} {
			if n, err := db.BudgetUsed(ctx, "Uppolice", day); err != nil || n != want {
				t.Fatalf("budget of %s: %d (%v), want %d", day, n, err, want)
			}
		}
	})
}

// Giving up a reply whose try's outcome is unknown leaves it to be checked
// on X; one that is pending fails at once. A sent reply always has a post.
func TestGiveUpSendingReplyIsUnverified(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		c, _, err := db.CreateComplaint(ctx, post("9102", "purse snatched near the station"))
		if err != nil {
			t.Fatal(err)
		}
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "ack:u", Account: "Uppolice", ComplaintID: c.ID, InReplyTo: "9102", Text: "ack"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.MarkReplySending(ctx, r.ID, r.Account, 0, time.Second, 5); err != nil {
			t.Fatal(err)
		}
		if _, err := db.GiveUpComplaintReply(ctx, c.ID+1000, r.ID, "op", "wrong complaint"); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
			t.Fatalf("a reply given up through another complaint: %v, want not found", err)
		}
		if _, err := db.GiveUpComplaintReply(ctx, c.ID, r.ID, "op", "the citizen was called"); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindReply(ctx, "ack:u")
		if err != nil {
			t.Fatal(err)
		}
		if got.State != shikayat.ReplyUnverified {
			t.Fatalf("a sending reply given up is %s, want %s", got.State, shikayat.ReplyUnverified)
		}
		if _, err := db.MarkReplySent(ctx, r.ID, ""); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Fatalf("recorded sent without a post id: %v", err)
		}
		if won, err := db.MarkUnverifiedNotPosted(ctx, r.ID, "not found on X"); err != nil || !won {
			t.Fatalf("not posted: %v, %v", won, err)
		}
		if n, err := db.BudgetUsed(ctx, "Uppolice", shikayat.ISTDay(clk.Now())); err != nil || n != 0 {
			t.Fatalf("budget used %d (%v) by a reply never posted", n, err)
		}
	})
}
