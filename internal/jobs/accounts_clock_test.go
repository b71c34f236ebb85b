package jobs_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
)

// snoozeAll works no reply: each waits an hour.
type snoozeAll struct{}

func (snoozeAll) Acknowledge(context.Context, jobs.AcknowledgeArgs) error {
	return jobs.Snooze(time.Hour)
}
func (snoozeAll) Reply(context.Context, jobs.ReplyArgs) error                 { return nil }
func (snoozeAll) StatusReply(context.Context, jobs.StatusReplyArgs) error     { return nil }
func (snoozeAll) HelplineReply(context.Context, jobs.HelplineReplyArgs) error { return nil }

// The node listing @lucknowpolice restarts gracefully (a deploy): until
// the new process announces (after its migrations and account checks), a
// node with an older list must not adopt the account's replies. Stop
// leaves the record to expire.
func TestGracefulStopKeepsTheNodesQueuesFromAdoption(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		oldNode, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Node: "old"})
		if err != nil {
			t.Fatal(err)
		}
		listing, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{Handler: snoozeAll{}, PollInterval: 50 * time.Millisecond,
			StateAccount: "Uppolice", Accounts: []string{"lucknowpolice"}, Node: "listing"})
		if err != nil {
			t.Fatal(err)
		}
		if err := listing.Start(ctx); err != nil {
			t.Fatal(err)
		}
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := listing.Stop(sctx); err != nil {
			t.Fatal(err)
		}
		job := shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: 1, PostID: "1", Account: "lucknowpolice"}
		if err := db.WithTx(ctx, func(tx *sql.Tx) error { return listing.InsertTx(ctx, tx, job) }); err != nil {
			t.Fatal(err)
		}
		res, err := oldNode.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if res.Adopted != 0 {
			t.Fatalf("during the listing node's restart the old-list node adopted %d of its replies: %v", res.Adopted, jobRows(t, db))
		}
		// Once the record has expired (nobody restarted), the replies move.
		ageRecord(t, db.SQL(), listing.Node(), 6*time.Minute)
		if res, err = oldNode.Sweep(ctx); err != nil || res.Adopted != 1 {
			t.Fatalf("after the record expired: adopted %d, %v; want 1", res.Adopted, err)
		}
	})
}

// A node whose clock runs behind renews its record "minutes ago" by the
// sweeping node's clock: the record is stamped and judged by the
// database's clock, so its live queue is not adopted.
func TestNodeClockBehindKeepsItsQueue(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		now := time.Now()
		behind := func() time.Time { return now.Add(-6 * time.Minute) }
		oldNode, _ := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Node: "old", Now: func() time.Time { return now }})
		newNode, _ := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"lucknowpolice"}, Node: "new", Now: behind})
		for _, n := range []*jobs.Queue{oldNode, newNode} {
			if err := n.Announce(ctx); err != nil {
				t.Fatal(err)
			}
		}
		job := shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: 1, PostID: "1", Account: "lucknowpolice"}
		if err := db.WithTx(ctx, func(tx *sql.Tx) error { return newNode.InsertTx(ctx, tx, job) }); err != nil {
			t.Fatal(err)
		}
		res, err := oldNode.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if res.Adopted != 0 {
			t.Fatalf("adopted %d jobs of a queue a live node renewed just now (its clock 6 min behind): %v", res.Adopted, jobRows(t, db))
		}
	})
}

// A node whose clock is a day ahead does not purge the others' records.
func TestNodeClockAheadPurgesNoRecord(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		now := time.Now()
		oldNode, _ := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Node: "old", Now: func() time.Time { return now }})
		newNode, _ := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"lucknowpolice"}, Node: "new", Now: func() time.Time { return now }})
		ahead, _ := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Node: "ahead", Now: func() time.Time { return now.Add(25 * time.Hour) }})
		for _, n := range []*jobs.Queue{oldNode, newNode, ahead} {
			if err := n.Announce(ctx); err != nil {
				t.Fatal(err)
			}
		}
		job := shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: 1, PostID: "1", Account: "lucknowpolice"}
		if err := db.WithTx(ctx, func(tx *sql.Tx) error { return newNode.InsertTx(ctx, tx, job) }); err != nil {
			t.Fatal(err)
		}
		if err := ahead.Announce(ctx); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM reply_queue_nodes WHERE node = $1`, newNode.Node()).Scan(&n); err != nil {
			t.Fatal(err)
		}
		res, err := oldNode.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 || res.Adopted != 0 {
			t.Fatalf("the live node's record rows left: %d; the old node adopted %d jobs of its queue", n, res.Adopted)
		}
	})
}

// ageRecord makes a node's record look renewed d ago, by the database's
// clock (as if the node had stopped renewing it then).
func ageRecord(t *testing.T, db *sql.DB, node string, d time.Duration) {
	t.Helper()
	if _, err := db.Exec(`UPDATE reply_queue_nodes SET seen_ms = seen_ms - $1 WHERE node = $2`, d.Milliseconds(), node); err != nil {
		t.Fatal(err)
	}
}

// A node whose record fails to renew again and again no longer keeps its
// queues from adoption once the record expires: RecordErr says so (for
// /readyz) until a renewal succeeds.
func TestRenewalFailingShowsUntilItSucceeds(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"lucknowpolice"}, Node: "n"})
		if err != nil {
			t.Fatal(err)
		}
		q.RenewOnce(ctx)
		if err := q.RecordErr(); err != nil {
			t.Fatalf("after a renewal that worked: %v", err)
		}
		if _, err := db.SQL().Exec(`ALTER TABLE reply_queue_nodes RENAME TO reply_queue_nodes_away`); err != nil {
			t.Fatal(err)
		}
		q.RenewOnce(ctx)
		q.RenewOnce(ctx)
		err = q.RecordErr()
		if err == nil || shikayat.ErrorCode(err) != shikayat.EINTERNAL {
			t.Fatalf("after two renewals failed: %v; want an internal error", err)
		}
		if _, err := db.SQL().Exec(`ALTER TABLE reply_queue_nodes_away RENAME TO reply_queue_nodes`); err != nil {
			t.Fatal(err)
		}
		q.RenewOnce(ctx)
		if err := q.RecordErr(); err != nil {
			t.Fatalf("after a renewal worked again: %v", err)
		}
	})
}
