package store_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Taking the turn of a closing reply locks the complaint before the reply,
// as a complaint's action does (the complaint's row, then what hangs on
// it): a transaction holding the complaint that then touches the reply
// waits for the turn or the turn waits for it, never both, so PostgreSQL
// finds no deadlock. Here the other transaction has locked the complaint
// before the turn is asked for, and touches the reply after. (On SQLite
// one writer goes at a time; the test runs there too.)
func TestClosingReplyTurnLocksTheComplaintFirst(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		c, err := d.db.FindComplaint(ctx, d.mine[0], shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		_, ev, err := d.db.ApplyAction(ctx, d.mine[0], shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, shikayat.SystemActor, "")
		if err != nil {
			t.Fatal(err)
		}
		sleep := "SELECT pg_sleep(0.3)"
		if d.db.Engine() != store.Postgres {
			sleep = "SELECT 1"
		}
		for i := range 3 {
			r, err := d.db.ClaimReply(ctx, &shikayat.Reply{Key: "reply:" + itoa(ev.ID) + ":" + itoa(int64(i)), Account: "Uppolice",
				ComplaintID: c.ID, InReplyTo: "101", Text: "closed"})
			if err != nil {
				t.Fatal(err)
			}
			locked := make(chan struct{})
			other := make(chan error, 1)
			go func() {
				other <- d.db.WithTx(ctx, func(tx *sql.Tx) error {
					if _, err := tx.ExecContext(ctx, `UPDATE complaints SET updated_at = updated_at WHERE id = $1`, c.ID); err != nil {
						close(locked)
						return err
					}
					close(locked)
					if _, err := tx.ExecContext(ctx, sleep); err != nil {
						return err
					}
					_, err := tx.ExecContext(ctx, `UPDATE replies SET error = error WHERE id = $1`, r.ID)
					return err
				})
			}()
			<-locked
			if d.db.Engine() != store.Postgres {
				// SQLite's one writer: the turn waits for the other.
				if err := <-other; err != nil {
					t.Fatal(err)
				}
				other <- nil
			}
			turn, err := d.db.MarkClosingReplySending(ctx, r.ID, r.Account, 0, time.Second, 100, ev.ID)
			if err != nil || turn != store.TurnWon {
				t.Fatalf("turn %d: %v, %v; want won", i, turn, err)
			}
			if err := <-other; err != nil {
				t.Fatalf("the transaction holding the complaint: %v", err)
			}
		}
	})
}
