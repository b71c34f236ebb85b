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

// A "replied" note replaced by the marker behind the store's back, with a
// forged redaction event naming the event's own note digest (which anyone
// reading the row has), fails audit verify: the marker stands only where
// the complaint or the post the reply answers was redacted.
func TestMarkerWithoutARedactionFailsVerify(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		sendReply(t, db, cid, "note:1", "We have recovered your phone; collect it at Hazratganj station.", "9300")
		var id int64
		var digest string
		if err := db.SQL().QueryRow(`SELECT id, note_digest FROM events WHERE complaint_id = $1 AND action = 'replied'`, cid).Scan(&id, &digest); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().Exec(`UPDATE events SET note = $1, salt = '' WHERE id = $2`, store.RedactedNote, id); err != nil {
			t.Fatal(err)
		}
		d.clk.Add(time.Minute)
		if err := db.ForgeEvent(ctx, cid, &shikayat.Event{At: d.clk.Now(), Actor: shikayat.SystemActor.Name(), Action: store.RedactedAction,
			Note: "The post was deleted on X.", Detail: map[string]string{store.MaskedRepliesKey: fmt.Sprintf("%d:%s", id, digest)}}); err != nil {
			t.Fatal(err)
		}
		rep := verify(t, db)
		if rep.Failure == nil || rep.Failure.EventID != id {
			t.Fatalf("verify = %+v; want a failure naming event %d, blanked with no redaction of its complaint or post", rep.Failure, id)
		}
	})
}

// A reply a node handed to X and then lost track of (a crash), given up
// when its person is erased: its time of doubt is the try's, so that the
// post that try made is found on X and the reply recorded as sent, not
// the moment the refusal came.
func TestGivenUpReplyKeepsItsTryTime(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "turn:1", ComplaintID: cid, InReplyTo: "101", Text: "@user7 we called you on 9876543299", Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if turn, err := db.MarkReplySending(ctx, r.ID, "", 0, 35*time.Second, 100); err != nil || turn != store.TurnWon {
			t.Fatalf("first turn = %v, %v", turn, err)
		}
		tried := d.clk.Now()
		if _, err := db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		d.clk.Add(10 * time.Minute)
		if turn, err := db.MarkReplySending(ctx, r.ID, "", 1, 35*time.Second, 100); err != nil || turn == store.TurnWon {
			t.Fatalf("turn after the erasure = %v, %v; want it refused", turn, err)
		}
		got, err := db.FindReply(ctx, r.Key)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != shikayat.ReplyUnverified || got.UnsureSince == nil || got.UnsureSince.After(tried.Add(time.Second)) {
			t.Fatalf("state %s, unsure since %v; want given up unverified since the try at %v", got.State, got.UnsureSince, tried)
		}
	})
}
