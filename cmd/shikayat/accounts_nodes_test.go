package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/xsim"
)

// A second process started on the host and address a live node serves
// (a restart that overlaps the old process, a unit started twice) cannot
// listen, and touches nothing before it gives up: no record of its
// accounts, no job queue (so no adoption and no workers).
func TestProcessThatCannotListenTouchesNoNodeRecord(t *testing.T) {
	sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"}})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "s.db")
	// Both are started with one pinned --addr, as deploy files do.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	live := startAccountsDeskWith(t, dsn, ts.URL, writeAccounts(t, "lucknowpolice,district:162"), func(m *Main) { m.Config.Addr = addr })
	raw := openRaw(t, dsn)
	count := func(like string) (n int) {
		t.Helper()
		if err := raw.QueryRow(`SELECT count(*) FROM reply_queue_nodes WHERE queue LIKE $1`, like).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count("replies-lucknow%") == 0 {
		t.Fatal("the live node recorded no queue of @lucknowpolice")
	}

	second := accountsDesk(t, dsn, ts.URL, writeAccounts(t, "ghaziabadpolice,district:145"), func(m *Main) { m.Config.Addr = addr })
	err = second.Run(context.Background())
	if second.DB != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		defer second.Close(ctx)
	}
	var opErr *net.OpError
	if !errors.As(err, &opErr) {
		t.Fatalf("second process on %s (served by %s): Run returned %v; want the listen error", addr, live.Addr, err)
	}
	if n := count("replies-ghaziabad%"); n != 0 {
		t.Errorf("the process that could not listen recorded %d queues of its accounts", n)
	}
	if second.Queue != nil {
		t.Errorf("the process that could not listen made its job queue (records, adoption, workers follow it)")
	}
}

// A starting node answers at once: 503 with Retry-After until the desk is
// ready, then the desk. Here X holds the start's check of the accounts'
// tokens, so Run is still starting while a client asks.
func TestStartingNodeAnswersUntilReady(t *testing.T) {
	sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice"}})
	hold := make(chan struct{})
	var once sync.Once
	release := func() { once.Do(func() { close(hold) }) }
	defer release()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/2/users/me" {
			select {
			case <-hold:
			case <-r.Context().Done():
				return
			}
		}
		sim.ServeHTTP(w, r)
	}))
	defer ts.Close()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	m := accountsDesk(t, "sqlite:"+filepath.Join(t.TempDir(), "s.db"), ts.URL, writeAccounts(t, "lucknowpolice,district:162"), func(m *Main) {
		m.Config.Addr, m.accountsStartCheck = addr, time.Minute
	})
	ran := make(chan error, 1)
	go func() { ran <- m.Run(context.Background()) }()
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		m.Close(ctx)
	}()
	get := func() (*http.Response, string, error) {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return nil, "", err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b), nil
	}
	var resp *http.Response
	var body string
	waitFor(t, "the starting node to answer", func() bool {
		resp, body, err = get()
		return err == nil
	})
	select {
	case err := <-ran:
		t.Fatalf("Run returned (%v) while X held the account check", err)
	default:
	}
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("starting: %d Retry-After %q %q; want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	release()
	if err := <-ran; err != nil {
		t.Fatal(err)
	}
	if resp, body, err = get(); err != nil || resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "" {
		t.Fatalf("ready: %v %v %q; want the desk's own answer", err, resp, body)
	}
	if !strings.Contains(body, `"x_accounts"`) {
		t.Errorf("ready: not the desk's /readyz: %q", body)
	}
}
