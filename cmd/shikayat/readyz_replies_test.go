package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Replies waiting past --reply-wait-alert are named in /readyz (docket
// code, reply key, how long), and /metrics counts them and gives the
// longest wait.
func TestReadyzNamesWaitingReplies(t *testing.T) {
	t.Parallel()
	m := quietMain(t, storetest.DSN(t, "sqlite"), "http://127.0.0.1:1")
	ctx := context.Background()
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	get := func(path string) string {
		resp, err := http.Get("http://" + m.Addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	waiting := func() string {
		var r struct{ Checks map[string]string }
		json.Unmarshal([]byte(get("/readyz")), &r)
		return r.Checks["replies_waiting"]
	}
	if w := waiting(); w != "ok" {
		t.Fatalf("readyz without replies waiting: %q", w)
	}
	c, _, err := m.DB.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "8001", Text: "chain snatched"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.DB.ClaimReply(ctx, &shikayat.Reply{Key: "ack:8001", ComplaintID: c.ID, InReplyTo: "8001", Text: "ack"}); err != nil {
		t.Fatal(err)
	}
	// Recorded two hours ago.
	if _, err := m.DB.SQL().ExecContext(ctx, `UPDATE replies SET created_at = created_at - 7200000 WHERE key = 'ack:8001'`); err != nil {
		t.Fatal(err)
	}
	if w := waiting(); !strings.Contains(w, " ack:8001 for 2h") || strings.Contains(w, c.Code) {
		t.Fatalf("readyz names %q, want ack:8001 waiting 2h and not the docket code %s", w, c.Code)
	}
	metrics := get("/metrics")
	for _, want := range []string{"shikayat_replies_waiting 1", "shikayat_reply_oldest_wait_seconds 720", "shikayat_replies_failed 0"} {
		if !strings.Contains(metrics, want) {
			t.Fatalf("metrics lack %q", want)
		}
	}
}

// A reply not to be sent again whose post was not seen on X
// (given_up_unverified) is named in /readyz's body and counted in /metrics.
func TestReadyzNamesUnverifiedReplies(t *testing.T) {
	t.Parallel()
	m := quietMain(t, storetest.DSN(t, "sqlite"), "http://127.0.0.1:1")
	ctx := context.Background()
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	get := func(path string) string {
		resp, err := http.Get("http://" + m.Addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	c, _, err := m.DB.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "8002", Text: "chain snatched"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.DB.ClaimReply(ctx, &shikayat.Reply{Key: "ack:8002", ComplaintID: c.ID, InReplyTo: "8002", Text: "ack"}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.DB.SQL().ExecContext(ctx, `UPDATE replies SET state = 'given_up_unverified' WHERE key = 'ack:8002'`); err != nil {
		t.Fatal(err)
	}
	var r struct{ Checks map[string]string }
	json.Unmarshal([]byte(get("/readyz")), &r)
	body, _ := json.Marshal(r.Checks)
	if !strings.Contains(string(body), " ack:8002") || strings.Contains(string(body), c.Code) {
		t.Fatalf("readyz checks %s do not name ack:8002, not seen on X, or name the docket code %s", body, c.Code)
	}
	if metrics := get("/metrics"); !strings.Contains(metrics, "shikayat_replies_unverified 1") {
		t.Fatal("metrics do not count the reply not seen on X")
	}
}
