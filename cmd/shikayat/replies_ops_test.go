package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A reply waiting longer than --reply-wait-alert shows in /readyz (as a
// warning: the node stays ready) and in /metrics.
func TestWaitingRepliesAreReported(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		m := quietMain(t, dsn(), "http://127.0.0.1:1", func(m *Main) { m.Config.ReplyWaitAlert = 10 * time.Minute })
		ctx := context.Background()
		if err := m.Run(ctx); err != nil {
			t.Fatal(err)
		}
		defer m.Close(ctx)
		base := "http://" + m.Addr
		get := func(path string) (int, string) {
			t.Helper()
			resp, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(body)
		}
		if _, body := get("/metrics"); !strings.Contains(body, "shikayat_replies_waiting 0") {
			t.Fatalf("metrics lack shikayat_replies_waiting 0:\n%.3000s", body)
		}
		for i, age := range []time.Duration{time.Minute, time.Hour, 2 * time.Hour} {
			r, err := m.DB.ClaimReply(ctx, &shikayat.Reply{Key: "status:" + string(rune('a'+i)), InReplyTo: "1", Text: "x"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.DB.SQL().ExecContext(ctx, `UPDATE replies SET created_at = created_at - $1 WHERE id = $2`, age.Milliseconds(), r.ID); err != nil {
				t.Fatal(err)
			}
		}
		status, body := get("/readyz")
		var ready struct {
			Status string
			Checks map[string]string
		}
		json.Unmarshal([]byte(body), &ready)
		if w := ready.Checks["replies_waiting"]; status != 200 ||
			w != "2 replies have waited longer than 10m0s: status:c for 2h0m0s, status:b for 1h0m0s" {
			t.Fatalf("readyz = %d %s", status, body)
		}
		if _, body := get("/metrics"); !strings.Contains(body, "shikayat_replies_waiting 2") {
			t.Fatalf("metrics lack shikayat_replies_waiting 2:\n%.3000s", body)
		}
	})
}
