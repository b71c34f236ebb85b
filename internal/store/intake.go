package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// Fence names a lease the caller must still hold for its writes to commit;
// a node that lost its lease while it worked cannot commit stale work.
type Fence struct {
	Lease  string
	Holder string
	TTL    time.Duration // the lease is renewed for this long at each commit
}

// AcquireLease takes or renews the named lease for holder until now+ttl. It
// reports whether holder has it: false while another holder's lease lives.
func (s *DB) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	now := s.now()
	var got string
	err := s.db.QueryRowContext(ctx, `
		INSERT INTO leases (name, holder, expires_at, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,
			expires_at = excluded.expires_at, updated_at = excluded.updated_at
		WHERE leases.holder = excluded.holder OR leases.expires_at < $4
		RETURNING holder`, name, holder, ms(now.Add(ttl)), ms(now)).Scan(&got)
	if isNoRows(err) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("lease %s: %w", name, err)
	}
	return got == holder, nil
}

// ReleaseLease gives a lease up, so that another node takes it at once.
func (s *DB) ReleaseLease(ctx context.Context, name, holder string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM leases WHERE name = $1 AND holder = $2`, name, holder)
	if err != nil {
		return fmt.Errorf("release lease %s: %w", name, err)
	}
	return nil
}

// checkFence renews the fence's lease inside tx, and fails unless its holder
// still has it: the UPDATE also locks the lease row, so on PostgreSQL a node
// taking the lease over waits for this transaction, and the stale holder
// cannot commit after losing it.
func (s *DB) checkFence(ctx context.Context, tx *sql.Tx, f Fence, now time.Time) error {
	if f.Lease == "" {
		return nil
	}
	ttl := f.TTL
	if ttl <= 0 {
		ttl = 30 * time.Second
	}
	// The holder's name still on the row means nobody took the lease over
	// since, even if its time ran out while this transaction waited for
	// the database (SQLite's writers can wait a while under load).
	res, err := tx.ExecContext(ctx, `UPDATE leases SET expires_at = $1, updated_at = $2 WHERE name = $3 AND holder = $4`,
		ms(now.Add(ttl)), ms(now), f.Lease, f.Holder)
	if err != nil {
		return fmt.Errorf("check lease: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("check lease: %w", err)
	} else if n == 0 {
		return shikayat.Errorf(shikayat.ECONFLICT, "Lease %s is no longer held by %s.", f.Lease, f.Holder)
	}
	return nil
}

// Checkpoint returns the value stored under name, or "" when none is.
func (s *DB) Checkpoint(ctx context.Context, name string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM checkpoints WHERE name = $1`, name).Scan(&v)
	if isNoRows(err) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("checkpoint %s: %w", name, err)
	}
	return v, nil
}

func setCheckpoint(ctx context.Context, tx *sql.Tx, name, value string, now time.Time) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO checkpoints (name, value, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		name, value, ms(now))
	if err != nil {
		return fmt.Errorf("save checkpoint %s: %w", name, err)
	}
	return nil
}

// ConversationOf returns the conversation of a post the desk knows: one it
// recorded, or one of its own replies. Posts pushed in X's older webhook
// shape carry no conversation id; a reply takes its parent's.
func (s *DB) ConversationOf(ctx context.Context, postID string) (string, bool, error) {
	var conv string
	err := s.db.QueryRowContext(ctx, `
		SELECT p.conversation_id FROM posts p WHERE p.id = $1
		UNION ALL
		SELECT p.conversation_id FROM replies r JOIN posts p ON p.id = r.in_reply_to WHERE r.posted_id = $1
		LIMIT 1`, postID).Scan(&conv)
	if isNoRows(err) || (err == nil && conv == "") {
		return "", false, nil
	} else if err != nil {
		return "", false, fmt.Errorf("conversation of %s: %w", postID, err)
	}
	return conv, true, nil
}

