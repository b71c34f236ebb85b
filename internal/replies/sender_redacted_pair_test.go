package replies_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// Two replies to one post, each posted with its answer lost and then
// refused for now, and then the complaint's personal data are redacted: both are masked and, with no text left to compare,
// each is looked for as a post of the account's answering that post since
// its try. The acknowledgement, tried first, is given its own post, not the
// staff reply's newer one, and the staff reply is not left "not posted".
func TestTwoUnsureRedactedRepliesKeepTheirOwnPosts(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, clk, c := lagged(t, dsn(), 3*time.Minute)
		clk.Add(10 * time.Second)
		// The acknowledgement's try is not taken to be in flight still:
		// the staff reply gets its turn.
		f.sender.InFlight = time.Nanosecond
		args := f.staffReply(t, c, "A constable from Hazratganj is on the way")
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultAcceptedDropped, Count: 1}); err != nil {
			t.Fatal(err)
		}
		if err := f.sender.Reply(ctx, args); err == nil {
			t.Fatal("a dropped answer was taken for success")
		}
		// Each is tried again and refused for now (a 401): both wait,
		// pending, their first tries' outcomes unknown.
		for _, try := range []func() error{
			func() error { return f.sender.Acknowledge(shortJob(t, f), ack(c)) },
			func() error { return f.sender.Reply(shortJob(t, f), args) },
		} {
			if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultStatus, Status: http.StatusUnauthorized, Count: 1}); err != nil {
				t.Fatal(err)
			}
			if err := try(); !isSnooze(err) {
				t.Fatalf("after the 401: %v, want a wait", err)
			}
		}
		for _, key := range []string{ack(c).ReplyKey(), args.ReplyKey()} {
			if r := f.reply(t, key); r.State != shikayat.ReplyPending || r.UnsureSince == nil {
				t.Fatalf("%s is %s (unsure since %v), want pending and unsure", key, r.State, r.UnsureSince)
			}
		}
		var ackPost, staffPost string
		for _, p := range f.sim.AccountPosts() {
			switch {
			case strings.Contains(p.Text, "constable"):
				staffPost = p.ID
			case strings.Contains(p.Text, c.Code):
				ackPost = p.ID
			}
		}
		if ackPost == "" || staffPost == "" {
			t.Fatalf("posts on X: acknowledgement %q, staff reply %q; want both", ackPost, staffPost)
		}
		// Closed, and its personal data then redacted (retention).
		if _, _, err := f.db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, shikayat.SystemActor, ""); err != nil {
			t.Fatal(err)
		}
		if n, err := f.db.RedactClosedBefore(ctx, time.Now().Add(time.Hour), 10); err != nil || n != 1 {
			t.Fatalf("redacted %d complaints (%v), want 1", n, err)
		}
		for _, key := range []string{ack(c).ReplyKey(), args.ReplyKey()} {
			if r := f.reply(t, key); r.State != shikayat.ReplyUnverified || !r.Redacted {
				t.Fatalf("%s is %s (redacted %v), want %s and masked", key, r.State, r.Redacted, shikayat.ReplyUnverified)
			}
		}
		clk.Add(4 * time.Minute) // both posts show on X now
		f.sender.TryTime = 0
		// The acknowledgement is looked for first.
		for i := 0; i < 3; i++ {
			f.sender.Acknowledge(ctx, ack(c))
		}
		if a := f.reply(t, ack(c).ReplyKey()); a.State != shikayat.ReplySent {
			t.Fatalf("the acknowledgement is %s (%q), want sent: its post shows", a.State, a.Error)
		}
		for i := 0; i < 3; i++ {
			f.sender.Reply(ctx, args)
		}
		a, s := f.reply(t, ack(c).ReplyKey()), f.reply(t, args.ReplyKey())
		if a.PostedID != ackPost || s.PostedID != staffPost {
			t.Fatalf("acknowledgement %s posted %q, staff reply %s posted %q; want %s and %s",
				a.State, a.PostedID, s.State, s.PostedID, ackPost, staffPost)
		}
		if a.State != shikayat.ReplySent || s.State != shikayat.ReplySent {
			t.Fatalf("states %s and %s, want both sent", a.State, s.State)
		}
		if n := f.ownReplies(c.SourcePostID); n != 2 {
			t.Fatalf("%d replies on X, want the 2 of the first tries", n)
		}
	})
}
