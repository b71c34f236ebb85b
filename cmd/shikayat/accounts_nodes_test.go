package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
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

	second := NewMain()
	second.Logger = discardLogger()
	second.Config.Addr, second.Config.DB, second.Config.XAPI = addr, dsn, ts.URL
	second.Config.XPoll, second.Config.Account, second.Config.DocketState, second.Config.DailyPostBudget = time.Second, "Uppolice", "UP", 1000
	second.Config.IntakeLease, second.Config.AccountsFile = 30*time.Second, writeAccounts(t, "ghaziabadpolice,district:145")
	if err := second.Config.Validate(); err != nil {
		t.Fatal(err)
	}
	second.Config.BaseURL = "https://shikayat.example"
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
// ready, then the desk.
func TestStartGateAnswersUntilReady(t *testing.T) {
	g := &startGate{}
	rec := httptest.NewRecorder()
	g.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("starting: %d Retry-After %q; want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	g.open(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) }))
	rec = httptest.NewRecorder()
	g.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != http.StatusTeapot {
		t.Fatalf("ready: %d; want the desk's answer", rec.Code)
	}
}
