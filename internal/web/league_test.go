package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The league page shows yesterday's published table by default, with when
// it was published; today's is counted live and marked provisional; a
// district's user sees its own district, ranked in the state's table.
func TestLeaguePagePublishedAndProvisional(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		ctx := context.Background()
		// Complaints received 20 days ago in Lucknow and Rae Bareli, still
		// open: past their deadline, so decided (late) in every table.
		for i, lgd := range []int{162, 162, 162, 175} {
			_, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: fmt.Sprint(6100 + i), Text: "bike stolen", AuthorUsername: "c",
				ReceivedAt: f.clock.Now().Add(-20 * 24 * time.Hour), NoAcknowledge: true,
				Triage: &shikayat.Triage{Actionable: true, District: lgd, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, Confidence: 0.95}, Forward: true})
			if err != nil {
				t.Fatal(err)
			}
		}
		// The job publishes the table through yesterday.
		yesterday := time.Date(2026, 3, 10, 0, 0, 0, 0, shikayat.IST)
		if _, _, err := f.db.PublishLeague(ctx, yesterday, shikayat.DefaultLeague); err != nil {
			t.Fatal(err)
		}
		stored := func() (n int) {
			t.Helper()
			if err := f.db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM league_published`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		get := func(target string, role shikayat.Role) string {
			t.Helper()
			rec := f.do("GET", target+"&lang=en", "", "", f.session(t, f.users[role]))
			if rec.Code != 200 {
				t.Fatalf("%s: %d\n%s", target, rec.Code, rec.Body)
			}
			return rec.Body.String()
		}
		published := "Published for the closing periods now in force (a table published under them does not change afterwards): 10 Mar 2026, 12:00 IST"
		body := get("/desk/league?", shikayat.RoleHQOperator)
		for _, want := range []string{published, "2025-12-10 – 2026-03-09", `href="/desk/stats?district=162"`, `href="/desk/stats?district=175"`} {
			if !strings.Contains(body, want) {
				t.Errorf("yesterday's table: %q missing", want)
			}
		}
		if strings.Contains(body, "Provisional") || strings.Contains(body, "one table for the whole state") {
			t.Error("yesterday's table for HQ says it is provisional, or partial")
		}
		// No table was published 30 days earlier: the Move column is blank
		// and says why, with no back-counted baseline.
		if !strings.Contains(body, "No table was published for the day this one is compared with") || strings.Contains(body, "<td>new</td>") {
			t.Error("yesterday's table shows movement against a table never published")
		}
		if !strings.Contains(body, "Good / (Decided + Closed without action + Sent away + Reopened)") {
			t.Error("the formula line leaves out the closures without action")
		}

		// An hour on, another late complaint: the published table stands,
		// today's counts it.
		f.clock.Add(time.Hour)
		if _, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "6200", Text: "phone stolen", AuthorUsername: "c",
			ReceivedAt: f.clock.Now().Add(-20 * 24 * time.Hour), NoAcknowledge: true,
			Triage: &shikayat.Triage{Actionable: true, District: 118, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, Confidence: 0.95}, Forward: true}); err != nil {
			t.Fatal(err)
		}
		body = get("/desk/league?to=2026-03-09", shikayat.RoleHQOperator)
		if !strings.Contains(body, published) || strings.Contains(body, `district=118"`) {
			t.Error("the published table changed after publication")
		}
		body = get("/desk/league?to=2026-03-10", shikayat.RoleHQOperator)
		if !strings.Contains(body, "Provisional: today is not over") || !strings.Contains(body, `href="/desk/stats?district=118"`) {
			t.Error("today's table is not counted live and marked provisional")
		}
		if strings.Contains(body, "Published (") {
			t.Error("today's table says it was published")
		}
		// A recent past day with no published table (one the job would
		// make up) is counted live, provisional, and stores nothing.
		body = get("/desk/league?to=2026-03-07", shikayat.RoleHQOperator)
		if !strings.Contains(body, "Provisional: no table was published for this day") || strings.Contains(body, "Published for") {
			t.Error("a past day without a published table is not counted live and marked provisional")
		}
		if n := stored(); n != 1 {
			t.Errorf("reading the page stored tables: %d, want the job's one", n)
		}
		// A day to come, or one too far back to count afresh, is refused.
		for target, want := range map[string]string{
			"/desk/league?to=2026-03-11&lang=en": "That day has not come yet",
			"/desk/league?to=2024-01-01&lang=en": "a day more than 3 days back is not counted afresh",
			"/desk/league?to=2026-03-01&lang=en": "a day more than 3 days back is not counted afresh",
		} {
			rec := f.do("GET", target, "", "", f.session(t, f.users[shikayat.RoleHQOperator]))
			if rec.Code != 400 || !strings.Contains(rec.Body.String(), want) || strings.Contains(rec.Body.String(), "<tbody>") {
				t.Errorf("%s: %d, want 400 saying %q and no table", target, rec.Code, want)
			}
		}
		if n := stored(); n != 1 {
			t.Errorf("refused requests stored tables: %d", n)
		}
		hiBody := f.do("GET", "/desk/league?to=2026-03-10&lang=hi", "", "", f.session(t, f.users[shikayat.RoleHQOperator])).Body.String()
		if !strings.Contains(hiBody, "अस्थायी") {
			t.Error("the provisional note is not in Hindi")
		}

		// Lucknow's operator sees Lucknow alone, with its state rank.
		body = get("/desk/league?", shikayat.RoleDistrictOperator)
		if !strings.Contains(body, `href="/desk/stats?district=162"`) || strings.Contains(body, `district=175"`) {
			t.Error("the district's user does not see its district alone")
		}
		if !strings.Contains(body, "one table for the whole state") || !strings.Contains(body, published) {
			t.Error("the district's user is not told the ranks are the state's, or when the table was published")
		}
		body = get("/desk/league?to=2026-03-10", shikayat.RoleDistrictOperator)
		if strings.Contains(body, "one table for the whole state") || !strings.Contains(body, "Counted for your area only") {
			t.Error("today's table, counted within the district, claims state ranks or does not say it ranks the area alone")
		}
		// A station's user: no districts, so no table and no count.
		for _, target := range []string{"/desk/league?", "/desk/league?to=2026-03-10"} {
			body = get(target, shikayat.RoleStationOfficer)
			if !strings.Contains(body, "your unit holds none") || strings.Contains(body, "<tbody>") || strings.Contains(body, "one table for the whole state") {
				t.Errorf("%s: a station's user is not told the league has no districts for it", target)
			}
		}
	})
}
