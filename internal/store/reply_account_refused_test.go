package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// accountsComplaint records a complaint from a post with the given
// mentions, at district, and returns it.
func accountsComplaint(t *testing.T, db *store.DB, id string, mentions []string, district int) *shikayat.Complaint {
	t.Helper()
	ctx := context.Background()
	db.SetAccounts(shikayat.Accounts{
		{Username: "Uppolice", UnitID: shikayat.HQUnitID},
		{Username: "lucknowpolice", UnitID: "district:162"},
		{Username: "ghaziabadpolice", UnitID: "district:145"},
	})
	tr := &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm,
		Type: shikayat.TypeTheft, District: district, DistrictConfidence: 0.9, Confidence: 0.95, Handling: shikayat.HandlingAcknowledge}
	in := shikayat.Incoming{
		Post: &shikayat.Post{ID: id, Text: "bike stolen", AuthorID: "u" + id, AuthorUsername: "citizen" + id,
			CreatedAt: time.Now(), ConversationID: id, Mentions: mentions},
		// Recorded from a push that took it for answerable: the store
		// decides from the mentions.
		Triage: tr, MentionsAccount: true, Forward: district != 0,
	}
	if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in}); err != nil {
		t.Fatal(err)
	}
	c, err := db.FindComplaintByPost(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A staff reply to a complaint whose post mentioned none of the force's
// accounts is refused with the reason, not accepted and dropped: no account
// may answer it on X. Closing it still works, without a closing reply.
func TestStaffReplyRefusedWhenNoAccountWasMentioned(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		jobs := &jobLog{}
		db := open(t, dsn(), store.Options{Jobs: jobs})
		c := accountsComplaint(t, db, "2001", []string{"DelhiPolice"}, 162)
		hq := shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq", Scope: shikayat.SystemScope()}
		_, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionReply, Text: "We are looking into it."}, hq, "")
		if shikayat.ErrorCode(err) != shikayat.EINVALID || !strings.Contains(shikayat.ErrorMessage(err), "mention") {
			t.Fatalf("a reply no account may send: %v; want it refused, saying the post mentioned no account of the force", err)
		}
		after, err := db.FindComplaintByID(ctx, c.ID, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range after.Events {
			if e.Action == string(shikayat.ActionReply) {
				t.Fatalf("the refused reply was recorded: %+v", e)
			}
		}
		if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Text: "recovered"}, hq, ""); err != nil {
			t.Fatalf("closing a complaint no account may answer: %v", err)
		}
		for _, j := range jobs.jobs {
			if j.Kind == shikayat.JobReply {
				t.Fatalf("a reply job was queued for a post no account may answer: %+v", j)
			}
		}
	})
}

// A redacted post's reply goes from an account the post mentioned, never
// from the state account it did not mention: the force's accounts a post
// mentioned are kept through redaction.
func TestRedactedPostRepliedFromAnAccountItMentioned(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		jobs := &jobLog{}
		db := open(t, dsn(), store.Options{Jobs: jobs})
		c := accountsComplaint(t, db, "2002", []string{"ghaziabadpolice", "someone_else"}, 162)
		if _, err := db.RedactDeletedPosts(ctx, []string{"2002"}); err != nil {
			t.Fatal(err)
		}
		hq := shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq", Scope: shikayat.SystemScope()}
		if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionReply, Text: "We are looking into it."}, hq, ""); err != nil {
			t.Fatal(err)
		}
		var from []string
		for _, j := range jobs.jobs {
			if j.Kind == shikayat.JobReply {
				from = append(from, j.Account)
			}
		}
		if len(from) != 1 || from[0] != "ghaziabadpolice" {
			t.Fatalf("the redacted post's reply goes from %v; want @ghaziabadpolice, the one account it mentioned", from)
		}
	})
}

// A reply whose account was removed from --accounts moves to an account
// its post mentioned that is still listed, only if it was never handed to
// X; otherwise, or when its post mentioned no listed account, it stays and
// is reported.
func TestMoveReplyAccountOfRemovedAccount(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{Jobs: &jobLog{}})
		both := accountsComplaint(t, db, "3001", []string{"Uppolice", "varanasipolice"}, 162)
		only := accountsComplaint(t, db, "3002", []string{"varanasipolice"}, 162)
		tried := accountsComplaint(t, db, "3003", []string{"Uppolice", "varanasipolice"}, 162)
		claim := func(c *shikayat.Complaint) *shikayat.Reply {
			r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "ack:" + c.SourcePostID, Account: "varanasipolice", ComplaintID: c.ID, InReplyTo: c.SourcePostID, Text: "x"})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		rBoth, rOnly, rTried := claim(both), claim(only), claim(tried)
		if _, err := db.MarkReplySending(ctx, rTried.ID, rTried.Account, rTried.Attempts, time.Minute, 100); err != nil {
			t.Fatal(err)
		}
		// varanasipolice is not among the accounts (accountsComplaint's).
		if to, why, err := db.MoveReplyAccount(ctx, rBoth.ID); err != nil || why != "" || to != "Uppolice" {
			t.Fatalf("never tried, post mentioned @Uppolice: moved to %q (%q, %v); want Uppolice", to, why, err)
		}
		if to, why, err := db.MoveReplyAccount(ctx, rOnly.ID); err != nil || why == "" || to != "varanasipolice" {
			t.Fatalf("post mentioned no listed account: %q (%q, %v); want it left, with the reason", to, why, err)
		}
		if to, why, err := db.MoveReplyAccount(ctx, rTried.ID); err != nil || why == "" || to != "varanasipolice" {
			t.Fatalf("handed to X before: %q (%q, %v); want it left, with the reason", to, why, err)
		}
		rep, err := db.RepliesOnGoneAccounts(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Count != 2 || len(rep.ByAccount["varanasipolice"]) != 2 || !strings.Contains(rep.Public(), "@varanasipolice") {
			t.Fatalf("report %+v: want the two replies left on @varanasipolice", rep)
		}
	})
}
