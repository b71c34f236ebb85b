package xsim

import (
	"sync"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

// Limit is a rate-limit window: Requests per Window.
type Limit struct {
	Requests int
	Window   time.Duration
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
	mu      sync.Mutex
	limits  map[string]Limit
	windows map[string]*window
}

func newLimiter(over map[string]Limit) *limiter {
	l := &limiter{limits: map[string]Limit{}, windows: map[string]*window{}}
	for k, v := range DefaultLimits {
		l.limits[k] = v
	}
	for k, v := range over {
		l.limits[k] = v
	}
	return l
}

func (l *limiter) window(endpoint string, now time.Time) *window {
	w := l.windows[endpoint]
	if w == nil || !now.Before(w.reset) {
		lim, ok := l.limits[endpoint]
		if !ok {
			lim = Limit{1000, 15 * time.Minute}
		}
		w = &window{limit: lim, reset: now.Add(lim.Window)}
		l.windows[endpoint] = w
	}
	return w
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
func (l *limiter) exhaust(endpoint string, reset time.Time) limitState {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim, ok := l.limits[endpoint]
	if !ok {
		lim = Limit{1000, 15 * time.Minute}
	}
	l.windows[endpoint] = &window{limit: lim, reset: reset, used: lim.Requests}
	return limitState{lim.Requests, 0, reset}
}
