package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The league's settings reach the job that publishes the table and the
// page that reads it as one value: the page shows the table the job
// published under them, not a provisional count for want of one.
func TestLeagueJobAndPageShareRules(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		rules := shikayat.LeagueRules{Window: 30 * 24 * time.Hour, Step: 7 * 24 * time.Hour, MinVolume: 1}
		m := quietMain(t, dsn(), "https://api.x.com", func(m *Main) { m.LeagueRules = rules })
		if code, _, errs := runCmd(t, "a long enough password\n", "user", "add", "--db", m.Config.DB, "--username", "hq-op", "--role", "hq_operator", "--unit", "hq", "--password-stdin"); code != 0 {
			t.Fatalf("user add: %s", errs)
		}
		ctx := context.Background()
		if err := m.Run(ctx); err != nil {
			t.Fatal(err)
		}
		defer m.Close(ctx)
		// The job publishes at start the last day over by the delay.
		ist := time.Now().Add(-shikayat.LeaguePublishDelay).In(shikayat.IST)
		end := time.Date(ist.Year(), ist.Month(), ist.Day(), 0, 0, 0, 0, shikayat.IST)
		deadline := time.Now().Add(30 * time.Second)
		for {
			var window int64
			err := m.DB.SQL().QueryRowContext(ctx, `SELECT window_ms FROM league_published WHERE end_ms = $1`, end.UnixMilli()).Scan(&window)
			if err == nil {
				if window != rules.Window.Milliseconds() {
					t.Fatalf("the job published with a window of %s, want %s", time.Duration(window)*time.Millisecond, rules.Window)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the job did not publish the table through %s: %v", shikayat.ISTDay(end.Add(-time.Minute)), err)
			}
			time.Sleep(50 * time.Millisecond)
		}
		base := "http://" + m.Addr
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.PostForm(base+"/login", url.Values{"username": {"hq-op"}, "password": {"a long enough password"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		req, _ := http.NewRequest("GET", base+"/desk/league?lang=en&to="+shikayat.ISTDay(end.Add(-time.Minute)), nil)
		for _, c := range resp.Cookies() {
			req.AddCookie(c)
		}
		resp, err = client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /desk/league = %d", resp.StatusCode)
		}
		if !strings.Contains(string(body), "Published for the closing periods") || !strings.Contains(string(body), "<b>30</b>") {
			t.Errorf("the page does not show the table the job published under its 30-day window:\n%s", body)
		}
	})
}
