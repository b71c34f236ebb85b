package throttle

import (
	"fmt"
	"testing"
	"time"
)

// allowed counts how many of n lookups from addr are let through now.
func allowed(l *Lookups, addr string, n int) int {
	ok := 0
	for range n {
		if a, _ := l.Allow(addr); a {
			ok++
		}
	}
	return ok
}

// An attacker who knows one real code and looks it up between guesses is
// not forgiven its guesses: a hit leaves the record of misses alone.
func TestLookupsHitDoesNotForgiveMisses(t *testing.T) {
	clk := &clock{t: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)}
	l := &Lookups{Now: clk.now}
	const addr = "203.0.113.9"
	guesses := 0
	for range 60 {
		clk.t = clk.t.Add(2 * time.Second)
		if ok, _ := l.Allow(addr); ok {
			l.Found(addr, true) // the code it knows
		}
		clk.t = clk.t.Add(2 * time.Second)
		if ok, _ := l.Allow(addr); ok {
			l.Found(addr, false) // a guess
			guesses++
		}
	}
	// Four minutes: 10 guesses free, then strict at 3 a minute, shared
	// with the hits.
	if guesses > 10+3*4 {
		t.Fatalf("interleaving a known code let %d guesses through in four minutes, want at most %d", guesses, 10+3*4)
	}
	// Time still forgives: the misses leave the window.
	clk.t = clk.t.Add(10 * time.Minute)
	if n := allowed(l, addr, 20); n != 20 {
		t.Fatalf("after the window %d of 20 lookups allowed", n)
	}
}

// An IPv6 client that rotates its /64 inside its /48 does not start afresh:
// the /48 keeps its own count, strict after three clients' worth of
// misses, generous for hits.
func TestLookupsIPv6BlockOf48(t *testing.T) {
	clk := &clock{t: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)}
	l := &Lookups{Now: clk.now}
	// Guesses from twenty /64s of one /48, five each: no /64 reaches 10,
	// but the /48 reaches 30, and then gets 3 a minute.
	guesses := 0
	for i := range 20 {
		addr := fmt.Sprintf("2001:db8:aa:%x::1", i)
		for range 5 {
			if ok, _ := l.Allow(addr); ok {
				l.Found(addr, false)
				guesses++
			}
		}
	}
	if guesses > 33 {
		t.Fatalf("rotating /64s let %d guesses through at once, want at most 33", guesses)
	}
	if n := allowed(l, "2001:db8:aa:ffff::9", 10); n > 0 {
		t.Fatalf("a fresh /64 of a guessing /48 got %d of 10 lookups, want none", n)
	}
	if n := allowed(l, "2001:db8:bb:1::9", 10); n != 10 {
		t.Fatalf("a /64 of another /48 got %d of 10 lookups", n)
	}
	// Hits from many /64s of one /48 share the /48's bucket: generous,
	// several clients' worth, but not unlimited.
	clk.t = clk.t.Add(time.Hour)
	total := 0
	for i := range 100 {
		addr := fmt.Sprintf("2001:db8:cc:%x::1", i)
		for range 60 {
			if ok, _ := l.Allow(addr); ok {
				l.Found(addr, true)
				total++
			}
		}
	}
	if total < 4*60 || total > 8*60 {
		t.Fatalf("100 /64s of one /48 got %d lookups at once, want between %d and %d", total, 4*60, 8*60)
	}
	// IPv4 clients are not grouped.
	for i := range 20 {
		addr := fmt.Sprintf("198.51.100.%d", i)
		for range 5 {
			l.Allow(addr)
			l.Found(addr, false)
		}
	}
	if n := allowed(l, "198.51.100.200", 10); n != 10 {
		t.Fatalf("an IPv4 neighbour of guessers got %d of 10 lookups", n)
	}
}
