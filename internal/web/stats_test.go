package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// hindiPost is a complaint in Devanagari, to see it survive the export.
const hindiPost = "हज़रतगंज में मेरा मोबाइल चोरी हो गया, कृपया मदद करें"

// statsFixture is the desk fixture with each complaint's district set from
// its owning unit, and one more complaint in Hindi owned by Lucknow.
func statsFixture(t *testing.T, dsn string) (*deskFixture, string) {
	t.Helper()
	f := newDesk(t, dsn, "http://desk.example")
	ctx := context.Background()
	c, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "5001", Text: hindiPost, AuthorUsername: "nagrik",
		Triage: &shikayat.Triage{Actionable: true, District: 162, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, Confidence: 0.95}, Forward: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE complaints SET district = 162 WHERE unit_id IN ('district:162', 'station:lko-a', 'station:lko-b')`,
		`UPDATE complaints SET district = 175 WHERE unit_id = 'district:175'`,
	} {
		if _, err := f.db.SQL().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	return f, c.Code
}

func readCSV(t *testing.T, body []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		t.Fatalf("no UTF-8 byte order mark: %q", body[:min(len(body), 20)])
	}
	rows, err := csv.NewReader(bytes.NewReader(body[3:])).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v\n%s", err, body)
	}
	return rows
}

// The complaint export is the inbox's list as CSV: UTF-8 with a BOM, the
// Hindi intact, the user's subtree only, and never the text of a sensitive
// complaint.
func TestExportComplaintsCSV(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, hindiCode := statsFixture(t, dsn())
		for _, role := range []shikayat.Role{shikayat.RoleDistrictOperator, shikayat.RoleHQOperator, shikayat.RoleStationOfficer} {
			rec := f.do("GET", "/desk/export/complaints.csv", "", "", f.session(t, f.users[role]))
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
				t.Fatalf("%s: %d %s", role, rec.Code, rec.Header().Get("Content-Type"))
			}
			rows := readCSV(t, rec.Body.Bytes())
			head, text, sens := rows[0], -1, -1
			for i, h := range head {
				switch h {
				case "text":
					text = i
				case "sensitive":
					sens = i
				}
			}
			got := map[string][]string{}
			for _, r := range rows[1:] {
				got[r[0]] = r
			}
			unit := userUnits[role]
			for rel, u := range relatives[unit] {
				in := rel == "own" || rel == "child"
				if _, ok := got[f.codes[u]]; ok != in {
					t.Errorf("%s's export has the %s unit's complaint: %v, want %v", role, rel, ok, in)
				}
				r, ok := got[f.sensitive[u]]
				if want := in && (rel == "own" || !strings.HasPrefix(string(role), "hq")); ok != want {
					t.Errorf("%s's export has the %s unit's sensitive complaint: %v, want %v", role, rel, ok, want)
				}
				if ok && (r[sens] != "true" || r[text] != "") {
					t.Errorf("%s's export writes a sensitive complaint's text: %q", role, r[text])
				}
			}
			r, ok := got[hindiCode]
			if want := role != shikayat.RoleStationOfficer; ok != want {
				t.Errorf("%s's export has Lucknow's Hindi complaint: %v, want %v", role, ok, want)
			} else if ok && (r[text] != hindiPost || r[5] != "Lucknow" || r[6] != "लखनऊ") {
				t.Errorf("Hindi did not survive: %q", r)
			}
		}
		// The inbox's filters apply; a district elsewhere in the state
		// gives nothing to a district operator.
		rec := f.do("GET", "/desk/export/complaints.csv?district=175", "", "", f.session(t, f.users[shikayat.RoleDistrictOperator]))
		if rows := readCSV(t, rec.Body.Bytes()); len(rows) != 1 {
			t.Errorf("Lucknow exports %d of another district's complaints", len(rows)-1)
		}
		rec = f.do("GET", "/desk/export/complaints.csv?stage=lost", "", "", f.session(t, f.users[shikayat.RoleDistrictOperator]))
		if rec.Code != 400 {
			t.Errorf("a bad filter: %d", rec.Code)
		}
	})
}

// The district table, as JSON and CSV, holds the user's subtree only.
func TestDistrictStatsAPIAndCSV(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, _ := statsFixture(t, dsn())
		rec := f.do("GET", "/api/v1/stats/districts", "", "", f.session(t, f.users[shikayat.RoleHQOperator]))
		var ans struct {
			From, To string
			Data     []map[string]any `json:"data"`
			Totals   map[string]any   `json:"totals"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &ans); err != nil || rec.Code != 200 {
			t.Fatalf("%d %v: %s", rec.Code, err, rec.Body)
		}
		if ans.To != "2026-03-10" || ans.From != "2026-02-09" {
			t.Errorf("default period %s – %s, want the 30 days up to today", ans.From, ans.To)
		}
		by := map[float64]map[string]any{}
		for _, d := range ans.Data {
			by[d["district"].(float64)] = d
		}
		lko := by[162]
		if lko == nil || lko["name"] != "Lucknow" || lko["received"] != float64(7) || lko["pending"] != float64(7) {
			t.Errorf("Lucknow: %v", lko)
		}
		if v, ok := lko["mean_rating"]; !ok || v != nil {
			t.Errorf("mean_rating %v (present %v), want null", v, ok)
		}
		if ans.Totals["received"] != float64(17) {
			t.Errorf("totals %v", ans.Totals)
		}

		rec = f.do("GET", "/api/v1/stats/districts?from=2026-03-01&to=2026-03-10", "", "", f.session(t, f.users[shikayat.RoleDistrictOperator]))
		ans.Data = nil
		json.Unmarshal(rec.Body.Bytes(), &ans)
		if len(ans.Data) != 1 || ans.Data[0]["district"] != float64(162) {
			t.Errorf("Lucknow's operator sees %v", ans.Data)
		}
		for _, bad := range []string{"from=2026-13-01", "from=2026-03-11&to=2026-03-10", "zone=../x", "class=soon", "from=2020-01-01&to=2026-01-01"} {
			if rec := f.do("GET", "/api/v1/stats/districts?"+bad, "", "", f.session(t, f.users[shikayat.RoleHQOperator])); rec.Code != 400 {
				t.Errorf("%s: %d", bad, rec.Code)
			}
		}

		rec = f.do("GET", "/desk/export/districts.csv?from=2026-03-01&to=2026-03-10", "", "", f.session(t, f.users[shikayat.RoleDistrictOperator]))
		rows := readCSV(t, rec.Body.Bytes())
		if len(rows) != 3 || rows[1][0] != "162" || rows[1][2] != "लखनऊ" || rows[2][0] != "total" {
			t.Errorf("Lucknow's district table: %q", rows)
		}
	})
}

