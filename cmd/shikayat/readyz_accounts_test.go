package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// /readyz names an account whose credentials X refuses from the start,
// before the account was ever used: each account's credentials are checked
// (GET /2/users/me with its own user token) as the desk starts. Here
// nothing else asks X anything (no intake, no replies).
func TestReadyzNamesRefusedAccountAtStart(t *testing.T) {
	sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"},
		ConsumerSecret: "app-secret", AccessSecret: "the-access-secret"})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	t.Setenv("SHIKAYAT_X_CONSUMER_SECRET", "app-secret")
	t.Setenv("SHIKAYAT_X_ACCESS_SECRET", "the-access-secret")
	dir := t.TempDir()
	for name, secret := range map[string]string{"lucknowpolice": "the-access-secret", "ghaziabadpolice": "a-revoked-secret"} {
		if err := os.WriteFile(filepath.Join(dir, name+".token"), []byte(name+"\n"+secret+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	accounts := filepath.Join(dir, "accounts.csv")
	if err := os.WriteFile(accounts, []byte("lucknowpolice,district:162,lucknowpolice.token\nghaziabadpolice,district:145,ghaziabadpolice.token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := NewMain()
	m.Logger = discardLogger()
	m.Config.Addr, m.Config.DB, m.Config.XAPI, m.Config.Account = "127.0.0.1:0", storetest.DSN(t, "sqlite"), ts.URL, "Uppolice"
	m.Config.DocketState, m.Config.AccountsFile, m.Config.NoIntake = "UP", accounts, true
	m.Config.XPoll, m.Config.IntakeLease, m.Config.DailyPostBudget = time.Second, 30*time.Second, 10
	if err := m.Config.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		m.Close(ctx)
	})

	body := waitReadyzNames(t, m.Addr, "@ghaziabadpolice", "the account whose token X refuses")
	if !strings.Contains(body, "refuses") || strings.Contains(body, "@lucknowpolice") || strings.Contains(body, "a-revoked-secret") {
		t.Errorf("readyz = %s", body)
	}
	if n := sim.Requests("GET /2/users/me"); n < 3 {
		t.Errorf("%d credential checks, want one per account (3)", n)
	}
}

// waitReadyzNames polls /readyz, which must answer 200 throughout (X's
// trouble is reported in its body), until its body names name, for at most
// 30 seconds; it returns that body.
func waitReadyzNames(t *testing.T, addr, name, what string) string {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("readyz = %d %s", resp.StatusCode, body)
		}
		if strings.Contains(string(body), name) {
			return string(body)
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz never named %s (%s): %s", what, name, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
