package xapi_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

func TestWebhookFromSimulator(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{})
	var mu sync.Mutex
	var got []shikayat.Post
	var logs bytes.Buffer
	hook := httptest.NewServer(&xapi.Webhook{
		ConsumerSecret: "cs",
		Logger:         slog.New(slog.NewTextHandler(&logs, nil)),
		AccountID:      func(context.Context) (string, error) { return e.sim.Account().ID, nil },
		Handle: func(_ context.Context, ev xapi.WebhookEvent) error {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, ev.Posts...)
			return nil
		},
	})
	defer hook.Close()
	ctx := context.Background()

	if err := e.sim.CheckCRC(ctx, http.DefaultClient, hook.URL+"/x/webhook", "cs"); err != nil {
		t.Fatalf("CRC: %v", err)
	}
	if err := e.sim.CheckCRC(ctx, http.DefaultClient, hook.URL+"/x/webhook", "other"); err == nil {
		t.Error("CRC passed with another app's secret")
	}

	a := e.mention(t, map[string]any{"text": "@Uppolice #Agra चोरी हुई https://example.org/x", "username": "gita", "location": "Agra",
		"coordinates": []float64{78.01, 27.17}, "media": []map[string]any{{"type": "photo", "url": "https://pbs.example/p.jpg"}},
		"place": map[string]any{"id": "agra1", "full_name": "Agra, India", "geo": map[string]any{"type": "Feature", "bbox": []float64{77.9, 27.1, 78.1, 27.3}, "properties": map[string]any{}}}})
	b := e.mention(t, map[string]any{"text": "@Uppolice any update?", "username": "gita", "in_reply_to": a})
	rt := e.mention(t, map[string]any{"username": "mohan", "retweet_of": a})
	if err := e.sim.DeliverWebhook(ctx, http.DefaultClient, hook.URL+"/x/webhook", "cs", a, b, rt); err != nil {
		t.Fatal(err)
	}
	if err := e.sim.DeliverWebhook(ctx, http.DefaultClient, hook.URL+"/x/webhook", "forged", a); err == nil {
		t.Error("forged delivery accepted")
	}
	if !strings.Contains(logs.String(), "bad signature") {
		t.Errorf("forged delivery not logged: %s", logs.String())
	}

	polled := e.pollAll(t, "")
	byID := map[string]shikayat.Post{}
	for _, p := range polled {
		p.ConversationID = "" // v1.1 deliveries do not carry it
		byID[p.ID] = p
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 3 {
		t.Fatalf("delivered %d posts, want 3", len(got))
	}
	for _, p := range got {
		want := byID[p.ID]
		if !reflect.DeepEqual(p, want) {
			t.Errorf("webhook post differs from the polled one:\n got  %+v\n want %+v", p, want)
		}
	}
}
