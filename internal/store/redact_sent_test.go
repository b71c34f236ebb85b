package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// sendReply claims a reply to post 101 of complaint cid and records it sent
// as postedID.
func sendReply(t *testing.T, db *store.DB, cid int64, key, text, postedID string) *shikayat.Reply {
	t.Helper()
	ctx := context.Background()
	r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: key, ComplaintID: cid, InReplyTo: "101", Text: text, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MarkReplySending(ctx, r.ID, "", 0, 35*time.Second, 100); err != nil {
		t.Fatal(err)
	}
	if ok, err := db.MarkReplySent(ctx, r.ID, postedID); err != nil || !ok {
		t.Fatal(ok, err)
	}
	return r
}

// unseenReply claims a reply to post 101 of complaint cid that X called a
// duplicate after a try of unknown outcome: given_up_unverified until a
// person (or its sender's look at X) settles it.
func unseenReply(t *testing.T, d *privacyDesk, cid int64, key, text string) *shikayat.Reply {
	t.Helper()
	ctx := context.Background()
	db := d.db
	r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: key, ComplaintID: cid, InReplyTo: "101", Text: text, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MarkReplySending(ctx, r.ID, "", 0, 35*time.Second, 100); err != nil {
		t.Fatal(err)
	}
	d.clk.Add(35 * time.Second)
	if _, err := db.MarkReplySending(ctx, r.ID, "", 1, 35*time.Second, 100); err != nil {
		t.Fatal(err)
	}
	if won, err := db.MarkReplyUnseen(ctx, r.ID, 2, "duplicate content"); err != nil || !won {
		t.Fatal("unseen", won, err)
	}
	return r
}

func complaintID(t *testing.T, db *store.DB, code string) int64 {
	t.Helper()
	var cid int64
	if err := db.SQL().QueryRow(`SELECT id FROM complaints WHERE code = $1`, code).Scan(&cid); err != nil {
		t.Fatal(err)
	}
	return cid
}

// A reply sent before the erasure quotes the citizen's contact details in
// its "replied" event as well as in its row: the erasure masks the row and
// replaces the event's note by the marker, and the trail still verifies.
func TestErasureMasksRepliedEventsSentBefore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		sendReply(t, db, cid, "before:1", "@user7 we called you on 9876543210", "9100")
		if found := columnsHolding(t, db, "9876543210"); len(found) < 2 {
			t.Fatalf("the sent reply's number is held only in %v", found)
		}
		if _, err := db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"9876543210", "user7"} {
			if found := columnsHolding(t, db, s); len(found) > 0 {
				t.Errorf("%q still held in %v", s, found)
			}
		}
		if rep := verify(t, db); rep.Failure != nil {
			t.Fatalf("verify after erasure: %+v", rep.Failure)
		}
		// The public trail keeps the event, its note replaced by the marker.
		var note string
		if err := db.SQL().QueryRow(`SELECT note FROM events WHERE complaint_id = $1 AND action = 'replied'`, cid).Scan(&note); err != nil {
			t.Fatal(err)
		}
		if note != store.RedactedNote {
			t.Errorf("replied note = %q, want %q", note, store.RedactedNote)
		}
	})
}

// A masked "replied" note is vouched for by the redaction event that
// follows it: editing it afterwards fails verification.
func TestErasureMaskedRepliedEventTamperFails(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		sendReply(t, db, cid, "before:1", "@user7 we called you on 9876543210", "9100")
		if _, err := db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		var id int64
		if err := db.SQL().QueryRow(`SELECT id FROM events WHERE complaint_id = $1 AND action = 'replied'`, cid).Scan(&id); err != nil {
			t.Fatal(err)
		}
		tamper(t, db, fmt.Sprintf(`UPDATE events SET note = 'We never called.' WHERE id = %d`, id))
		if rep := verify(t, db); rep.Failure == nil || rep.Failure.EventID != id {
			t.Fatalf("verify after an edit of a masked reply: %+v", rep.Failure)
		}
	})
}

// A reply X called a duplicate whose post never showed waits for a person
// with its text; the erasure masks that text at once and keeps no digest of
// it (one of a template with few unknowns gives them back to a guesser).
func TestErasureMasksUnseenReplies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		text := "@user7 ring 9876543299"
		r := unseenReply(t, d, cid, "dup:1", text)
		if _, err := db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"9876543299", "user7"} {
			if found := columnsHolding(t, db, s); len(found) > 0 {
				t.Errorf("%q still held in %v", s, found)
			}
		}
		if found := digestsHeld(t, db, text); len(found) > 0 {
			t.Errorf("a digest of the erased reply's text is held in %v", found)
		}
		got, err := db.FindReply(ctx, r.Key)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != shikayat.ReplyUnverified {
			t.Fatalf("state = %s, want it left unverified", got.State)
		}
		if !got.Redacted {
			t.Errorf("the reply is not marked redacted: its sender would look for its masked text on X")
		}
		if rep := verify(t, db); rep.Failure != nil {
			t.Fatalf("verify after erasure: %+v", rep.Failure)
		}
	})
}

// A reply that becomes unseen after the erasure (it was being sent) is
// masked when it does.
func TestUnseenAfterErasureMasked(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		text := "@user7 ring 9876543299"
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "dup:2", ComplaintID: cid, InReplyTo: "101", Text: text, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.MarkReplySending(ctx, r.ID, "", 0, 35*time.Second, 100); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		if won, err := db.MarkReplyUnseen(ctx, r.ID, 1, "duplicate content"); err != nil || !won {
			t.Fatal("unseen", won, err)
		}
		if found := columnsHolding(t, db, "9876543299"); len(found) > 0 {
			t.Errorf("still held in %v", found)
		}
		got, _ := db.FindReply(ctx, r.Key)
		if got.State != shikayat.ReplyUnverified || !got.Redacted {
			t.Errorf("the unseen reply is %s (redacted %v); want it unverified, looked for on X by the post it answers", got.State, got.Redacted)
		}
	})
}
