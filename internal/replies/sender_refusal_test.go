package replies_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/replies"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// events returns the complaint's events with the given action.
func (f *fixture) events(t *testing.T, c *shikayat.Complaint, action string) []*shikayat.Event {
	t.Helper()
	got, err := f.db.FindComplaintByID(context.Background(), c.ID, shikayat.SystemScope())
	if err != nil {
		t.Fatal(err)
	}
	var out []*shikayat.Event
	for _, e := range got.Events {
		if e.Action == action {
			out = append(out, e)
		}
	}
	return out
}

func isSnooze(err error) bool {
	var snooze *rivertype.JobSnoozeError
	return errors.As(err, &snooze)
}

// A staff reply with the same text as an earlier one: X refuses it as a
// duplicate. After a try that certainly did not post (429) or one that
// did not post although its outcome was unknown (5xx), the 403 is no proof
// that this reply went out: it fails, with a trace on the desk, and no
// empty post id is ever recorded.
func TestDuplicateOfAnotherReplyIsNotSent(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		for _, first := range []xsim.Fault{
			{Endpoint: "create_post", Kind: xsim.Fault429, Count: 1, ResetSeconds: 1},
			{Endpoint: "create_post", Kind: xsim.Fault5xx, Count: 1},
		} {
			t.Run(first.Kind, func(t *testing.T) {
				f := setup(t, dsn(), xsim.Options{})
				c := f.complaint(t, "chain snatched outside the temple", shikayat.ClassMidTerm)
				if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
					t.Fatal(err)
				}
				a1 := f.staffReply(t, c, "Please share your phone number")
				if err := f.sender.Reply(ctx, a1); err != nil {
					t.Fatal(err)
				}
				a2 := f.staffReply(t, c, "Please share your phone number")
				if err := f.sim.SetFault(first); err != nil {
					t.Fatal(err)
				}
				for i := 0; i < 4; i++ {
					f.sender.Reply(ctx, a2)
				}
				r, err := f.db.FindReply(ctx, a2.ReplyKey())
				if err != nil {
					t.Fatal(err)
				}
				if r.State != shikayat.ReplyFailed {
					t.Fatalf("reply 2 is %s (posted %q), want failed: X never posted it", r.State, r.PostedID)
				}
				if n := len(f.replied(t, c)); n != 2 {
					t.Fatalf("%d replied events, want 2 (the acknowledgement and reply 1)", n)
				}
				if ev := f.events(t, c, "reply_failed"); len(ev) != 1 || ev[0].Public || ev[0].Detail["key"] != a2.ReplyKey() {
					t.Fatalf("reply_failed events %+v, want one internal event for %s", ev, a2.ReplyKey())
				}
			})
		}
	})
}

// A reply X refuses for good leaves an internal event on the complaint; a
// 408 (request timeout) is an unknown outcome, not a refusal.
func TestRefusedReplyLeavesATrace(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		t.Run("409 fails with an event", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			c := f.complaint(t, "phone stolen in the bus", shikayat.ClassMidTerm)
			if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultStatus, Status: 409}); err != nil {
				t.Fatal(err)
			}
			if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
				t.Fatalf("a refusal for good should end the job: %v", err)
			}
			r, err := f.db.FindReply(ctx, ack(c).ReplyKey())
			if err != nil {
				t.Fatal(err)
			}
			if r.State != shikayat.ReplyFailed {
				t.Fatalf("reply is %s, want failed", r.State)
			}
			if ev := f.events(t, c, "reply_failed"); len(ev) != 1 || ev[0].Public {
				t.Fatalf("reply_failed events %+v, want one internal event", ev)
			}
			n, err := f.db.CountFailedReplies(ctx)
			if err != nil || n != 1 {
				t.Fatalf("failed replies counted %d (%v), want 1", n, err)
			}
		})
		t.Run("408 is uncertain", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			c := f.complaint(t, "phone stolen in the metro", shikayat.ClassMidTerm)
			if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultStatus, Status: 408}); err != nil {
				t.Fatal(err)
			}
			if err := f.sender.Acknowledge(ctx, ack(c)); !isSnooze(err) {
				t.Fatalf("after a 408: %v, want a wait on X", err)
			}
			r, err := f.db.FindReply(ctx, ack(c).ReplyKey())
			if err != nil {
				t.Fatal(err)
			}
			if r.State != shikayat.ReplySending {
				t.Fatalf("after a 408 the reply is %s, want sending (outcome unknown)", r.State)
			}
			f.sender.Acknowledge(ctx, ack(c))
			if n := f.ownReplies(c.SourcePostID); n != 1 {
				t.Fatalf("%d replies on X after a 408, want 1", n)
			}
		})
	})
}

