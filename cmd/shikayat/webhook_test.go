package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// The webhook signs CRC challenges and checks deliveries with one secret.
// An attacker who asks for the "CRC" of a delivery body of their making,
// then posts that body with the answer as its signature, gets nothing
// recorded: the challenge is refused, and so is the delivery.
func TestWebhookForgeryRefused(t *testing.T) {
	sim := xsim.New(xsim.Options{Account: "Uppolice"})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	t.Setenv("SHIKAYAT_X_CONSUMER_SECRET", "webhook-secret")
	m := startDesk(t, storetest.DSN(t, "sqlite"), ts.URL)
	hook := "http://" + m.Addr + "/x/webhook"

	const forgedID = "1900000000000000777"
	forged := `{"for_user_id":"` + sim.Account().ID + `","tweet_create_events":[{"id_str":"` + forgedID +
		`","text":"@Uppolice Lucknow mein thane ke bahar goli chali, turant aaiye","user":{"id_str":"77","screen_name":"mallory"}}]}`
	resp, err := http.Get(hook + "?crc_token=" + url.QueryEscape(forged))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || strings.Contains(string(body), "sha256=") {
		t.Errorf("CRC of a delivery body: %d %s", resp.StatusCode, body)
	}
	var answer struct {
		ResponseToken string `json:"response_token"`
	}
	_ = json.Unmarshal(body, &answer)
	req, _ := http.NewRequest(http.MethodPost, hook, strings.NewReader(forged))
	req.Header.Set(xapi.SignatureHeader, answer.ResponseToken)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("forged delivery: status %d, want 401", resp.StatusCode)
	}
	if _, _, _, err := m.DB.FindPost(context.Background(), forgedID); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
		t.Fatalf("the forged post was recorded (%v)", err)
	}
	// X's own challenges are still answered.
	if err := sim.CheckCRC(context.Background(), http.DefaultClient, hook, "webhook-secret"); err != nil {
		t.Fatalf("CRC: %v", err)
	}
}

// A delivery must concern the configured account: a well-signed one that
// names no account, or another one, is refused and nothing is recorded.
func TestWebhookDeliveryMustNameTheAccount(t *testing.T) {
	sim := xsim.New(xsim.Options{Account: "Uppolice"})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	t.Setenv("SHIKAYAT_X_CONSUMER_SECRET", "webhook-secret")
	m := startDesk(t, storetest.DSN(t, "sqlite"), ts.URL)
	hook := "http://" + m.Addr + "/x/webhook"

	const id = "1900000000000000778"
	for _, forUser := range []string{``, `"for_user_id":"12345",`} {
		body := `{` + forUser + `"tweet_create_events":[{"id_str":"` + id +
			`","text":"@Uppolice Agra mein chori ho gayi","user":{"id_str":"78","screen_name":"trudy"}}]}`
		req, _ := http.NewRequest(http.MethodPost, hook, strings.NewReader(body))
		req.Header.Set(xapi.SignatureHeader, xapi.Sign("webhook-secret", []byte(body)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("delivery with %q: status %d, want 403", forUser, resp.StatusCode)
		}
	}
	if _, _, _, err := m.DB.FindPost(context.Background(), id); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
		t.Fatalf("a delivery for another account was recorded (%v)", err)
	}
}
