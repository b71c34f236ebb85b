package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// A desk started with --no-x sends nothing to X: no poll, no compliance
// read, and a reply fails before it leaves the machine.
func TestNoXSendsNothing(t *testing.T) {
	var requests atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.Error(w, "no", http.StatusServiceUnavailable)
	}))
	defer ts.Close()
	t.Setenv("SHIKAYAT_NO_X", "true")
	m := NewMain()
	m.Config.Flags(flag.NewFlagSet("serve", flag.ContinueOnError)) // reads SHIKAYAT_NO_X
	m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", "sqlite:"+filepath.Join(t.TempDir(), "copy.db"), ts.URL
	m.Config.XPoll, m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = time.Second, "Uppolice", "UP", 1000
	m.Config.IntakeLease = 30 * time.Second
	if err := m.Config.Validate(); err != nil {
		t.Fatal(err)
	}
	if !m.Config.NoIntake || m.Config.XComplianceEvery != 0 {
		t.Fatalf("--no-x leaves intake %v, compliance every %v", !m.Config.NoIntake, m.Config.XComplianceEvery)
	}
	m.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		m.Close(cctx)
	}()
	if _, err := m.X.CreateReply(ctx, "Aapki shikayat darj hai", "1"); err == nil {
		t.Error("a reply was posted by a desk told --no-x")
	}
	if _, err := m.X.Mentions(ctx, "1", "", ""); err == nil {
		t.Error("mentions were read by a desk told --no-x")
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("%d requests reached X", n)
	}
}
