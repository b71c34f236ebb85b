package throttle

import (
	"fmt"
	"net/http/httptest"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestLookupsGenerousForHits(t *testing.T) {
	clk := &clock{t: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)}
	l := &Lookups{Now: clk.now}
	// A carrier address: 60 at once, then 2 a second for ten minutes, all hits.
	for i := 0; i < 60; i++ {
		if ok, _ := l.Allow("100.64.0.1"); !ok {
			t.Fatalf("lookup %d of the burst refused", i)
		}
		l.Found("100.64.0.1", true)
	}
	for i := 0; i < 1200; i++ {
		clk.t = clk.t.Add(500 * time.Millisecond)
		if ok, _ := l.Allow("100.64.0.1"); !ok {
			t.Fatalf("lookup %d at 120 a minute refused", i)
		}
		l.Found("100.64.0.1", true)
	}
	ok, retry := l.Allow("100.64.0.1")
	if ok || retry < time.Second {
		t.Fatalf("a lookup past the rate: ok %v, retry after %s", ok, retry)
	}
	if ok, _ := l.Allow("100.64.0.2"); !ok {
		t.Fatal("another address is refused")
	}
}

func TestLookupsStrictForMisses(t *testing.T) {
	clk := &clock{t: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)}
	l := &Lookups{Now: clk.now}
	for i := 0; i < 10; i++ {
		if ok, _ := l.Allow("203.0.113.9"); !ok {
			t.Fatalf("miss %d refused", i)
		}
		l.Found("203.0.113.9", false)
		clk.t = clk.t.Add(10 * time.Second)
	}
	// Strict now: three more, then a wait of about 20 s for each.
	for i := 0; i < 3; i++ {
		if ok, _ := l.Allow("203.0.113.9"); !ok {
			t.Fatalf("strict lookup %d refused", i)
		}
		l.Found("203.0.113.9", false)
	}
	ok, retry := l.Allow("203.0.113.9")
	if ok || retry < 10*time.Second || retry > 30*time.Second {
		t.Fatalf("after 13 misses: ok %v, retry after %s", ok, retry)
	}
	// A minute gives three lookups, not more.
	clk.t = clk.t.Add(time.Minute)
	n := 0
	for i := 0; i < 10; i++ {
		if ok, _ := l.Allow("203.0.113.9"); ok {
			n++
		}
	}
	if n != 3 {
		t.Fatalf("a strict minute allowed %d lookups, want 3", n)
	}
	// A hit does not forgive the misses (TestLookupsHitDoesNotForgiveMisses).
	clk.t = clk.t.Add(20 * time.Second)
	if ok, _ := l.Allow("203.0.113.9"); !ok {
		t.Fatal("refused after waiting")
	}
	l.Found("203.0.113.9", true)
	if ok, _ := l.Allow("203.0.113.9"); ok {
		t.Fatal("a hit lifted the strict rule")
	}
	// Time forgives them: ten misses, then the window passes.
	other := "2001:db8:1:2::5"
	for i := 0; i < 13; i++ {
		l.Allow(other)
		l.Found(other, false)
	}
	if ok, _ := l.Allow("2001:db8:1:2:ffff::1"); ok {
		t.Fatal("another address in the same /64 is not strict")
	}
	clk.t = clk.t.Add(10 * time.Minute)
	for i := 0; i < 10; i++ {
		if ok, _ := l.Allow(other); !ok {
			t.Fatalf("lookup %d after the window refused", i)
		}
	}
}

func TestLookupsMemoryIsBounded(t *testing.T) {
	clk := &clock{t: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)}
	l := &Lookups{Now: clk.now, MaxClients: 1000}
	for i := 0; i < 100_000; i++ {
		addr := fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255)
		l.Allow(addr)
		l.Found(addr, false)
	}
	if n := l.Clients(); n > 2000 {
		t.Fatalf("the limiter holds %d addresses, want at most 2000", n)
	}
	// Time alone empties it too.
	clk.t = clk.t.Add(11 * time.Minute)
	l.Allow("10.0.0.1")
	clk.t = clk.t.Add(11 * time.Minute)
	l.Allow("10.0.0.1")
	if n := l.Clients(); n != 1 {
		t.Fatalf("after two windows the limiter holds %d addresses, want 1", n)
	}
}

func TestClientsAddr(t *testing.T) {
	trusted, err := ParseTrusted("10.0.0.0/8, 192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, peer, xff string
		trusted         bool
		want            string
	}{
		{"no proxies trusted: the peer, whatever the header", "198.51.100.7:5000", "1.2.3.4", false, "198.51.100.7"},
		{"an untrusted peer's header is ignored", "198.51.100.7:5000", "1.2.3.4", true, "198.51.100.7"},
		{"a trusted proxy's header names the client", "10.1.2.3:5000", "1.2.3.4", true, "1.2.3.4"},
		{"read from the right past trusted hops", "10.1.2.3:5000", "6.6.6.6, 1.2.3.4, 192.0.2.1", true, "1.2.3.4"},
		{"a forged leftmost entry does not win", "10.1.2.3:5000", "6.6.6.6, 1.2.3.4", true, "1.2.3.4"},
		{"a trusted proxy without the header", "10.1.2.3:5000", "", true, "10.1.2.3"},
		{"a hop that is no address stops the walk", "10.1.2.3:5000", "1.2.3.4, junk", true, "10.1.2.3"},
		{"IPv4-mapped IPv6", "[::ffff:10.1.2.3]:5000", "1.2.3.4", true, "1.2.3.4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/t/x", nil)
			r.RemoteAddr = tc.peer
			if tc.xff != "" {
				r.Header.Set("X-Forwarded-For", tc.xff)
			}
			c := Clients{}
			if tc.trusted {
				c.Trusted = trusted
			}
			if got := c.Addr(r); got != tc.want {
				t.Fatalf("Addr = %q, want %q", got, tc.want)
			}
		})
	}
	if _, err := ParseTrusted("10.0.0.0/33"); err == nil {
		t.Fatal("a bad CIDR is accepted")
	}
}

// BenchmarkLookups measures the limiter alone: one Allow and one Found for
// clients spread over 10,000 addresses, from parallel goroutines.
func BenchmarkLookups(b *testing.B) {
	l := &Lookups{Rate: 1e9, Burst: 1e9}
	addrs := make([]string, 10_000)
	for i := range addrs {
		addrs[i] = fmt.Sprintf("10.%d.%d.1", i/100, i%100)
	}
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			a := addrs[i%len(addrs)]
			l.Allow(a)
			l.Found(a, true)
			i++
		}
	})
}
