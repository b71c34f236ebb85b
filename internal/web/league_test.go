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
		get := func(target string, role shikayat.Role) string {
			t.Helper()
			rec := f.do("GET", target+"&lang=en", "", "", f.session(t, f.users[role]))
			if rec.Code != 200 {
				t.Fatalf("%s: %d\n%s", target, rec.Code, rec.Body)
			}
			return rec.Body.String()
		}
		published := "Published (it does not change afterwards): 10 Mar 2026, 12:00 IST"
		body := get("/desk/league?", shikayat.RoleHQOperator)
		for _, want := range []string{published, "2025-12-10 – 2026-03-09", `href="/desk/stats?district=162"`, `href="/desk/stats?district=175"`} {
			if !strings.Contains(body, want) {
				t.Errorf("yesterday's table: %q missing", want)
			}
		}
		if strings.Contains(body, "Provisional") || strings.Contains(body, "one table for the whole state") {
			t.Error("yesterday's table for HQ says it is provisional, or partial")
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
		body = get("/desk/league?to=2026-03-01", shikayat.RoleHQOperator)
		if !strings.Contains(body, "Published (it does not change afterwards): 10 Mar 2026, 13:00 IST") {
			t.Error("a past day's table is not published on demand")
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
		if body := get("/desk/league?to=2026-03-10", shikayat.RoleDistrictOperator); strings.Contains(body, "one table for the whole state") {
			t.Error("today's table, counted within the district, claims state ranks")
		}
	})
}
