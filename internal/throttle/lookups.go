package throttle

import (
	"math"
	"net/netip"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
)

// Lookups limits the public lookups of complaints by code (the tracking
// page and JSON, Open311's get by code) per client address, in this node's
// memory (each node counts its own; a client spread over n nodes gets up to
// n times the rate). Two rules:
//
//   - generous for everyone: a token bucket of Rate lookups a minute with a
//     Burst, so that many citizens behind one carrier address are not
//     refused;
//   - strict for guessing: after Misses lookups that found nothing
//     (unknown, mistyped or malformed codes alike) within MissWindow, the
//     address gets only StrictRate lookups a minute, until MissWindow has
//     passed since its misses. A hit does not forgive misses: otherwise one
//     known code looked up between guesses would undo them.
//
// An IPv6 client is counted by its /64, which one subscriber holds whole,
// and also by its /48, which one site or one carrier's pool holds: a client
// that rotates its /64 inside its /48 does not start afresh. The /48 gets
// BlockRate and BlockBurst (several clients' worth) and goes strict after
// BlockMisses misses (three clients' worth); a lookup must pass both.
//
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
	// The rule of an IPv6 /48: defaults 4×Rate, 4×Burst and 3×Misses.
	BlockRate   float64
	BlockBurst  float64
	BlockMisses int
	MaxClients  int // per generation; default 100,000
	Now         func() time.Time

	mu        sync.Mutex
	cur, prev map[netip.Prefix]*client
	rotated   time.Time
}

// rule is the limit of one kind of key: a client, or an IPv6 /48.
type rule struct {
	rate, burst float64
	misses      int
}

type client struct {
	tokens, strict float64
	last           time.Time
	misses         []time.Time // the latest misses, oldest first, at most the rule's
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
	if l.BlockRate <= 0 {
		l.BlockRate = 4 * l.Rate
	}
	if l.BlockBurst <= 0 {
		l.BlockBurst = 4 * l.Burst
	}
	if l.BlockMisses <= 0 {
		// A carrier's /48 holds many subscribers: a few of them mistyping
		// a code must not make the lookups of all of them strict, while a
		// guesser rotating /64s still goes strict after a handful of tries
		// per /64.
		l.BlockMisses = 3 * l.Misses
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

// counted is one key a lookup is counted under, with its rule.
type counted struct {
	key  netip.Prefix
	rule rule
}

// keys are what addr is counted under: the address for IPv4; its /64 and
// its /48 for IPv6. Text that is no address counts as one client of its
// own.
func (l *Lookups) keys(addr string) []counted {
	one := rule{rate: l.Rate, burst: l.Burst, misses: l.Misses}
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return []counted{{netip.Prefix{}, one}}
	}
	a = a.Unmap()
	if !a.Is6() {
		return []counted{{netip.PrefixFrom(a, 32), one}}
	}
	p64, _ := a.Prefix(64)
	p48, _ := a.Prefix(48)
	return []counted{{p64, one}, {p48, rule{rate: l.BlockRate, burst: l.BlockBurst, misses: l.BlockMisses}}}
}

// get returns the state of key k, carrying it over from the older
// generation; l.mu is held.
func (l *Lookups) get(k counted, now time.Time) *client {
	if l.cur == nil || now.Sub(l.rotated) >= l.MissWindow || len(l.cur) >= l.MaxClients {
		l.prev, l.cur, l.rotated = l.cur, make(map[netip.Prefix]*client), now
	}
	if c := l.cur[k.key]; c != nil {
		return c
	}
	c := l.prev[k.key]
	if c != nil {
		delete(l.prev, k.key)
	} else {
		c = &client{tokens: k.rule.burst, strict: l.StrictRate, last: now}
	}
	l.cur[k.key] = c
	return c
}

// refill brings c's buckets up to now and reports whether its misses put
// it under the strict rule, forgetting misses older than the window.
func (l *Lookups) refill(c *client, r rule, now time.Time) (strict bool) {
	elapsed := now.Sub(c.last).Minutes()
	if elapsed < 0 {
		elapsed = 0
	}
	c.last = now
	c.tokens = math.Min(r.burst, c.tokens+elapsed*r.rate)
	for len(c.misses) > 0 && now.Sub(c.misses[0]) >= l.MissWindow {
		c.misses = c.misses[1:]
	}
	strict = len(c.misses) >= r.misses
	if strict {
		c.strict = math.Min(l.StrictRate, c.strict+elapsed*l.StrictRate)
	} else {
		c.strict = l.StrictRate
	}
	return strict
}

// Allow takes one lookup for addr: ok, or how long until one is allowed.
// The lookup must pass every key addr is counted under; it is taken from
// all of them or none.
func (l *Lookups) Allow(addr string) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.defaults()
	now := l.now()
	keys := l.keys(addr)
	var (
		cs     [2]*client
		strict [2]bool
	)
	ok = true
	for i, k := range keys {
		c := l.get(k, now)
		cs[i], strict[i] = c, l.refill(c, k.rule, now)
		switch {
		case c.tokens < 1:
			ok, retryAfter = false, max(retryAfter, wait(1-c.tokens, k.rule.rate))
		case strict[i] && c.strict < 1:
			// Until a token comes back, or the oldest miss that counts
			// leaves the window.
			d := min(wait(1-c.strict, l.StrictRate), c.misses[len(c.misses)-k.rule.misses].Add(l.MissWindow).Sub(now))
			ok, retryAfter = false, max(retryAfter, d, time.Second)
		}
	}
	if !ok {
		return false, retryAfter
	}
	for i := range keys {
		cs[i].tokens--
		if strict[i] {
			cs[i].strict--
		}
	}
	return true, 0
}

// Found records a lookup's outcome: a miss counts towards the strict rule
// under every key of addr; a hit changes nothing (see Lookups).
func (l *Lookups) Found(addr string, hit bool) {
	if hit {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.defaults()
	now := l.now()
	for _, k := range l.keys(addr) {
		c := l.get(k, now)
		if len(c.misses) >= k.rule.misses {
			c.misses = append(c.misses[:0], c.misses[1:]...)
		}
		c.misses = append(c.misses, now)
	}
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

// Lookup runs find, a lookup by code for the client at addr, under the
// limit: a client over it gets ETOOMANY (with RetryAfter) and find does not
// run. find's answer is counted: found (nil) a hit; unknown or malformed
// (ENOTFOUND, EINVALID) a miss; anything else (the database down) neither.
// A nil Lookups only runs find.
func (l *Lookups) Lookup(addr string, find func() error) error {
	if l == nil {
		return find()
	}
	if ok, retry := l.Allow(addr); !ok {
		return &shikayat.Error{Code: shikayat.ETOOMANY, RetryAfter: retry,
			Message: "Too many lookups from your address; try again later."}
	}
	err := find()
	switch code := shikayat.ErrorCode(err); {
	case err == nil:
		l.Found(addr, true)
	case code == shikayat.ENOTFOUND || code == shikayat.EINVALID:
		l.Found(addr, false)
	}
	return err
}
