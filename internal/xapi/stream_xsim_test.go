package xapi_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// eventually waits for cond, failing the test after a generous deadline
// (a guard against hanging, not a measure of speed).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// runStream runs the client's stream until the test ends and returns the
// posts it delivers.
func runStream(t *testing.T, e *env) (<-chan xapi.StreamPost, <-chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	posts := make(chan xapi.StreamPost, 100)
	done := make(chan error, 1)
	go func() {
		done <- e.client.Stream(ctx, func(_ context.Context, sp xapi.StreamPost) error {
			posts <- sp
			return nil
		})
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return posts, done
}

func next(t *testing.T, posts <-chan xapi.StreamPost) xapi.StreamPost {
	t.Helper()
	select {
	case sp := <-posts:
		return sp
	case <-time.After(20 * time.Second):
		t.Fatal("no post from the stream")
	}
	return xapi.StreamPost{}
}

func TestStreamRules(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{})
	ctx := context.Background()
	added, err := e.client.AddStreamRules(ctx, xapi.StreamRule{Value: "@Uppolice", Tag: "mentions"}, xapi.StreamRule{Value: "#UPPolice -is:retweet"})
	if err != nil || len(added) != 2 || added[0].ID == "" || added[0].Tag != "mentions" {
		t.Fatalf("add: %+v %v", added, err)
	}
	dup, err := e.client.AddStreamRules(ctx, xapi.StreamRule{Value: "@Uppolice"}, xapi.StreamRule{Value: "has:geo"})
	if err == nil || len(dup) != 1 || dup[0].Value != "has:geo" {
		t.Errorf("duplicate rule: %+v %v", dup, err)
	}
	if _, err := e.client.AddStreamRules(ctx, xapi.StreamRule{Value: "(a b)"}); err == nil {
		t.Error("unsupported rule accepted")
	}
	rules, err := e.client.StreamRules(ctx)
	if err != nil || len(rules) != 3 {
		t.Fatalf("list: %+v %v", rules, err)
	}
	if err := e.client.DeleteStreamRules(ctx, added[1].ID, dup[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := e.client.DeleteStreamRules(ctx, "123"); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
		t.Errorf("deleting an unknown rule: %v", err)
	}
	rules, _ = e.client.StreamRules(ctx)
	if len(rules) != 1 || rules[0].Value != "@Uppolice" {
		t.Errorf("after delete: %+v", rules)
	}
}

func TestStreamDelivery(t *testing.T) {
	e := newEnv(t, xsim.Options{KeepAlive: 10 * time.Millisecond}, xapi.Options{StallTimeout: 10 * time.Second})
	if _, err := e.client.AddStreamRules(context.Background(), xapi.StreamRule{Value: "@Uppolice", Tag: "mentions"}); err != nil {
		t.Fatal(err)
	}
	posts, _ := runStream(t, e)
	eventually(t, "stream connected", e.sim.StreamConnected)
	post := func(i int) string {
		return e.mention(t, map[string]any{"text": fmt.Sprintf("@Uppolice stream post %d", i), "username": "ravi", "location": "Agra"})
	}

	e.mention(t, map[string]any{"text": "no mention here", "username": "ravi"})
	p1 := post(1)
	sp := next(t, posts)
	if sp.Post.ID != p1 || sp.Post.AuthorUsername != "ravi" || sp.Post.AuthorLocation != "Agra" || len(sp.MatchingRules) != 1 || sp.MatchingRules[0].Tag != "mentions" {
		t.Fatalf("first post: %+v", sp)
	}

	t.Run("malformed line skipped", func(t *testing.T) {
		e.fault(t, xsim.Fault{Endpoint: "stream", Kind: xsim.FaultMalformed})
		p := post(2)
		if got := next(t, posts); got.Post.ID != p {
			t.Errorf("got %s, want %s", got.Post.ID, p)
		}
	})
	t.Run("duplicate delivered twice", func(t *testing.T) {
		e.fault(t, xsim.Fault{Endpoint: "stream", Kind: xsim.FaultDuplicate})
		p := post(3)
		if a, b := next(t, posts), next(t, posts); a.Post.ID != p || b.Post.ID != p {
			t.Errorf("got %s and %s, want %s twice", a.Post.ID, b.Post.ID, p)
		}
	})
	t.Run("out of order", func(t *testing.T) {
		e.fault(t, xsim.Fault{Endpoint: "stream", Kind: xsim.FaultOutOfOrder})
		p4, p5 := post(4), post(5)
		if a, b := next(t, posts), next(t, posts); a.Post.ID != p5 || b.Post.ID != p4 {
			t.Errorf("got %s, %s; want %s, %s", a.Post.ID, b.Post.ID, p5, p4)
		}
	})
	t.Run("dropped stream reconnects", func(t *testing.T) {
		e.fault(t, xsim.Fault{Endpoint: "stream", Kind: xsim.FaultDrop})
		eventually(t, "reconnect back-off", func() bool { return len(e.sleep.Waits()) > 0 })
		if w := e.sleep.Waits(); w[0] != 250*time.Millisecond {
			t.Errorf("first wait %v, want 250ms (network error)", w[0])
		}
		eventually(t, "stream reconnected", e.sim.StreamConnected)
		p := post(6)
		if got := next(t, posts); got.Post.ID != p {
			t.Errorf("after reconnect got %s, want %s", got.Post.ID, p)
		}
	})
}

func TestStreamStallReconnects(t *testing.T) {
	// The simulator's keep-alive is far apart, so the client hears nothing.
	e := newEnv(t, xsim.Options{KeepAlive: time.Hour}, xapi.Options{StallTimeout: 50 * time.Millisecond})
	runStream(t, e)
	eventually(t, "two reconnects", func() bool { return len(e.sleep.Waits()) >= 2 })
	for _, w := range e.sleep.Waits() {
		if w != 250*time.Millisecond {
			t.Errorf("wait %v after a stall, want 250ms (reset after each accepted connection)", w)
		}
	}
}

func TestStreamHTTPErrorBackoff(t *testing.T) {
	e := newEnv(t, xsim.Options{KeepAlive: 10 * time.Millisecond}, xapi.Options{})
	e.fault(t, xsim.Fault{Endpoint: "stream", Kind: xsim.Fault429})
	e.fault(t, xsim.Fault{Endpoint: "stream", Kind: xsim.Fault5xx, Count: 2})
	runStream(t, e)
	eventually(t, "connected after errors", e.sim.StreamConnected)
	if w := fmt.Sprint(e.sleep.Waits()); w != "[1m0s 5s 10s]" {
		t.Errorf("waits %s, want [1m0s 5s 10s]", w)
	}
}

func TestStreamFinalErrors(t *testing.T) {
	e := newEnv(t, xsim.Options{BearerToken: "right"}, xapi.Options{Credentials: xapi.Credentials{BearerToken: "wrong"}})
	err := e.client.Stream(context.Background(), func(context.Context, xapi.StreamPost) error { return nil })
	if shikayat.ErrorCode(err) != shikayat.EUNAUTHORIZED || len(e.sleep.Waits()) != 0 {
		t.Errorf("refused stream: %v, waits %v", err, e.sleep.Waits())
	}

	e2 := newEnv(t, xsim.Options{KeepAlive: 10 * time.Millisecond}, xapi.Options{})
	if _, err := e2.client.AddStreamRules(context.Background(), xapi.StreamRule{Value: "@Uppolice"}); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	done := make(chan error, 1)
	go func() {
		done <- e2.client.Stream(context.Background(), func(context.Context, xapi.StreamPost) error { return stop })
	}()
	eventually(t, "connected", e2.sim.StreamConnected)
	e2.mention(t, map[string]any{"text": "@Uppolice x", "username": "a"})
	select {
	case err := <-done:
		if !errors.Is(err, stop) {
			t.Errorf("handler error: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("stream did not stop on the handler's error")
	}
}

func TestStreamOneConnection(t *testing.T) {
	e := newEnv(t, xsim.Options{KeepAlive: 10 * time.Millisecond}, xapi.Options{})
	runStream(t, e)
	eventually(t, "connected", e.sim.StreamConnected)
	ctx, cancel := context.WithCancel(context.Background())
	sl := &sleeper{}
	second := xapi.New(xapi.Options{BaseURL: e.srv.URL, Sleeper: sl})
	done := make(chan error, 1)
	go func() { done <- second.Stream(ctx, func(context.Context, xapi.StreamPost) error { return nil }) }()
	eventually(t, "second connection refused", func() bool { return len(sl.Waits()) > 0 })
	cancel()
	<-done
	if w := sl.Waits()[0]; w != time.Minute {
		t.Errorf("second connection: wait %v, want 1m (429)", w)
	}
}
