package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestRestoreSettlesRedactedReplies: a restore puts the copy's replies
// that were waiting back to 'sending', to be looked for on X before any
// new try; one whose complaint was erased goes through the same settling
// as every other move of a reply: it is given up unverified (looked for,
// never sent again), its text masked and matched by its digest.
func TestRestoreSettlesRedactedReplies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		cid := complaintID(t, db, d.mine[0])
		text := "@user7 we called you on 9876543210"
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "restored:1", ComplaintID: cid, InReplyTo: "101", Text: text, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.MarkReplySending(ctx, r.ID, "", 0, 35*time.Second, 100); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		if _, err := db.MarkRestored(ctx, "x:mentions"); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindReply(ctx, r.Key)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != shikayat.ReplyUnverified || got.Text != shikayat.MaskContacts(text) || !got.Redacted {
			t.Fatalf("after the restore: %s %q (redacted %v); want given up unverified, masked, marked redacted", got.State, got.Text, got.Redacted)
		}
		if turn, err := db.MarkReplySending(ctx, r.ID, "", got.Attempts, 35*time.Second, 100); err != nil || turn != store.TurnLost {
			t.Fatalf("a new try of the erased complaint's reply: %v, %v; want it refused", turn, err)
		}
		if found := columnsHolding(t, db, "9876543210"); len(found) > 0 {
			t.Errorf("the erased citizen's number is held in %v", found)
		}
		if rep := verify(t, db); rep.Failure != nil {
			t.Fatalf("verify: %+v", rep.Failure)
		}
	})
}
