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

// Redaction blanks personal data and keeps everything else: the docket,
// its stages and units, public notes, the counts, and the trail. Personal
// text enters the trail's hashes only through its digests (see trail.go in
// the root package), which stay; the salts go, so that a digest cannot be
// tested against guesses. VerifyTrail reads blank text as redacted. A
// redacted post is never filled in again from a later read of X.
//
// What is blanked, for a post: its text, author handle and id (a post
// deleted on X keeps its author's numeric id), the raw post
// as read (body), triage's reasons (they quote the text), the actor and
// note of the trail events its author's post made (the note is the post's
// text); the desk's replies to it still waiting are given up, not sent (see
// blankReplies for what is kept of the others). For the complaint a post opened, besides: the complaint's text,
// author, media, coordinates and search text, and the copies of the
// complaint kept to answer a retried request (idempotency keys). The
// SQLite full-text tables follow through their triggers.

// RedactedAction is the internal trail event that records a redaction.
const RedactedAction = "redacted"

// Why personal data was redacted, as the redaction event's detail says.
const (
	RedactDeleted   = "deleted_on_x" // X's compliance data: the post is gone from X
	RedactErasure   = "erasure"      // the person asked (shikayat privacy erase)
	RedactRetention = "retention"    // the complaint closed longer ago than the deployment keeps data
)

// redaction is one redaction's reason, and the complaints it touched (for
// their trail events).
type redaction struct {
	why string
	// keepAuthorID keeps the author's X id (not a handle, nor text) on a
	// post deleted on X, so that the author's later posts in the thread
	// still join the complaint; an erasure or retention takes it too.
	keepAuthorID bool
	note         string // the trail event's note
	now          time.Time
	touched      map[int64]int // complaint id → posts redacted in it
	order        []int64
	posts        int
	givenUp      map[int64]int      // complaint id → replies waiting that will not be sent
	masked       map[int64][]string // complaint id → its "replied" events masked (maskedNote)
}

func newRedaction(why, note string, now time.Time) *redaction {
	return &redaction{why: why, note: note, now: now, touched: map[int64]int{}, givenUp: map[int64]int{}, masked: map[int64][]string{}, keepAuthorID: why == RedactDeleted}
}

// authorID is the SQL for a redacted row's author_id column.
func (r *redaction) authorID() string {
	if r.keepAuthorID {
		return "author_id"
	}
	return "''"
}

func (r *redaction) touch(cid int64, posts int) {
	if cid == 0 {
		return
	}
	if _, ok := r.touched[cid]; !ok {
		r.order = append(r.order, cid)
	}
	r.touched[cid] += posts
}

// redactPost redacts one recorded post, and the complaint it opened. A
// post not recorded, or redacted before, is left alone.
func (s *DB) redactPost(ctx context.Context, tx *sql.Tx, id string, r *redaction) error {
	if err := s.redactRetweets(ctx, tx, id, r); err != nil {
		return err
	}
	var cid sql.NullInt64
	var redacted sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT complaint_id, redacted_at FROM posts WHERE id = $1`, id).Scan(&cid, &redacted)
	if isNoRows(err) {
		return nil
	} else if err != nil {
		return fmt.Errorf("redact post %s: %w", id, err)
	}
	if !redacted.Valid {
		if err := s.blankPost(ctx, tx, id, cid.Int64, r); err != nil {
			return err
		}
		s.lockHeld("redact")
	}
	var opened int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM complaints WHERE source_post_id = $1`, id).Scan(&opened)
	if isNoRows(err) {
		return nil
	} else if err != nil {
		return fmt.Errorf("redact post %s: %w", id, err)
	}
	return s.blankComplaint(ctx, tx, opened, r)
}

