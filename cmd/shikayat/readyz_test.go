package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// When X refuses the desk's credentials the node can still serve its staff
// and the public: /readyz says what is wrong in its body, with 200, so a
// load balancer keeps every node during an X outage.
func TestReadyzWhenXRefusesCredentials(t *testing.T) {
	sim := xsim.New(xsim.Options{Account: "Uppolice", BearerToken: "the-right-token"})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	t.Setenv("SHIKAYAT_X_BEARER_TOKEN", "a-wrong-token")
	m := startDesk(t, storetest.DSN(t, "sqlite"), ts.URL)

	// The intake node polls at once; wait until X's refusal shows.
	var body []byte
	var checks map[string]string
	for deadline := time.Now().Add(30 * time.Second); ; {
		resp, err := http.Get("http://" + m.Addr + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("readyz = %d %s: X's refusal made the node unready", resp.StatusCode, body)
		}
		var r struct{ Checks map[string]string }
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatal(err)
		}
		checks = r.Checks
		if checks["x"] != "" && checks["x"] != "ok" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz never told of X's refusal: %s", body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if checks["database"] != "ok" || !strings.Contains(checks["x"], "refuses") || strings.Contains(string(body), "a-wrong-token") {
		t.Errorf("readyz = %s", body)
	}
}

// When no node holds the intake lease, nobody reads X: /readyz says so in
// its body, with 200 (the node still serves staff and the public).
func TestReadyzTellsOfAnIntakeGap(t *testing.T) {
	m := quietMain(t, storetest.DSN(t, "sqlite"), "http://127.0.0.1:1")
	ctx := context.Background()
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	resp, err := http.Get("http://" + m.Addr + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var r struct{ Checks map[string]string }
	json.Unmarshal(body, &r)
	if resp.StatusCode != http.StatusOK || r.Checks["intake"] != "no node is reading X's mentions" {
		t.Fatalf("readyz = %d %s", resp.StatusCode, body)
	}
	// A node takes the lease: the gap closes.
	if ok, err := m.DB.AcquireLease(ctx, intake.LeaseName, "another-node", time.Minute); !ok || err != nil {
		t.Fatal(ok, err)
	}
	resp, err = http.Get("http://" + m.Addr + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	json.Unmarshal(body, &r)
	if resp.StatusCode != http.StatusOK || r.Checks["intake"] != "ok" {
		t.Fatalf("readyz with a lease holder = %d %s", resp.StatusCode, body)
	}
}
