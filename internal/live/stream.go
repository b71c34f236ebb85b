package live

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// Replayer reads the alerts a reconnecting browser missed.
type Replayer interface {
	AlertsSince(ctx context.Context, afterID int64, since time.Time, limit int) ([]*shikayat.Alert, error)
}

// Stream serves one signed-in user's alerts as server-sent events.
type Stream struct {
	Hub *Hub
	// UnitPath returns the signed-in user's unit path, or false when the
	// request has no user (the route's middleware should have refused it).
	UnitPath func(r *http.Request) (string, bool)
	// StillSignedIn, when set, tells whether the request's session or token
	// still works; it is asked before each alert and at each keep-alive, so
	// a stream ends once its user signs out, is disabled or changes password.
	StillSignedIn func(r *http.Request) bool
	// KeepAlive is how often a comment line keeps proxies from closing an
	// idle stream (default 15s).
	KeepAlive time.Duration
	// MaxReplay caps how many missed alerts a reconnect is sent (default 100).
	MaxReplay int
	Logger    *slog.Logger
}

// lastEventID reads where a reconnecting browser stopped: EventSource sends
// the Last-Event-ID header; a page may also pass ?last_event_id=.
func lastEventID(r *http.Request) int64 {
	v := r.Header.Get("Last-Event-ID")
	if v == "" {
		v = r.URL.Query().Get("last_event_id")
	}
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

// ServeHTTP holds the stream open until the client goes or the server
// shuts down.
func (s *Stream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path, ok := s.UnitPath(r)
	if !ok || path == "" {
		http.Error(w, "sign in first", http.StatusUnauthorized)
		return
	}
	keepAlive := s.KeepAlive
	if keepAlive <= 0 {
		keepAlive = 15 * time.Second
	}
	maxReplay := s.MaxReplay
	if maxReplay <= 0 {
		maxReplay = 100
	}
	log := s.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	rc := http.NewResponseController(w)
	// The server's write timeout is for ordinary answers; this one lasts.
	_ = rc.SetWriteDeadline(time.Time{})

	sub := s.Hub.Subscribe(path)
	defer s.Hub.Unsubscribe(sub)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache, no-store")
	h.Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream
	w.WriteHeader(http.StatusOK)
	if _, err := io.WriteString(w, "retry: 3000\n\n"); err != nil {
		return
	}
	sent := map[int64]bool{}
	if last := lastEventID(r); last > 0 {
		missed, err := s.Hub.Source.AlertsSince(r.Context(), last, time.Now().Add(24*365*time.Hour), maxReplay)
		if err != nil {
			log.Warn("live alerts: cannot replay", slog.Any("error", err))
		}
		for _, a := range missed {
			if a.For(path) {
				if writeAlert(w, a) != nil {
					return
				}
				sent[a.ID] = true
			}
		}
	}
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-sub.Lost():
			return // the browser reconnects and replays
		case a := <-sub.C():
			if sent[a.ID] {
				continue
			}
			if s.StillSignedIn != nil && !s.StillSignedIn(r) {
				return
			}
			err = writeAlert(w, a)
		case <-tick.C:
			if s.StillSignedIn != nil && !s.StillSignedIn(r) {
				return
			}
			_, err = io.WriteString(w, ": keep-alive\n\n")
		}
		if err == nil {
			_ = rc.SetWriteDeadline(time.Now().Add(keepAlive))
			err = rc.Flush()
			_ = rc.SetWriteDeadline(time.Time{})
		}
		if err != nil {
			return
		}
	}
}

// writeAlert writes one event. JSON never holds a raw newline, so the data
// is one line.
func writeAlert(w io.Writer, a *shikayat.Alert) error {
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "id: %d\nevent: alert\ndata: %s\n\n", a.ID, b)
	return err
}
