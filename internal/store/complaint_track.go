package store

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
)

// DefaultTrackFor is how long a public view of a complaint may be answered
// from memory (Options.TrackFor).
const DefaultTrackFor = time.Second

// maxTracked bounds the public views held, per generation (two are kept).
const maxTracked = 10_000

// trackQuery is the public lookup in one round trip: the complaint's public
// columns and, unless it is sensitive, its events, one row per event (a
// complaint without events gives one row of NULLs on the right).
const trackQuery = `SELECT c.code, c.stage, c.district, c.class, c.type, c.suggested_type,
	c.received_at, c.updated_at, c.closed_at, c.sensitive,
	e.id, e.at, e.action, e.from_stage, e.to_stage, e.note, e.public, e.detail
	FROM complaints c LEFT JOIN events e ON e.complaint_id = c.id AND c.sensitive = 0
	WHERE c.code = $1 ORDER BY e.id`

// tracked holds recent public views by docket code, for TrackComplaint.
//
// How stale a view can be: an entry is answered only while it is younger
// than TrackFor (one second by default) on the store's clock, and only if
// no transaction of this store has committed since it was read — each
// commit (withTx) moves writes on, which drops every entry at once. So a
// change made through this node is seen by the next lookup, and a change
// made by another node (or behind the store's back) within TrackFor.
type tracked struct {
	mu        sync.Mutex
	stmt      *sql.Stmt
	cur, prev map[string]trackedView
}

type trackedView struct {
	c      *shikayat.Complaint
	at     time.Time
	writes uint64
}

// trackFor is the store's TrackFor, its default filled in; 0 when views are
// not kept.
func (s *DB) trackFor() time.Duration {
	switch d := s.opts.TrackFor; {
	case d < 0:
		return 0
	case d == 0:
		return DefaultTrackFor
	default:
		return d
	}
}

// TrackComplaint is the public lookup by docket code: anyone holding the code
// may read it, so it returns only what the tracking page shows — code,
// stage, district, class, type, times and the public steps of the trail
// (shikayat.PublicEvents: no internal notes, no posts, nobody named). The
// notes marked public are as written: whoever shows one masks its contacts
// (shikayat.PublicHistory; the web server caches the masking). The post's text, its author and everything else stay empty. Of
// a sensitive complaint it returns the code and the stage alone (Sensitive
// set, so the page knows to show nothing else).
//
// It is the one lookup strangers can make at will, so it is cheap: one
// prepared query, and a view read less than TrackFor ago is answered from
// memory (see tracked for how stale that can be). The complaint returned
// is shared: callers must not change it. A view read again and found
// unchanged is returned as the same value, so that what callers keep by
// it stays good.
func (s *DB) TrackComplaint(ctx context.Context, code string) (*shikayat.Complaint, error) {
	code, err := shikayat.ParseDocket(code)
	if err != nil {
		return nil, err
	}
	ttl := s.trackFor()
	writes, now := s.writes.Load(), s.opts.Now()
	var old *shikayat.Complaint
	if ttl > 0 {
		s.track.mu.Lock()
		v, ok := s.track.cur[code]
		if !ok {
			v, ok = s.track.prev[code]
		}
		s.track.mu.Unlock()
		if ok && v.writes == writes && !now.Before(v.at) && now.Sub(v.at) < ttl {
			return v.c, nil
		}
		old = v.c
	}
	c, err := s.trackComplaint(ctx, code)
	if err != nil || ttl <= 0 {
		return c, err
	}
	if old != nil && reflect.DeepEqual(old, c) {
		// Read again and unchanged: the value given before is still the
		// view, and whoever made something of it (the web server's
		// rendered answers) may keep using that.
		c = old
	}
	s.track.mu.Lock()
	defer s.track.mu.Unlock()
	if s.track.cur == nil || len(s.track.cur) >= maxTracked {
		s.track.prev, s.track.cur = s.track.cur, make(map[string]trackedView)
	}
	s.track.cur[code] = trackedView{c: c, at: now, writes: writes}
	return c, nil
}

// trackStmt prepares trackQuery once; database/sql prepares it again on
// each connection that runs it.
func (s *DB) trackStmt(ctx context.Context) (*sql.Stmt, error) {
	s.track.mu.Lock()
	defer s.track.mu.Unlock()
	if s.track.stmt != nil {
		return s.track.stmt, nil
	}
	stmt, err := s.db.PrepareContext(ctx, trackQuery)
	if err != nil {
		return nil, fmt.Errorf("prepare tracking: %w", err)
	}
	s.track.stmt = stmt
	return stmt, nil
}

// trackComplaint reads the public view of the complaint with code.
func (s *DB) trackComplaint(ctx context.Context, code string) (*shikayat.Complaint, error) {
	stmt, err := s.trackStmt(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := stmt.QueryContext(ctx, code)
	if err != nil {
		return nil, fmt.Errorf("track complaint: %w", err)
	}
	defer rows.Close()
	var c *shikayat.Complaint
	var events []*shikayat.Event
	for rows.Next() {
		var (
			got                         shikayat.Complaint
			stage, class, typ, stype    string
			received, updated           int64
			closed                      sql.NullInt64
			sensitive                   int
			eid, eat, epublic           sql.NullInt64
			action, from, to, note, det sql.NullString
		)
		if err := rows.Scan(&got.Code, &stage, &got.District, &class, &typ, &stype, &received, &updated, &closed, &sensitive,
			&eid, &eat, &action, &from, &to, &note, &epublic, &det); err != nil {
			return nil, fmt.Errorf("track complaint: %w", err)
		}
		if c == nil {
			got.Stage, got.Class, got.Type, got.SuggestedType = shikayat.Stage(stage), shikayat.Class(class), shikayat.Type(typ), shikayat.Type(stype)
			got.Status = got.Stage.Status()
			got.ReceivedAt, got.UpdatedAt, got.ClosedAt = fromMS(received), fromMS(updated), timePtr(closed)
			got.Sensitive = sensitive != 0
			c = &got
		}
		if !eid.Valid {
			continue
		}
		e := &shikayat.Event{ID: eid.Int64, At: fromMS(eat.Int64), Action: action.String, FromStage: shikayat.Stage(from.String),
			ToStage: shikayat.Stage(to.String), Note: note.String, Public: epublic.Int64 != 0}
		if e.Detail, err = parseDetail(det.String); err != nil {
			return nil, fmt.Errorf("event %d: detail: %w", e.ID, err)
		}
		events = append(events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("track complaint: %w", err)
	}
	if c == nil {
		return nil, shikayat.Errorf(shikayat.ENOTFOUND, "Complaint not found.")
	}
	if c.Sensitive {
		return &shikayat.Complaint{Code: c.Code, Stage: c.Stage, Status: c.Status, Sensitive: true}, nil
	}
	c.Events = shikayat.PublicEvents(events)
	return c, nil
}