// RecordPosts records each incoming post — oldest first — in exactly one
// record, and sets the checkpoint, in one transaction that commits only
// while fence's lease is held. A post recorded before is not recorded again.
func (s *DB) RecordPosts(ctx context.Context, fence Fence, checkpoint, value string, in []shikayat.Incoming) ([]shikayat.PostRecord, error) {
	var out []shikayat.PostRecord
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		if err := s.checkFence(ctx, tx, fence, now); err != nil {
			return err
		}
		out = out[:0]
		for i := range in {
			r, err := s.recordPost(ctx, tx, &in[i], now)
			if err != nil {
				return fmt.Errorf("post %s: %w", in[i].Post.ID, err)
			}
			out = append(out, r)
		}
		if checkpoint != "" {
			return setCheckpoint(ctx, tx, checkpoint, value, now)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *DB) recordPost(ctx context.Context, tx *sql.Tx, in *shikayat.Incoming, now time.Time) (shikayat.PostRecord, error) {
	if in.Unreadable != nil {
		return s.recordUnreadable(ctx, tx, in.Unreadable, now)
	}
	p := in.Post
	rec := shikayat.PostRecord{PostID: p.ID}
	seq, err := strconv.ParseInt(p.ID, 10, 64)
	if err != nil || seq <= 0 {
		return rec, shikayat.Errorf(shikayat.EINVALID, "Post id %q is not a positive number.", p.ID)
	}
	// Claim the post first: a post seen before keeps its first record.
	body, err := json.Marshal(p)
	if err != nil {
		return rec, err
	}
	created := p.CreatedAt
	if created.IsZero() {
		created = now
	}
	source := "poll"
	if in.Pushed {
		source = "push"
	}
	var claimed string
	err = tx.QueryRowContext(ctx, `
		INSERT INTO posts (id, seq, author_id, author_username, conversation_id, text, kind, body, created_at, recorded_at, source)
		VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9, $10)
		ON CONFLICT (id) DO NOTHING RETURNING id`,
		p.ID, seq, p.AuthorID, p.AuthorUsername, p.ConversationID, p.Text, string(body), ms(created), ms(now), source).Scan(&claimed)
	if isNoRows(err) {
		again, dup, rerr := s.recordedBefore(ctx, tx, in, string(body), source, now)
		if rerr != nil || dup {
			return again, rerr
		}
		// An unreadable record gives way to a readable copy, and a pushed
		// copy that made no complaint to X's own read: decide it now.
		rec.Replaced = again.Replaced
		err = nil // the claim's "no rows" is done with
	} else if err != nil {
		return rec, fmt.Errorf("claim post: %w", err)
	}

	// Look up what bears on the post; the domain decides what it becomes.
	var f shikayat.Found
	f.Quoted = s.quoted(ctx, tx, in.Dockets)
	f.Thread = s.threadComplaint(ctx, tx, p, !in.Staff)
	if f.Thread == nil && !in.Staff {
		f.Held = s.threadHeld(ctx, tx, p)
	}
	d := shikayat.Decide(in, f)
	rec.Kind, rec.Reason = d.Kind, d.Reason
	switch {
	case d.Attach != nil:
		c := d.Attach
		rec.ComplaintID, rec.ComplaintCode = c.ID, c.Code
		err = s.attach(ctx, tx, c, d.Event, p, false, now, ratingDetail(d))
		if err == nil && (d.Rating != 0 || d.Appeal != "") {
			err = s.feedback(ctx, tx, c, d, now)
		}
		if err == nil && d.StatusReply && s.opts.Jobs != nil {
			err = s.opts.Jobs.InsertTx(ctx, tx, shikayat.Job{Kind: shikayat.JobStatusReply, ComplaintID: c.ID, PostID: p.ID, Urgent: c.EffectiveClass() == shikayat.ClassImmediate})
		}
	case d.Open != nil:
		var c *shikayat.Complaint
		if c, _, err = s.createComplaint(ctx, tx, *d.Open); err == nil {
			rec.ComplaintID, rec.ComplaintCode = c.ID, c.Code
		}
	case d.Kind == shikayat.RecordHeld && d.Urgent:
		// Danger now, and triage unsure it is the police's: HQ is told at
		// once, and a person must look within the SLA's first deadline.
		err = s.alertHeld(ctx, tx, p, now)
	case d.HelplineReply && s.opts.Jobs != nil:
		err = s.opts.Jobs.InsertTx(ctx, tx, shikayat.Job{Kind: shikayat.JobHelplineReply, PostID: p.ID})
	}
	if err != nil {
		return rec, err
	}
	var intent shikayat.Intent
	var lang, triage, handling, reasons string
	if t := in.Triage; t != nil {
		intent, lang, handling = t.Intent, t.Lang, string(t.Handling)
		b, err := json.Marshal(t)
		if err != nil {
			return rec, fmt.Errorf("record post: %w", err)
		}
		triage = string(b)
		if len(t.Reasons) > 0 {
			b, err := json.Marshal(t.Reasons)
			if err != nil {
				return rec, fmt.Errorf("record post: %w", err)
			}
			reasons = string(b)
		}
	}
	var cid sql.NullInt64
	if rec.ComplaintID != 0 {
		cid = sql.NullInt64{Int64: rec.ComplaintID, Valid: true}
	}
	var due sql.NullInt64
	if d.Kind == shikayat.RecordHeld && d.Urgent {
		due = sql.NullInt64{Int64: ms(heldDue(created, s.sla())), Valid: true}
	}
	_, err = tx.ExecContext(ctx, `UPDATE posts SET kind = $1, reason = $2, complaint_id = $3, intent = $4, lang = $5,
			triage = $6, handling = $7, mentions = $8, forward = $9, urgent = $10, due_at = $11, held_post_id = $12,
			reasons = $13
		WHERE id = $14`,
		string(rec.Kind), rec.Reason, cid, string(intent), lang, triage, handling,
		boolInt(in.MentionsAccount), boolInt(in.Forward), boolInt(d.Kind == shikayat.RecordHeld && d.Urgent), due, d.HeldPost,
		reasons, p.ID)
	if err != nil {
		return rec, fmt.Errorf("record post: %w", err)
	}
	return rec, nil
}

// recordedBefore handles a post whose id has a record: it returns that
// record (dup true), after letting a polled copy replace the content of a
// pushed one; or, when the record is an unreadable one, turns it back into
// a claim for this readable copy (dup false).
func (s *DB) recordedBefore(ctx context.Context, tx *sql.Tx, in *shikayat.Incoming, body, source string, now time.Time) (shikayat.PostRecord, bool, error) {
	p := in.Post
	rec := shikayat.PostRecord{PostID: p.ID, Duplicate: true}
	var kind, reason, oldSource, oldText, oldAuthor, oldConv string
	var cid, redacted sql.NullInt64
	// The row is locked (PostgreSQL; SQLite has one writer at a time): a
	// redaction cannot slip in between this read and the updates below,
	// which also leave a redacted row alone.
	err := tx.QueryRowContext(ctx, `SELECT kind, reason, complaint_id, source, text, author_id, conversation_id, redacted_at FROM posts WHERE id = $1`+s.forUpdate(), p.ID).
		Scan(&kind, &reason, &cid, &oldSource, &oldText, &oldAuthor, &oldConv, &redacted)
	if err != nil {
		return rec, true, fmt.Errorf("read record: %w", err)
	}
	s.lockHeld("record")
	rec.Kind, rec.Reason, rec.ComplaintID = shikayat.RecordKind(kind), reason, cid.Int64
	if redacted.Valid {
		// Redacted (deleted on X, erased, past retention): a later read of
		// X never fills it in again.
		return rec, true, nil
	}
	replace := func() error {
		_, err := tx.ExecContext(ctx, `UPDATE posts SET author_id = $1, author_username = $2, conversation_id = $3, text = $4, body = $5, source = $6 WHERE id = $7 AND redacted_at IS NULL`,
			p.AuthorID, p.AuthorUsername, p.ConversationID, p.Text, body, source, p.ID)
		if err != nil {
			return fmt.Errorf("replace post: %w", err)
		}
		return nil
	}
	switch {
	case rec.Kind == shikayat.RecordUnreadable:
		// Two readable copies may come at once (poll and stream): only the
		// one whose update turns the record from unreadable decides it.
		var won string
		err := tx.QueryRowContext(ctx, `UPDATE posts SET author_id = $1, author_username = $2, conversation_id = $3, text = $4, body = $5, source = $6, kind = 'pending'
			WHERE id = $7 AND kind = 'unreadable' AND redacted_at IS NULL RETURNING id`,
			p.AuthorID, p.AuthorUsername, p.ConversationID, p.Text, body, source, p.ID).Scan(&won)
		if isNoRows(err) {
			err = tx.QueryRowContext(ctx, `SELECT kind, reason, complaint_id FROM posts WHERE id = $1`, p.ID).Scan(&kind, &reason, &cid)
			rec.Kind, rec.Reason, rec.ComplaintID = shikayat.RecordKind(kind), reason, cid.Int64
			return rec, true, err
		} else if err != nil {
			return rec, true, fmt.Errorf("replace post: %w", err)
		}
		return rec, false, nil
	case oldSource != "push" || in.Pushed:
		return rec, true, nil
	}
	// X's own read wins over a pushed copy.
	var diff []string
	if oldText != p.Text {
		diff = append(diff, "text")
	}
	if oldAuthor != p.AuthorID {
		diff = append(diff, "author")
	}
	if oldConv != p.ConversationID && p.ConversationID != "" {
		diff = append(diff, "conversation")
	}
	if err := replace(); err != nil {
		return rec, true, err
	}
	if len(diff) == 0 {
		return rec, true, nil
	}
	rec.Replaced = strings.Join(diff, ",")
	return s.redecide(ctx, tx, in, rec, now)
}

// recordUnreadable records a post that could not be decoded, raw JSON and
// all, once per id.
func (s *DB) recordUnreadable(ctx context.Context, tx *sql.Tx, u *shikayat.UnreadablePost, now time.Time) (shikayat.PostRecord, error) {
	rec := shikayat.PostRecord{PostID: u.ID}
	if u.ID == "" {
		return rec, shikayat.Errorf(shikayat.EINVALID, "An unreadable post needs a key.")
	}
	seq, err := strconv.ParseInt(u.ID, 10, 64)
	if err != nil || seq < 0 {
		seq = 0
	}
	d := shikayat.Decide(&shikayat.Incoming{Unreadable: u}, shikayat.Found{})
	var claimed string
	err = tx.QueryRowContext(ctx, `
		INSERT INTO posts (id, seq, kind, reason, body, created_at, recorded_at, source)
		VALUES ($1, $2, $3, $4, $5, $6, $6, 'poll')
		ON CONFLICT (id) DO NOTHING RETURNING id`,
		u.ID, seq, string(d.Kind), d.Reason, u.Raw, ms(now)).Scan(&claimed)
	if isNoRows(err) {
		var kind, reason string
		if err := tx.QueryRowContext(ctx, `SELECT kind, reason FROM posts WHERE id = $1`, u.ID).Scan(&kind, &reason); err != nil {
			return rec, fmt.Errorf("read record: %w", err)
		}
		rec.Kind, rec.Reason, rec.Duplicate = shikayat.RecordKind(kind), reason, true
		return rec, nil
	} else if err != nil {
		return rec, fmt.Errorf("record unreadable post: %w", err)
	}
	rec.Kind, rec.Reason = d.Kind, d.Reason
	return rec, nil
}

// UnreadablePosts returns the newest posts recorded as unreadable, at most
// limit of them, each with its raw JSON and why it could not be read.
func (s *DB) UnreadablePosts(ctx context.Context, limit int) ([]shikayat.UnreadablePost, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, body, reason FROM posts WHERE kind = 'unreadable' ORDER BY recorded_at DESC, id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("unreadable posts: %w", err)
	}
	defer rows.Close()
	var out []shikayat.UnreadablePost
	for rows.Next() {
		var u shikayat.UnreadablePost
		if err := rows.Scan(&u.ID, &u.Raw, &u.Error); err != nil {
			return nil, fmt.Errorf("unreadable posts: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SetCheckpoint stores value under name, while fence's lease is held.
func (s *DB) SetCheckpoint(ctx context.Context, fence Fence, name, value string) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		if err := s.checkFence(ctx, tx, fence, now); err != nil {
			return err
		}
		return setCheckpoint(ctx, tx, name, value, now)
	})
}

// quoted returns the first complaint among the quoted codes that exists.
func (s *DB) quoted(ctx context.Context, tx *sql.Tx, codes []string) *shikayat.Complaint {
	for _, code := range codes {
		if c, err := findComplaintBy(ctx, tx, "c.code = $1", code); err == nil {
			return c
		}
	}
	return nil
}

// threadComplaint returns the complaint opened in the post's conversation
// (by the same author when sameAuthor), or nil.
func (s *DB) threadComplaint(ctx context.Context, tx *sql.Tx, p *shikayat.Post, sameAuthor bool) *shikayat.Complaint {
	if p.ConversationID == "" || p.ConversationID == p.ID {
		return nil
	}
	where := "c.conversation_id = $1 ORDER BY c.id LIMIT 1"
	args := []any{p.ConversationID}
	if sameAuthor {
		where = "c.conversation_id = $1 AND c.author_id = $2 ORDER BY c.id LIMIT 1"
		args = append(args, p.AuthorID)
	}
	c, err := findComplaintBy(ctx, tx, where, args...)
	if err != nil {
		return nil
	}
	return c
}

// attach adds a post to a complaint's trail, with detail besides the post's
// id (nil for none).
func (s *DB) attach(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, action string, p *shikayat.Post, public bool, now time.Time, detail map[string]string) error {
	ev := &shikayat.Event{
		At: now, Actor: "@" + p.AuthorUsername, Action: action, FromStage: c.Stage, ToStage: c.Stage,
		Note: p.Text, Public: public, Detail: map[string]string{"post_id": p.ID},
	}
	for k, v := range detail {
		ev.Detail[k] = v
	}
	if p.AuthorUsername == "" {
		ev.Actor = "x:" + p.AuthorID
	}
	if err := insertEvent(ctx, tx, c.ID, ev); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE complaints SET updated_at = $1 WHERE id = $2`, ms(now), c.ID)
	return err
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// KeepFirstCheckpoint stores value under name unless a value is stored
// there already, and returns the value stored: the first writer's, on any
// node. It needs no lease: it records a fact (when a node first saw
// something), not intake's progress.
func (s *DB) KeepFirstCheckpoint(ctx context.Context, name, value string) (string, error) {
	var kept string
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO checkpoints (name, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
			name, value, ms(s.now())); err != nil {
			return fmt.Errorf("checkpoint %s: %w", name, err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT value FROM checkpoints WHERE name = $1`, name).Scan(&kept); err != nil {
			return fmt.Errorf("checkpoint %s: %w", name, err)
		}
		return nil
	})
	return kept, err
}
