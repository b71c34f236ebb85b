package jobs_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// During a rolling change that adds @lucknowpolice, a node still running
// with the old list (and leading, so it sweeps) must not take the replies
// the new node queues for @lucknowpolice: the new node works that queue.
// Once no live node lists the account (the new node's record is not
// renewed for minutes), its ready replies move to the replies queue; a
// retry due later keeps its time, and a job not yet due stays.
func TestOldNodeDoesNotAdoptRepliesOfAnAccountANewNodeAdded(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		now := time.Now()
		clock := func() time.Time { return now }
		oldNode, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Node: "old", Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		newNode, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"lucknowpolice"}, Node: "new", Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []*jobs.Queue{oldNode, newNode} {
			if err := n.Announce(ctx); err != nil {
				t.Fatal(err)
			}
		}
		for id := int64(1); id <= 3; id++ {
			job := shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: id, PostID: fmt.Sprint(id), Account: "lucknowpolice"}
			if err := db.WithTx(ctx, func(tx *sql.Tx) error { return newNode.InsertTx(ctx, tx, job) }); err != nil {
				t.Fatal(err)
			}
		}
		// Job 2 is a retry due in an hour, job 3 is scheduled for later.
		later := "now() + interval '1 hour'"
		if db.Engine() != store.Postgres {
			later = "datetime('now', '+1 hour', 'subsec')"
		}
		for id, state := range map[int]string{2: "retryable", 3: "scheduled"} {
			if _, err := db.SQL().Exec(`UPDATE river_job SET state = $1, scheduled_at = `+later+` WHERE id = (SELECT id FROM river_job ORDER BY id LIMIT 1 OFFSET $2)`,
				state, id-1); err != nil {
				t.Fatal(err)
			}
		}
		before := jobRows(t, db)

		res, err := oldNode.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		after := jobRows(t, db)
		if res.Adopted != 0 || fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("the old node's sweep adopted %d jobs of an account the new node lists: %v, were %v", res.Adopted, after, before)
		}

		// The new node stops renewing its record (it died): after a few
		// minutes nobody lists @lucknowpolice.
		ageRecord(t, db.SQL(), newNode.Node(), 6*time.Minute)
		if err := oldNode.Announce(ctx); err != nil {
			t.Fatal(err)
		}
		res, err = oldNode.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		after = jobRows(t, db)
		if res.Adopted != 2 || after[0].queue != jobs.QueueReplies || after[1].queue != jobs.QueueReplies || after[2].queue != before[2].queue {
			t.Fatalf("once no live node lists the account: adopted %d, jobs %v; want the available and the retryable one in %q, the scheduled one left",
				res.Adopted, after, jobs.QueueReplies)
		}
		if after[1].scheduledAt != before[1].scheduledAt || after[2].scheduledAt != before[2].scheduledAt {
			t.Fatalf("adoption changed the time of jobs due later: %v, were %v", after, before)
		}
	})
}

type jobRow struct{ queue, state, scheduledAt string }

// jobRows lists the reply jobs in the order they were queued.
func jobRows(t *testing.T, db *store.DB) []jobRow {
	t.Helper()
	rows, err := db.SQL().Query(`SELECT queue, state, scheduled_at FROM river_job WHERE kind <> 'sla' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []jobRow
	for rows.Next() {
		var r jobRow
		var at any
		if err := rows.Scan(&r.queue, &r.state, &at); err != nil {
			t.Fatal(err)
		}
		r.scheduledAt = fmt.Sprint(at)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
