package replies_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// TestClosingReplyInvitesARating: closing a complaint replies with how it
// ended and an invitation to rate it 1–5; the closing note goes out only
// when it was marked public, masked, and is left out when it would not fit
// in one post.
func TestClosingReplyInvitesARating(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		for _, tc := range []struct {
			name, note string
			public     bool
			want, not  []string
			sensitive  bool
		}{
			{"a private note stays private", "accused is the neighbour Ramesh", false,
				[]string{"closed: FIR registered", "Reply 1–5"}, []string{"Ramesh"}, false},
			{"a public note goes out masked", "Bike returned. Call 9876543210", true,
				[]string{"FIR registered.", "Bike returned. Call 98XXXXXX10", "Reply 1–5"}, []string{"9876543210"}, false},
			{"a public note too long for X is left out", strings.Repeat("long note ", 40), true,
				[]string{"FIR registered.", "Reply 1–5"}, []string{"long note"}, false},
			{"a sensitive complaint's public note stays off X", "Victim counselled at home", true,
				[]string{"is closed.", "Reply 1–5"}, []string{"Victim", "FIR registered"}, true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c := f.complaint(t, "my bike was stolen "+tc.name, shikayat.ClassMidTerm)
				if tc.sensitive {
					yes := true
					if _, _, err := f.db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes}, shikayat.SystemActor, ""); err != nil {
						t.Fatal(err)
					}
				}
				_, ev, err := f.db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionFIRRegistered,
					Note: tc.note, Public: tc.public}, shikayat.SystemActor, "")
				if err != nil {
					t.Fatal(err)
				}
				if err := f.sender.Reply(ctx, jobs.ReplyArgs{ComplaintID: c.ID, EventID: ev.ID}); err != nil {
					t.Fatal(err)
				}
				var text string
				for _, p := range f.sim.AccountPosts() {
					if strings.Contains(p.Text, c.Code) {
						text = p.Text
					}
				}
				for _, w := range tc.want {
					if !strings.Contains(text, w) {
						t.Errorf("closing reply %q lacks %q", text, w)
					}
				}
				for _, w := range tc.not {
					if strings.Contains(text, w) {
						t.Errorf("closing reply %q shows %q", text, w)
					}
				}
				if n := shikayat.XWeightedLength(text); n > shikayat.XMaxWeighted {
					t.Errorf("closing reply is %d long on X", n)
				}
			})
		}
	})
}

// A complaint reopened (by staff, or on the citizen's appeal) before its
// closing reply went out is no longer closed: that reply is not sent. It
// is settled as given up, with its reason and an internal event on the
// complaint. Closed again, the new closing reply goes out.
func TestClosingReplyToAReopenedComplaintIsNotSent(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		act := func(t *testing.T, c *shikayat.Complaint, a shikayat.Action) *shikayat.Event {
			t.Helper()
			_, ev, err := f.db.ApplyAction(ctx, c.Code, a, shikayat.SystemActor, "")
			if err != nil {
				t.Fatal(err)
			}
			return ev
		}
		closeIt := shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}
		closings := func(c *shikayat.Complaint) int {
			n := 0
			for _, p := range f.sim.AccountPosts() {
				if strings.Contains(p.Text, c.Code) && strings.Contains(p.Text, "Reply 1–5") {
					n++
				}
			}
			return n
		}
		for _, tc := range []struct {
			name   string
			reopen shikayat.Action
		}{
			{"reopened by staff", shikayat.Action{Kind: shikayat.ActionReopen, Reason: "the stolen bike was not returned"}},
			{"reopened on appeal", shikayat.Action{Kind: shikayat.ActionReopen, Appeal: shikayat.AppealRating}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c := f.complaint(t, "my bike was stolen "+tc.name, shikayat.ClassMidTerm)
				closed := act(t, c, closeIt)
				act(t, c, tc.reopen)
				args := jobs.ReplyArgs{ComplaintID: c.ID, EventID: closed.ID}
				if err := f.sender.Reply(ctx, args); err != nil {
					t.Fatal(err)
				}
				if n := closings(c); n != 0 {
					t.Fatalf("%d closing replies on X for a complaint reopened", n)
				}
				r := f.reply(t, args.ReplyKey())
				if r.State != shikayat.ReplyFailed || !strings.Contains(r.Error, "reopened") {
					t.Fatalf("the closing reply is %s (%q), want given up as the complaint was reopened", r.State, r.Error)
				}
				if evs := f.events(t, c, "reply_given_up"); len(evs) != 1 || evs[0].Public {
					t.Fatalf("events %+v, want one internal reply_given_up", evs)
				}
				// Closed again: that closing reply goes out, once; the
				// first still does not.
				again := jobs.ReplyArgs{ComplaintID: c.ID, EventID: act(t, c, closeIt).ID}
				for _, a := range []jobs.ReplyArgs{args, again, args} {
					if err := f.sender.Reply(ctx, a); err != nil {
						t.Fatal(err)
					}
				}
				if n := closings(c); n != 1 {
					t.Fatalf("%d closing replies on X, want the second closing's", n)
				}
				if r := f.reply(t, again.ReplyKey()); r.State != shikayat.ReplySent {
					t.Fatalf("the second closing reply is %s (%q), want sent", r.State, r.Error)
				}
			})
		}
	})
}

