package jobs_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// asker notes what MoreUrgentWaiting told each acknowledgement it works.
type asker struct {
	q    *jobs.Queue
	told chan bool
}

func (a *asker) Acknowledge(ctx context.Context, _ jobs.AcknowledgeArgs) error {
	more, err := a.q.MoreUrgentWaiting(ctx)
	if err != nil {
		return err
	}
	a.told <- more
	return nil
}

func (a *asker) Reply(context.Context, jobs.ReplyArgs) error                 { return nil }
func (a *asker) StatusReply(context.Context, jobs.StatusReplyArgs) error     { return nil }
func (a *asker) HelplineReply(context.Context, jobs.HelplineReplyArgs) error { return nil }

// An urgent reply that put itself back for a few seconds (looking for its
// post on X again) shows as available before it is due, as River leaves a
// short snooze. It must not hold up the account's other replies meanwhile:
// otherwise they give way to it, again and again, for as long as it keeps
// looking.
func TestSnoozedUrgentReplyHoldsUpNoOther(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn())
		defer db.Close()
		h := &asker{told: make(chan bool, 4)}
		q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{Handler: h, PollInterval: 50 * time.Millisecond, StateAccount: "Uppolice"})
		if err != nil {
			t.Fatal(err)
		}
		h.q = q
		// The urgent reply, as a short snooze leaves it: available, due
		// later.
		later := `strftime('%Y-%m-%d %H:%M:%f', 'now', '+1 hour')`
		if db.Engine() == store.Postgres {
			later = `now() + interval '1 hour'`
		}
		if err := db.WithTx(ctx, func(tx *sql.Tx) error {
			if err := q.InsertTx(ctx, tx, shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: 1, PostID: "1", Account: "Uppolice", Urgent: true}); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `UPDATE river_job SET state = 'available', scheduled_at = `+later+` WHERE kind = 'acknowledge'`)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer func() {
			sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			q.Stop(sctx)
		}()
		if err := db.WithTx(ctx, func(tx *sql.Tx) error {
			return q.InsertTx(ctx, tx, shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: 2, PostID: "2", Account: "Uppolice"})
		}); err != nil {
			t.Fatal(err)
		}
		select {
		case more := <-h.told:
			if more {
				t.Fatal("an ordinary reply gave way to an urgent one that is not due for an hour")
			}
		case <-time.After(30 * time.Second):
			t.Fatal("the ordinary reply was not worked")
		}
	})
}
