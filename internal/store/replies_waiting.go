package store

import (
	"context"
	"fmt"
	"time"

	"github.com/shikayat/shikayat"
)

// WaitingReplies lists the replies that still need a job, oldest first, at
// most limit: those not yet sent nor given up (pending or sending), and
// those given up while a try's outcome was unknown (given_up_unverified),
// which a job must still look up on X.
func (s *DB) WaitingReplies(ctx context.Context, limit int) ([]*shikayat.Reply, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE state IN ('pending', 'sending', 'given_up_unverified')
		ORDER BY created_at, id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("waiting replies: %w", err)
	}
	defer rows.Close()
	var out []*shikayat.Reply
	for rows.Next() {
		r, err := scanReply(rows)
		if err != nil {
			return nil, fmt.Errorf("waiting replies: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("waiting replies: %w", err)
	}
	return out, nil
}

// CountWaitingReplies counts the replies recorded before since that are
// still waiting (pending or sending).
func (s *DB) CountWaitingReplies(ctx context.Context, since time.Time) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM replies WHERE state IN ('pending', 'sending') AND created_at < $1`,
		ms(since)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count waiting replies: %w", err)
	}
	return n, nil
}

// WaitingReply is a reply that waits, as /readyz names it.
type WaitingReply struct {
	Key       string
	Code      string // the complaint's docket code; "" for a reply without one
	State     shikayat.ReplyState
	CreatedAt time.Time
	// Duplicate: X called it a duplicate while its post was not seen.
	Duplicate bool
}

// RepliesWaitingSince lists the replies recorded before since that are
// still waiting (pending or sending), oldest first, at most limit.
func (s *DB) RepliesWaitingSince(ctx context.Context, since time.Time, limit int) ([]WaitingReply, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.key, COALESCE(c.code, ''), r.state, r.created_at
		FROM replies r LEFT JOIN complaints c ON c.id = r.complaint_id
		WHERE r.state IN ('pending', 'sending') AND r.created_at < $1
		ORDER BY r.created_at, r.id LIMIT $2`, ms(since), limit)
	if err != nil {
		return nil, fmt.Errorf("waiting replies: %w", err)
	}
	defer rows.Close()
	var out []WaitingReply
	for rows.Next() {
		var w WaitingReply
		var state string
		var created int64
		if err := rows.Scan(&w.Key, &w.Code, &state, &created); err != nil {
			return nil, fmt.Errorf("waiting replies: %w", err)
		}
		w.State, w.CreatedAt = shikayat.ReplyState(state), fromMS(created)
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("waiting replies: %w", err)
	}
	return out, nil
}

// CountFailedReplies counts the replies that failed: refused by X for good,
// or given up.
func (s *DB) CountFailedReplies(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM replies WHERE state = 'failed'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count failed replies: %w", err)
	}
	return n, nil
}

// UnverifiedReplies counts the replies not to be tried again whose outcome
// is not known (given_up_unverified) and lists up to limit of them, oldest
// first: given up while a try's outcome was unknown, or called a duplicate
// by X while their post was not seen. Those X called duplicates whose post
// never showed wait for a person.
func (s *DB) UnverifiedReplies(ctx context.Context, limit int) (int, []WaitingReply, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM replies WHERE state = 'given_up_unverified'`).Scan(&n); err != nil {
		return 0, nil, fmt.Errorf("unverified replies: %w", err)
	}
	if n == 0 || limit <= 0 {
		return n, nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT r.key, COALESCE(c.code, ''), r.state, r.created_at, r.duplicate_at
		FROM replies r LEFT JOIN complaints c ON c.id = r.complaint_id
		WHERE r.state = 'given_up_unverified' ORDER BY r.created_at, r.id LIMIT $1`, limit)
	if err != nil {
		return 0, nil, fmt.Errorf("unverified replies: %w", err)
	}
	defer rows.Close()
	var out []WaitingReply
	for rows.Next() {
		var w WaitingReply
		var state string
		var created, duplicate int64
		if err := rows.Scan(&w.Key, &w.Code, &state, &created, &duplicate); err != nil {
			return 0, nil, fmt.Errorf("unverified replies: %w", err)
		}
		w.State, w.CreatedAt, w.Duplicate = shikayat.ReplyState(state), fromMS(created), duplicate != 0
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("unverified replies: %w", err)
	}
	return n, out, nil
}
