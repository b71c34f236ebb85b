package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shikayat/shikayat"
)

// DefaultTrackFor is how long a public view of a complaint may be answered
// from memory (Options.TrackFor).
const DefaultTrackFor = time.Second

// maxTracked bounds the public views held, per generation (two are kept).
const maxTracked = 10_000

// trackQuery is the public lookup of up to n codes in one round trip: the
// complaints' public columns and, unless sensitive, the events that may
// make a public step (trackEvents), one row per event (a complaint without
// any gives one row of NULLs on the right), in no set order: readTracks
// groups them by code and orders the events.
func trackQuery(n int) string {
	return `SELECT c.code, c.stage, c.district, c.class, c.type, c.suggested_type,
	c.received_at, c.updated_at, c.closed_at, c.sensitive,
	e.id, e.at, e.action, e.from_stage, e.to_stage, e.note, e.public, e.detail
	FROM complaints c LEFT JOIN events e ON e.complaint_id = c.id AND c.sensitive = 0 AND ` + trackEvents + `
	WHERE c.code IN (` + inList(1, n) + `)`
}

// trackEvents is shikayat.MayBePublic in SQL over events e: the events
// that cannot make a public step are left in the database, not sent and
// parsed to be dropped (a complaint quoted in many posts has a trail of
// them). PublicEvents decides of the rest.
var trackEvents = func() string {
	var in []string
	for _, a := range shikayat.PublicActions() {
		if strings.Trim(a, "abcdefghijklmnopqrstuvwxyz_") != "" {
			panic("tracking: an action named " + a)
		}
		in = append(in, "'"+a+"'")
	}
	return `(e.from_stage <> e.to_stage OR e.action IN (` + strings.Join(in, ", ") + `) OR (e.action = '` +
		string(shikayat.ActionNote) + `' AND e.public <> 0))`
}()

// trackBatches are the sizes of the prepared lookups: a batch is read by
// the smallest that holds it, its last code repeated to fill it, so that a
// handful of statements serve every batch.
var trackBatches = [...]int{1, 4, 16, 64}

// maxTrackFlights bounds the lookups of the database in flight at once;
// lookups that come while they fly wait and go together in the next.
//
// Two, measured: one leaves the database idle while a batch travels,
// more make smaller batches (BenchmarkTrackingLoad's json-miss on
// PostgreSQL).
const maxTrackFlights = 2

// trackTimeout bounds one flight, which no single caller owns.
const trackTimeout = 30 * time.Second

// tracked holds recent public views by docket code, for TrackComplaint.
//
// How stale a view can be: an entry is answered only while it is younger
// than TrackFor (one second by default) on the store's clock, and only if
// no transaction of this store has committed since it was read — each
// commit (withTx) moves writes on, which drops every entry at once. So a
// change made through this node is seen by the next lookup, and a change
// made by another node (or behind the store's back) within TrackFor.
//
// Lookups that miss are read in batches (see flyTrack): at most
// maxTrackFlights queries are in flight, and the lookups that come meanwhile
// queue and are read together by the next. One lookup alone goes at once;
// under load, a crowd of distinct codes costs the database a query per
// batch instead of one per code.
type tracked struct {
	mu        sync.Mutex
	cur, prev map[string]trackedView

	queue   []*trackLoad // lookups waiting for a flight
	flying  int          // flights running
	closed  bool         // set by Close: no lookup is queued after it
	flights sync.WaitGroup

	// prep guards stmts, prepared by the first flight that needs each (not
	// under mu, which answers from memory meanwhile).
	prep  sync.Mutex
	stmts [len(trackBatches)]*sql.Stmt
	// batches and batched count the flights' queries and the lookups
	// they read (TrackBatches).
	batches, batched int64
	// hold, when set (by a test), is waited on by each flight before it
	// reads its batch.
	hold chan struct{}
}

// trackLoad is one lookup waiting for its flight.
type trackLoad struct {
	code string
	done chan struct{} // closed once c and err are set
	c    *shikayat.Complaint
	err  error
	gone atomic.Bool // its caller stopped waiting: no flight reads it
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
	if old != nil && sameView(old, c) {
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

// trackStmt is the prepared lookup of trackBatches[i] codes; database/sql
// prepares it again on each connection that runs it.
func (s *DB) trackStmt(ctx context.Context, i int) (*sql.Stmt, error) {
	s.track.prep.Lock()
	defer s.track.prep.Unlock()
	if s.track.stmts[i] != nil {
		return s.track.stmts[i], nil
	}
	stmt, err := s.db.PrepareContext(ctx, trackQuery(trackBatches[i]))
	if err != nil {
		return nil, fmt.Errorf("prepare tracking: %w", err)
	}
	s.track.stmts[i] = stmt
	return stmt, nil
}

// trackComplaint reads the public view of the complaint with code: it
// queues the lookup, starts a flight unless maxTrackFlights are flying
// (the one flying picks it up when done), and waits for its answer or for
// ctx. The flight starts after the lookup is queued, so what it reads was
// committed no earlier than the caller asked.
func (s *DB) trackComplaint(ctx context.Context, code string) (*shikayat.Complaint, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	l := &trackLoad{code: code, done: make(chan struct{})}
	s.track.mu.Lock()
	if s.track.closed {
		s.track.mu.Unlock()
		return nil, errors.New("track complaint: the store is closed")
	}
	s.track.queue = append(s.track.queue, l)
	fly := s.track.flying < maxTrackFlights
	if fly {
		s.track.flying++
		s.track.flights.Add(1)
	}
	s.track.mu.Unlock()
	if fly {
		go s.flyTrack()
	}
	select {
	case <-l.done:
		return l.c, l.err
	case <-ctx.Done():
		l.gone.Store(true)
		return nil, ctx.Err()
	}
}

// flyTrack reads the queued lookups whose callers still wait, up to the
// largest batch at a time, until none is left.
func (s *DB) flyTrack() {
	defer s.track.flights.Done()
	for {
		s.track.mu.Lock()
		var batch []*trackLoad
		for len(batch) < trackBatches[len(trackBatches)-1] && len(s.track.queue) > 0 {
			l := s.track.queue[0]
			s.track.queue[0] = nil
			s.track.queue = s.track.queue[1:]
			if !l.gone.Load() {
				batch = append(batch, l)
			}
		}
		if len(batch) == 0 {
			s.track.queue = nil
			s.track.flying--
			s.track.mu.Unlock()
			return
		}
		s.track.batches++
		s.track.batched += int64(len(batch))
		hold := s.track.hold
		s.track.mu.Unlock()
		if hold != nil {
			<-hold
		}
		s.readBatch(batch)
	}
}

// readBatch reads a batch and hands each lookup its answer: its view, not
// found, or the error that kept it (one complaint's unreadable event fails
// that complaint's lookups alone; a failed query, all). A panic while
// reading fails the batch, not the process.
func (s *DB) readBatch(batch []*trackLoad) {
	var (
		views map[string]*shikayat.Complaint
		errs  map[string]error
		err   error
	)
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("track complaint: panic: %v\n%s", p, debug.Stack())
		}
		for _, l := range batch {
			c, ok := views[l.code]
			switch {
			case err != nil:
				l.err = err
			case errs[l.code] != nil:
				l.err = errs[l.code]
			case ok:
				l.c = c
			default:
				l.err = shikayat.Errorf(shikayat.ENOTFOUND, "Complaint not found.")
			}
			close(l.done)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), trackTimeout)
	defer cancel()
	views, errs, err = s.readTracks(ctx, batch)
}

