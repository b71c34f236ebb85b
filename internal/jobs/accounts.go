package jobs

import (
	"context"
	"fmt"
	"hash/fnv"
	"log/slog"
	"strings"
	"time"

	"github.com/shikayat/shikayat/internal/store"
)

// ReplyQueue is the queue of the replies account posts: QueueReplies for
// the state account (and for "", the replies queued before accounts were
// configured, and for an account this deployment no longer lists, whose
// sender then says why it cannot post), else the account's own.
func (q *Queue) ReplyQueue(account string) string {
	if account == "" || strings.EqualFold(account, q.cfg.StateAccount) {
		return QueueReplies
	}
	for _, a := range q.cfg.Accounts {
		if strings.EqualFold(a, account) {
			return AccountQueue(a)
		}
	}
	return QueueReplies
}

// replyQueues lists every queue of replies, QueueReplies first.
func (q *Queue) replyQueues() []string {
	out := []string{QueueReplies}
	for _, a := range q.cfg.Accounts {
		if !strings.EqualFold(a, q.cfg.StateAccount) {
			out = append(out, AccountQueue(a))
		}
	}
	return out
}

// AccountQueue names the queue of an account other than the state's:
// "replies-" and its username's letters and digits (as River's queue names
// allow), and a hash of the username that keeps names apart that differ
// only in underscores.
func AccountQueue(username string) string {
	u := strings.ToLower(username)
	var b strings.Builder
	for _, c := range u {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		b.WriteString("x")
	}
	h := fnv.New32a()
	h.Write([]byte(u))
	return fmt.Sprintf("replies-%s-%08x", b.String(), h.Sum32())
}

// A node's record of the reply queues it works (reply_queue_nodes) is
// renewed every nodeRenewEvery while its workers run; a record not renewed
// for nodeListTTL is a node that stopped (or lost the database), whose
// list no longer keeps a queue from adoption.
const (
	nodeRenewEvery = time.Minute
	nodeListTTL    = 5 * time.Minute
)

// Announce records, for this node, the reply queues it works (one per
// account it lists), stamped with its clock: while the record is live no
// node adopts those queues' jobs (AdoptReplies). Start calls it, then
// every nodeRenewEvery until Stop, which withdraws the record.
func (q *Queue) Announce(ctx context.Context) error {
	now := q.now().UnixMilli()
	tx, err := q.db.BeginTx(ctx, nil)
	if err == nil {
		err = func() error {
			defer tx.Rollback()
			if _, err := tx.ExecContext(ctx, `DELETE FROM reply_queue_nodes WHERE node = $1 OR seen_ms < $2`,
				q.node, now-24*time.Hour.Milliseconds()); err != nil {
				return err
			}
			for _, name := range q.replyQueues()[1:] {
				if _, err := tx.ExecContext(ctx, `INSERT INTO reply_queue_nodes (node, queue, seen_ms) VALUES ($1, $2, $3)`,
					q.node, name, now); err != nil {
					return err
				}
			}
			return tx.Commit()
		}()
	}
	if err != nil {
		return fmt.Errorf("record the reply queues this node works: %w", err)
	}
	return nil
}

// withdraw removes this node's record: a node stopped lists nothing.
func (q *Queue) withdraw(ctx context.Context) error {
	if _, err := q.db.ExecContext(ctx, `DELETE FROM reply_queue_nodes WHERE node = $1`, q.node); err != nil {
		return fmt.Errorf("withdraw the reply queues this node works: %w", err)
	}
	return nil
}

// renew announces this node's queues every nodeRenewEvery until ctx ends.
func (q *Queue) renew(ctx context.Context) {
	t := time.NewTicker(nodeRenewEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := q.Announce(ctx); err != nil && ctx.Err() == nil {
				q.log.Warn("could not renew the record of this node's reply queues", slog.Any("error", err))
			}
		}
	}
}

// AdoptReplies moves the reply jobs waiting in the queue of an account
// that no live node lists (one removed from --accounts everywhere) to
// QueueReplies: no worker works such a queue, so they would wait there
// for ever. Their sender then posts each from an account its post
// mentioned that is still listed, or says why it cannot (replies.Sender,
// /readyz). A queue this node or another live node lists stays (Announce):
// during a rolling change a node with the older list must not take the
// replies of an account a newer node added. Only jobs ready to be worked
// (available, retryable) move; a job due in the future keeps its time,
// one overdue becomes due now. Call it before Start; every sweep calls it
// too, for the jobs of a node that stopped or still queues for an account
// the others dropped. It returns how many it moved.
func (q *Queue) AdoptReplies(ctx context.Context) (int64, error) {
	listed := q.replyQueues()
	args := []any{q.now().Add(-nodeListTTL).UnixMilli()}
	marks := make([]string, len(listed))
	for i, name := range listed {
		args = append(args, name)
		marks[i] = fmt.Sprintf("$%d", i+2)
	}
	now := "now()"
	if q.engine != store.Postgres {
		now = "datetime('now', 'subsec')"
	}
	res, err := q.db.ExecContext(ctx, `
		UPDATE river_job SET queue = '`+QueueReplies+`',
			scheduled_at = CASE WHEN scheduled_at < `+now+` THEN `+now+` ELSE scheduled_at END
		WHERE queue LIKE 'replies-%' AND queue NOT IN (`+strings.Join(marks, ", ")+`)
			AND queue NOT IN (SELECT queue FROM reply_queue_nodes WHERE seen_ms >= $1)
			AND state IN ('available', 'retryable')`, args...)
	if err != nil {
		return 0, fmt.Errorf("adopt the replies of accounts no longer listed: %w", err)
	}
	return res.RowsAffected()
}
