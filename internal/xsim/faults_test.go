package xsim_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// clock is a settable clock for the simulator.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// A fault with "seconds" fails every request for that long, then X recovers.
func TestFaultLastsSeconds(t *testing.T) {
	clk := &clock{t: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)}
	sim := xsim.New(xsim.Options{Account: "Uppolice", Now: clk.now})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	status, body := do(t, srv, "POST", "/_sim/faults", `{"endpoint": "user_by_username", "kind": "5xx", "seconds": 30}`)
	if status != 201 {
		t.Fatalf("set fault: %d %s", status, body)
	}
	var set struct{ Data xsim.Fault }
	if err := json.Unmarshal(body, &set); err != nil || set.Data.Until == nil || !set.Data.Until.Equal(clk.now().Add(30*time.Second)) {
		t.Fatalf("fault answer %s: want until = now + 30 s", body)
	}
	c := xapi.New(xapi.Options{BaseURL: srv.URL, Retries: -1})
	ctx := context.Background()
	for i := 0; i < 5; i++ { // far more than the default count of 1
		_, err := c.UserByUsername(ctx, "Uppolice")
		var apiErr *xapi.APIError
		if !errors.As(err, &apiErr) || apiErr.Status != 503 {
			t.Fatalf("request %d within the outage: err = %v, want 503", i+1, err)
		}
		clk.add(5 * time.Second)
	}
	clk.add(5 * time.Second) // 30 s have passed
	if _, err := c.UserByUsername(ctx, "Uppolice"); err != nil {
		t.Fatalf("after the outage: %v", err)
	}
	if status, body := do(t, srv, "GET", "/_sim/faults", ""); status != 200 || string(body) != `{"data":[]}`+"\n" && string(body) != `{"data":[]}` {
		t.Fatalf("faults after the outage: %d %s, want none", status, body)
	}
}

// With both a count and seconds, the fault ends at whichever comes first.
func TestFaultCountWithinSeconds(t *testing.T) {
	clk := &clock{t: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)}
	sim := xsim.New(xsim.Options{Account: "Uppolice", Now: clk.now})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	if err := sim.SetFault(xsim.Fault{Endpoint: "users", Kind: xsim.Fault5xx, Count: 2, Seconds: 60}); err != nil {
		t.Fatal(err)
	}
	c := xapi.New(xapi.Options{BaseURL: srv.URL, Retries: -1})
	for i, wantErr := range []bool{true, true, false} {
		if _, err := c.UserByUsername(context.Background(), "Uppolice"); (err != nil) != wantErr {
			t.Fatalf("request %d: err = %v, want error %v", i+1, err, wantErr)
		}
	}
	for _, bad := range []string{`{"endpoint": "users", "kind": "5xx", "seconds": -1}`, `{"endpoint": "users", "kind": "5xx", "count": -2}`,
		`{"endpoint": "users", "kind": "5xx", "seconds": 100000}`} {
		if status, body := do(t, srv, "POST", "/_sim/faults", bad); status != 400 {
			t.Fatalf("%s: %d %s, want 400", bad, status, body)
		}
	}
}
