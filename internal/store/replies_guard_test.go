package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestRedactionLooksForUnsureReplies: the post a reply answers is deleted
// on X. A reply no try of which may have reached X is given up as failed;
// one pending after a refusal for now, but unsure since an earlier try of
// unknown outcome, goes as a reply being sent goes: given up unverified,
// still unsure, so its sender looks for it on X.
func TestRedactionLooksForUnsureReplies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		var cid int64
		if err := d.db.SQL().QueryRow(`SELECT id FROM complaints WHERE code = $1`, d.mine[0]).Scan(&cid); err != nil {
			t.Fatal(err)
		}
		claim := func(key string) *shikayat.Reply {
			t.Helper()
			r, err := d.db.ClaimReply(ctx, &shikayat.Reply{Key: key, Account: "Uppolice", ComplaintID: cid, InReplyTo: "101", Text: "reply " + key, Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		fresh := claim("note:fresh")
		unsure := claim("note:unsure")
		if turn, err := d.db.MarkReplySending(ctx, unsure.ID, unsure.Account, 0, time.Second, 10); err != nil || turn != store.TurnWon {
			t.Fatalf("first try: %v, %v", turn, err)
		}
		d.clk.Add(time.Second)
		if turn, err := d.db.MarkReplySending(ctx, unsure.ID, unsure.Account, 1, time.Second, 10); err != nil || turn != store.TurnWon {
			t.Fatalf("take-over: %v, %v", turn, err)
		}
		if won, err := d.db.MarkReplyPending(ctx, unsure.ID, 2, "unauthorized"); err != nil || !won {
			t.Fatalf("pending: %v, %v", won, err)
		}
		if _, err := d.db.RedactDeletedPosts(ctx, []string{"101"}); err != nil {
			t.Fatal(err)
		}
		if r, _ := d.db.FindReply(ctx, fresh.Key); r.State != shikayat.ReplyFailed {
			t.Errorf("the reply never tried is %s, want failed", r.State)
		}
		if r, _ := d.db.FindReply(ctx, unsure.Key); r.State != shikayat.ReplyUnverified || r.UnsureSince == nil {
			t.Errorf("the unsure reply is %s (unsure since %v), want %s and still unsure", r.State, r.UnsureSince, shikayat.ReplyUnverified)
		}
	})
}

// TestSentSameTextIsOfTheSamePost: a reply sent with the same text is the
// answer the citizen has already only when it answers the same post.
func TestSentSameTextIsOfTheSamePost(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		var cid int64
		if err := d.db.SQL().QueryRow(`SELECT id FROM complaints WHERE code = $1`, d.mine[0]).Scan(&cid); err != nil {
			t.Fatal(err)
		}
		send := func(key, to string) *shikayat.Reply {
			t.Helper()
			r, err := d.db.ClaimReply(ctx, &shikayat.Reply{Key: key, Account: "Uppolice", ComplaintID: cid, InReplyTo: to, Text: "the same words", Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		sent := send("status:101", "101")
		if _, err := d.db.MarkReplySending(ctx, sent.ID, sent.Account, 0, time.Second, 10); err != nil {
			t.Fatal(err)
		}
		if _, err := d.db.MarkReplySent(ctx, sent.ID, "9001"); err != nil {
			t.Fatal(err)
		}
		if got, err := d.db.SentSameText(ctx, send("status:102", "102")); err != nil || got != "" {
			t.Errorf("a reply to another post: %q, %v; want none", got, err)
		}
		if got, err := d.db.SentSameText(ctx, send("ack:again", "101")); err != nil || got != "9001" {
			t.Errorf("a reply to the same post: %q, %v; want 9001", got, err)
		}
	})
}

// TestSkipReplyLeavesATryInFlight: the desk's own rule skips a pending
// reply, and a 'sending' one only once its try can no longer be in flight.
func TestSkipReplyLeavesATryInFlight(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		r, err := d.db.ClaimReply(ctx, &shikayat.Reply{Key: "note:skip", Account: "Uppolice", InReplyTo: "101", Text: "skip me"})
		if err != nil {
			t.Fatal(err)
		}
		const inFlight = 30 * time.Second
		if turn, err := d.db.MarkReplySending(ctx, r.ID, r.Account, 0, inFlight, 10); err != nil || turn != store.TurnWon {
			t.Fatalf("try: %v, %v", turn, err)
		}
		d.clk.Add(inFlight / 2)
		if skipped, err := d.db.SkipReply(ctx, r.ID, inFlight, "a rule"); err != nil || skipped {
			t.Fatalf("a try in flight was skipped: %v, %v", skipped, err)
		}
		if got, _ := d.db.FindReply(ctx, r.Key); got.State != shikayat.ReplySending {
			t.Fatalf("the reply in flight is %s, want sending", got.State)
		}
		d.clk.Add(inFlight)
		if skipped, err := d.db.SkipReply(ctx, r.ID, inFlight, "a rule"); err != nil || !skipped {
			t.Fatalf("a try past its time was not skipped: %v, %v", skipped, err)
		}
		if got, _ := d.db.FindReply(ctx, r.Key); got.State != shikayat.ReplyUnverified {
			t.Fatalf("the reply is %s, want %s", got.State, shikayat.ReplyUnverified)
		}
	})
}

// TestClosingReplyTurnNeedsTheCloseToStand: a closing reply gets its turn
// to be sent only while its complaint stands closed by that close; a reopen
// (even one closed again since) loses it, and the reply stays as it was.
func TestClosingReplyTurnNeedsTheCloseToStand(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		act := func(a shikayat.Action) *shikayat.Event {
			t.Helper()
			_, ev, err := d.db.ApplyAction(ctx, d.mine[0], a, shikayat.SystemActor, "")
			if err != nil {
				t.Fatal(err)
			}
			return ev
		}
		closeIt := shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}
		c, err := d.db.FindComplaint(ctx, d.mine[0], shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		claim := func(ev *shikayat.Event) *shikayat.Reply {
			t.Helper()
			r, err := d.db.ClaimReply(ctx, &shikayat.Reply{Key: "reply:" + itoa(ev.ID), Account: "Uppolice", ComplaintID: c.ID, InReplyTo: "101", Text: "closed " + itoa(ev.ID)})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		first := act(closeIt)
		r1 := claim(first)
		act(shikayat.Action{Kind: shikayat.ActionReopen, Reason: "not returned"})
		if turn, err := d.db.MarkClosingReplySending(ctx, r1.ID, r1.Account, 0, time.Second, 10, first.ID); err != nil || turn != store.TurnNotClosed {
			t.Fatalf("reopened: turn %v, %v; want not closed", turn, err)
		}
		second := act(closeIt)
		if turn, err := d.db.MarkClosingReplySending(ctx, r1.ID, r1.Account, 0, time.Second, 10, first.ID); err != nil || turn != store.TurnNotClosed {
			t.Fatalf("reopened and closed again: turn %v, %v; want not closed by the first close", turn, err)
		}
		if got, _ := d.db.FindReply(ctx, r1.Key); got.State != shikayat.ReplyPending || got.Attempts != 0 {
			t.Fatalf("the reply that lost its turn is %s after %d tries, want pending, untried", got.State, got.Attempts)
		}
		r2 := claim(second)
		if turn, err := d.db.MarkClosingReplySending(ctx, r2.ID, r2.Account, 0, time.Second, 10, second.ID); err != nil || turn != store.TurnWon {
			t.Fatalf("closed by the second close: turn %v, %v; want won", turn, err)
		}
	})
}
