package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// Open311's get by code is a lookup by code like tracking: it goes through
// the same limiter, so guessing codes there is limited, and an address that
// guessed on one route is limited on the other.
func TestOpen311GetByCodeIsLimitedWithTracking(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		sim := xsim.New(xsim.Options{Account: "Uppolice"})
		ts := httptest.NewServer(sim)
		defer ts.Close()
		m := startDesk(t, dsn(), ts.URL)
		get := func(path string) *http.Response {
			resp, err := http.Get("http://" + m.Addr + path)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			return resp
		}
		var resp *http.Response
		for i := 0; i < 40; i++ {
			if resp = get("/open311/v2/requests/UP26-0000000000.json"); resp.StatusCode == http.StatusTooManyRequests {
				break
			}
		}
		if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
			t.Fatalf("40 guesses by Open311: the last answered %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
		}
		for _, path := range []string{"/api/v1/track/UP26-0000000000", "/t/UP26-0000000000", "/open311/v2/requests/UP26-0000000000.xml"} {
			if resp := get(path); resp.StatusCode != http.StatusTooManyRequests {
				t.Errorf("%s after guessing by Open311: %d, want 429", path, resp.StatusCode)
			}
		}
	})
}
