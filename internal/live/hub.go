// Package live pushes alerts to the browsers of signed-in staff the moment
// something urgent lands in their unit, as server-sent events.
//
// Alerts are rows in the database, written in the transaction of the change
// that causes them, so an alert made on one node reaches staff connected to
// any node: each node's Hub reads new alerts about once a second and hands
// each to the streams of the staff it concerns. A browser that loses its
// connection reconnects with Last-Event-ID and is sent what it missed.
package live

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
)

// Source is where alerts are read: the store.
type Source interface {
	AlertsSince(ctx context.Context, afterID int64, since time.Time, limit int) ([]*shikayat.Alert, error)
	LastAlertID(ctx context.Context) (int64, error)
}

// Hub reads new alerts and fans them out to subscribers.
type Hub struct {
	Source Source
	// Every is how often the hub looks for new alerts (default 1s).
	Every time.Duration
	// Window is how far back each look re-reads, by time, to catch an alert
	// whose transaction committed after a later one's (default 30s).
	Window time.Duration
	Logger *slog.Logger
	Now    func() time.Time

	mu     sync.Mutex
	subs   map[*Subscription]struct{}
	cursor int64               // highest alert id seen
	seen   map[int64]time.Time // alerts seen within the window, by id
	ready  chan struct{}       // closed after the first read
	once   sync.Once
	done   bool // Run has ended: streams end, new ones end at once
}

// Subscription receives the alerts for one unit's subtree path.
type Subscription struct {
	path string
	c    chan *shikayat.Alert
	// lost is closed when the subscriber fell too far behind: its stream
	// ends, and the browser reconnects and replays from Last-Event-ID.
	lost chan struct{}
	gone bool
}

// C delivers the subscription's alerts.
func (s *Subscription) C() <-chan *shikayat.Alert { return s.c }

// Lost is closed when alerts had to be dropped for this subscriber.
func (s *Subscription) Lost() <-chan struct{} { return s.lost }

func (h *Hub) init() {
	h.once.Do(func() {
		if h.Every <= 0 {
			h.Every = time.Second
		}
		if h.Window <= 0 {
			h.Window = 30 * time.Second
		}
		if h.Logger == nil {
			h.Logger = slog.New(slog.DiscardHandler)
		}
		if h.Now == nil {
			h.Now = time.Now
		}
		h.subs = map[*Subscription]struct{}{}
		h.seen = map[int64]time.Time{}
		h.ready = make(chan struct{})
	})
}

// Subscribe starts delivering alerts for staff of the unit at path (its
// own unit's and those of the units below it; see shikayat.Alert.For).
func (h *Hub) Subscribe(path string) *Subscription {
	h.init()
	s := &Subscription{path: path, c: make(chan *shikayat.Alert, 64), lost: make(chan struct{})}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.done {
		s.gone = true
		close(s.lost)
		return s
	}
	h.subs[s] = struct{}{}
	return s
}

// Unsubscribe stops deliveries to s.
func (h *Hub) Unsubscribe(s *Subscription) {
	h.init()
	h.mu.Lock()
	delete(h.subs, s)
	h.mu.Unlock()
}

// Ready is closed once the hub has read where alerts stand: alerts made
// after that reach every subscriber.
func (h *Hub) Ready() <-chan struct{} {
	h.init()
	return h.ready
}

// Run reads alerts until ctx ends, then ends every stream (browsers
// reconnect, to another node if this one is going away). Alerts older than
// the hub are not broadcast (a reconnecting browser replays them from
// Last-Event-ID).
func (h *Hub) Run(ctx context.Context) error {
	h.init()
	defer h.end()
	first := true
	t := time.NewTicker(h.Every)
	defer t.Stop()
	for {
		if err := h.poll(ctx, first); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			h.Logger.Warn("live alerts: cannot read new alerts", slog.Any("error", err))
		} else if first {
			first = false
			close(h.ready)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// poll reads what is new and hands it out; the first read only marks
// where things stand.
func (h *Hub) poll(ctx context.Context, first bool) error {
	now := h.Now()
	if first {
		last, err := h.Source.LastAlertID(ctx)
		if err != nil {
			return err
		}
		h.mu.Lock()
		h.cursor = last
		h.mu.Unlock()
	}
	h.mu.Lock()
	cursor := h.cursor
	h.mu.Unlock()
	for {
		alerts, err := h.Source.AlertsSince(ctx, cursor, now.Add(-h.Window), 500)
		if err != nil {
			return err
		}
		h.mu.Lock()
		for _, a := range alerts {
			if _, ok := h.seen[a.ID]; ok {
				continue
			}
			h.seen[a.ID] = a.At
			if a.ID > h.cursor {
				h.cursor = a.ID
			}
			if !first {
				h.deliverLocked(a)
			}
		}
		for id, at := range h.seen {
			if at.Before(now.Add(-2 * h.Window)) {
				delete(h.seen, id)
			}
		}
		more := len(alerts) == 500 && h.cursor > cursor
		cursor = h.cursor
		h.mu.Unlock()
		if !more {
			return nil
		}
	}
}

func (h *Hub) deliverLocked(a *shikayat.Alert) {
	for s := range h.subs {
		if s.gone || !a.For(s.path) {
			continue
		}
		select {
		case s.c <- a:
		default:
			s.gone = true
			close(s.lost)
		}
	}
}

// end ends every subscription and refuses new ones.
func (h *Hub) end() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.done = true
	for s := range h.subs {
		if !s.gone {
			s.gone = true
			close(s.lost)
		}
	}
}