// redactRetweets redacts the recorded retweets of post id, by anyone: a
// retweet holds the original's full text (its stored post names it in
// retweet_of).
func (s *DB) redactRetweets(ctx context.Context, tx *sql.Tx, id string, r *redaction) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM posts WHERE redacted_at IS NULL AND id <> $1 AND body LIKE $2`,
		id, `%"retweet_of":`+jsonString(id)+`%`)
	if err != nil {
		return fmt.Errorf("redact retweets of %s: %w", id, err)
	}
	set := map[string]bool{}
	if err := collect(rows, set, false); err != nil {
		return err
	}
	for _, rt := range sortedSet(set) {
		if err := s.redactPost(ctx, tx, rt, r); err != nil {
			return err
		}
	}
	return nil
}

// blankPost blanks a post's row, its author's events about it and the
// desk's replies to it.
func (s *DB) blankPost(ctx context.Context, tx *sql.Tx, id string, cid int64, r *redaction) error {
	var triage, body, kept string
	if err := tx.QueryRowContext(ctx, `SELECT triage, body, accounts_mentioned FROM posts WHERE id = $1`, id).Scan(&triage, &body, &kept); err != nil {
		return fmt.Errorf("redact post %s: %w", id, err)
	}
	// The force's accounts it mentioned stay: a reply still goes from one
	// of them (reply_account.go).
	if m := s.accountsMentioned(body); m != "" {
		kept = m
	}
	_, err := tx.ExecContext(ctx, `UPDATE posts SET text = '', author_username = '', author_id = `+r.authorID()+`, body = '',
		triage = $1, reasons = '', redacted_at = $2, accounts_mentioned = $3 WHERE id = $4`, withoutReasons(triage), ms(r.now), kept, id)
	if err != nil {
		return fmt.Errorf("redact post %s: %w", id, err)
	}
	if cid != 0 {
		// The events the post made in its complaint's trail: the author as
		// actor, the text as note (see attach).
		_, err = tx.ExecContext(ctx, `UPDATE events SET actor = '', note = '', salt = ''
			WHERE complaint_id = $1 AND detail LIKE $2 AND (actor LIKE '@%' OR actor LIKE 'x:%' OR actor = '')
				AND (actor <> '' OR note <> '' OR salt <> '') AND hash <> ''`,
			cid, `%"post_id":`+jsonString(id)+`%`)
		if err != nil {
			return fmt.Errorf("redact post %s: events: %w", id, err)
		}
		// A retried request's answer is the complaint with its events.
		if _, err := tx.ExecContext(ctx, `UPDATE idempotency_keys SET response = '' WHERE complaint_id = $1`, cid); err != nil {
			return fmt.Errorf("redact post %s: %w", id, err)
		}
	}
	if err := s.blankReplies(ctx, tx, "in_reply_to = $1", id, r); err != nil {
		return err
	}
	r.posts++
	r.touch(cid, 1)
	return nil
}

// blankComplaint blanks a complaint's personal data, each post recorded on
// it being left to the caller.
func (s *DB) blankComplaint(ctx context.Context, tx *sql.Tx, cid int64, r *redaction) error {
	var code string
	var redacted sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT code, redacted_at FROM complaints WHERE id = $1`, cid).Scan(&code, &redacted); err != nil {
		return fmt.Errorf("redact complaint %d: %w", cid, err)
	}
	if redacted.Valid {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE complaints SET text = '', author_username = '', author_id = `+r.authorID()+`, media = '',
		lat = NULL, lon = NULL, search_text = $1, digest_salt = '', redacted_at = $2 WHERE id = $3`,
		searchText(&shikayat.Complaint{Code: code}), ms(r.now), cid)
	if err != nil {
		return fmt.Errorf("redact complaint %s: %w", code, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE idempotency_keys SET response = '' WHERE complaint_id = $1`, cid); err != nil {
		return fmt.Errorf("redact complaint %s: %w", code, err)
	}
	r.touch(cid, 0)
	return nil
}

// blankComplaintAll redacts a complaint, every post recorded on it and
// every event a citizen's post made in its trail (retention, erasure).
func (s *DB) blankComplaintAll(ctx context.Context, tx *sql.Tx, cid int64, r *redaction) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM posts WHERE complaint_id = $1 AND redacted_at IS NULL`, cid)
	if err != nil {
		return fmt.Errorf("redact complaint %d: %w", cid, err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("redact complaint %d: %w", cid, err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("redact complaint %d: %w", cid, err)
	}
	for _, id := range ids {
		if err := s.blankPost(ctx, tx, id, cid, r); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE events SET actor = '', note = '', salt = ''
		WHERE complaint_id = $1 AND (actor LIKE '@%' OR actor LIKE 'x:%') AND hash <> ''`, cid)
	if err != nil {
		return fmt.Errorf("redact complaint %d: events: %w", cid, err)
	}
	if err := s.blankReplies(ctx, tx, "complaint_id = $1", cid, r); err != nil {
		return err
	}
	r.touch(cid, 0)
	return s.blankComplaint(ctx, tx, cid, r)
}

