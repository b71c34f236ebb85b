package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// simClient drives xsim's control API over HTTP, as a test script would.
type simClient struct {
	t    *testing.T
	base string
}

func (s simClient) mention(body any) string {
	s.t.Helper()
	b, _ := json.Marshal(body)
	resp, err := http.Post(s.base+"/_sim/mentions", "application/json", bytes.NewReader(b))
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct{ ID string }
	}
	json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode != http.StatusCreated || out.Data.ID == "" {
		s.t.Fatalf("POST /_sim/mentions = %d", resp.StatusCode)
	}
	return out.Data.ID
}

// replies returns the account's replies to a post (not the citizen's own
// posts in the thread).
func (s simClient) replies(id string) []xapi.Tweet {
	s.t.Helper()
	me, err := xapi.New(xapi.Options{BaseURL: s.base}).UserByUsername(context.Background(), "Uppolice")
	if err != nil {
		s.t.Fatal(err)
	}
	var out []xapi.Tweet
	for _, r := range s.allReplies(id) {
		if r.AuthorID == me.ID {
			out = append(out, r)
		}
	}
	return out
}

func (s simClient) allReplies(id string) []xapi.Tweet {
	s.t.Helper()
	resp, err := http.Get(s.base + "/_sim/posts?in_reply_to=" + id)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Data []xapi.Tweet }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		s.t.Fatal(err)
	}
	return out.Data
}

// waitReplies waits until the post has n replies and returns them.
func (s simClient) waitReplies(id string, n int) []xapi.Tweet {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		got := s.replies(id)
		if len(got) >= n || time.Now().After(deadline) {
			return got
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// startDesk boots the real program in-process against the simulated X.
func startDesk(t *testing.T, dsn, xURL string) *Main {
	t.Helper()
	m := NewMain()
	m.Logger = discardLogger()
	if p := os.Getenv("DBGLOG"); p != "" {
		f, _ := os.OpenFile(p, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		m.Logger = slog.New(slog.NewJSONHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", dsn, xURL
	m.Config.XPoll, m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = time.Second, "Uppolice", "UP", 1000
	m.Config.IntakeLease, m.Config.TrackRateLimit = 30*time.Second, true
	if err := m.Config.Validate(); err != nil {
		t.Fatal(err)
	}
	m.Config.BaseURL = "https://shikayat.example"
	m.PollerOptions = func(p *intake.Poller) { p.Interval, p.LeaseTTL = 200*time.Millisecond, 3*time.Second }
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		m.Close(ctx)
	})
	return m
}

func TestEndToEndAgainstXsim(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		sim := xsim.New(xsim.Options{Account: "Uppolice"})
		ts := httptest.NewServer(sim)
		defer ts.Close()
		x := simClient{t, ts.URL}
		m := startDesk(t, dsn(), ts.URL)
		ctx := context.Background()

		// A complaint gets exactly one reply, with a valid docket code.
		id := x.mention(map[string]string{"username": "ramesh_lko", "text": "@Uppolice लखनऊ के हजरतगंज में कल रात मेरी बाइक चोरी हो गई, कृपया मदद करें"})
		got := x.waitReplies(id, 1)
		if len(got) != 1 {
			t.Fatalf("%d replies to the complaint, want 1", len(got))
		}
		codes, _ := shikayat.FindDockets(got[0].Text)
		if len(codes) != 1 {
			t.Fatalf("reply %q has no valid docket code", got[0].Text)
		}
		code := codes[0]
		if !strings.Contains(got[0].Text, "https://shikayat.example/t/"+code) || !strings.Contains(got[0].Text, "डॉकेट") {
			t.Fatalf("reply %q lacks the tracking link or is not in Hindi", got[0].Text)
		}
		c, err := m.DB.FindComplaint(ctx, code, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		if c.SourcePostID != id || c.AuthorUsername != "ramesh_lko" {
			t.Fatalf("stored complaint = %+v", c)
		}

		// A follow-up in the thread attaches to it: no new complaint, no reply.
		follow := x.mention(map[string]string{"username": "ramesh_lko", "in_reply_to": id, "text": "@Uppolice abhi tak koi action nahi hua"})
		// A status question quoting the code gets the status.
		ask := x.mention(map[string]string{"username": "ramesh_lko", "text": "@Uppolice what is the status of " + code + "?"})
		status := x.waitReplies(ask, 1)
		if len(status) != 1 || !strings.Contains(status[0].Text, code) {
			t.Fatalf("status replies = %+v", status)
		}
		if p, kind, _, err := m.DB.FindPost(ctx, follow); err != nil || kind != shikayat.RecordAttachment || p.ID != follow {
			t.Fatalf("follow-up record = %v, %v", kind, err)
		}
		c, _ = m.DB.FindComplaint(ctx, code, shikayat.SystemScope())
		var citizenPosts int
		for _, e := range c.Events {
			if e.Action == "citizen_post" {
				citizenPosts++
			}
		}
		if citizenPosts != 2 {
			t.Fatalf("trail has %d citizen posts, want 2 (follow-up and status question)", citizenPosts)
		}
		page, _ := m.DB.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope()})
		if page.Total != 1 {
			t.Fatalf("%d complaints, want 1", page.Total)
		}
		// Thanks are recorded and not answered; nothing was answered twice.
		thanks := x.mention(map[string]string{"username": "sita_v", "text": "@Uppolice thank you for the quick help yesterday, great work!"})
		x.mention(map[string]string{"username": "ramesh_lko", "text": "@Uppolice one more: " + code})
		time.Sleep(2 * time.Second)
		if n := len(x.replies(thanks)); n != 0 {
			t.Fatalf("thanks got %d replies", n)
		}
		if n := len(x.replies(id)); n != 1 {
			t.Fatalf("the complaint has %d replies after more polls, want 1", n)
		}
		if n := len(x.replies(follow)); n != 0 {
			t.Fatalf("the follow-up got %d replies", n)
		}

		// The citizen follows it by its code: no personal data.
		base := "http://" + m.Addr
		resp, err := http.Get(base + "/api/v1/track/" + strings.ToLower(code))
		if err != nil {
			t.Fatal(err)
		}
		var tr struct {
			Code, Status, Stage string
			District            *struct{ Code int }
			Class               *string
			UpdatedAt           time.Time `json:"updated_at"`
			History             []struct {
				At          time.Time
				Stage, Note string
			}
		}
		json.NewDecoder(resp.Body).Decode(&tr)
		resp.Body.Close()
		if resp.StatusCode != 200 || tr.Code != code || tr.Status == "" || tr.UpdatedAt.IsZero() || len(tr.History) < 3 {
			t.Fatalf("track = %d %+v", resp.StatusCode, tr)
		}
		for _, h := range tr.History {
			if strings.Contains(h.Note, "abhi tak") {
				t.Fatalf("the public history shows the citizen's own post: %+v", h)
			}
		}
		typo := []byte(code)
		typo[8] = map[bool]byte{true: 'A', false: 'B'}[typo[8] != 'A']
		for path, want := range map[string]int{
			"/api/v1/track/" + string(typo): 400, "/api/v1/track/UP26-0000000000": 404,
			"/t/" + code: 200, "/t/" + string(typo): 400, "/t/UP26-0000000000": 404,
		} {
			resp, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Fatalf("GET %s = %d, want %d", path, resp.StatusCode, want)
			}
			if path == "/api/v1/track/"+string(typo) && !strings.Contains(string(body), "this code has a typo") {
				t.Fatalf("typo answer = %s", body)
			}
			if path == "/t/"+code && (!strings.Contains(string(body), code) || strings.Contains(string(body), "ramesh")) {
				t.Fatalf("tracking page lacks the code or shows the author:\n%s", body)
			}
		}
	})
}

