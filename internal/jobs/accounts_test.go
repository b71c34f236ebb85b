package jobs_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
)

// blocker holds the state account's replies (as if it waited on its rate
// limit) and notes the others', with what MoreUrgentWaiting told them.
type blocker struct {
	q       *jobs.Queue
	release chan struct{}
	held    chan int64
	worked  chan jobs.AcknowledgeArgs
	urgent  chan bool
}

func (b *blocker) Acknowledge(ctx context.Context, a jobs.AcknowledgeArgs) error {
	if a.Account == "Uppolice" {
		b.held <- a.ComplaintID
		select {
		case <-b.release:
		case <-ctx.Done():
		}
		return nil
	}
	more, err := b.q.MoreUrgentWaiting(ctx)
	if err != nil {
		return err
	}
	b.urgent <- more
	b.worked <- a
	return nil
}

func (b *blocker) Reply(context.Context, jobs.ReplyArgs) error                 { return nil }
func (b *blocker) StatusReply(context.Context, jobs.StatusReplyArgs) error     { return nil }
func (b *blocker) HelplineReply(context.Context, jobs.HelplineReplyArgs) error { return nil }

// Each account's replies go through a queue of their own: an account
// waiting on its limit holds up no other, and urgent-first is judged
// within each account.
func TestAccountQueues(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		h := &blocker{release: make(chan struct{}), held: make(chan int64, 4), worked: make(chan jobs.AcknowledgeArgs, 4), urgent: make(chan bool, 4)}
		q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{Handler: h, PollInterval: 50 * time.Millisecond,
			StateAccount: "Uppolice", Accounts: []string{"lucknowpolice", "up_kanpur_"}})
		if err != nil {
			t.Fatal(err)
		}
		h.q = q
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer func() {
			close(h.release)
			sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			q.Stop(sctx)
		}()
		insert := func(job shikayat.Job) {
			t.Helper()
			if err := db.WithTx(ctx, func(tx *sql.Tx) error { return q.InsertTx(ctx, tx, job) }); err != nil {
				t.Fatal(err)
			}
		}
		// The state account's urgent reply is held; then another account's
		// ordinary one comes.
		insert(shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: 1, PostID: "1", Account: "Uppolice", Urgent: true})
		select {
		case <-h.held:
		case <-time.After(30 * time.Second):
			t.Fatal("the state account's reply was not worked")
		}
		insert(shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: 2, PostID: "2", Account: "lucknowpolice"})
		insert(shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: 3, PostID: "3", Account: "up_kanpur_"})
		for range 2 {
			select {
			case a := <-h.worked:
				if a.Account != "lucknowpolice" && a.Account != "up_kanpur_" {
					t.Fatalf("worked %+v", a)
				}
				if <-h.urgent {
					t.Fatalf("%s's ordinary reply gave way to another account's urgent one", a.Account)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("another account's reply waited on the state account's")
			}
		}
	})
}

func TestAccountQueueNames(t *testing.T) {
	seen := map[string]string{}
	for _, u := range []string{"lucknowpolice", "LucknowPolice", "up_kanpur_", "upkanpur", "___", "a__b"} {
		name := jobs.AccountQueue(u)
		if len(name) > 64 {
			t.Fatalf("%s: queue name %q too long", u, name)
		}
		for _, c := range name {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				t.Fatalf("%s: queue name %q has %q", u, name, c)
			}
		}
		if other, dup := seen[name]; dup && !strings.EqualFold(other, u) {
			t.Fatalf("%s and %s share the queue %s", other, u, name)
		}
		seen[name] = u
	}
}
