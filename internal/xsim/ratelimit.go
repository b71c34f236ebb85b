package xsim

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

// Limit is a rate-limit window: Requests per Window.
type Limit struct {
	Requests int
	Window   time.Duration
}

// String writes the limit as ParseLimits reads it, e.g. "100/15m".
func (l Limit) String() string {
	d := l.Window.String()
	switch {
	case l.Window%time.Hour == 0:
		d = strconv.FormatInt(int64(l.Window/time.Hour), 10) + "h"
	case l.Window%time.Minute == 0:
		d = strconv.FormatInt(int64(l.Window/time.Minute), 10) + "m"
	case l.Window%time.Second == 0:
		d = strconv.FormatInt(int64(l.Window/time.Second), 10) + "s"
	}
	return strconv.Itoa(l.Requests) + "/" + d
}

// DefaultLimits are per-endpoint windows like X's published limits.
var DefaultLimits = map[string]Limit{
	xapi.EndpointMentions:          {450, 15 * time.Minute},
	xapi.EndpointUserTweets:        {1500, 15 * time.Minute},
	xapi.EndpointSearchRecent:      {450, 15 * time.Minute},
	xapi.EndpointUserByUsername:    {300, 15 * time.Minute},
	xapi.EndpointMe:                {75, 15 * time.Minute},
	xapi.EndpointCreatePost:        {100, 15 * time.Minute},
	xapi.EndpointStream:            {50, 15 * time.Minute},
	xapi.EndpointStreamRules:       {450, 15 * time.Minute},
	xapi.EndpointStreamRulesChange: {450, 15 * time.Minute},
	xapi.EndpointLookupPosts:       {3500, 15 * time.Minute},
	xapi.EndpointComplianceCreate:  {150, 15 * time.Minute},
	xapi.EndpointComplianceJob:     {150, 15 * time.Minute},
	xapi.EndpointComplianceList:    {150, 15 * time.Minute},
}

// shortNames are the endpoints' names in --limits and /_sim/limits.
var shortNames = map[string]string{
	xapi.EndpointMentions:          "mentions",
	xapi.EndpointUserTweets:        "user_tweets",
	xapi.EndpointSearchRecent:      "search",
	xapi.EndpointUserByUsername:    "user_by_username",
	xapi.EndpointMe:                "me",
	xapi.EndpointCreatePost:        "create_post",
	xapi.EndpointStream:            "stream",
	xapi.EndpointStreamRules:       "rules",
	xapi.EndpointStreamRulesChange: "rules_change",
	xapi.EndpointLookupPosts:       "lookup",
	xapi.EndpointComplianceCreate:  "compliance_create",
	xapi.EndpointComplianceJob:     "compliance_job",
	xapi.EndpointComplianceList:    "compliance_jobs",
}

// Bounds of a settable limit.
const (
	maxLimitRequests = 1 << 30
	minLimitWindow   = time.Second
	maxLimitWindow   = 24 * time.Hour
)

// ParseLimits reads rate-limit windows written as
// "NAME=N/DURATION[,NAME=N/DURATION…]", e.g. "create_post=1000/15m,
// mentions=10000/15m": NAME an endpoint's short name (mentions,
// user_tweets, search, user_by_username, me, create_post, stream, rules,
// rules_change; the names faults take) or "*" for every endpoint, N the
// requests allowed (at least 1) per DURATION (a Go duration from 1s to
// 24h). The map is keyed by xapi Endpoint constants and "*".
func ParseLimits(s string) (map[string]Limit, error) {
	out := map[string]Limit{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for _, part := range strings.Split(s, ",") {
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("limit %q: want NAME=N/DURATION", strings.TrimSpace(part))
		}
		ep, lim, err := parseLimit(name, value)
		if err != nil {
			return nil, err
		}
		if _, dup := out[ep]; dup {
			return nil, fmt.Errorf("limit for %s given twice", strings.TrimSpace(name))
		}
		out[ep] = lim
	}
	return out, nil
}

// parseLimit reads one NAME and its N/DURATION.
func parseLimit(name, value string) (string, Limit, error) {
	name = strings.TrimSpace(name)
	ep, ok := endpointNames[name]
	if !ok {
		return "", Limit{}, fmt.Errorf("limit: unknown endpoint %q", name)
	}
	n, d, ok := strings.Cut(strings.TrimSpace(value), "/")
	if !ok {
		return "", Limit{}, fmt.Errorf("limit %s=%q: want N/DURATION, like 100/15m", name, value)
	}
	reqs, err := strconv.Atoi(n)
	if err != nil || reqs < 1 || reqs > maxLimitRequests {
		return "", Limit{}, fmt.Errorf("limit %s: %q is not a number of requests from 1 to %d", name, n, maxLimitRequests)
	}
	window, err := time.ParseDuration(d)
	if err != nil || window < minLimitWindow || window > maxLimitWindow {
		return "", Limit{}, fmt.Errorf("limit %s: %q is not a duration from %s to %s", name, d, minLimitWindow, maxLimitWindow)
	}
	return ep, Limit{Requests: reqs, Window: window}, nil
}