// readTracks reads the public views of the batch's codes, by code; a code
// not found is missing from both maps, and a complaint one of whose events
// that may be public cannot be read is in errs instead of views.
func (s *DB) readTracks(ctx context.Context, batch []*trackLoad) (views map[string]*shikayat.Complaint, errs map[string]error, err error) {
	codes := make([]any, 0, len(batch))
	seen := make(map[string]bool, len(batch))
	for _, l := range batch {
		if !seen[l.code] {
			seen[l.code] = true
			codes = append(codes, l.code)
		}
	}
	i := 0
	for trackBatches[i] < len(codes) {
		i++
	}
	for len(codes) < trackBatches[i] {
		codes = append(codes, codes[len(codes)-1])
	}
	stmt, err := s.trackStmt(ctx, i)
	if err != nil {
		return nil, nil, err
	}
	rows, err := stmt.QueryContext(ctx, codes...)
	if err != nil {
		return nil, nil, fmt.Errorf("track complaint: %w", err)
	}
	defer rows.Close()
	views = make(map[string]*shikayat.Complaint, len(codes))
	errs = map[string]error{}
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
			return nil, nil, fmt.Errorf("track complaint: %w", err)
		}
		c := views[got.Code]
		if c == nil {
			got.Stage, got.Class, got.Type, got.SuggestedType = shikayat.Stage(stage), shikayat.Class(class), shikayat.Type(typ), shikayat.Type(stype)
			got.Status = got.Stage.Status()
			got.ReceivedAt, got.UpdatedAt, got.ClosedAt = fromMS(received), fromMS(updated), timePtr(closed)
			got.Sensitive = sensitive != 0
			c = &got
			views[c.Code] = c
		}
		if !eid.Valid {
			continue
		}
		e := &shikayat.Event{ID: eid.Int64, At: fromMS(eat.Int64), Action: action.String, FromStage: shikayat.Stage(from.String),
			ToStage: shikayat.Stage(to.String), Note: note.String, Public: epublic.Int64 != 0}
		if e.Detail, err = parseDetail(det.String); err != nil {
			errs[c.Code] = fmt.Errorf("track complaint: event %d: detail: %w", e.ID, err)
			continue
		}
		c.Events = append(c.Events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("track complaint: %w", err)
	}
	for code := range errs {
		delete(views, code)
	}
	for code, c := range views {
		if c.Sensitive {
			views[code] = &shikayat.Complaint{Code: c.Code, Stage: c.Stage, Status: c.Status, Sensitive: true}
			continue
		}
		slices.SortFunc(c.Events, func(a, b *shikayat.Event) int { return cmp.Compare(a.ID, b.ID) })
		c.Events = shikayat.PublicEvents(c.Events)
	}
	return views, errs, nil
}

// sameView tells whether two public views read by readTracks show the
// same: every field readTracks sets (TestSameViewComparesEveryField).
func sameView(a, b *shikayat.Complaint) bool {
	if a.Code != b.Code || a.Stage != b.Stage || a.Status != b.Status || a.District != b.District ||
		a.Class != b.Class || a.Type != b.Type || a.SuggestedType != b.SuggestedType || a.Sensitive != b.Sensitive ||
		!a.ReceivedAt.Equal(b.ReceivedAt) || !a.UpdatedAt.Equal(b.UpdatedAt) ||
		(a.ClosedAt == nil) != (b.ClosedAt == nil) || a.ClosedAt != nil && !a.ClosedAt.Equal(*b.ClosedAt) ||
		len(a.Events) != len(b.Events) {
		return false
	}
	for i, x := range a.Events {
		y := b.Events[i]
		if x.ID != y.ID || !x.At.Equal(y.At) || x.Action != y.Action || x.FromStage != y.FromStage || x.ToStage != y.ToStage ||
			x.Note != y.Note || x.Public != y.Public || !maps.Equal(x.Detail, y.Detail) {
			return false
		}
	}
	return true
}
