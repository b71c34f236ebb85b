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

// The desk's public "replied" event cannot be rewritten to other text, with
// or without a redaction event that names the new text's digest: the
// events trigger refuses any note but the redaction marker, and audit
// verify accepts the marker only where a redaction event names the event's
// own note digest. The erasure that masks it still verifies.
func TestRepliedNoteCannotBeRewritten(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		sendReply(t, db, cid, "note:1", "We have recovered your phone; collect it at Hazratganj station.", "9300")
		var id int64
		if err := db.SQL().QueryRow(`SELECT id FROM events WHERE complaint_id = $1 AND action = 'replied'`, cid).Scan(&id); err != nil {
			t.Fatal(err)
		}
		forged := "No offence found; complaint closed."
		if _, err := db.SQL().Exec(`UPDATE events SET note = $1, salt = '' WHERE id = $2`, forged, id); err == nil {
			t.Fatalf("the trigger let the replied note be rewritten to %q", forged)
		}
		// The marker is let through, but only a redaction naming the
		// event's own note digest vouches for it.
		if _, err := db.SQL().Exec(`UPDATE events SET note = $1, salt = '' WHERE id = $2`, store.RedactedNote, id); err != nil {
			t.Fatal(err)
		}
		d.clk.Add(time.Minute)
		if err := db.ForgeEvent(ctx, cid, &shikayat.Event{At: d.clk.Now(), Actor: shikayat.SystemActor.Name(), Action: store.RedactedAction,
			Note: "The post was deleted on X.", Detail: map[string]string{store.MaskedRepliesKey: fmt.Sprintf("%d:%s", id, shikayat.PersonalDigest("", store.RedactedNote))}}); err != nil {
			t.Fatal(err)
		}
		if rep := verify(t, db); rep.Failure == nil || rep.Failure.EventID != id {
			t.Errorf("verify = %+v; want the replied event %d named", rep.Failure, id)
		}
	})
}

// The erasure replaces a replied note holding the person's contact details
// by the marker, and the trail still verifies.
func TestErasureRepliedNoteMarkedAndVerifies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		sendReply(t, db, cid, "note:2", "@user7 we called you on 9876543297", "9301")
		if _, err := db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		var note string
		if err := db.SQL().QueryRow(`SELECT note FROM events WHERE complaint_id = $1 AND action = 'replied'`, cid).Scan(&note); err != nil {
			t.Fatal(err)
		}
		if note != store.RedactedNote {
			t.Errorf("replied note after the erasure = %q, want %q", note, store.RedactedNote)
		}
		if rep := verify(t, db); rep.Failure != nil {
			t.Fatalf("verify after the erasure: %+v", rep.Failure)
		}
	})
}
