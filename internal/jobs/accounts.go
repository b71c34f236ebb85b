package jobs

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
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

// A node's record of the reply queues it works (reply_queue_nodes), one
// row per queue, is keyed by the node's process (nodeKey) and renewed every nodeRenewEvery while its workers run; a record not renewed
// for nodeListTTL is a node that stopped (or lost the database), whose
// list no longer keeps a queue from adoption. A stopped node's record is
// left to expire: during a rolling restart the new process may take a
// while to announce, and a node with an older list must not adopt the
// queue in the gap. renewFailuresShown renewals failing in a row show in
// /readyz (RecordErr): the record then expires, and the node's queues no
// longer keep their replies.
//
// A restarted process is a new node: the record it left expires, so the
// queue of an account removed from --accounts everywhere is adopted up to
// nodeListTTL after the restart, not at once.
//
// Records are stamped and judged by the database's clock, never a node's
// (seen_ms; migration 00036's comment says "by its clock", which is
// wrong): a node whose clock runs ahead would purge the others' records,
// one behind would look dead and have its queues adopted.
const (
	nodeRenewEvery     = time.Minute
	nodeListTTL        = 5 * time.Minute
	nodePurgeAfter     = 24 * time.Hour
	renewFailuresShown = 2
)

// dbNowMS is the database's clock in Unix milliseconds, as SQL.
func (q *Queue) dbNowMS() string {
	if q.engine == store.Postgres {
		return "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)"
	}
	return "CAST(unixepoch('subsec') * 1000 AS INTEGER)"
}

// nodeKey is the key of this process's record: name (host and listen
// address, for operators; "node" when empty), the process id and a random
// suffix, so that no two processes, nor two Queues of one, share a key.
func nodeKey(name string) string {
	if name == "" {
		name = "node"
	}
	var b [6]byte
	crand.Read(b[:])
	return fmt.Sprintf("%s/%d-%s", name, os.Getpid(), hex.EncodeToString(b[:]))
}

// Node is the key of this node's record of the reply queues it works:
// its readable name, process id and random suffix.
func (q *Queue) Node() string { return q.node }

// Announce records, for this node, the reply queues it works (one per
// account it lists), stamped with the database's clock: while the record
// is live no node adopts those queues' jobs (AdoptReplies). Start calls
// it, then every nodeRenewEvery until Stop; the record outlives Stop by
// nodeListTTL. Each row is inserted or, when there, only has its time
// moved forward, so renewals that race (the same key announced twice at
// once) never fail on the key. Records not renewed for nodePurgeAfter
// are deleted.
func (q *Queue) Announce(ctx context.Context) error {
	err := q.announce(ctx)
	if err != nil {
		return fmt.Errorf("record the reply queues this node works: %w", err)
	}
	return nil
}

// Withdraw deletes this node's record of its reply queues: for a start
// that failed before it served (a graceful stop leaves the record to
// expire, so that no node adopts the queues during a restart).
func (q *Queue) Withdraw(ctx context.Context) error {
	if _, err := q.db.ExecContext(ctx, `DELETE FROM reply_queue_nodes WHERE node = $1`, q.node); err != nil {
		return fmt.Errorf("delete the record of the reply queues this node works: %w", err)
	}
	return nil
}

func (q *Queue) announce(ctx context.Context) error {
	if _, err := q.db.ExecContext(ctx, `DELETE FROM reply_queue_nodes WHERE seen_ms < `+q.dbNowMS()+` - $1`,
		nodePurgeAfter.Milliseconds()); err != nil {
		return err
	}
	queues := q.replyQueues()[1:]
	if len(queues) == 0 {
		return nil
	}
	args := []any{q.node}
	rows := make([]string, len(queues))
	for i, name := range queues {
		args = append(args, name)
		rows[i] = fmt.Sprintf("($1, $%d, %s)", i+2, q.dbNowMS())
	}
	_, err := q.db.ExecContext(ctx, `INSERT INTO reply_queue_nodes (node, queue, seen_ms) VALUES `+strings.Join(rows, ", ")+`
		ON CONFLICT (node, queue) DO UPDATE SET seen_ms = excluded.seen_ms`, args...)
	return err
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
			q.renewOnce(ctx)
		}
	}
}

// renewOnce announces this node's queues and keeps count of the renewals
// that failed in a row (RecordErr).
func (q *Queue) renewOnce(ctx context.Context) {
	err := q.Announce(ctx)
	if err != nil && ctx.Err() != nil {
		return // stopping
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if err == nil {
		q.renewFailed, q.renewErr = 0, nil
		return
	}
	q.renewFailed++
	q.renewErr = err
	q.log.Warn("could not renew the record of this node's reply queues", slog.Int("failed_in_a_row", q.renewFailed), slog.Any("error", err))
}

// RecordErr says when the record of this node's reply queues has failed
// to renew renewFailuresShown times in a row: once it expires, another
// node may adopt the replies of the accounts this node lists. Nil while
// the renewals succeed.
func (q *Queue) RecordErr() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.renewFailed < renewFailuresShown {
		return nil
	}
	return fmt.Errorf("%w: %w", shikayat.Errorf(shikayat.EINTERNAL,
		"the record of this node's reply queues failed to renew %d times in a row: after %s other nodes may take its accounts' replies",
		q.renewFailed, nodeListTTL), q.renewErr)
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
	args := []any{nodeListTTL.Milliseconds()}
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
			AND queue NOT IN (SELECT queue FROM reply_queue_nodes WHERE seen_ms >= `+q.dbNowMS()+` - $1)
			AND state IN ('available', 'retryable')`, args...)
	if err != nil {
		return 0, fmt.Errorf("adopt the replies of accounts no longer listed: %w", err)
	}
	return res.RowsAffected()
}
