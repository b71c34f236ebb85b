package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// TrailReport is what VerifyTrail found.
type TrailReport struct {
	Complaints int // complaints whose trail was checked
	Events     int // events whose hash was re-computed
	Seals      int // day seals re-computed
	LastSealed string
	// Failure is the first thing that did not match; nil when all did.
	Failure *TrailFailure
}

// TrailFailure names the first complaint and event, or the day, whose hash
// does not match.
type TrailFailure struct {
	Code    string // the complaint's docket code; "" for a seal
	EventID int64  // 0 when the complaint itself or a seal failed
	Day     string // the seal's day, for a seal
	Reason  string
}

func (f *TrailFailure) String() string {
	switch {
	case f.Day != "":
		return fmt.Sprintf("seal of %s: %s", f.Day, f.Reason)
	case f.Code == "":
		return fmt.Sprintf("event %d: %s", f.EventID, f.Reason)
	case f.EventID != 0:
		return fmt.Sprintf("complaint %s, event %d: %s", f.Code, f.EventID, f.Reason)
	}
	return fmt.Sprintf("complaint %s: %s", f.Code, f.Reason)
}

// VerifyTrail re-computes every event's hash, complaint by complaint in the
// order of the chain, and then every day's seal. It streams: the complaints
// and the events are read side by side in id order, so memory does not grow
// with the table. It stops at the first mismatch.
//
// On a live database the complaints are read first: a complaint created
// after that is skipped, and every complaint read has its first event
// (written in the same transaction) in the events read after it.
func (s *DB) VerifyTrail(ctx context.Context) (*TrailReport, error) {
	rep := &TrailReport{}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	seals, err := s.sealTimes(ctx)
	if err != nil {
		return nil, err
	}
	// The posts redacted: a "replied" event may carry RedactedNote only
	// when the post it answers, or its complaint, was redacted.
	redactedPosts, err := s.redactedPostIDs(ctx)
	if err != nil {
		return nil, err
	}
	crows, err := s.db.QueryContext(ctx, `
		SELECT id, code, source_post_id, text, author_username, text_digest, author_digest, digest_salt, redacted_at IS NOT NULL
		FROM complaints ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	defer crows.Close()
	erows, err := s.db.QueryContext(ctx, `
		SELECT id, complaint_id, at, actor, COALESCE(user_id, 0), action, from_stage, to_stage,
			from_unit, to_unit, note, public, detail, hash, actor_digest, note_digest, salt, by_unit
		FROM events ORDER BY complaint_id, id`)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	defer erows.Close()

	var ev trailRow
	haveEvent, err := ev.next(erows)
	if err != nil {
		return nil, err
	}
	for crows.Next() {
		var c trailComplaint
		if err := crows.Scan(&c.id, &c.code, &c.sourcePostID, &c.text, &c.author, &c.textDigest, &c.authorDigest, &c.salt, &c.redacted); err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		rep.Complaints++
		// Events of complaints not read: created since, or of none.
		for haveEvent && ev.complaintID < c.id {
			if rep.Failure, err = s.orphan(ctx, &ev); err != nil || rep.Failure != nil {
				return rep, err
			}
			if haveEvent, err = ev.next(erows); err != nil {
				return nil, err
			}
		}
		if !haveEvent || ev.complaintID != c.id {
			rep.Failure = &TrailFailure{Code: c.code, Reason: "the complaint has no events"}
			return rep, nil
		}
		if reason := c.check(); reason != "" {
			rep.Failure = &TrailFailure{Code: c.code, EventID: ev.e.ID, Reason: reason}
			return rep, nil
		}
		// The first event covers the digests the complaint was opened
		// with; a post X read differently since moved them on, each time
		// in an event that names them before and after. Its check waits
		// until the complaint's events have been read.
		prev, first := "", true
		var opened trailRow
		var moves digestMoves
		var unrecorded int64         // the first blanked event no redaction event followed yet
		masked := map[int64]string{} // masked "replied" events no redaction event named yet: id → digest
		var latest time.Time         // the latest time of the events so far
		for haveEvent && ev.complaintID == c.id {
			rep.Events++
			if ev.maskedReply() {
				if ev.e.Note != RedactedNote {
					rep.Failure = &TrailFailure{Code: c.code, EventID: ev.e.ID, Reason: "the reply's note was rewritten"}
					return rep, nil
				}
				if detail, _ := parseDetail(ev.detail); !c.redacted && !redactedPosts[detail["in_reply_to"]] {
					rep.Failure = &TrailFailure{Code: c.code, EventID: ev.e.ID, Reason: "the reply's note was blanked, but neither its complaint nor the post it answers was redacted"}
					return rep, nil
				}
				masked[ev.e.ID] = ev.noteDigest
			} else if ev.blanked() {
				if reason := ev.blankable(); reason != "" {
					rep.Failure = &TrailFailure{Code: c.code, EventID: ev.e.ID, Reason: reason}
					return rep, nil
				}
				if unrecorded == 0 {
					unrecorded = ev.e.ID
				}
			} else if ev.e.Action == RedactedAction && ev.e.Actor == shikayat.SystemActor.Name() && ev.e.UserID == 0 {
				unrecorded = 0
				if id, reason := ev.vouch(masked); reason != "" {
					rep.Failure = &TrailFailure{Code: c.code, EventID: id, Reason: reason}
					return rep, nil
				}
			}
			if first {
				opened = ev
			} else if reason := ev.check(prev, c, false); reason != "" {
				rep.Failure = &TrailFailure{Code: c.code, EventID: ev.e.ID, Reason: reason}
				return rep, nil
			}
			// An event is judged no earlier than the events before it in
			// the chain: a forged one cannot date itself back into the
			// replace window or before a seal.
			if ev.e.At.After(latest) {
				latest = ev.e.At
			}
			if reason := moves.note(&ev, c, &opened, latest, seals); reason != "" {
				rep.Failure = &TrailFailure{Code: c.code, EventID: ev.e.ID, Reason: reason}
				return rep, nil
			}
			prev, first = ev.hash, false
			if haveEvent, err = ev.next(erows); err != nil {
				return nil, err
			}
		}
		if id := firstKey(masked); id != 0 {
			rep.Failure = &TrailFailure{Code: c.code, EventID: id, Reason: "the reply's note was masked, and no redaction event names it"}
			return rep, nil
		}
		if unrecorded != 0 {
			rep.Failure = &TrailFailure{Code: c.code, EventID: unrecorded, Reason: "the event's actor and note were blanked, and no redaction event follows"}
			return rep, nil
		}
		if reason := moves.check(&opened, c); reason != "" {
			rep.Failure = &TrailFailure{Code: c.code, EventID: opened.e.ID, Reason: reason}
			return rep, nil
		}
	}
	if err := crows.Err(); err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	for ; haveEvent; haveEvent, err = ev.next(erows) {
		if rep.Failure, err = s.orphan(ctx, &ev); err != nil || rep.Failure != nil {
			return rep, err
		}
	}
	if err != nil {
		return nil, err
	}
	crows.Close()
	erows.Close()
	if err := s.verifySeals(ctx, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// orphan looks at an event whose complaint was not among those read: on a
// live database the complaint may have been created since; otherwise the
// event belongs to no complaint, which only a hand in the database makes.
func (s *DB) orphan(ctx context.Context, ev *trailRow) (*TrailFailure, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM complaints WHERE id = $1`, ev.complaintID).Scan(&n); err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	if n > 0 {
		return nil, nil
	}
	return &TrailFailure{EventID: ev.e.ID, Reason: fmt.Sprintf("the event belongs to no complaint (id %d)", ev.complaintID)}, nil
}

