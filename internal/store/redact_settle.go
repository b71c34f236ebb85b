package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/shikayat/shikayat"
)

// A redaction leaves the text of a reply whose outcome is unknown as it
// is: its sender matches X's posts by it (see blankReplies). Every path
// that later moves such a reply (sent, found posted, not found, refused for
// good, given up, or back to pending after a try X refused for now) calls
// settleRedacted in its own transaction, so that the text is masked as
// soon as nothing looks for it any more. The jobs that send replies carry
// only ids, never text.

// RedactedReplyReason is the error of a reply given up because the post or
// complaint it answers was redacted.
const RedactedReplyReason = "given up: the post was redacted"

// settleRedacted finishes reply id, just moved, when the post it answers
// or its complaint was redacted: a reply pending again is given up (failed,
// or given_up_unverified while an earlier try's outcome is unknown, with
// an internal event), and a settled reply (sent or failed) has its contact
// details masked. It returns the reply's text as it now stands.
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
	switch shikayat.ReplyState(state) {
	case shikayat.ReplyPending:
		state = string(shikayat.ReplyFailed)
		if unsure != 0 {
			state = string(shikayat.ReplyUnverified)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE replies SET state = $1, error = $2 WHERE id = $3`, state, RedactedReplyReason, id); err != nil {
			return "", fmt.Errorf("settle reply %d: %w", id, err)
		}
		if err := s.replyEvent(ctx, tx, id, shikayat.SystemActor.Name(), "reply_given_up",
			"The post was redacted: the reply is not sent.", string(shikayat.ReplyPending)); err != nil {
			return "", err
		}
		if unsure != 0 {
			return text, nil // its sender looks for it on X by its text
		}
	case shikayat.ReplySent, shikayat.ReplyFailed:
	default:
		return text, nil // still unsure
	}
	masked := shikayat.MaskContacts(text)
	if masked == text {
		return text, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE replies SET text = $1 WHERE id = $2`, masked, id); err != nil {
		return "", fmt.Errorf("settle reply %d: %w", id, err)
	}
	return masked, nil
}
