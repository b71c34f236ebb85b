package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/shikayat/shikayat"
)

// ReplacedAction is the internal trail event of a complaint whose post X
// read differently from the copy pushed to the desk. When the complaint's
// own text or author changed, its detail carries the complaint's digests
// before and after (from_text_digest, from_author_digest, text_digest,
// author_digest): the first event's hash covers the digests the complaint
// was opened with, and each such event moves them on, so the trail still
// verifies (VerifyTrail follows them).
const ReplacedAction = "post_replaced"

// ReplaceWindow is how long after a complaint is opened intake may still
// replace its text with X's own read of its post: the first polls read a
// pushed post again within minutes, and a day covers a long outage of
// polling. A replacement must also come before the seal of the day the
// complaint was opened. VerifyTrail refuses a replacement outside these
// bounds, or one that does not name the complaint's source post: it is a
// hand in the database, not intake. Later, X's read is only noted.
const ReplaceWindow = 24 * time.Hour

// redecide lets X's own read of a post decide what it becomes, after a
// pushed copy that differed was recorded first (rec is that record, the
// posts row already holds X's copy). A post that made no complaint is
// decided again by the caller (dup false): it may open one now. A complaint
// takes X's text and author; if X's read is not a complaint at all (a
// forged push), the complaint is kept and marked for a person. Nothing is
// deleted, and no second acknowledgement is queued.
func (s *DB) redecide(ctx context.Context, tx *sql.Tx, in *shikayat.Incoming, rec shikayat.PostRecord, now time.Time) (shikayat.PostRecord, bool, error) {
	if rec.ComplaintID == 0 {
		return rec, false, nil
	}
	p := in.Post
	c, err := findComplaintBy(ctx, tx, "c.id = $1", rec.ComplaintID)
	if err != nil {
		return rec, true, err
	}
	rec.ComplaintCode = c.Code
	if rec.Kind != shikayat.RecordComplaint || c.SourcePostID != p.ID {
		// An attachment: the trail keeps what X itself says the post is.
		return rec, true, s.attach(ctx, tx, c, ReplacedAction, p, false, now, nil)
	}
	f := shikayat.Found{Quoted: s.quoted(ctx, tx, in.Dockets), Thread: s.threadComplaint(ctx, tx, p, !in.Staff)}
	d := shikayat.Decide(in, f)
	detail := map[string]string{"post_id": p.ID, "differed": rec.Replaced}
	note := "X's own read of the post differed from the copy pushed to the desk (" + rec.Replaced + "); the complaint now holds X's."
	if d.Open == nil {
		detail["needs_review"] = "1"
		detail["x_decision"] = string(d.Kind)
		note = "X's own read of the post is not a complaint (" + string(d.Kind) + ": " + d.Reason +
			"); the copy pushed to the desk made it one and may have been forged. The complaint is kept for a person to review; it now holds X's text and author."
	}
	replaced, err := s.replaceComplaintPost(ctx, tx, c, p, detail, note, now)
	switch {
	case err != nil:
		return rec, true, err
	case d.Open == nil:
		return rec, true, markForReview(ctx, tx, c.ID, "X's own read of the post is not a complaint ("+string(d.Kind)+")")
	case replaced:
		// The new text is triaged again.
		return rec, true, s.retriage(ctx, tx, c.ID, d.Open, now)
	}
	return rec, true, nil
}

// replaceOpen reports whether a complaint's text may still be replaced at
// now: within ReplaceWindow of its first event, and before the seal of that
// event's day.
func replaceOpen(ctx context.Context, tx *sql.Tx, complaintID int64, now time.Time) (bool, error) {
	var opened int64
	if err := tx.QueryRowContext(ctx, `SELECT at FROM events WHERE complaint_id = $1 ORDER BY id LIMIT 1`, complaintID).Scan(&opened); err != nil {
		return false, fmt.Errorf("replace complaint post: %w", err)
	}
	at := fromMS(opened)
	if now.Before(at) || now.Sub(at) > ReplaceWindow {
		return false, nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM seals WHERE day = $1`, shikayat.ISTDay(at)).Scan(&n); err != nil {
		return false, fmt.Errorf("replace complaint post: %w", err)
	}
	return n == 0, nil
}

// replaceComplaintPost gives the complaint the post's text and author, with
// their new digests, and records the change as an internal event whose
// detail carries the digests before and after. replaced is false when the
// text was kept (redacted, or too late to replace) and X's read only noted.
func (s *DB) replaceComplaintPost(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, p *shikayat.Post, detail map[string]string, note string, now time.Time) (replaced bool, err error) {
	var text, salt, textDigest, authorDigest string
	var redacted sql.NullInt64
	err = tx.QueryRowContext(ctx, `SELECT text, digest_salt, text_digest, author_digest, redacted_at FROM complaints WHERE id = $1`, c.ID).
		Scan(&text, &salt, &textDigest, &authorDigest, &redacted)
	if err != nil {
		return false, fmt.Errorf("replace complaint post: %w", err)
	}
	if redacted.Valid {
		// Redacted: nothing of X's read comes back, not even into the
		// trail (an event's note would hold the post's text). A blank
		// text alone is no redaction: a post may be media only.
		return false, nil
	}
	if ok, err := replaceOpen(ctx, tx, c.ID, now); err != nil {
		return false, err
	} else if !ok {
		// Too late to replace the text: the trail notes X's read.
		return false, s.attach(ctx, tx, c, ReplacedAction, p, false, now, nil)
	}
	if salt == "" {
		if salt, err = newSalt(); err != nil {
			return false, err
		}
	}
	c.Text, c.AuthorID, c.AuthorUsername = p.Text, p.AuthorID, p.AuthorUsername
	if p.ConversationID != "" {
		c.ConversationID = p.ConversationID
	}
	td, ad := shikayat.PersonalDigest(salt, c.Text), shikayat.PersonalDigest(salt, c.AuthorUsername)
	_, err = tx.ExecContext(ctx, `UPDATE complaints SET text = $1, author_id = $2, author_username = $3, conversation_id = $4,
		search_text = $5, text_digest = $6, author_digest = $7, digest_salt = $8, updated_at = $9 WHERE id = $10 AND redacted_at IS NULL`,
		c.Text, c.AuthorID, c.AuthorUsername, c.ConversationID, searchText(c), td, ad, salt, ms(now), c.ID)
	if err != nil {
		return false, fmt.Errorf("replace complaint post: %w", err)
	}
	detail["from_text_digest"], detail["from_author_digest"] = textDigest, authorDigest
	detail["text_digest"], detail["author_digest"] = td, ad
	ev := &shikayat.Event{
		At: now, Actor: shikayat.SystemActor.Name(), Action: ReplacedAction, FromStage: c.Stage, ToStage: c.Stage,
		Note: note, Detail: detail,
	}
	return true, insertEvent(ctx, tx, c.ID, ev)
}