// sealTimes returns when each day was sealed.
func (s *DB) sealTimes(ctx context.Context) (map[string]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT day, sealed_at FROM seals`)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var day string
		var at int64
		if err := rows.Scan(&day, &at); err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		out[day] = fromMS(at)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	return out, nil
}

// trailComplaint is a complaint's part in the trail.
type trailComplaint struct {
	id                                           int64
	code, text, author, textDigest, authorDigest string
	salt, sourcePostID                           string
	redacted                                     bool
}

// redactedPostIDs returns the ids of the posts redacted (deleted on X or
// erased).
func (s *DB) redactedPostIDs(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM posts WHERE redacted_at IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	defer rows.Close()
	ids := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		ids[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	return ids, nil
}

// check tests the complaint's personal text against its digests; redacted
// (blank) text keeps only its digest, which the first event's hash covers.
func (c *trailComplaint) check() string {
	if c.textDigest == "" {
		return "the complaint's text has no digest"
	}
	if c.text != "" && shikayat.PersonalDigest(c.salt, c.text) != c.textDigest {
		return "the complaint's text does not match its digest"
	}
	if c.author != "" && shikayat.PersonalDigest(c.salt, c.author) != c.authorDigest {
		return "the complaint's author does not match its digest"
	}
	return ""
}

// trailRow is one event as stored, with its trail columns.
type trailRow struct {
	complaintID                                 int64
	e                                           shikayat.Event
	detail, hash, actorDigest, noteDigest, salt string
}

func (r *trailRow) next(rows *sql.Rows) (bool, error) {
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return false, fmt.Errorf("verify: %w", err)
		}
		return false, nil
	}
	var at int64
	var from, to string
	var public int
	r.e = shikayat.Event{}
	if err := rows.Scan(&r.e.ID, &r.complaintID, &at, &r.e.Actor, &r.e.UserID, &r.e.Action, &from, &to,
		&r.e.FromUnit, &r.e.ToUnit, &r.e.Note, &public, &r.detail, &r.hash, &r.actorDigest, &r.noteDigest, &r.salt, &r.e.ByUnit); err != nil {
		return false, fmt.Errorf("verify: %w", err)
	}
	r.e.At, r.e.FromStage, r.e.ToStage, r.e.Public = fromMS(at), shikayat.Stage(from), shikayat.Stage(to), public != 0
	return true, nil
}

// blanked tells whether the event's actor or note was blanked after it was
// hashed: redaction takes the salt; a blank under a kept salt whose digest
// is not that of a blank is a blanking too.
func (r *trailRow) blanked() bool {
	if r.hash == "" {
		return false
	}
	return r.salt == "" ||
		(r.e.Actor == "" && shikayat.PersonalDigest(r.salt, "") != r.actorDigest) ||
		(r.e.Note == "" && shikayat.PersonalDigest(r.salt, "") != r.noteDigest)
}

// maskedReply tells whether the event is the desk's "replied" event whose
// note a redaction replaced (maskReplied): the salt is gone, the actor is
// the system's. Its note must be RedactedNote, and the redaction event
// that follows names its note digest (vouch).
func (r *trailRow) maskedReply() bool {
	return r.hash != "" && r.salt == "" && r.e.Action == "replied" && r.e.UserID == 0 && r.e.Actor == shikayat.SystemActor.Name()
}

// vouch takes off masked the "replied" events the redaction event r names,
// each with its note digest; a named event whose digest is not the one
// named fails, with its id.
func (r *trailRow) vouch(masked map[int64]string) (int64, string) {
	detail, err := parseDetail(r.detail)
	if err != nil || detail[MaskedRepliesKey] == "" {
		return 0, ""
	}
	for _, entry := range strings.Split(detail[MaskedRepliesKey], ",") {
		idText, digest, _ := strings.Cut(entry, ":")
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil {
			return r.e.ID, "the redaction event's list of masked replies cannot be read"
		}
		if got, ok := masked[id]; ok {
			if got != digest {
				return id, "the reply's note is not the one its redaction recorded"
			}
			delete(masked, id)
		}
	}
	return 0, ""
}

func firstKey(m map[int64]string) int64 {
	var first int64
	for id := range m {
		if first == 0 || id < first {
			first = id
		}
	}
	return first
}

// blankable says why a blanked event could not have been redacted, "" when
// it could: only the events a citizen's post made (no staff member, the
// post named in the detail) are ever blanked, never the desk's own.
func (r *trailRow) blankable() string {
	if r.e.UserID != 0 {
		return "a staff member's event was blanked"
	}
	detail, err := parseDetail(r.detail)
	if err != nil || detail["post_id"] == "" || r.e.Action == "replied" || r.e.Action == RedactedAction || detail["differed"] != "" {
		return "an event no citizen's post made was blanked"
	}
	return ""
}

// check re-computes the event's digests and hash.
func (r *trailRow) check(prev string, c trailComplaint, first bool) string {
	if r.hash == "" {
		return "the event has no hash"
	}
	// A masked reply's note is checked against its redaction's record.
	if !r.maskedReply() {
		if r.e.Actor != "" && shikayat.PersonalDigest(r.salt, r.e.Actor) != r.actorDigest {
			return "the actor does not match its digest"
		}
		if r.e.Note != "" && shikayat.PersonalDigest(r.salt, r.e.Note) != r.noteDigest {
			return "the note does not match its digest"
		}
	}
	detail, err := parseDetail(r.detail)
	if err != nil {
		return "the detail cannot be read"
	}
	te := trailEvent(c.code, &r.e, eventTrail{actorDigest: r.actorDigest, noteDigest: r.noteDigest}, detail)
	if first {
		te.TextDigest, te.AuthorDigest = c.textDigest, c.authorDigest
	}
	if shikayat.EventHash(prev, te) != r.hash {
		return "the hash does not match the event and the one before it"
	}
	return ""
}

// digestMoves follows a complaint's text and author digests through the
// events that replaced its post (ReplacedAction with digests).
type digestMoves struct {
	moved                    bool
	openedText, openedAuthor string // before the first move
	text, author             string // after the last move
}

// note takes in an event's move, if it is one: each must start from where
// the one before ended. A move is intake's alone: it names the complaint's
// source post, and comes within ReplaceWindow of the complaint's first
// event and before the seal of that event's day (seals, by day, when they
// were made). Any other is a hand in the database rewriting the text.
//
// at is when the event is taken to have happened: its own time, or a
// later event's before it in the chain, if any.
func (m *digestMoves) note(r *trailRow, c trailComplaint, opened *trailRow, at time.Time, seals map[string]time.Time) string {
	if r.e.Action != ReplacedAction {
		return ""
	}
	d, err := parseDetail(r.detail)
	if err != nil || d["text_digest"] == "" {
		return ""
	}
	if d["post_id"] == "" || d["post_id"] != c.sourcePostID {
		return "the event replaces the complaint's text but does not name its source post"
	}
	if at.Before(opened.e.At) || at.Sub(opened.e.At) > ReplaceWindow {
		return fmt.Sprintf("the event replaces the complaint's text outside intake's replace window (%s after the complaint was opened)", ReplaceWindow)
	}
	day := shikayat.ISTDay(opened.e.At)
	if sealed, ok := seals[day]; ok && !at.Before(sealed) {
		return "the event replaces the complaint's text after the seal of " + day + " covered the complaint"
	}
	if !m.moved {
		m.moved, m.openedText, m.openedAuthor = true, d["from_text_digest"], d["from_author_digest"]
	} else if d["from_text_digest"] != m.text || d["from_author_digest"] != m.author {
		return "the replaced post's digests do not follow on from the replacement before"
	}
	m.text, m.author = d["text_digest"], d["author_digest"]
	return ""
}

// check tests the complaint's first event against the digests it was
// opened with, and the complaint's digests against the last move.
func (m *digestMoves) check(opened *trailRow, c trailComplaint) string {
	if m.moved {
		if m.text != c.textDigest || m.author != c.authorDigest {
			return "the complaint's digests are not those its last replaced post gave it"
		}
		c.textDigest, c.authorDigest = m.openedText, m.openedAuthor
	}
	return opened.check("", c, true)
}