type limitState struct {
	limit, remaining int
	reset            time.Time
}

type window struct {
	limit Limit
	reset time.Time
	used  int
}

type limiter struct {
	mu       sync.Mutex
	limits   map[string]Limit
	fallback Limit // for an endpoint without a limit of its own
	windows  map[string]*window
}

func newLimiter(over map[string]Limit) *limiter {
	l := &limiter{}
	l.reset()
	l.set(over)
	return l
}

// reset puts X's limits back and starts new windows.
func (l *limiter) reset() {
	l.limits = maps.Clone(DefaultLimits)
	l.fallback = Limit{1000, 15 * time.Minute}
	l.windows = map[string]*window{}
}

// set changes limits (keyed by Endpoint constants, or "*" for every
// endpoint, which the others then override); the endpoints changed start a
// new window.
func (l *limiter) set(over map[string]Limit) {
	if all, ok := over["*"]; ok {
		for k := range l.limits {
			l.limits[k] = all
		}
		l.fallback = all
		clear(l.windows)
	}
	for k, v := range over {
		if k != "*" {
			l.limits[k] = v
			for key := range l.windows {
				if key == k || strings.HasPrefix(key, k+"@") {
					delete(l.windows, key)
				}
			}
		}
	}
}

// table lists every endpoint's limit by short name.
func (l *limiter) table() map[string]string {
	out := map[string]string{}
	for ep, lim := range l.limits {
		name := shortNames[ep]
		if name == "" {
			name = ep
		}
		out[name] = lim.String()
	}
	return out
}

// window returns the window of key: an endpoint, or an endpoint and an
// account ("endpoint@user", X's per-user limit), each with the endpoint's
// limit.
func (l *limiter) window(key string, now time.Time) *window {
	w := l.windows[key]
	if w == nil || !now.Before(w.reset) {
		w = &window{limit: l.limitOf(key), reset: now.Add(l.limitOf(key).Window)}
		l.windows[key] = w
	}
	return w
}

func (l *limiter) limitOf(key string) Limit {
	endpoint, _, _ := strings.Cut(key, "@")
	if lim, ok := l.limits[endpoint]; ok {
		return lim
	}
	return l.fallback
}

// take counts one request; ok is false when the window was used up.
func (l *limiter) take(endpoint string, now time.Time) (limitState, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.window(endpoint, now)
	if w.used >= w.limit.Requests {
		return limitState{w.limit.Requests, 0, w.reset}, false
	}
	w.used++
	return limitState{w.limit.Requests, w.limit.Requests - w.used, w.reset}, true
}

// exhaust uses up the endpoint's window until reset.
func (l *limiter) exhaust(key string, reset time.Time) limitState {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim := l.limitOf(key)
	l.windows[key] = &window{limit: lim, reset: reset, used: lim.Requests}
	return limitState{lim.Requests, 0, reset}
}

// SetLimits changes rate-limit windows (keyed as ParseLimits keys them);
// each endpoint changed starts a new window.
func (s *Server) SetLimits(over map[string]Limit) {
	s.limiter.mu.Lock()
	defer s.limiter.mu.Unlock()
	s.limiter.set(over)
}

// Limits returns every endpoint's window, by short name ("100/15m").
func (s *Server) Limits() map[string]string {
	s.limiter.mu.Lock()
	defer s.limiter.mu.Unlock()
	return s.limiter.table()
}

// simSetLimits answers POST /_sim/limits: a JSON object of short names (or
// "*") and windows, {"create_post": "1000/15m"}; all or nothing. It
// answers with every endpoint's window.
func (s *Server) simSetLimits(w http.ResponseWriter, r *http.Request) {
	var in map[string]string
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&in); err != nil {
		writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", `limits: want {"create_post": "1000/15m", …}: `+err.Error()))
		return
	}
	over := map[string]Limit{}
	names := make([]string, 0, len(in))
	for name := range in {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ep, lim, err := parseLimit(name, in[name])
		if err != nil {
			writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", err.Error()))
			return
		}
		over[ep] = lim
	}
	s.SetLimits(over)
	s.log.Info("xsim: rate limits set", "limits", in)
	writeJSON(w, http.StatusOK, map[string]any{"data": s.Limits()})
}

func (s *Server) simListLimits(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"data": s.Limits()})
}

// simResetLimits answers DELETE /_sim/limits: X's limits again.
func (s *Server) simResetLimits(w http.ResponseWriter, _ *http.Request) {
	s.limiter.mu.Lock()
	s.limiter.reset()
	s.limiter.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}
