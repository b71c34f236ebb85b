package xsim

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

// streamConn is one open filtered stream.
type streamConn struct {
	lines chan []byte
	done  chan struct{}
	sel   selection
}

var streamParams = append([]string{"backfill_minutes", "start_time", "end_time"}, postParams...)

// handleStream serves GET /2/tweets/search/stream: posts matching the rules
// as they come, one JSON object a line ("\r\n"), and a "\r\n" keep-alive
// when there is nothing to send. X allows one connection at a time.
func (s *Server) handleStream(w http.ResponseWriter, r *http.Request) {
	if p, ok := s.authenticate(r, authApp); !ok {
		writeProblem(w, http.StatusUnauthorized, p)
		return
	}
	if !s.rateLimit(w, xapi.EndpointStream) {
		return
	}
	sel, p := checkQuery(r.URL.Query(), streamParams, false)
	if p != nil {
		writeProblem(w, http.StatusBadRequest, *p)
		return
	}
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeProblem(w, http.StatusInternalServerError, problem("about:blank", "Internal Server Error", "streaming unsupported"))
		return
	}
	s.mu.Lock()
	if f := s.takeFaultLocked(xapi.EndpointStream, set(Fault429, Fault5xx)); f != nil {
		s.mu.Unlock()
		if f.Kind == Fault429 {
			s.writeFault429(w, xapi.EndpointStream, f)
		} else {
			writeProblem(w, f.Status, problem("about:blank", http.StatusText(f.Status), "Simulated server error."))
		}
		return
	}
	// A client that just dropped its connection may be back before the
	// server has noticed: give the old connection a moment to go away
	// before refusing a second one.
	for wait := 0; len(s.streams) > 0 && wait < 20; wait++ {
		s.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
		s.mu.Lock()
	}
	if len(s.streams) > 0 {
		s.mu.Unlock()
		p := problem("streaming-connection", "ConnectionException", "This stream is currently at the maximum allowed connection limit.")
		writeProblem(w, http.StatusTooManyRequests, p)
		return
	}
	c := &streamConn{lines: make(chan []byte, 4096), done: make(chan struct{}), sel: sel}
	s.streams[c] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.streams, c)
		s.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	flusher.Flush()
	keep := time.NewTicker(s.opts.KeepAlive)
	defer keep.Stop()
	var held []byte // a post kept back to be sent after the next one
	write := func(b []byte) bool {
		if _, err := w.Write(b); err != nil {
			return false
		}
		flusher.Flush()
		return true
	}
	midStream := set(FaultDrop, FaultSlow, FaultMalformed, FaultDuplicate, FaultOutOfOrder)
	for {
		var line []byte
		select {
		case <-r.Context().Done():
			return
		case <-c.done:
			return
		case <-keep.C:
		case line = <-c.lines:
		}
		s.mu.Lock()
		kinds := midStream
		if line == nil {
			kinds = set(FaultDrop, FaultSlow)
		}
		f := s.takeFaultLocked(xapi.EndpointStream, kinds)
		s.mu.Unlock()
		if f != nil {
			s.log.Info("xsim: stream fault", "kind", f.Kind)
			switch f.Kind {
			case FaultDrop:
				panic(http.ErrAbortHandler)
			case FaultSlow:
				t := time.NewTimer(time.Duration(f.DelayMS) * time.Millisecond)
				select {
				case <-r.Context().Done():
					t.Stop()
					return
				case <-t.C:
				}
			case FaultMalformed:
				if !write([]byte(`{"data":{"id":"` + strconv.Itoa(len(line)) + `","text":` + "\r\n")) {
					return
				}
			case FaultDuplicate:
				if !write(line) {
					return
				}
			case FaultOutOfOrder:
				if held == nil {
					held, line = line, nil
				}
			}
		}
		if line == nil {
			if !write([]byte("\r\n")) {
				return
			}
			continue
		}
		if !write(line) {
			return
		}
		if held != nil {
			if !write(held) {
				return
			}
			held = nil
		}
	}
}

// broadcast sends a new post to the open stream when it matches a rule.
func (s *Server) broadcast(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.posts[id]
	if t == nil || len(s.streams) == 0 {
		return
	}
	var matched []xapi.MatchingRule
	for _, r := range s.rules {
		m, err := parseQuery(r.Value)
		if err == nil && m.match(s, t) {
			matched = append(matched, xapi.MatchingRule{ID: r.ID, Tag: r.Tag})
		}
	}
	if len(matched) == 0 {
		return
	}
	for c := range s.streams {
		single := xapi.Single{MatchingRules: matched}
		d := renderTweet(t, c.sel.tweet)
		single.Data = &d
		single.Includes, single.Errors = s.includesLocked([]*xapi.Tweet{t}, c.sel)
		b, _ := json.Marshal(single)
		b = append(b, '\r', '\n')
		select {
		case c.lines <- b:
			s.served++
		default:
			s.log.Warn("xsim: stream consumer too slow; post not delivered", "id", id)
		}
	}
}

