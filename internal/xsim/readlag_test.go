package xsim_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

type simClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *simClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *simClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// With a read lag, a post just made is missing from the account's timeline
// and from search until the lag is over, while X already refuses the same
// text again as a duplicate.
func TestReadLagHidesANewPost(t *testing.T) {
	ctx := context.Background()
	clk := &simClock{t: time.Now()}
	sim := xsim.New(xsim.Options{Now: clk.Now})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	if status, body := do(t, srv, "POST", "/_sim/read_lag", `{"seconds": 60}`); status != 200 {
		t.Fatalf("set read lag: %d %s", status, body)
	}
	c := xapi.New(xapi.Options{BaseURL: srv.URL, Retries: -1})
	src, err := sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@Uppolice my bike was stolen"})
	if err != nil {
		t.Fatal(err)
	}
	id, err := c.CreateReply(ctx, "We are on it", src)
	if err != nil {
		t.Fatal(err)
	}
	me := sim.Account().ID
	seen := func() bool {
		t.Helper()
		p, err := c.UserTweets(ctx, me, "", "")
		if err != nil {
			t.Fatal(err)
		}
		for _, tw := range p.Data {
			if tw.ID == id {
				return true
			}
		}
		return false
	}
	if seen() {
		t.Fatal("the new post shows before the read lag is over")
	}
	if _, err := c.CreateReply(ctx, "We are on it", src); err == nil {
		t.Fatal("X took the same text twice")
	}
	clk.Add(59 * time.Second)
	if seen() {
		t.Fatal("the new post shows before the read lag is over")
	}
	clk.Add(time.Second)
	if !seen() {
		t.Fatal("the post is still hidden after the read lag")
	}
	if status, _ := do(t, srv, "POST", "/_sim/read_lag", `{"seconds": -1}`); status != 400 {
		t.Fatalf("a negative lag answered %d, want 400", status)
	}
}
