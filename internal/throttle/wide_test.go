package throttle

import (
	"fmt"
	"testing"
	"time"
)

// A holder of a whole IPv6 /32 who rotates its /48s (and /64s inside
// them) does not get a fresh budget of misses with each: the /32 keeps a
// count of its own, strict after ten clients' worth of misses, while its
// hits stay generous.
func TestLookupsIPv6WideOf32(t *testing.T) {
	clk := &clock{t: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)}
	l := &Lookups{Now: clk.now}
	// Guesses from ten /48s of one /32, five /64s each, two guesses a
	// /64: no /64 reaches 10 and no /48 reaches 30, but the /32 reaches
	// 100.
	guesses := 0
	for b := range 10 {
		for s := range 5 {
			addr := fmt.Sprintf("2001:db8:%x:%x::1", b, s)
			for range 2 {
				clk.t = clk.t.Add(time.Second)
				if ok, _ := l.Allow(addr); ok {
					l.Found(addr, false)
					guesses++
				}
			}
		}
	}
	if guesses != 100 {
		t.Fatalf("%d of 100 spread guesses allowed, want all", guesses)
	}
	// A fresh /48 of that /32 is strict now: 3 a minute, not a new burst.
	if n := allowed(l, "2001:db8:ffff:1::9", 10); n > 3 {
		t.Fatalf("a fresh /48 of a guessing /32 got %d of 10 lookups, want at most 3", n)
	}
	if n := allowed(l, "2001:db9:1:1::9", 10); n != 10 {
		t.Fatalf("a /64 of another /32 got %d of 10 lookups", n)
	}
	// Time forgives the /32 too.
	clk.t = clk.t.Add(2 * l.MissWindow)
	if n := allowed(l, "2001:db8:ffff:2::9", 10); n != 10 {
		t.Fatalf("after the window a /64 of the /32 got %d of 10 lookups", n)
	}

	// Hits from many /48s of one /32 are not held back by the /32: each
	// /48 gets its own burst.
	total := 0
	for b := range 20 {
		total += allowed(l, fmt.Sprintf("2001:db8:e%x:1::1", b), 60)
	}
	if total != 20*60 {
		t.Fatalf("20 /48s of one /32 got %d of %d lookups at once", total, 20*60)
	}
}
