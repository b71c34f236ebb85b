package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/shikayat/shikayat"
)

const replyColumns = `id, key, COALESCE(complaint_id, 0), in_reply_to, text, lang, state, posted_id, attempts, error, urgent, created_at, sent_at`

func scanReply(r rowScanner) (*shikayat.Reply, error) {
	var x shikayat.Reply
	var state string
	var urgent int
	var created int64
	var sent sql.NullInt64
	if err := r.Scan(&x.ID, &x.Key, &x.ComplaintID, &x.InReplyTo, &x.Text, &x.Lang, &state, &x.PostedID,
		&x.Attempts, &x.Error, &urgent, &created, &sent); err != nil {
		return nil, err
	}
	x.State, x.Urgent, x.CreatedAt, x.SentAt = shikayat.ReplyState(state), urgent != 0, fromMS(created), timePtr(sent)
	return &x, nil
}

// ClaimReply records a reply under its key, or returns the one already
// recorded under it (whatever its state): one key, one reply, ever.
func (s *DB) ClaimReply(ctx context.Context, r *shikayat.Reply) (*shikayat.Reply, error) {
	var out *shikayat.Reply
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var cid sql.NullInt64
		if r.ComplaintID != 0 {
			cid = sql.NullInt64{Int64: r.ComplaintID, Valid: true}
		}
		urgent := 0
		if r.Urgent {
			urgent = 1
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO replies (key, complaint_id, in_reply_to, text, lang, state, urgent, created_at)
			VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)
			ON CONFLICT (key) DO NOTHING`,
			r.Key, cid, r.InReplyTo, r.Text, r.Lang, urgent, ms(s.now())); err != nil {
			return fmt.Errorf("claim reply: %w", err)
		}
		var err error
		out, err = scanReply(tx.QueryRowContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE key = $1`, r.Key))
		if err != nil {
			return fmt.Errorf("claim reply: %w", err)
		}
		return nil
	})
	return out, err
}

// MarkReplySending records that the reply is about to be handed to X; from
// here until MarkReplySent its outcome is uncertain. attempts is the count
// the caller read: when another worker tried meanwhile, won is false and the
// caller must not send.
func (s *DB) MarkReplySending(ctx context.Context, id int64, attempts int) (won bool, err error) {
	res, err := s.db.ExecContext(ctx, `
		UPDATE replies SET state = 'sending', attempts = attempts + 1, attempted_at = $1
		WHERE id = $2 AND attempts = $3 AND state IN ('pending', 'sending')`, ms(s.now()), id, attempts)
	if err != nil {
		return false, fmt.Errorf("update reply: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("update reply: %w", err)
	}
	return n == 1, nil
}

// MarkReplyPending records that a try certainly did not post (X refused it
// for now, e.g. a rate limit).
func (s *DB) MarkReplyPending(ctx context.Context, id int64, reason string) error {
	return s.setReply(ctx, `UPDATE replies SET state = 'pending', error = $1 WHERE id = $2 AND state <> 'sent'`, reason, id)
}

// MarkReplyFailed records that X refused the reply for good.
func (s *DB) MarkReplyFailed(ctx context.Context, id int64, reason string) error {
	return s.setReply(ctx, `UPDATE replies SET state = 'failed', error = $1 WHERE id = $2 AND state <> 'sent'`, reason, id)
}

func (s *DB) setReply(ctx context.Context, query string, args ...any) error {
	if _, err := s.db.ExecContext(ctx, query, args...); err != nil {
		return fmt.Errorf("update reply: %w", err)
	}
	return nil
}

// MarkReplySent records that X accepted the reply as postedID, and puts it
// on the complaint's public trail, in one transaction.
func (s *DB) MarkReplySent(ctx context.Context, id int64, postedID string) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		r, err := scanReply(tx.QueryRowContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE id = $1`, id))
		if err != nil {
			return fmt.Errorf("mark reply sent: %w", err)
		}
		if r.State == shikayat.ReplySent {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE replies SET state = 'sent', posted_id = $1, sent_at = $2, error = '' WHERE id = $3`,
			postedID, ms(now), id); err != nil {
			return fmt.Errorf("mark reply sent: %w", err)
		}
		if r.ComplaintID == 0 {
			return nil
		}
		c, err := findComplaintBy(ctx, tx, "c.id = $1", r.ComplaintID)
		if err != nil {
			return err
		}
		ev := &shikayat.Event{
			At: now, Actor: shikayat.SystemActor.Name(), Action: "replied", FromStage: c.Stage, ToStage: c.Stage,
			Note: r.Text, Public: true, Detail: map[string]string{"post_id": postedID, "in_reply_to": r.InReplyTo, "key": r.Key},
		}
		return insertEvent(ctx, tx, c.ID, ev)
	})
}

// CountRepliesSent counts replies X accepted in [from, to).
func (s *DB) CountRepliesSent(ctx context.Context, from, to time.Time) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM replies WHERE state = 'sent' AND sent_at >= $1 AND sent_at < $2`,
		ms(from), ms(to)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count replies: %w", err)
	}
	return n, nil
}

// FindPost returns a recorded post as the desk read it, what became of it,
// and the language triage found (hi, en, hinglish; "" for staff posts).
func (s *DB) FindPost(ctx context.Context, id string) (*shikayat.Post, shikayat.RecordKind, string, error) {
	var body, kind, lang string
	err := s.db.QueryRowContext(ctx, `SELECT body, kind, lang FROM posts WHERE id = $1`, id).Scan(&body, &kind, &lang)
	if isNoRows(err) {
		return nil, "", "", shikayat.Errorf(shikayat.ENOTFOUND, "Post %s was not recorded.", id)
	} else if err != nil {
		return nil, "", "", fmt.Errorf("find post: %w", err)
	}
	if kind == string(shikayat.RecordUnreadable) {
		return &shikayat.Post{ID: id}, shikayat.RecordUnreadable, lang, nil // body is X's raw JSON
	}
	var p shikayat.Post
	if err := jsonUnmarshal(body, &p); err != nil {
		return nil, "", "", fmt.Errorf("post %s: %w", id, err)
	}
	return &p, shikayat.RecordKind(kind), lang, nil
}
