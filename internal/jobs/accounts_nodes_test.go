package jobs_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// oneName is the readable name two processes share when they run on
// cloned hosts with one hostname and the same pinned --addr (or ":0").
const oneName = "host/127.0.0.1:8080"

// queueAcknowledge queues an acknowledgement to be posted by account.
func queueAcknowledge(t *testing.T, db *store.DB, q *jobs.Queue, id int64, account string) {
	t.Helper()
	ctx := context.Background()
	job := shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: id, PostID: fmt.Sprint(id), Account: account}
	if err := db.WithTx(ctx, func(tx *sql.Tx) error { return q.InsertTx(ctx, tx, job) }); err != nil {
		t.Fatal(err)
	}
}

// Two live nodes under one readable name each keep their own record: the
// one that renews last does not replace the other's list, so a node that
// does not list @lucknowpolice never adopts the queue a live node works.
func TestTwoLiveNodesOfOneNameKeepEachOthersQueues(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		a, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"lucknowpolice"}, Node: oneName})
		if err != nil {
			t.Fatal(err)
		}
		b, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Node: oneName})
		if err != nil {
			t.Fatal(err)
		}
		if a.Node() == b.Node() {
			t.Fatalf("two nodes named %q share the record key %q", oneName, a.Node())
		}
		for _, n := range []*jobs.Queue{a, b} { // b renews after a
			if err := n.Announce(ctx); err != nil {
				t.Fatal(err)
			}
		}
		queueAcknowledge(t, db, a, 1, "lucknowpolice")
		res, err := b.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if res.Adopted != 0 {
			t.Fatalf("b adopted %d jobs of the queue live node a works under the same name: %v", res.Adopted, jobRows(t, db))
		}
	})
}

// Renewals of one record that race (two nodes of one name starting
// together, or a node's start and its renewal) never fail on the
// record's key: each one only moves its time forward.
func TestRacingRenewalsNeverFail(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		var accounts []string
		for i := range 40 {
			accounts = append(accounts, fmt.Sprintf("district%02dpolice", i))
		}
		var nodes []*jobs.Queue
		for range 2 {
			q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: accounts, Node: oneName})
			if err != nil {
				t.Fatal(err)
			}
			nodes = append(nodes, q)
		}
		failed := 0
		for round := range 30 {
			var wg sync.WaitGroup
			errs := make([]error, 4)
			for i := range errs {
				wg.Add(1)
				go func() { defer wg.Done(); errs[i] = nodes[i%2].Announce(ctx) }()
			}
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					if failed == 0 {
						t.Logf("round %d: %v", round, err)
					}
					failed++
				}
			}
		}
		if failed > 0 {
			t.Fatalf("%d of 120 racing renewals failed", failed)
		}
		var rows int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM reply_queue_nodes`).Scan(&rows); err != nil {
			t.Fatal(err)
		}
		if rows != 2*len(accounts) {
			t.Fatalf("%d record rows; want %d, one per node and account", rows, 2*len(accounts))
		}
	})
}

// Two nodes with different accounts, under one readable name (as the
// crash test's nodes on 127.0.0.1:0): while both renew, neither adopts the
// other's queue. One dies: its queue is adopted only once its record is
// older than the TTL, and the live node's queue never.
func TestDeadNodesQueueIsAdoptedOnlyAfterItsRecordExpires(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		dies, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"lucknowpolice"}, Node: oneName})
		if err != nil {
			t.Fatal(err)
		}
		lives, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"ghaziabadpolice"}, Node: oneName})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []*jobs.Queue{dies, lives} {
			if err := n.Announce(ctx); err != nil {
				t.Fatal(err)
			}
		}
		queueAcknowledge(t, db, dies, 1, "lucknowpolice")
		queueAcknowledge(t, db, lives, 2, "ghaziabadpolice")
		sweep := func(q *jobs.Queue) int64 {
			t.Helper()
			res, err := q.Sweep(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return res.Adopted
		}
		if n := sweep(lives) + sweep(dies); n != 0 {
			t.Fatalf("with both nodes live, %d jobs adopted: %v", n, jobRows(t, db))
		}

		// dies stops renewing; lives renews each minute and sweeps.
		// ageRecord moves the record back by each step: 1 min, then 4.
		for _, step := range []time.Duration{time.Minute, 3 * time.Minute} {
			ageRecord(t, db.SQL(), dies.Node(), step)
			if err := lives.Announce(ctx); err != nil {
				t.Fatal(err)
			}
			if n := sweep(lives); n != 0 {
				t.Fatalf("a record not renewed for a while under the TTL (5 min): %d jobs adopted: %v", n, jobRows(t, db))
			}
		}
		ageRecord(t, db.SQL(), dies.Node(), 2*time.Minute) // 6 min in all
		if err := lives.Announce(ctx); err != nil {
			t.Fatal(err)
		}
		if n := sweep(lives); n != 1 {
			t.Fatalf("after the dead node's record expired: %d jobs adopted; want its one", n)
		}
		rows := jobRows(t, db)
		if rows[0].queue != jobs.QueueReplies || rows[1].queue != jobs.AccountQueue("ghaziabadpolice") {
			t.Fatalf("jobs %v; want the dead node's in %q, the live node's left in its queue", rows, jobs.QueueReplies)
		}
	})
}

// A start that failed withdraws its record: a process restarted in a loop
// leaves no rows behind, and another node's record stays.
func TestWithdrawDeletesOnlyThisProcessesRecord(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		live, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"lucknowpolice"}, Node: oneName})
		if err != nil {
			t.Fatal(err)
		}
		if err := live.Announce(ctx); err != nil {
			t.Fatal(err)
		}
		for range 10 {
			q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{StateAccount: "Uppolice", Accounts: []string{"lucknowpolice", "ghaziabadpolice"}, Node: oneName})
			if err != nil {
				t.Fatal(err)
			}
			if err := q.Announce(ctx); err != nil {
				t.Fatal(err)
			}
			if err := q.Withdraw(ctx); err != nil {
				t.Fatal(err)
			}
		}
		var rows, lives int
		if err := db.SQL().QueryRow(`SELECT count(*), coalesce(sum(CASE WHEN node = $1 THEN 1 ELSE 0 END), 0) FROM reply_queue_nodes`, live.Node()).Scan(&rows, &lives); err != nil {
			t.Fatal(err)
		}
		if rows != 1 || lives != 1 {
			t.Fatalf("%d record rows, %d of the live node; want only the live node's one after ten failed starts withdrew theirs", rows, lives)
		}
	})
}
