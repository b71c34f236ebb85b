package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// An intake gap (mentions a failed backfill left unread) shows in /readyz
// until it is read, without making the node unready.
func TestReadyzNamesAnOpenIntakeGap(t *testing.T) {
	t.Parallel()
	m := quietMain(t, storetest.DSN(t, "sqlite"), "http://127.0.0.1:1")
	ctx := context.Background()
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	ready := func() (int, string) {
		resp, err := http.Get("http://" + m.Addr + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r struct{ Checks map[string]string }
		json.NewDecoder(resp.Body).Decode(&r)
		return resp.StatusCode, r.Checks["x_intake_gap"]
	}
	if code, gap := ready(); code != 200 || gap != "ok" {
		t.Fatalf("readyz without a gap = %d %q", code, gap)
	}
	if err := m.DB.SetCheckpoint(ctx, store.Fence{}, intake.GapName, "100..200"); err != nil {
		t.Fatal(err)
	}
	if code, gap := ready(); code != 200 || !strings.Contains(gap, "100..200") {
		t.Fatalf("readyz with a gap = %d %q, want 200 naming it", code, gap)
	}
	m.DB.SetCheckpoint(ctx, store.Fence{}, intake.GapName, "")
	if _, gap := ready(); gap != "ok" {
		t.Fatalf("readyz after the gap closed = %q", gap)
	}
}
