package xsim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// X's read side lags its write side: a post just made may be missing from
// the timelines and from search for a while, though X already knows it
// (a second post of the same text is refused as a duplicate). ReadLag is
// that while: a post made through POST /2/tweets shows in the timelines and
// search only ReadLag after it was made, by the server's clock. The control
// API sets it: `POST /_sim/read_lag` with {"seconds": N} (0 ends it), `GET
// /_sim/read_lag` reads it.

// maxReadLag bounds the lag the control API takes.
const maxReadLag = 24 * time.Hour

// SetReadLag sets how long a post made from now on stays out of the
// timelines and search (0: it shows at once).
func (s *Server) SetReadLag(d time.Duration) error {
	if d < 0 || d > maxReadLag {
		return fmt.Errorf("read lag %s is not between 0 and %s", d, maxReadLag)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.readLag = d
	return nil
}

// hideLocked keeps post id out of the timelines and search for the read
// lag, if one is set.
func (s *Server) hideLocked(id string) {
	if s.readLag <= 0 {
		return
	}
	if s.visibleAt == nil {
		s.visibleAt = map[string]time.Time{}
	}
	s.visibleAt[id] = s.now().Add(s.readLag)
}

// visibleLocked reports whether post id shows in reads yet.
func (s *Server) visibleLocked(id string, now time.Time) bool {
	at, ok := s.visibleAt[id]
	if !ok {
		return true
	}
	if !now.Before(at) {
		delete(s.visibleAt, id)
		return true
	}
	return false
}

type readLagBody struct {
	Seconds int `json:"seconds"`
}

func (s *Server) simSetReadLag(w http.ResponseWriter, r *http.Request) {
	var b readLagBody
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<12))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", "read lag: "+err.Error()))
		return
	}
	if err := s.SetReadLag(time.Duration(b.Seconds) * time.Second); err != nil {
		writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", err.Error()))
		return
	}
	s.simGetReadLag(w, r)
}

func (s *Server) simGetReadLag(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	lag := s.readLag
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"data": readLagBody{Seconds: int(lag / time.Second)}})
}