// blankReplies settles the desk's replies matching where. A reply still
// waiting that no try may have reached X with is given up, never sent
// (counted in the redaction's event). A reply being sent is left to its
// sender, which learns whether it went out (see settleRedacted). One
// pending again but unsure since a try of unknown outcome is given up
// unverified (counted too); it and every other reply given up unverified
// (X called it a duplicate, say) have their text masked at once, keeping no
// digest of it (maskUnsettled).
// The settled ones (sent, failed) keep their text, as their "replied"
// events do: the force's own public posts, with phone numbers, e-mail
// addresses and @handles masked (maskReplied).
func (s *DB) blankReplies(ctx context.Context, tx *sql.Tx, where string, arg any, r *redaction) error {
	given, err := tx.QueryContext(ctx, `UPDATE replies SET error = '`+RedactedReplyReason+`',
			state = CASE WHEN unsure_since <> 0 THEN 'given_up_unverified' ELSE 'failed' END
		WHERE state = 'pending' AND `+where+` RETURNING COALESCE(complaint_id, 0)`, arg)
	if err != nil {
		return fmt.Errorf("redact replies: %w", err)
	}
	for given.Next() {
		var cid int64
		if err := given.Scan(&cid); err != nil {
			given.Close()
			return fmt.Errorf("redact replies: %w", err)
		}
		r.givenUp[cid]++
	}
	given.Close()
	if err := given.Err(); err != nil {
		return fmt.Errorf("redact replies: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, text, state, COALESCE(complaint_id, 0), posted_id FROM replies
		WHERE state IN ('sent', 'failed', 'given_up_unverified') AND `+where, arg)
	if err != nil {
		return fmt.Errorf("redact replies: %w", err)
	}
	type reply struct {
		id, cid     int64
		text, state string
		postedID    string
	}
	var all []reply
	for rows.Next() {
		var x reply
		if err := rows.Scan(&x.id, &x.text, &x.state, &x.cid, &x.postedID); err != nil {
			rows.Close()
			return fmt.Errorf("redact replies: %w", err)
		}
		all = append(all, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("redact replies: %w", err)
	}
	for _, x := range all {
		if x.state == string(shikayat.ReplyUnverified) {
			if _, err := maskUnsettled(ctx, tx, x.id, x.text); err != nil {
				return err
			}
			continue
		}
		if m := shikayat.MaskContacts(x.text); m != x.text {
			if _, err := tx.ExecContext(ctx, `UPDATE replies SET text = $1, text_digest = '' WHERE id = $2`, m, x.id); err != nil {
				return fmt.Errorf("redact replies: %w", err)
			}
		}
		if x.state == string(shikayat.ReplySent) && x.cid != 0 && x.postedID != "" {
			if err := maskReplied(ctx, tx, x.cid, x.postedID, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// maskReplied replaces the note of the "replied" event that put the reply
// posted as postedID on complaint cid's trail, when it holds contact
// details, by RedactedNote, the only other note such an event may take
// (the events trigger refuses any other). The salt goes, so that the
// note's digest (which the event's hash covers) cannot be tested against
// guesses; the redaction event names the event with that digest
// (MaskedRepliesKey), so that audit verify accepts the marker there only.
func maskReplied(ctx context.Context, tx *sql.Tx, cid int64, postedID string, r *redaction) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, note, note_digest FROM events
		WHERE complaint_id = $1 AND action = 'replied' AND user_id IS NULL AND hash <> '' AND salt <> '' AND detail LIKE $2`,
		cid, `%"post_id":`+jsonString(postedID)+`%`)
	if err != nil {
		return fmt.Errorf("redact replied events: %w", err)
	}
	type note struct {
		id           int64
		text, digest string
	}
	var notes []note
	for rows.Next() {
		var n note
		if err := rows.Scan(&n.id, &n.text, &n.digest); err != nil {
			rows.Close()
			return fmt.Errorf("redact replied events: %w", err)
		}
		notes = append(notes, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("redact replied events: %w", err)
	}
	for _, n := range notes {
		if shikayat.MaskContacts(n.text) == n.text {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE events SET note = $1, salt = '' WHERE id = $2`, RedactedNote, n.id); err != nil {
			return fmt.Errorf("redact replied events: %w", err)
		}
		r.masked[cid] = append(r.masked[cid], strconv.FormatInt(n.id, 10)+":"+n.digest)
		r.touch(cid, 0)
	}
	return nil
}

// MaskedRepliesKey is the key of a redaction event's detail that lists the
// "replied" events whose notes the redaction replaced by RedactedNote,
// each as "EVENT-ID:NOTE-DIGEST" (the event's note digest, as its hash
// covers it), separated by commas.
const MaskedRepliesKey = "masked_replies"

// RedactedNote is the note a redaction leaves on the desk's "replied"
// event of a redacted post or complaint in place of the reply as posted.
const RedactedNote = "[redacted]"

// record writes one redaction event in the trail of every complaint the
// redaction touched, and moves the complaint's version on: a staff action
// that read the complaint before the redaction then fails its
// compare-and-set instead of saving the erased text in the answer kept for
// its Idempotency-Key.
func (s *DB) record(ctx context.Context, tx *sql.Tx, r *redaction) error {
	for _, cid := range r.order {
		var stage string
		if err := tx.QueryRowContext(ctx, `UPDATE complaints SET version = version + 1 WHERE id = $1 RETURNING stage`, cid).Scan(&stage); err != nil {
			return fmt.Errorf("record redaction: %w", err)
		}
		ev := &shikayat.Event{
			At: r.now, Actor: shikayat.SystemActor.Name(), Action: RedactedAction,
			FromStage: shikayat.Stage(stage), ToStage: shikayat.Stage(stage), Note: r.note,
			Detail: map[string]string{"reason": r.why, "posts": strconv.Itoa(r.touched[cid])},
		}
		if n := r.givenUp[cid]; n > 0 {
			ev.Detail["replies_given_up"] = strconv.Itoa(n)
		}
		if m := r.masked[cid]; len(m) > 0 {
			ev.Detail[MaskedRepliesKey] = strings.Join(m, ",")
		}
		if err := insertEvent(ctx, tx, cid, ev); err != nil {
			return err
		}
	}
	return nil
}

// withoutReasons drops triage's reasons (they quote the post) from its
// stored JSON, keeping the judgement.
func withoutReasons(triage string) string {
	if triage == "" {
		return ""
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(triage), &m); err != nil {
		return ""
	}
	delete(m, "reasons")
	b, err := json.Marshal(m)
	if err != nil {
		return ""
	}
	return string(b)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// RedactDeletedPosts redacts the recorded posts X says are gone (deleted,
// or their author's account deleted, suspended or protected), with a trail
// event on each complaint they touched. Posts not recorded, or redacted
// before, are left alone. It returns how many posts it redacted.
func (s *DB) RedactDeletedPosts(ctx context.Context, ids []string) (int, error) {
	n := 0
	for len(ids) > 0 {
		batch := ids[:min(len(ids), 200)]
		ids = ids[len(batch):]
		err := s.withTx(ctx, func(tx *sql.Tx) error {
			r := newRedaction(RedactDeleted, "The post was deleted on X: its text, media and author are redacted.", s.now())
			if err := s.lockRedacted(ctx, tx, nil, batch); err != nil {
				return err
			}
			authors, err := postAuthors(ctx, tx, batch)
			if err != nil {
				return err
			}
			for _, id := range batch {
				if err := s.redactPost(ctx, tx, id, r); err != nil {
					return err
				}
			}
			if err := dropLoneAuthorIDs(ctx, tx, authors); err != nil {
				return err
			}
			if err := s.record(ctx, tx, r); err != nil {
				return err
			}
			n += r.posts
			return nil
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// postAuthors returns the X author ids of the recorded, unredacted posts
// among ids.
func postAuthors(ctx context.Context, tx *sql.Tx, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT author_id FROM posts WHERE redacted_at IS NULL AND author_id <> '' AND id IN (`+inList(1, len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("redact posts: %w", err)
	}
	set := map[string]bool{}
	if err := collect(rows, set, false); err != nil {
		return nil, err
	}
	return sortedSet(set), nil
}

// dropLoneAuthorIDs takes the X author id off the redacted posts and
// complaints of each author nothing unredacted is held about any more. A
// post deleted on X keeps its author's id so that the author's later posts
// still join the thread's complaint; with nothing of the author left, the
// id would only be a key to the person no erasure by handle could find.
func dropLoneAuthorIDs(ctx context.Context, tx *sql.Tx, authors []string) error {
	for _, id := range authors {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM posts WHERE author_id = $1 AND redacted_at IS NULL)
			+ (SELECT count(*) FROM complaints WHERE author_id = $1 AND redacted_at IS NULL)`, id).Scan(&n)
		if err != nil {
			return fmt.Errorf("redact posts: %w", err)
		}
		if n > 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE posts SET author_id = '' WHERE author_id = $1`, id); err != nil {
			return fmt.Errorf("redact posts: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE complaints SET author_id = '' WHERE author_id = $1`, id); err != nil {
			return fmt.Errorf("redact posts: %w", err)
		}
	}
	return nil
}

// UnredactedPostIDs returns the ids of recorded posts not redacted yet,
// posted at or after since (all of them when since is zero), oldest first,
// at most limit, after the id after (paging; "" to start).
func (s *DB) UnredactedPostIDs(ctx context.Context, since time.Time, after string, limit int) ([]string, error) {
	var afterSeq int64
	if after != "" {
		var err error
		if afterSeq, err = strconv.ParseInt(after, 10, 64); err != nil {
			return nil, shikayat.Errorf(shikayat.EINVALID, "Post id %q is not a number.", after)
		}
	}
	// X's ids count milliseconds: the walk starts at the first id of since.
	if !since.IsZero() {
		if first, err := strconv.ParseInt(shikayat.SnowflakeAt(since), 10, 64); err == nil && first-1 > afterSeq {
			afterSeq = first - 1
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM posts
		WHERE redacted_at IS NULL AND seq > $1 AND created_at >= $2
		ORDER BY seq LIMIT $3`, afterSeq, ms(since), limit)
	if err != nil {
		return nil, fmt.Errorf("posts to check: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("posts to check: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// RedactClosedBefore redacts the personal data of complaints closed before
// cutoff (the retention rule), at most limit of them, each with its posts
// and its citizens' events, recording the redaction in each trail. It
// returns how many complaints it redacted.
func (s *DB) RedactClosedBefore(ctx context.Context, cutoff time.Time, limit int) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM complaints
		WHERE stage = 'closed' AND redacted_at IS NULL AND closed_at < $1 ORDER BY closed_at LIMIT $2`, ms(cutoff), limit)
	if err != nil {
		return 0, fmt.Errorf("retention: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("retention: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("retention: %w", err)
	}
	n := 0
	for _, id := range ids {
		err := s.withTx(ctx, func(tx *sql.Tx) error {
			// Closed, and still closed: a complaint reopened since is kept.
			if err := s.lockRedacted(ctx, tx, []int64{id}, nil); err != nil {
				return err
			}
			var stage string
			var redacted sql.NullInt64
			if err := tx.QueryRowContext(ctx, `SELECT stage, redacted_at FROM complaints WHERE id = $1`, id).Scan(&stage, &redacted); err != nil {
				return fmt.Errorf("retention: %w", err)
			}
			if stage != string(shikayat.StageClosed) || redacted.Valid {
				return nil
			}
			r := newRedaction(RedactRetention, "The complaint closed longer ago than the deployment keeps personal data: it is redacted.", s.now())
			if err := s.blankComplaintAll(ctx, tx, id, r); err != nil {
				return err
			}
			n++
			return s.record(ctx, tx, r)
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// forUpdate is the clause that locks the rows a SELECT reads until the
// transaction ends, on PostgreSQL; SQLite lets one writer in at a time.
func (s *DB) forUpdate() string {
	if s.engine == Postgres {
		return " FOR UPDATE"
	}
	return ""
}
