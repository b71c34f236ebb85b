package throttle

import (
	"net/http/httptest"
	"testing"
)

// A proxy that writes "ip:port" (or "[v6]:port") into X-Forwarded-For names
// that ip: the hop is not junk that ends the chain at the proxy.
func TestClientsAddrHopWithPort(t *testing.T) {
	trusted, err := ParseTrusted("10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	for xff, want := range map[string]string{
		"6.6.6.6:5123":                 "6.6.6.6",
		"1.2.3.4, 6.6.6.6:80":          "6.6.6.6",
		"[2001:db8::7]:443":            "2001:db8::7",
		"6.6.6.6:80, 10.0.0.2:9000":    "6.6.6.6",
		"[::ffff:6.6.6.6]:1, 10.0.0.3": "6.6.6.6",
	} {
		r := httptest.NewRequest("GET", "/t/x", nil)
		r.RemoteAddr = "10.9.9.9:443"
		r.Header.Set("X-Forwarded-For", xff)
		if got := (Clients{Trusted: trusted}).Addr(r); got != want {
			t.Errorf("X-Forwarded-For %q: Addr = %q, want %q", xff, got, want)
		}
	}
}
