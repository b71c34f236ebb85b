package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A post acknowledged on X before it was recorded (by the desk a restored
// backup came from) opens a complaint with the code that reply gave, the
// reply recorded as its acknowledgement, sent, and no acknowledgement
// queued. A code another complaint holds, or one whose check symbol fails,
// is not adopted: a new code is drawn and the post acknowledged as usual.
func TestComplaintAdoptsTheCodeOfItsReplyOnX(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		jobs := &countJobs{}
		db := open(t, dsn(), store.Options{Jobs: jobs})
		code, err := shikayat.NewDocket("UP26", nil)
		if err != nil {
			t.Fatal(err)
		}
		prior, ok := shikayat.PriorReplyFrom("9001", "Complaint "+code+" received. Track: https://t.co/abc")
		if !ok {
			t.Fatalf("no prior reply read from a reply naming %s", code)
		}
		in := incoming("501", "501", "5", "my phone was stolen at the bus stand", true)
		in.Prior = &prior
		recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in})
		if err != nil {
			t.Fatal(err)
		}
		if recs[0].ComplaintCode != code {
			t.Fatalf("complaint code %q, want the code of the reply on X %q", recs[0].ComplaintCode, code)
		}
		if n := jobs.acks(recs[0].ComplaintID); n != 0 {
			t.Errorf("%d acknowledgements queued for a post acknowledged already", n)
		}
		r, err := db.FindReply(ctx, "ack:"+itoa(recs[0].ComplaintID))
		if err != nil {
			t.Fatal(err)
		}
		if r.State != shikayat.ReplySent || r.PostedID != "9001" || r.InReplyTo != "501" {
			t.Errorf("acknowledgement = %+v, want sent as post 9001 in reply to 501", r)
		}
		c, err := db.FindComplaint(ctx, code, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		replied := 0
		for _, e := range c.Events {
			if e.Action == "replied" && e.Detail["post_id"] == "9001" {
				replied++
			}
		}
		if replied != 1 {
			t.Errorf("%d replied events for the adopted acknowledgement, want 1", replied)
		}

		// The same code again belongs to the first complaint: not adopted.
		again := incoming("502", "502", "6", "my bag was snatched near the market", true)
		again.Prior = &shikayat.PriorReply{PostID: "9002", Text: prior.Text, Code: code}
		// A code whose check symbol fails is no code.
		typo := incoming("503", "503", "7", "chain snatching in aminabad", true)
		typo.Prior = &shikayat.PriorReply{PostID: "9003", Text: "x", Code: code[:len(code)-1] + flip(code[len(code)-1])}
		recs, err = db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{again, typo})
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs {
			if rec.ComplaintCode == "" || rec.ComplaintCode == code || rec.ComplaintCode == typo.Prior.Code {
				t.Errorf("post %s: code %q, want a new one", rec.PostID, rec.ComplaintCode)
			}
			if n := jobs.acks(rec.ComplaintID); n != 1 {
				t.Errorf("post %s: %d acknowledgements queued, want 1", rec.PostID, n)
			}
		}
	})
}

// Restoring marks the copy: its checkpoint and newest post are kept with
// the moment of the restore; its pending and sending replies become
// uncertain (sending, last tried long ago) so that they are looked for on
// X before any try; its leases go.
func TestMarkRestored(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now, Jobs: &countJobs{}})
		if _, ok, err := db.Restored(ctx); err != nil || ok {
			t.Fatalf("a new database reads as restored: %v, %v", ok, err)
		}
		if ok, err := db.AcquireLease(ctx, "x-intake", "old-node", time.Hour); err != nil || !ok {
			t.Fatal(ok, err)
		}
		fence := store.Fence{Lease: "x-intake", Holder: "old-node"}
		recs, err := db.RecordPosts(ctx, fence, "x:mentions", "777", []shikayat.Incoming{incoming("777", "777", "1", "my bike was stolen", true)})
		if err != nil {
			t.Fatal(err)
		}
		r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "ack:" + itoa(recs[0].ComplaintID), ComplaintID: recs[0].ComplaintID, InReplyTo: "777", Text: "ack"})
		if err != nil || r.State != shikayat.ReplyPending {
			t.Fatal(r, err)
		}
		m, err := db.MarkRestored(ctx, "x:mentions")
		if err != nil {
			t.Fatal(err)
		}
		got, ok, err := db.Restored(ctx)
		if err != nil || !ok || got.Checkpoint != "777" || got.NewestPost != "777" || !got.At.Equal(clk.Now()) || !m.At.Equal(got.At) {
			t.Fatalf("restore mark = %+v, %v, %v; want checkpoint and newest post 777 at %s", got, ok, err, clk.Now())
		}
		r, err = db.FindReply(ctx, r.Key)
		if err != nil || r.State != shikayat.ReplySending || r.TriedAt == nil || r.TriedAt.Unix() != 0 {
			t.Fatalf("reply after restore = %+v, %v; want sending, last tried at the epoch", r, err)
		}
		if holder, _, err := db.LeaseHolder(ctx, "x-intake"); err != nil || holder != "" {
			t.Fatalf("lease holder after restore = %q, %v; want none", holder, err)
		}
	})
}

// The restore refuses a database holding complaints or posts: Holdings
// counts them without creating or migrating anything.
func TestHoldings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := dsn()
		if c, p, err := store.Holdings(ctx, d); err != nil || c != 0 || p != 0 {
			t.Fatalf("holdings of a database never opened = %d, %d, %v", c, p, err)
		}
		db := open(t, d, store.Options{})
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{
			incoming("801", "801", "1", "my bike was stolen", true), incoming("802", "802", "2", "thanks", false),
		}); err != nil {
			t.Fatal(err)
		}
		if c, p, err := store.Holdings(ctx, d); err != nil || c != 1 || p != 2 {
			t.Fatalf("holdings = %d complaints, %d posts, %v; want 1, 2", c, p, err)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// flip changes a docket symbol to another, so the check symbol fails.
func flip(b byte) string {
	if b == 'A' {
		return "B"
	}
	return "A"
}
