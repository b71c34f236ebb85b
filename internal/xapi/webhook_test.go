package xapi

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

const webhookBody = `{"for_user_id":"2244994945","tweet_create_events":[{"created_at":"Wed Mar 04 10:15:00 +0000 2026","id_str":"1900000000000000001","text":"@Uppolice meri bike chori ho gayi https://t.co/x","truncated":true,"lang":"hi",
"extended_tweet":{"full_text":"@Uppolice meri bike chori ho gayi Aminabad market se, UP32 AB 1234 https://t.co/x","entities":{"hashtags":[{"text":"Lucknow"}],"user_mentions":[{"screen_name":"Uppolice","id_str":"2244994945"}],"urls":[{"url":"https://t.co/x","expanded_url":"https://example.org/a"}]},"extended_entities":{"media":[{"id_str":"55","type":"photo","media_url_https":"https://pbs.example/55.jpg"}]}},
"user":{"id_str":"42","screen_name":"amit_k","name":"Amit","location":"Lucknow"},
"in_reply_to_status_id_str":"1899","coordinates":{"type":"Point","coordinates":[80.92,26.85]},
"place":{"id":"pl","full_name":"Lucknow, India","country_code":"IN","place_type":"city","bounding_box":{"type":"Polygon","coordinates":[[[80.8,26.7],[81.0,26.7],[81.0,26.9],[80.8,26.9]]]}},
"entities":{"user_mentions":[{"screen_name":"Uppolice"}]}}],"favorite_events":[]}`

func TestWebhookCRC(t *testing.T) {
	h := &Webhook{ConsumerSecret: "consumer-secret"}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/x/webhook?crc_token=abc123", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	var got struct {
		ResponseToken string `json:"response_token"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	// base64(HMAC-SHA256("consumer-secret", "abc123")), computed independently.
	if want := "sha256=uWCvRjzPn3Ze439/BvadzeJY3nkdXavefSSjmCbY1dY="; got.ResponseToken != want {
		t.Errorf("response_token %q, want %q", got.ResponseToken, want)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/x/webhook", nil))
	if rec.Code != http.StatusBadRequest {
		t.Errorf("no crc_token: status %d", rec.Code)
	}
}

func TestWebhookDelivery(t *testing.T) {
	var logs bytes.Buffer
	var got []WebhookEvent
	h := &Webhook{
		ConsumerSecret: "consumer-secret",
		Logger:         slog.New(slog.NewTextHandler(&logs, nil)),
		AccountID:      func(context.Context) (string, error) { return "2244994945", nil },
		Handle: func(_ context.Context, ev WebhookEvent) error {
			got = append(got, ev)
			return nil
		},
	}
	post := func(body, sig string) int {
		req := httptest.NewRequest(http.MethodPost, "/x/webhook", strings.NewReader(body))
		if sig != "" {
			req.Header.Set(SignatureHeader, sig)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	t.Run("bad signature refused and logged", func(t *testing.T) {
		for _, sig := range []string{"", "sha256=AAAA", Sign("other-secret", []byte(webhookBody)), Sign("consumer-secret", []byte(webhookBody+" "))} {
			if code := post(webhookBody, sig); code != http.StatusUnauthorized {
				t.Errorf("signature %q: status %d, want 401", sig, code)
			}
		}
		if len(got) != 0 {
			t.Fatalf("handler called for a forged delivery")
		}
		if !strings.Contains(logs.String(), "bad signature") {
			t.Errorf("refusal not logged: %q", logs.String())
		}
	})
	t.Run("signed delivery decoded", func(t *testing.T) {
		if code := post(webhookBody, Sign("consumer-secret", []byte(webhookBody))); code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		if len(got) != 1 || len(got[0].Posts) != 1 {
			t.Fatalf("events %+v", got)
		}
		ev := got[0]
		p := ev.Posts[0]
		if ev.ForUserID != "2244994945" || len(ev.Ignored) != 1 || ev.Ignored[0] != "favorite_events" {
			t.Errorf("event %+v", ev)
		}
		if p.ID != "1900000000000000001" || !strings.Contains(p.Text, "UP32 AB 1234") || p.AuthorUsername != "amit_k" || p.AuthorLocation != "Lucknow" {
			t.Errorf("post %+v", p)
		}
		if !p.CreatedAt.Equal(time.Date(2026, 3, 4, 10, 15, 0, 0, time.UTC)) || p.InReplyToPostID != "1899" || !p.MentionsUser("uppolice") {
			t.Errorf("post %+v", p)
		}
		if p.Coordinates == nil || p.Coordinates.Lat != 26.85 || p.Place == nil || p.Place.BBox != [4]float64{80.8, 26.7, 81.0, 26.9} {
			t.Errorf("geo %+v %+v", p.Coordinates, p.Place)
		}
		if len(p.Media) != 1 || p.Media[0].URL != "https://pbs.example/55.jpg" || len(p.URLs) != 1 || p.Hashtags[0] != "Lucknow" {
			t.Errorf("media/urls %+v %+v", p.Media, p.URLs)
		}
	})
}

// The CRC endpoint signs with the same secret as deliveries, so it must not
// sign just anything: asked for the "CRC" of a delivery body, it refuses,
// and that body posted with the signature it would have given is refused too.
func TestWebhookForgeryThroughCRCRefused(t *testing.T) {
	var logs bytes.Buffer
	handled := 0
	h := &Webhook{
		ConsumerSecret: "consumer-secret",
		Logger:         slog.New(slog.NewTextHandler(&logs, nil)),
		AccountID:      func(context.Context) (string, error) { return "2244994945", nil },
		Handle: func(context.Context, WebhookEvent) error {
			handled++
			return nil
		},
	}
	forged := `{"for_user_id":"2244994945","tweet_create_events":[{"id_str":"1900000000000000009","text":"@Uppolice forged","user":{"id_str":"7","screen_name":"mallory"}}]}`
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/x/webhook?crc_token="+url.QueryEscape(forged), nil))
	if rec.Code != http.StatusBadRequest {
		t.Errorf("CRC of a delivery body: status %d, want 400 (%s)", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), "sha256=") {
		t.Errorf("CRC of a delivery body was signed: %s", rec.Body)
	}
	// The attacker posts the body with whatever the CRC step answered.
	var answer struct {
		ResponseToken string `json:"response_token"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &answer)
	req := httptest.NewRequest(http.MethodPost, "/x/webhook", strings.NewReader(forged))
	req.Header.Set(SignatureHeader, answer.ResponseToken)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("forged delivery: status %d, want 401", rec.Code)
	}
	if !strings.Contains(logs.String(), "crc_token") {
		t.Errorf("refused CRC not logged: %q", logs.String())
	}
	if handled != 0 {
		t.Fatal("handler called")
	}
}

