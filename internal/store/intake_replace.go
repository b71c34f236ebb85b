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
	return rec, true, s.replaceComplaintPost(ctx, tx, c, p, detail, note, now)
}

// replaceComplaintPost gives the complaint the post's text and author, with
// their new digests, and records the change as an internal event whose
// detail carries the digests before and after.
func (s *DB) replaceComplaintPost(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, p *shikayat.Post, detail map[string]string, note string, now time.Time) error {
	var salt, textDigest, authorDigest string
	var redacted sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT digest_salt, text_digest, author_digest, redacted_at FROM complaints WHERE id = $1`, c.ID).
		Scan(&salt, &textDigest, &authorDigest, &redacted)
	if err != nil {
		return fmt.Errorf("replace complaint post: %w", err)
	}
	if redacted.Valid {
		// Redacted: nothing of X's read comes back, not even into the
		// trail (an event's note would hold the post's text). A blank
		// text alone is no redaction: a post may be media only.
		return nil
	}
	if salt == "" {
		if salt, err = newSalt(); err != nil {
			return err
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
		return fmt.Errorf("replace complaint post: %w", err)
	}
	detail["from_text_digest"], detail["from_author_digest"] = textDigest, authorDigest
	detail["text_digest"], detail["author_digest"] = td, ad
	ev := &shikayat.Event{
		At: now, Actor: shikayat.SystemActor.Name(), Action: ReplacedAction, FromStage: c.Stage, ToStage: c.Stage,
		Note: note, Detail: detail,
	}
	return insertEvent(ctx, tx, c.ID, ev)
}