func (s *Server) closeStreams() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.streams {
		close(c.done)
		delete(s.streams, c)
	}
}

func (s *Server) rulesMetaLocked() map[string]any {
	return map[string]any{"sent": s.now().UTC().Format(time.RFC3339Nano), "result_count": len(s.rules)}
}

func (s *Server) getRules(r *http.Request, _ *Fault) (int, any) {
	if _, p := checkQuery(r.URL.Query(), []string{"ids", "max_results", "pagination_token"}, false); p != nil {
		return http.StatusBadRequest, *p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]any{"meta": s.rulesMetaLocked()}
	if len(s.rules) > 0 {
		out["data"] = append([]xapi.StreamRule(nil), s.rules...)
	}
	return http.StatusOK, out
}

func (s *Server) postRules(r *http.Request, _ *Fault) (int, any) {
	q := r.URL.Query()
	if _, p := checkQuery(q, []string{"dry_run", "delete_all"}, false); p != nil {
		return http.StatusBadRequest, *p
	}
	var req xapi.RulesRequest
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20)).Decode(&req); err != nil {
		return http.StatusBadRequest, problem("invalid-request", "Invalid Request", "One or more parameters to your request was invalid. "+err.Error())
	}
	if (len(req.Add) > 0) == (req.Delete != nil) {
		return http.StatusBadRequest, problem("invalid-request", "Invalid Request", "Send either add or delete.")
	}
	dry := q.Get("dry_run") == "true"
	s.mu.Lock()
	defer s.mu.Unlock()
	sent := s.now().UTC().Format(time.RFC3339Nano)
	var errs []xapi.Problem
	if req.Delete != nil {
		deleted := 0
		for _, id := range req.Delete.IDs {
			found := false
			for i, rule := range s.rules {
				if rule.ID == id {
					found = true
					if !dry {
						s.rules = append(s.rules[:i], s.rules[i+1:]...)
					}
					break
				}
			}
			if found {
				deleted++
			} else {
				errs = append(errs, xapi.Problem{Value: id, Title: "Not Found Error", Detail: "Rule does not exist", Type: "https://api.twitter.com/2/problems/resource-not-found", ResourceType: "tweet", ResourceID: id, Parameter: "delete.ids"})
			}
		}
		out := map[string]any{"meta": map[string]any{"sent": sent, "summary": map[string]int{"deleted": deleted, "not_deleted": len(req.Delete.IDs) - deleted}}}
		if len(errs) > 0 {
			out["errors"] = errs
		}
		return http.StatusOK, out
	}
	var created []xapi.StreamRule
	invalid := 0
	for _, add := range req.Add {
		if _, err := parseQuery(add.Value); err != nil {
			invalid++
			errs = append(errs, xapi.Problem{Value: add.Value, Title: "UnprocessableEntity", Detail: err.Error(), Type: "https://api.twitter.com/2/problems/invalid-rules"})
			continue
		}
		dup := ""
		for _, rule := range append(append([]xapi.StreamRule(nil), s.rules...), created...) {
			if rule.Value == add.Value {
				dup = rule.ID
			}
		}
		if dup != "" {
			errs = append(errs, xapi.Problem{Value: add.Value, ResourceID: dup, Title: "DuplicateRule", Type: "https://api.twitter.com/2/problems/duplicate-rules"})
			continue
		}
		s.ruleSeq++
		created = append(created, xapi.StreamRule{ID: strconv.FormatUint(1500000000000000000+s.ruleSeq, 10), Value: add.Value, Tag: add.Tag})
	}
	if !dry {
		s.rules = append(s.rules, created...)
	}
	out := map[string]any{"meta": map[string]any{"sent": sent, "summary": map[string]int{
		"created": len(created), "not_created": len(req.Add) - len(created), "valid": len(req.Add) - invalid, "invalid": invalid}}}
	if len(created) > 0 {
		out["data"] = created
	}
	if len(errs) > 0 {
		out["errors"] = errs
	}
	return http.StatusOK, out
}

// StreamConnected reports whether a filtered stream is open.
func (s *Server) StreamConnected() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.streams) > 0
}