func TestCRCTokenShape(t *testing.T) {
	for _, tok := range []string{
		"abc123",
		"NDc3ODk0MjQ3MjU5NzQ2OTk2OA",
		"ZmYwNGQ3ZjktZDU1Yi00NzQ5LWJhZTEtNzQwNTk3MTM4NWUx",
		"a-b_c=",
		"SGVsbG8gV29ybGQ+/w==",
		strings.Repeat("A", MaxCRCToken),
	} {
		if !ValidCRCToken(tok) {
			t.Errorf("X-shaped token %q refused", tok)
		}
	}
	for _, tok := range []string{
		"",
		`{"for_user_id":"1"}`,
		`{}`,
		"[1]",
		`"abc"`,
		"abc def",
		"abc\n",
		"ab{c",
		"ab\"c",
		"abc:def",
		"null",
		"true",
		"123",
		"-1.5e3",
		"abc%7B",
		"अबकद",
		strings.Repeat("A", MaxCRCToken+1),
	} {
		if ValidCRCToken(tok) {
			t.Errorf("token %q accepted", tok)
		}
	}
}

// A delivery must concern the configured account: one for another account,
// or naming none, is refused and logged, even when well signed.
func TestWebhookDeliveryForAnotherAccountRefused(t *testing.T) {
	var logs bytes.Buffer
	handled := 0
	h := &Webhook{
		ConsumerSecret: "consumer-secret",
		Logger:         slog.New(slog.NewTextHandler(&logs, nil)),
		AccountID:      func(context.Context) (string, error) { return "2244994945", nil },
		Handle: func(context.Context, WebhookEvent) error {
			handled++
			return nil
		},
	}
	post := func(body string) int {
		req := httptest.NewRequest(http.MethodPost, "/x/webhook", strings.NewReader(body))
		req.Header.Set(SignatureHeader, Sign("consumer-secret", []byte(body)))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	other := strings.Replace(webhookBody, `"for_user_id":"2244994945"`, `"for_user_id":"99"`, 1)
	none := strings.Replace(webhookBody, `"for_user_id":"2244994945",`, ``, 1)
	for name, body := range map[string]string{"another account": other, "no account": none} {
		if body == webhookBody {
			t.Fatalf("%s: body unchanged", name)
		}
		if code := post(body); code != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", name, code)
		}
	}
	if handled != 0 {
		t.Fatalf("handler called %d times for deliveries of another account", handled)
	}
	if !strings.Contains(logs.String(), "another account") {
		t.Errorf("refusal not logged: %q", logs.String())
	}
	if code := post(webhookBody); code != http.StatusOK || handled != 1 {
		t.Errorf("the account's own delivery: status %d, handled %d", code, handled)
	}
}