// Every number of the dashboard links to the list behind it: the inbox
// with the same filter lists as many complaints as the number says.
func TestDashboardNumbersLinkToTheirLists(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, hindi := statsFixture(t, dsn())
		// One disposed, the rest overdue by the end.
		f.clock.Add(2 * 3600e9)
		cookie := f.session(t, f.users[shikayat.RoleHQOperator])
		if rec := f.do("POST", "/api/v1/complaints/"+f.codes["district:175"]+"/actions", "application/json", `{"action": "close", "resolution": "action_taken"}`, cookie); rec.Code != 200 {
			t.Fatalf("close: %d %s", rec.Code, rec.Body)
		}
		// Lucknow sends one complaint away (a bounce against it), and
		// closes another that is reopened and then sent on as well: both
		// count against Lucknow, though another district holds them now.
		lko := f.session(t, f.users[shikayat.RoleDistrictOperator])
		for _, a := range []struct{ code, body string }{
			{f.codes["district:162"], `{"action": "forward", "district": 175, "reason": "not ours"}`},
			{hindi, `{"action": "close", "resolution": "action_taken"}`},
			{hindi, `{"action": "reopen", "reason": "citizen says not resolved"}`},
			{hindi, `{"action": "forward", "district": 175, "reason": "not ours"}`},
		} {
			if rec := f.do("POST", "/api/v1/complaints/"+a.code+"/actions", "application/json", a.body, lko); rec.Code != 200 {
				t.Fatalf("%s: %d %s", a.body, rec.Code, rec.Body)
			}
		}
		f.clock.Add(11 * 24 * 3600e9)
		// A district's staff and its range's supervisor list every
		// complaint they count; HQ counts the sensitive complaints of the
		// districts too (the state's totals stay true) but may not list
		// them, so its lists hold those numbers or fewer.
		for i, role := range []shikayat.Role{shikayat.RoleDistrictOperator, shikayat.RoleSupervisor, shikayat.RoleHQOperator} {
			cookie := f.session(t, f.users[role])
			lang := []string{"en", "hi"}[i%2]
			rec := f.do("GET", "/desk/stats?from=2026-03-01&to=2026-03-31&lang="+lang, "", "", cookie)
			if rec.Code != 200 {
				t.Fatalf("stats page: %d %s", rec.Code, rec.Body)
			}
			page := rec.Body.String()
			if !strings.Contains(page, "<svg") || !strings.Contains(page, "--boundaries") {
				t.Errorf("%s: no chart, or no note that the map needs boundaries", lang)
			}
			links := regexp.MustCompile(`<a href="/desk/\?([^"]+)"[^>]*>(?:<b>)?(\d+)(?:</b>|</a>)`).FindAllStringSubmatch(page, -1)
			if len(links) < 10 {
				t.Fatalf("%s: %d linked numbers", role, len(links))
			}
			kinds := map[string]int{}
			for _, l := range links {
				q := html.UnescapeString(l[1])
				want, _ := strconv.Atoi(l[2])
				for _, k := range []string{"bounced=true", "reopened=true", "overdue=true"} {
					if strings.Contains(q, k) && !strings.Contains(q, "district=") {
						kinds[k] = max(kinds[k], want)
					}
				}
				rec := f.do("GET", "/api/v1/complaints?"+q, "", "", cookie)
				var list struct{ Total int }
				if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || rec.Code != 200 {
					t.Fatalf("list %s: %d %s", q, rec.Code, rec.Body)
				}
				if list.Total != want && (role != shikayat.RoleHQOperator || list.Total > want) {
					t.Errorf("%s, %s: the number says %d, its list holds %d", role, q, want, list.Total)
				}
			}
			// The totals count Lucknow's bounce and its reopening. Another
			// district holds those complaints now: only HQ, which holds
			// every complaint, gets the list behind those numbers; the
			// others see the numbers alone.
			for _, k := range []string{"bounced=true", "reopened=true", "overdue=true"} {
				if role != shikayat.RoleHQOperator && k != "overdue=true" {
					if strings.Contains(page, k) {
						t.Errorf("%s: the page links the list behind %s", role, k)
					}
					continue
				}
				if kinds[k] < 1 {
					t.Errorf("%s: the totals' %s links %d complaints, want at least 1", role, k, kinds[k])
				}
			}
			if role != shikayat.RoleHQOperator && !regexp.MustCompile(`<span><b>[1-9]\d*</b> (Sent away|लौटाई गईं)</span>`).MatchString(page) {
				t.Errorf("%s: the totals do not show Lucknow's bounce", role)
			}
		}
	})
}

