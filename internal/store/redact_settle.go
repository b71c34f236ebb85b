package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
)

// A redaction masks the text of a reply whose outcome is unknown and no try
// of which is in flight (given_up_unverified), keeping no digest of it
// (see blankReplies, maskUnsettled); one being sent
// ('sending') is left to its sender. Every path that later moves such a
// reply (sent, found posted, not found, refused for good, called a
// duplicate, given up, back to pending after a try X refused for now, put
// back to 'sending' by a restore) calls settleRedacted in its own
// transaction, after locking the reply's complaint row as the redaction
// does (lockReplyComplaint), so that the two cannot interleave. The jobs
// that send replies carry only ids, never text.

// RedactedReplyReason is the error of a reply given up because the post or
// complaint it answers was redacted.
const RedactedReplyReason = "given up: the post was redacted"

// settleRedacted finishes reply id, just moved, when the post it answers
// or its complaint was redacted: a reply pending again is given up (failed,
// or given_up_unverified while an earlier try's outcome is unknown, with
// an internal event), as is one put back to 'sending' by a restore (it
// may have gone out from the desk the copy came from: given_up_unverified,
// its sender looks for it on X); a settled reply (sent or failed) has its
// contact details masked, and so has one given up unverified
// (maskUnsettled). It returns the reply's text as it now stands.
func (s *DB) settleRedacted(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var state, text string
	var unsure int64
	var redacted bool
	err := tx.QueryRowContext(ctx, `SELECT r.state, r.text, r.unsure_since,
		EXISTS (SELECT 1 FROM complaints c WHERE c.id = r.complaint_id AND c.redacted_at IS NOT NULL)
			OR EXISTS (SELECT 1 FROM posts p WHERE p.id = r.in_reply_to AND p.redacted_at IS NOT NULL)
		FROM replies r WHERE r.id = $1`, id).Scan(&state, &text, &unsure, &redacted)
	if err != nil {
		return "", fmt.Errorf("settle reply %d: %w", id, err)
	}
	if !redacted {
		return text, nil
	}
	switch was := shikayat.ReplyState(state); was {
	case shikayat.ReplyPending, shikayat.ReplySending:
		state = string(shikayat.ReplyFailed)
		if unsure != 0 || was == shikayat.ReplySending {
			state = string(shikayat.ReplyUnverified)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE replies SET state = $1, error = $2,
			unsure_since = CASE WHEN $1 = 'failed' THEN 0 WHEN unsure_since <> 0 THEN unsure_since WHEN attempted_at <> 0 THEN attempted_at ELSE $3 END
			WHERE id = $4`, state, RedactedReplyReason, ms(s.now()), id); err != nil {
			return "", fmt.Errorf("settle reply %d: %w", id, err)
		}
		if err := s.replyEvent(ctx, tx, id, shikayat.SystemActor.Name(), "reply_given_up",
			"The post was redacted: the reply is not sent.", string(was)); err != nil {
			return "", err
		}
		if state == string(shikayat.ReplyUnverified) {
			return maskUnsettled(ctx, tx, id, text) // its sender looks for it on X
		}
	case shikayat.ReplyUnverified:
		return maskUnsettled(ctx, tx, id, text)
	case shikayat.ReplySent, shikayat.ReplyFailed:
	default:
		return text, nil
	}
	masked := shikayat.MaskContacts(text)
	if _, err := tx.ExecContext(ctx, `UPDATE replies SET text = $1, text_digest = '' WHERE id = $2 AND (text <> $1 OR text_digest <> '')`, masked, id); err != nil {
		return "", fmt.Errorf("settle reply %d: %w", id, err)
	}
	return masked, nil
}

// maskUnsettled masks the text of reply id, whose outcome is unknown. No
// digest of the text as written is kept (one of a template with a few
// unknowns gives them back to whoever guesses): its sender counts any post
// of the account's answering the same post after its try as it
// (shikayat.Reply.Redacted).
func maskUnsettled(ctx context.Context, tx *sql.Tx, id int64, text string) (string, error) {
	masked := shikayat.MaskContacts(text)
	if _, err := tx.ExecContext(ctx, `UPDATE replies SET text = $1, text_digest = ''
		WHERE id = $2 AND (text <> $1 OR text_digest <> '')`, masked, id); err != nil {
		return "", fmt.Errorf("mask reply %d: %w", id, err)
	}
	return masked, nil
}

// lockRedacted locks, on PostgreSQL, before a redaction touches any of
// their replies, the rows of the complaints cids and of those the posts
// postIDs are recorded on or opened, each in the order of their ids, after
// the rows of those posts and of every post on those complaints: intake
// locks a post's row before its complaint's, and a path that moves a reply
// locks its complaint's row before the reply's (lockReplyComplaint). So
// such a path either settles before the redaction reads the reply, or sees
// the redaction when it settles. SQLite lets one writer in at a time.
func (s *DB) lockRedacted(ctx context.Context, tx *sql.Tx, cids []int64, postIDs []string) error {
	if s.engine != Postgres || len(cids)+len(postIDs) == 0 {
		return nil
	}
	var args []any
	var or []string
	if len(cids) > 0 {
		for _, id := range cids {
			args = append(args, id)
		}
		or = append(or, `id IN (`+inList(1, len(cids))+`)`)
	}
	if len(postIDs) > 0 {
		first := len(args) + 1
		for _, id := range postIDs {
			args = append(args, id)
		}
		in := inList(first, len(postIDs))
		or = append(or, `source_post_id IN (`+in+`)`, `id IN (SELECT complaint_id FROM posts WHERE id IN (`+in+`))`)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM complaints WHERE `+strings.Join(or, " OR ")+` ORDER BY id`, args...)
	if err != nil {
		return fmt.Errorf("redact: lock complaints: %w", err)
	}
	var all []any
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("redact: lock complaints: %w", err)
		}
		all = append(all, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("redact: lock complaints: %w", err)
	}
	posts := `SELECT id FROM posts WHERE `
	pargs := []any{}
	for _, id := range postIDs {
		pargs = append(pargs, id)
	}
	if len(postIDs) > 0 {
		posts += `id IN (` + inList(1, len(postIDs)) + `)`
	}
	if len(all) > 0 {
		if len(postIDs) > 0 {
			posts += ` OR `
		}
		posts += `complaint_id IN (` + inList(len(pargs)+1, len(all)) + `)`
		pargs = append(pargs, all...)
	}
	if err := lockRows(ctx, tx, posts+` ORDER BY id FOR UPDATE`, pargs); err != nil {
		return fmt.Errorf("redact: %w", err)
	}
	if len(all) == 0 {
		return nil
	}
	if err := lockRows(ctx, tx, `SELECT id FROM complaints WHERE id IN (`+inList(1, len(all))+`) ORDER BY id FOR UPDATE`, all); err != nil {
		return fmt.Errorf("redact: %w", err)
	}
	return nil
}

// lockRows runs q, a SELECT … FOR UPDATE, and reads its rows: the rows
// are locked until tx ends, in the order q gives them.
func lockRows(ctx context.Context, tx *sql.Tx, q string, args []any) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	return nil
}
