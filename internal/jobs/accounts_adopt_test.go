package jobs_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
)

// During a rolling change a node still listing @lucknowpolice queues a
// reply in its queue after the node with the new --accounts started (and
// adopted what waited then). The new node's sweep moves it to the replies
// queue: no worker of the new list works @lucknowpolice's queue.
func TestSweepAdoptsRepliesQueuedByAnOldNode(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		newNode, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := newNode.AdoptReplies(ctx); err != nil { // at its start
			t.Fatal(err)
		}
		oldNode, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"lucknowpolice"}})
		if err != nil {
			t.Fatal(err)
		}
		job := shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: 7, PostID: "7", Account: "lucknowpolice"}
		if err := db.WithTx(ctx, func(tx *sql.Tx) error { return oldNode.InsertTx(ctx, tx, job) }); err != nil {
			t.Fatal(err)
		}
		res, err := newNode.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var queue string
		if err := db.SQL().QueryRow(`SELECT queue FROM river_job WHERE kind = $1`, jobs.AcknowledgeArgs{}.Kind()).Scan(&queue); err != nil {
			t.Fatal(err)
		}
		if queue != jobs.QueueReplies || res.Adopted != 1 {
			t.Fatalf("after the sweep the reply waits in %q (adopted %d); want %q", queue, res.Adopted, jobs.QueueReplies)
		}
	})
}