// The mean rating links to the rated complaints it is the mean of: those
// whose latest closure is in the period, one reopened since included.
func TestDashboardMeanRatingLinksToRatedList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, hindi := statsFixture(t, dsn())
		f.clock.Add(2 * 3600e9)
		hq := f.session(t, f.users[shikayat.RoleHQOperator])
		for _, a := range []struct{ code, body string }{
			{f.codes["district:175"], `{"action": "close", "resolution": "action_taken"}`},
			{hindi, `{"action": "close", "resolution": "action_taken"}`},
			{hindi, `{"action": "reopen", "reason": "citizen says not resolved"}`},
		} {
			if rec := f.do("POST", "/api/v1/complaints/"+a.code+"/actions", "application/json", a.body, hq); rec.Code != 200 {
				t.Fatalf("%s: %d %s", a.body, rec.Code, rec.Body)
			}
		}
		if _, err := f.db.SQL().ExecContext(context.Background(), `UPDATE complaints SET rating = 2 WHERE code IN ($1, $2)`, f.codes["district:175"], hindi); err != nil {
			t.Fatal(err)
		}
		f.clock.Add(11 * 24 * 3600e9)
		hq = f.session(t, f.users[shikayat.RoleHQOperator])
		rec := f.do("GET", "/desk/stats?from=2026-03-01&to=2026-03-31&lang=en", "", "", hq)
		if rec.Code != 200 {
			t.Fatalf("stats page: %d %s", rec.Code, rec.Body)
		}
		links := regexp.MustCompile(`<a href="/desk/\?([^"]+)"[^>]*>2\.0</a>`).FindAllStringSubmatch(rec.Body.String(), -1)
		if len(links) == 0 {
			t.Fatalf("no mean rating links to a list:\n%s", rec.Body)
		}
		for _, l := range links {
			q := html.UnescapeString(l[1])
			if !strings.Contains(q, "rated=true") {
				t.Errorf("the mean rating links %s, not the rated complaints", q)
			}
			rec := f.do("GET", "/api/v1/complaints?"+q, "", "", hq)
			var list struct{ Total int }
			if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || rec.Code != 200 {
				t.Fatalf("list %s: %d %s", q, rec.Code, rec.Body)
			}
			want := 1
			if !strings.Contains(q, "district=") {
				want = 2
			}
			if list.Total != want {
				t.Errorf("%s: %d rated complaints listed, want %d", q, list.Total, want)
			}
		}
	})
}
