package jobs

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"

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

// AdoptReplies moves the reply jobs waiting in the queue of an account
// this deployment no longer lists (one removed from --accounts) to
// QueueReplies, due at once: no worker works a queue of an account not
// listed, so they would wait there for ever. Their sender then posts each
// from an account its post mentioned that is still listed, or says why it
// cannot (replies.Sender, /readyz). Call it before Start; every sweep
// calls it too, for the jobs a node still listing the account queues
// during a rolling change. It returns how many it moved.
func (q *Queue) AdoptReplies(ctx context.Context) (int64, error) {
	listed := q.replyQueues()
	args := []any{}
	marks := make([]string, len(listed))
	for i, name := range listed {
		args = append(args, name)
		marks[i] = fmt.Sprintf("$%d", i+1)
	}
	now := "now()"
	if q.engine != store.Postgres {
		now = "datetime('now', 'subsec')"
	}
	res, err := q.db.ExecContext(ctx, `
		UPDATE river_job SET queue = '`+QueueReplies+`', scheduled_at = `+now+`
		WHERE queue LIKE 'replies-%' AND queue NOT IN (`+strings.Join(marks, ", ")+`)
			AND state IN ('available', 'scheduled', 'retryable')`, args...)
	if err != nil {
		return 0, fmt.Errorf("adopt the replies of accounts no longer listed: %w", err)
	}
	return res.RowsAffected()
}
