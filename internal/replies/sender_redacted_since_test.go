package replies_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// An acknowledgement whose try never reached X (the connection dropped
// before X took it) is redacted while its outcome is unknown, and is then
// looked for with no text to compare. A post of the account's answering
// the same post a minute before that try (a person's, by hand) is not it:
// the acknowledgement is not recorded sent with another's post, so it is
// not lost.
func TestRedactedReplyDoesNotTakeAnEarlierPost(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, clk := clocked(t, dsn())
		f.sender.InFlight = time.Nanosecond
		if err := f.sim.SetReadLag(3 * time.Minute); err != nil {
			t.Fatal(err)
		}
		c := f.complaint(t, "my purse was snatched near the bus stand", shikayat.ClassMidTerm)
		clk.Add(-time.Minute) // X's time of the post by hand: a minute before the try
		manual, err := f.sender.X.CreateReply(ctx, "We are looking into it, please DM details", c.SourcePostID)
		if err != nil {
			t.Fatal(err)
		}
		clk.Add(time.Minute)
		// The try: the connection drops before X takes it.
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultDrop, Count: 1}); err != nil {
			t.Fatal(err)
		}
		if err := f.sender.Acknowledge(ctx, ack(c)); err == nil {
			t.Fatal("a dropped connection was taken for success")
		}
		// Tried again and refused for now: it waits, its first try unsure.
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultStatus, Status: http.StatusUnauthorized, Count: 1}); err != nil {
			t.Fatal(err)
		}
		if err := f.sender.Acknowledge(shortJob(t, f), ack(c)); !isSnooze(err) {
			t.Fatalf("after the 401: %v, want a wait", err)
		}
		if r := f.reply(t, ack(c).ReplyKey()); r.State != shikayat.ReplyPending || r.UnsureSince == nil {
			t.Fatalf("the acknowledgement is %s (unsure since %v), want pending and unsure", r.State, r.UnsureSince)
		}
		if _, _, err := f.db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, shikayat.SystemActor, ""); err != nil {
			t.Fatal(err)
		}
		if n, err := f.db.RedactClosedBefore(ctx, time.Now().Add(time.Hour), 10); err != nil || n != 1 {
			t.Fatalf("redacted %d complaints (%v), want 1", n, err)
		}
		if r := f.reply(t, ack(c).ReplyKey()); !r.Redacted {
			t.Fatalf("the acknowledgement is %s, not masked", r.State)
		}
		clk.Add(4 * time.Minute) // the post by hand shows on X
		f.sender.TryTime = 0
		for range 3 {
			f.sender.Acknowledge(ctx, ack(c))
		}
		r := f.reply(t, ack(c).ReplyKey())
		if r.PostedID == manual {
			t.Fatalf("the acknowledgement is recorded %s with the post made by hand a minute before its try (%s)", r.State, manual)
		}
		if r.State == shikayat.ReplySent {
			t.Fatalf("the acknowledgement never reached X but is recorded sent with post %q", r.PostedID)
		}
		if n := f.ownReplies(c.SourcePostID); n != 1 {
			t.Fatalf("%d replies on X, want only the one by hand", n)
		}
	})
}