// reopenOnWait reopens the complaint the first time the sender asks the
// queue whether a more urgent reply waits: the last thing it does before it
// takes its turn to send, after it waited on X and looked at its posts.
type reopenOnWait struct {
	t    *testing.T
	f    *fixture
	c    *shikayat.Complaint
	done bool
}

func (q *reopenOnWait) MoreUrgentWaiting(ctx context.Context) (bool, error) {
	if !q.done {
		q.done = true
		if _, _, err := q.f.db.ApplyAction(ctx, q.c.Code, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "not returned"}, shikayat.SystemActor, ""); err != nil {
			q.t.Error(err)
		}
	}
	return false, nil
}

// The complaint is reopened while its closing reply's job waits (it
// settles after a try of unknown outcome, looks at X's posts): the reply
// is not sent when its turn comes, as the complaint no longer stands closed
// by that close. It is given up, and looked for on X, where the first try
// did not post it.
func TestClosingReplyNotSentAfterAReopenWhileItWaits(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		c := f.complaint(t, "my bike was stolen at the fair", shikayat.ClassMidTerm)
		_, ev, err := f.db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, shikayat.SystemActor, "")
		if err != nil {
			t.Fatal(err)
		}
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultStatus, Status: http.StatusServiceUnavailable, Count: 1}); err != nil {
			t.Fatal(err)
		}
		f.sender.ReadLag = time.Millisecond
		args := jobs.ReplyArgs{ComplaintID: c.ID, EventID: ev.ID}
		if err := f.sender.Reply(ctx, args); !isSnooze(err) {
			t.Fatalf("after the 503: %v, want a wait on X", err)
		}
		f.sender.Queue = &reopenOnWait{t: t, f: f, c: c}
		f.sender.Reply(ctx, args)
		f.sender.Queue = nil
		for i := 0; i < 3; i++ {
			f.sender.Reply(ctx, args)
		}
		for _, p := range f.sim.AccountPosts() {
			if strings.Contains(p.Text, c.Code) && strings.Contains(p.Text, "Reply 1–5") {
				t.Fatalf("a closing reply went out for a complaint reopened before it was sent: %q", p.Text)
			}
		}
		if r := f.reply(t, args.ReplyKey()); r.State != shikayat.ReplyFailed {
			t.Fatalf("the closing reply is %s (%q), want given up and found not posted", r.State, r.Error)
		}
		if evs := f.events(t, c, "reply_given_up"); len(evs) != 1 || !strings.Contains(evs[0].Note, "reopened") {
			t.Fatalf("events %+v, want one reply_given_up as the complaint was reopened", evs)
		}
	})
}
