package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestRedactedRepliesAreMaskedWhenSettled: a redaction leaves the text of
// a reply whose outcome is unknown as it is, for its sender matches X's
// posts by it; once the reply settles, whichever way (found posted, not
// found, given up, refused for good, sent), its text is masked like the
// others', in the reply and in the trail, and a reply that certainly did
// not go out and waits again is given up, never sent.
func TestRedactedRepliesAreMaskedWhenSettled(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const inFlight = 35 * time.Second
	// Each redaction, and what no table may hold after it: a post
	// deleted on X leaves its author's other posts, handle and all.
	type redaction struct {
		redact func(d *privacyDesk) error
		gone   []string
	}
	redactions := map[string]redaction{
		"erasure": {func(d *privacyDesk) error {
			_, err := d.db.ErasePerson(ctx, "user7", "DPO ticket 42", true)
			return err
		}, []string{"user7", "98765432"}},
		"deleted on X": {func(d *privacyDesk) error {
			_, err := d.db.RedactDeletedPosts(ctx, []string{"101"})
			return err
		}, []string{"98765432"}},
	}
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		for name, rd := range redactions {
			t.Run(name, func(t *testing.T) {
				d := newPrivacyDesk(t, dsn())
				db := d.db
				var cid int64
				if err := db.SQL().QueryRow(`SELECT id FROM complaints WHERE code = $1`, d.mine[0]).Scan(&cid); err != nil {
					t.Fatal(err)
				}
				n := 0
				// sending claims a reply and leaves it 'sending'; unsure
				// leaves it pending again after a try of unknown outcome.
				sending := func() *shikayat.Reply {
					t.Helper()
					n++
					r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: fmt.Sprintf("note-%d:%d", n, cid), ComplaintID: cid, InReplyTo: "101",
						Text: fmt.Sprintf("@user7 we called you on 98765432%02d, ref n%d", n, n), Lang: "en"})
					if err != nil {
						t.Fatal(err)
					}
					if turn, err := db.MarkReplySending(ctx, r.ID, "", 0, inFlight, 100); err != nil || turn != 0 {
						t.Fatalf("sending: %v, %v", turn, err)
					}
					r.Attempts = 1
					return r
				}
				unsure := func() *shikayat.Reply {
					t.Helper()
					r := sending()
					d.clk.Add(inFlight)
					if turn, err := db.MarkReplySending(ctx, r.ID, "", 1, inFlight, 100); err != nil || turn != 0 {
						t.Fatalf("take-over: %v, %v", turn, err)
					}
					if won, err := db.MarkReplyPending(ctx, r.ID, 2, "rate limited"); err != nil || !won {
						t.Fatalf("pending: %v, %v", won, err)
					}
					r.Attempts = 2
					return r
				}
				sentAfter, failedAfter, pendingAfter, unseenAfter := sending(), sending(), sending(), sending()
				if won, err := db.MarkReplyUnseen(ctx, unseenAfter.ID, 1, "duplicate content"); err != nil || !won {
					t.Fatalf("unseen: %v, %v", won, err)
				}
				foundAfter, notFoundAfter := unsure(), unsure()
				if err := rd.redact(d); err != nil {
					t.Fatal(err)
				}
				// Before settling, a reply being sent keeps its text (its
				// sender has it in hand); one given up unverified (X called
				// it a duplicate, or an unsure one given up by the
				// redaction) is masked at once, and keeps the digest of its
				// text for the look on X.
				if got, err := db.FindReply(ctx, sentAfter.Key); err != nil || got.Text != sentAfter.Text {
					t.Fatalf("reply %s before settling: %v, %v, want its text kept for its sender", sentAfter.Key, got, err)
				}
				for _, r := range []*shikayat.Reply{foundAfter, unseenAfter} {
					got, err := db.FindReply(ctx, r.Key)
					if err != nil {
						t.Fatal(err)
					}
					if got.Text != shikayat.MaskContacts(r.Text) || !got.Redacted {
						t.Fatalf("reply %s before settling: %q (redacted %v), want it masked, marked redacted", r.Key, got.Text, got.Redacted)
					}
				}
				if ok, err := db.MarkReplySent(ctx, sentAfter.ID, "9101"); err != nil || !ok {
					t.Fatalf("sent: %v, %v", ok, err)
				}
				if won, err := db.MarkReplyFailed(ctx, failedAfter.ID, 1, "forbidden"); err != nil || !won {
					t.Fatalf("failed: %v, %v", won, err)
				}
				if won, err := db.MarkReplyPending(ctx, pendingAfter.ID, 1, "rate limited"); err != nil || !won {
					t.Fatalf("pending: %v, %v", won, err)
				}
				if err := db.GiveUpReply(ctx, unseenAfter.ID, "hq", "not on X"); err != nil {
					t.Fatal(err)
				}
				if ok, err := db.MarkReplySent(ctx, foundAfter.ID, "9102"); err != nil || !ok {
					t.Fatalf("found: %v, %v", ok, err)
				}
				if won, err := db.MarkUnverifiedNotPosted(ctx, notFoundAfter.ID, "not found on X"); err != nil || !won {
					t.Fatalf("not found: %v, %v", won, err)
				}
				for _, r := range []*shikayat.Reply{sentAfter, failedAfter, pendingAfter, unseenAfter, foundAfter, notFoundAfter} {
					got, err := db.FindReply(ctx, r.Key)
					if err != nil {
						t.Fatal(err)
					}
					if want := shikayat.MaskContacts(r.Text); got.Text != want {
						t.Errorf("reply %s (%s) after settling: %q, want %q", r.Key, got.State, got.Text, want)
					}
					if got.State == shikayat.ReplyPending || got.State == shikayat.ReplySending {
						t.Errorf("reply %s waits to be sent (%s) on a redacted post", r.Key, got.State)
					}
				}
				for _, s := range rd.gone {
					if found := columnsHolding(t, db, s); len(found) > 0 {
						t.Errorf("%q is still held in %v", s, found)
					}
				}
				c, err := db.FindComplaint(ctx, d.mine[0], shikayat.SystemScope())
				if err != nil {
					t.Fatal(err)
				}
				replied := 0
				for _, e := range c.Events {
					if e.Action == "replied" && strings.Contains(e.Note, "@***") {
						replied++
					}
				}
				if replied != 2 {
					t.Errorf("%d masked replied events, want 2", replied)
				}
				if rep := verify(t, db); rep.Failure != nil {
					t.Fatalf("verify: %v", rep.Failure)
				}
			})
		}
	})
}
