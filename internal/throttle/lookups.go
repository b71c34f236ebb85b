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
// Above that, its /32 (what a registry allots one provider or one large
// holder) is counted for misses: strict after WideMisses misses (ten
// clients' worth) so that a /32 holder does not get a fresh budget of
// misses with each of its 65,536 /48s; its bucket, WideRate and WideBurst
// (ten /48s' worth), holds back only a flood.
//
// Memory is bounded: keys (addresses, /48s and /32s alike) live in two
// generations of at most MaxClients each; the older generation is dropped
// every MissWindow (or when the newer one fills), and a key seen since is
// carried over. A key dropped starts afresh, which only a flood of distinct
// addresses can cause. A client keeps at most Misses times of misses and a
// /48 BlockMisses; a /32 keeps two counts (this MissWindow's and the last
// one's), not its times. With the defaults a key takes at most ~1 KB (a
// /48 with its 30 times), a client ~0.4 KB, a /32 ~0.15 KB: at most
// 2×MaxClients keys, ~200 MB at worst at 100,000, ~80 MB if all are
// clients.
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
	// The rule of an IPv6 /32: defaults 10×BlockRate, 10×BlockBurst and
	// 10×Misses.
	WideRate   float64
	WideBurst  float64
	WideMisses int
	MaxClients int // per generation; default 100,000
	Now        func() time.Time

	mu        sync.Mutex
	cur, prev map[netip.Prefix]*client
	rotated   time.Time
}

// rule is the limit of one kind of key: a client, an IPv6 /48 or /32.
type rule struct {
	rate, burst float64
	misses      int
	// counted: misses are counted per MissWindow, not kept one by one
	// (for a /32, whose misses are many).
	counted bool
}

type client struct {
	tokens, strict float64
	last           time.Time
	misses         []time.Time // the latest misses, oldest first, at most the rule's
	// For a counted rule: the misses of the window that began at since,
	// and of the window before it.
	since          time.Time
	inWin, lastWin int
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
	if l.WideRate <= 0 {
		l.WideRate = 10 * l.BlockRate
	}
	if l.WideBurst <= 0 {
		l.WideBurst = 10 * l.BlockBurst
	}
	if l.WideMisses <= 0 {
		l.WideMisses = 10 * l.Misses
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

// keys are what addr is counted under: the address for IPv4; its /64, its
// /48 and its /32 for IPv6. Text that is no address counts as one client of its
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
	p32, _ := a.Prefix(32)
	return []counted{{p64, one}, {p48, rule{rate: l.BlockRate, burst: l.BlockBurst, misses: l.BlockMisses}},
		{p32, rule{rate: l.WideRate, burst: l.WideBurst, misses: l.WideMisses, counted: true}}}
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
		c = &client{tokens: k.rule.burst, strict: l.StrictRate, last: now, since: now}
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
	if r.counted {
		strict = l.windowMisses(c, now) >= float64(r.misses)
	} else {
		for len(c.misses) > 0 && now.Sub(c.misses[0]) >= l.MissWindow {
			c.misses = c.misses[1:]
		}
		strict = len(c.misses) >= r.misses
	}
	if strict {
		c.strict = math.Min(l.StrictRate, c.strict+elapsed*l.StrictRate)
	} else {
		c.strict = l.StrictRate
	}
	return strict
}

// windowMisses moves c's counts of misses up to now's window and returns
// the misses within MissWindow before now, reckoning the last window's as
// spread evenly over it.
func (l *Lookups) windowMisses(c *client, now time.Time) float64 {
	switch d := now.Sub(c.since); {
	case d >= 2*l.MissWindow:
		c.since, c.inWin, c.lastWin = now, 0, 0
	case d >= l.MissWindow:
		c.since, c.inWin, c.lastWin = c.since.Add(l.MissWindow), 0, c.inWin
	}
	left := 1 - float64(now.Sub(c.since))/float64(l.MissWindow)
	return float64(c.inWin) + float64(c.lastWin)*max(left, 0)
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
		cs     [3]*client
		strict [3]bool
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
			d := wait(1-c.strict, l.StrictRate)
			if !k.rule.counted {
				d = min(d, c.misses[len(c.misses)-k.rule.misses].Add(l.MissWindow).Sub(now))
			}
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
		if k.rule.counted {
			l.windowMisses(c, now)
			c.inWin++
			continue
		}
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