// With a consumer secret, serve answers X's Account Activity webhook: the
// CRC check, and signed deliveries, which are recorded like polled posts; a
// forged delivery is refused.
func TestWebhookDeliveries(t *testing.T) {
	sim := xsim.New(xsim.Options{Account: "Uppolice"})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	t.Setenv("SHIKAYAT_X_CONSUMER_SECRET", "webhook-secret")
	m := NewMain()
	m.Logger = discardLogger()
	m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", storetest.DSN(t, "sqlite"), ts.URL
	m.Config.XPoll, m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = time.Second, "Uppolice", "UP", 1000
	m.Config.IntakeLease, m.Config.NoIntake = 30*time.Second, true
	if err := m.Config.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := m.Run(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	url := "http://" + m.Addr + "/x/webhook"
	if err := sim.CheckCRC(ctx, http.DefaultClient, url, "webhook-secret"); err != nil {
		t.Fatalf("CRC: %v", err)
	}
	id, _ := sim.AddDraft(xsim.Draft{Username: "meena", Text: "@Uppolice Prayagraj mein Civil Lines ke paas bike sawar ne mera purse chheen liya, mobile aur paise the, kripya madad karein"})
	if err := sim.DeliverWebhook(ctx, http.DefaultClient, url, "forged-secret", id); err == nil {
		t.Fatal("a forged delivery was accepted")
	}
	if _, _, _, err := m.DB.FindPost(ctx, id); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
		t.Fatal("a forged delivery was recorded")
	}
	for i := 0; i < 2; i++ { // X may deliver twice
		if err := sim.DeliverWebhook(ctx, http.DefaultClient, url, "webhook-secret", id); err != nil {
			t.Fatal(err)
		}
	}
	if _, kind, _, err := m.DB.FindPost(ctx, id); err != nil || kind != shikayat.RecordComplaint {
		t.Fatalf("delivered post: %v, %v", kind, err)
	}
	// A reply in the thread, pushed before any poll, still attaches: its
	// thread comes from the post it answers.
	follow, _ := sim.AddDraft(xsim.Draft{Username: "meena", InReplyTo: id, Text: "@Uppolice abhi tak koi action nahi hua, purse mein ID card bhi tha"})
	if err := sim.DeliverWebhook(ctx, http.DefaultClient, url, "webhook-secret", follow); err != nil {
		t.Fatal(err)
	}
	if _, kind, _, err := m.DB.FindPost(ctx, follow); err != nil || kind != shikayat.RecordAttachment {
		t.Fatalf("delivered follow-up: %v, %v", kind, err)
	}
	page, _ := m.DB.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope()})
	if page.Total != 1 {
		t.Fatalf("%d complaints from one delivered post and its follow-up", page.Total)
	}
}