// A job with less than a try's time left puts itself back before the POST,
// and a wait cut off by the job's end is a snooze, not a failed attempt.
func TestSenderStopsBeforeTheJobEnds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		t.Run("no POST near the end", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			c := f.complaint(t, "purse snatched", shikayat.ClassMidTerm)
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			if err := f.sender.Acknowledge(ctx, ack(c)); !isSnooze(err) {
				t.Fatalf("with a second left: %v, want a snooze", err)
			}
			if n := f.ownReplies(c.SourcePostID); n != 0 {
				t.Fatalf("%d posts started with a second of the job left", n)
			}
			if err := f.sender.Acknowledge(context.Background(), ack(c)); err != nil {
				t.Fatal(err)
			}
			if n := f.ownReplies(c.SourcePostID); n != 1 {
				t.Fatalf("%d replies, want 1", n)
			}
		})
		t.Run("a cut-off wait is a snooze", func(t *testing.T) {
			f := setup(t, dsn(), xsim.Options{})
			c := f.complaint(t, "scooter stolen", shikayat.ClassMidTerm)
			if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.Fault5xx, Count: 1}); err != nil {
				t.Fatal(err)
			}
			f.sender.Acknowledge(context.Background(), ack(c)) // uncertain: the next try settles first
			f.sender.Settle = time.Minute
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			if err := f.sender.Acknowledge(ctx, ack(c)); !isSnooze(err) {
				t.Fatalf("settle cut off by the job's end: %v, want a snooze", err)
			}
		})
	})
}

// A reply given up while its last try's outcome was unknown is not simply
// failed: the next job looks at X, and records it sent if it was posted.
func TestGivenUpWhileSendingIsChecked(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		for _, tc := range []struct {
			fault  string
			posted bool
		}{{xsim.FaultAcceptedDropped, true}, {xsim.Fault5xx, false}} {
			t.Run(tc.fault, func(t *testing.T) {
				f := setup(t, dsn(), xsim.Options{})
				c := f.complaint(t, "laptop stolen from the car", shikayat.ClassMidTerm)
				if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: tc.fault, Count: 1}); err != nil {
					t.Fatal(err)
				}
				f.sender.Acknowledge(ctx, ack(c))
				r, err := f.db.FindReply(ctx, ack(c).ReplyKey())
				if err != nil {
					t.Fatal(err)
				}
				if r.State != shikayat.ReplySending {
					t.Fatalf("reply is %s, want sending", r.State)
				}
				if err := f.db.GiveUpReply(ctx, r.ID, "hq.admin", "the citizen was called"); err != nil {
					t.Fatal(err)
				}
				// Judged once X's read side has had the time it may lag.
				f.sender.Now = func() time.Time { return time.Now().Add(replies.DefaultReadLag) }
				if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
					t.Fatal(err)
				}
				r, err = f.db.FindReply(ctx, ack(c).ReplyKey())
				if err != nil {
					t.Fatal(err)
				}
				want := shikayat.ReplyFailed
				if tc.posted {
					want = shikayat.ReplySent
				}
				if r.State != want || (tc.posted && r.PostedID == "") {
					t.Fatalf("reply is %s (posted %q), want %s", r.State, r.PostedID, want)
				}
				if n := f.ownReplies(c.SourcePostID); n != map[bool]int{true: 1, false: 0}[tc.posted] {
					t.Fatalf("%d replies on X", n)
				}
			})
		}
	})
}
