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
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// TestHeldPostsEndToEnd boots serve against xsim with thresholds that hold
// every post for review: a held post gets no reply until HQ makes it a
// complaint over the posts API, then exactly one acknowledgement with the
// docket; not_complaint sends nothing; a held immediate post alerts HQ and
// no district.
func TestHeldPostsEndToEnd(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		sim := xsim.New(xsim.Options{Account: "Uppolice"})
		ts := httptest.NewServer(sim)
		defer ts.Close()
		x := simClient{t, ts.URL}
		ctx := context.Background()

		m := NewMain()
		m.Logger = discardLogger()
		m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", dsn(), ts.URL
		m.Config.XPoll, m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = time.Second, "Uppolice", "UP", 1000
		m.Config.IntakeLease = 30 * time.Second
		m.Config.AcknowledgeThreshold, m.Config.ReviewThreshold = 1, 0.0001
		if err := m.Config.Validate(); err != nil {
			t.Fatal(err)
		}
		if code, _, errs := runCmd(t, "a long enough password\n", "user", "add", "--db", m.Config.DB, "--username", "hq-op", "--role", "hq_operator", "--unit", "hq", "--password-stdin"); code != 0 {
			t.Fatalf("user add: %s", errs)
		}
		m.PollerOptions = func(p *intake.Poller) { p.Interval, p.LeaseTTL = 200*time.Millisecond, 3*time.Second }
		if err := m.Run(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			m.Close(ctx)
		})
		base := "http://" + m.Addr
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.PostForm(base+"/login", url.Values{"username": {"hq-op"}, "password": {"a long enough password"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		var session string
		for _, c := range resp.Cookies() {
			if c.Name == "shikayat_session" {
				session = c.Value
			}
		}
		act := func(id, action string) (int, []byte) {
			req, _ := http.NewRequest("POST", base+"/api/v1/posts/"+id+"/actions", strings.NewReader(`{"action": "`+action+`"}`))
			req.Header.Set("Content-Type", "application/json")
			req.AddCookie(&http.Cookie{Name: "shikayat_session", Value: session})
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, b
		}
		recorded := func(id string) shikayat.RecordKind {
			deadline := time.Now().Add(60 * time.Second)
			for time.Now().Before(deadline) {
				if _, kind, _, err := m.DB.FindPost(ctx, id); err == nil && kind != "pending" {
					return kind
				}
				time.Sleep(50 * time.Millisecond)
			}
			t.Fatalf("post %s was not recorded", id)
			return ""
		}
		replyRows := func(id string) int {
			var n int
			if err := m.DB.SQL().QueryRowContext(ctx, `SELECT count(*) FROM replies WHERE in_reply_to = $1`, id).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before, _ := m.DB.LastAlertID(ctx)

		held := x.mention(map[string]string{"username": "ramesh_lko", "text": "@Uppolice लखनऊ के हजरतगंज में कल रात मेरी बाइक चोरी हो गई, कृपया मदद करें"})
		other := x.mention(map[string]string{"username": "sita_v", "text": "@Uppolice mere padosi roz raat ko gaana bajate hain, kuch kijiye"})
		danger := x.mention(map[string]string{"username": "anil_k", "text": "@Uppolice my son was kidnapped, they are asking for ransom, please help"})
		for _, id := range []string{held, other, danger} {
			if kind := recorded(id); kind != shikayat.RecordHeld {
				t.Fatalf("post %s recorded as %s, want held", id, kind)
			}
			// The reply job would be queued in the recording's transaction:
			// no reply recorded means none will go.
			if n := replyRows(id) + len(x.replies(id)); n != 0 {
				t.Fatalf("held post %s has %d replies", id, n)
			}
		}
		alerts, err := m.DB.AlertsSince(ctx, before, time.Now().Add(time.Hour), 20)
		if err != nil {
			t.Fatal(err)
		}
		var review int
		for _, a := range alerts {
			switch {
			case a.Kind == shikayat.AlertReview && a.PostID == danger && a.UnitID == shikayat.HQUnitID:
				review++
			case a.UnitID != shikayat.HQUnitID:
				t.Errorf("an alert reached a unit below HQ: %+v", a)
			}
		}
		if review != 1 {
			t.Fatalf("alerts = %+v, want one review alert at HQ for the immediate held post", alerts)
		}

		code, body := act(held, shikayat.PostMakeComplaint)
		var c shikayat.Complaint
		if err := json.Unmarshal(body, &c); err != nil || code != http.StatusCreated {
			t.Fatalf("make_complaint = %d %s", code, body)
		}
		got := x.waitReplies(held, 1)
		if codes, _ := shikayat.FindDockets(got[0].Text); len(got) != 1 || len(codes) != 1 || codes[0] != c.Code {
			t.Fatalf("replies after make_complaint = %+v, want one acknowledgement with %s", got, c.Code)
		}
		if code, body := act(held, shikayat.PostMakeComplaint); code != http.StatusOK || !strings.Contains(string(body), c.Code) {
			t.Fatalf("second make_complaint = %d %s", code, body)
		}
		if code, body := act(other, shikayat.PostNotComplaint); code != http.StatusOK {
			t.Fatalf("not_complaint = %d %s", code, body)
		}
		if n := replyRows(other); n != 0 {
			t.Fatalf("not_complaint queued %d replies", n)
		}
		if n := replyRows(held); n != 1 {
			t.Fatalf("%d replies recorded for the confirmed post, want 1", n)
		}
	})
}
