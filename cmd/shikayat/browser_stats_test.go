package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
	"github.com/shikayat/shikayat/internal/sharedtest"
)

// HQ's dashboard and league table, in Hindi and English, on a desktop and
// a phone-sized window: the map of UP's districts is drawn from the
// boundary file, a district on it opens its list, the page does not scroll
// sideways on a phone (the wide table scrolls in its own box), and the
// league explains its formula in the page's language.
func TestBrowserDashboardAndLeague(t *testing.T) {
	t.Parallel()
	for _, size := range []struct {
		name string
		w, h int
	}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
		t.Run(size.name, func(t *testing.T) {
			b := newBrowser(t, size.w, size.h)
			m := NewMain()
			m.Logger = discardLogger()
			m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", "sqlite:"+filepath.Join(t.TempDir(), "s.db"), "http://127.0.0.1:9"
			m.Config.XPoll, m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = time.Hour, "Uppolice", "UP", 1000
			m.Config.NoIntake, m.Config.IntakeLease = true, 30*time.Second
			m.Config.Boundaries = sharedtest.Path(t, "data/up-districts/districts-lgd.geojson")
			if err := m.Config.Validate(); err != nil {
				t.Fatal(err)
			}
			m.Config.BaseURL = "https://shikayat.example"
			if err := m.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				defer cancel()
				m.Close(ctx)
			})
			base := "http://" + m.Addr
			seedDashboard(t, m)
			const password = "a long enough password"
			hash, _ := auth.HashPassword(password)
			if err := m.DB.CreateUser(context.Background(), &shikayat.User{Username: "hq-op", Role: shikayat.RoleHQOperator, UnitID: "hq"}, hash); err != nil {
				t.Fatal(err)
			}
			b.signIn(base, "hq-op", password)

			for _, lang := range []string{"en", "hi"} {
				b.do(chromedp.Navigate(base+"/desk/stats?lang="+lang), chromedp.WaitVisible(chromedp.CSS("table.stats")))
				if n, _ := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.map path").length`)); n != 75 {
					t.Fatalf("%s: the map has %d districts, want 75", lang, n)
				}
				if evalBool(b, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
					t.Errorf("%s: the page scrolls sideways at %dpx: %s", lang, size.w, overflowing(b))
				}
				want := map[string]string{"en": "Received and disposed per day", "hi": "प्रतिदिन प्राप्त और निस्तारित"}[lang]
				if !strings.Contains(b.text("main"), want) {
					t.Errorf("%s: the chart's heading %q is missing", lang, want)
				}
				b.screenshot("stats-" + lang)
				b.do(chromedp.Navigate(base+"/desk/league?lang="+lang), chromedp.WaitVisible(chromedp.CSS("#formula")))
				want = map[string]string{"en": "How the table is worked out", "hi": "तालिका कैसे बनती है"}[lang]
				if !strings.Contains(b.text("#formula"), want) {
					t.Errorf("%s: the formula is not explained", lang)
				}
				if evalBool(b, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
					t.Errorf("%s: the league scrolls sideways at %dpx: %s", lang, size.w, overflowing(b))
				}
				b.screenshot("league-" + lang)
			}
			// Lucknow on the map opens Lucknow's pending complaints.
			b.do(chromedp.Navigate(base+"/desk/stats?lang=en"), chromedp.WaitVisible(chromedp.CSS("svg.map")))
			b.newPageAfter(chromedp.Click(chromedp.CSS(`svg.map path[data-lgd="162"]`)))
			loc, _ := chromedp.Run(b.ctx, chromedp.Location())
			if !strings.Contains(loc, "district=162") || !strings.Contains(loc, "open=true") {
				t.Errorf("the map's Lucknow opened %s", loc)
			}
		})
	}
}

// seedDashboard opens complaints over the last 40 days in a dozen
// districts, disposes of most, and leaves some past their deadline.
func seedDashboard(t *testing.T, m *Main) {
	t.Helper()
	ctx := context.Background()
	lgds := []int{162, 157, 118, 120, 142, 175, 146, 152, 119, 123, 126, 129}
	now := time.Now()
	hq := shikayat.Actor{UserID: 1, Username: "hq-seed", Role: shikayat.RoleHQOperator, UnitID: "hq", Scope: shikayat.SystemScope()}
	for i := 0; i < 240; i++ {
		lgd := lgds[i%len(lgds)]
		at := now.Add(-time.Duration(i%40)*24*time.Hour - time.Duration(i%7)*time.Hour)
		c, _, err := m.DB.CreateComplaint(ctx, shikayat.NewComplaint{Source: "x", SourcePostID: fmt.Sprint(7000 + i), Text: "शिकायत " + fmt.Sprint(i),
			AuthorUsername: "c", ReceivedAt: at, NoAcknowledge: true,
			Triage: &shikayat.Triage{Actionable: true, District: lgd, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, Confidence: 0.95}, Forward: true})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case i%5 < 3 && lgd != 175:
			// Acted on and closed now: in time when received in the
			// last ten days; half the districts skip the note.
			if lgd%2 == 0 {
				if _, _, err := m.DB.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: "जाँच की गई"}, hq, ""); err != nil {
					t.Fatal(err)
				}
			}
			if _, _, err := m.DB.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken}, hq, ""); err != nil {
				t.Fatal(err)
			}
		case i%5 == 3:
			if _, err := m.DB.SQL().ExecContext(ctx, `UPDATE complaints SET due_at = received_at WHERE id = $1`, c.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// overflowing names the elements outside a scrolling box that reach past
// the window's right edge, and the window's width (a phone's browser
// widens it to fit what overflows).
func overflowing(b *browser) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("body *"))
		.filter(e => !e.closest(".scroll") && e.getBoundingClientRect().right > innerWidth + 1).slice(0, 6)
		.map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " to " + Math.round(e.getBoundingClientRect().right) + "px")
		.join(", ") + " (window " + innerWidth + "px)"`))
	if err != nil {
		return err.Error()
	}
	return v
}
