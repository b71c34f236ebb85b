package throttle

import (
	"math"
	"net/netip"
	"sync"
	"time"
)

// Lookups limits the public tracking lookups per client address, in this
// node's memory (each node counts its own; a client spread over n nodes
// gets up to n times the rate). Two rules:
//
//   - generous for everyone: a token bucket of Rate lookups a minute with a
//     Burst, so that many citizens behind one carrier address are not
//     refused;
//   - strict for guessing: after Misses lookups that found nothing
//     (unknown, mistyped or malformed codes alike) within MissWindow, the
//     address gets only StrictRate lookups a minute, until it finds a
//     complaint or MissWindow has passed since its misses.
//
// An IPv6 client is counted by its /64, which one subscriber holds whole.
// Memory is bounded: addresses live in two generations of at most
// MaxClients each; the older generation is dropped every MissWindow (or
// when the newer one fills), and an address seen since is carried over.
// An address dropped starts afresh, which only a flood of distinct
// addresses can cause.
type Lookups struct {
	Rate       float64 // per minute; default 120
	Burst      float64 // default 60
	Misses     int     // default 10
	MissWindow time.Duration
	StrictRate float64 // per minute once strict; default 3
	MaxClients int     // per generation; default 100,000
	Now        func() time.Time

	mu        sync.Mutex
	cur, prev map[netip.Prefix]*client
	rotated   time.Time
}

type client struct {
	tokens, strict float64
	last           time.Time
	misses         []time.Time // the latest misses, oldest first, at most Misses
}

func (l *Lookups) defaults() {
	if l.Rate <= 0 {
		l.Rate = 120
	}
	if l.Burst <= 0 {
		l.Burst = 60
	}
	if l.Misses <= 0 {
		l.Misses = 10
	}
	if l.MissWindow <= 0 {
		l.MissWindow = 10 * time.Minute
	}
	if l.StrictRate <= 0 {
		l.StrictRate = 3
	}
	if l.MaxClients <= 0 {
		l.MaxClients = 100_000
	}
}

func (l *Lookups) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

// key is the address's /64 for IPv6, the address for IPv4; text that is no
// address counts as one client of its own.
func key(addr string) netip.Prefix {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return netip.Prefix{}
	}
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p
	}
	return netip.PrefixFrom(a, 32)
}

// get returns the client's state, carrying it over from the older
// generation; l.mu is held.
func (l *Lookups) get(k netip.Prefix, now time.Time) *client {
	if l.cur == nil || now.Sub(l.rotated) >= l.MissWindow || len(l.cur) >= l.MaxClients {
		l.prev, l.cur, l.rotated = l.cur, make(map[netip.Prefix]*client), now
	}
	if c := l.cur[k]; c != nil {
		return c
	}
	c := l.prev[k]
	if c != nil {
		delete(l.prev, k)
	} else {
		c = &client{tokens: l.Burst, last: now}
	}
	l.cur[k] = c
	return c
}

// strictNow reports whether the client's misses put it under the strict
// rule, forgetting misses older than the window.
func (l *Lookups) strictNow(c *client, now time.Time) bool {
	for len(c.misses) > 0 && now.Sub(c.misses[0]) >= l.MissWindow {
		c.misses = c.misses[1:]
	}
	return len(c.misses) >= l.Misses
}

// Allow takes one lookup for addr: ok, or how long until one is allowed.
func (l *Lookups) Allow(addr string) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.defaults()
	now := l.now()
	c := l.get(key(addr), now)
	elapsed := now.Sub(c.last).Minutes()
	if elapsed < 0 {
		elapsed = 0
	}
	c.last = now
	c.tokens = math.Min(l.Burst, c.tokens+elapsed*l.Rate)
	strict := l.strictNow(c, now)
	if strict {
		c.strict = math.Min(l.StrictRate, c.strict+elapsed*l.StrictRate)
	} else {
		c.strict = l.StrictRate
	}
	switch {
	case c.tokens < 1:
		return false, wait(1-c.tokens, l.Rate)
	case strict && c.strict < 1:
		// Until a token comes back, or the oldest miss leaves the window.
		d := min(wait(1-c.strict, l.StrictRate), c.misses[len(c.misses)-l.Misses].Add(l.MissWindow).Sub(now))
		return false, max(d, time.Second)
	}
	c.tokens--
	if strict {
		c.strict--
	}
	return true, 0
}

// Found records a lookup's outcome: a hit forgives the address its misses;
// a miss counts towards the strict rule.
func (l *Lookups) Found(addr string, hit bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.defaults()
	now := l.now()
	c := l.get(key(addr), now)
	if hit {
		c.misses = nil
		return
	}
	if len(c.misses) >= l.Misses {
		c.misses = append(c.misses[:0], c.misses[1:]...)
	}
	c.misses = append(c.misses, now)
}

// wait is how long a bucket refilling at perMinute takes to gain need
// tokens, rounded up to whole seconds (Retry-After counts seconds).
func wait(need, perMinute float64) time.Duration {
	d := time.Duration(need / perMinute * float64(time.Minute))
	return max(d.Round(time.Second)+time.Second/2, time.Second).Round(time.Second)
}

// Clients returns how many addresses the limiter holds now.
func (l *Lookups) Clients() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.cur) + len(l.prev)
}
