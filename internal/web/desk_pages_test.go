package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// hostile is a post carrying what an attacker would try on the desk.
const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) ` + "\u202Egnp.exe\u202C" + ` चोरी हुई`

// addComplaint opens a complaint owned by unit, with text and media, and
// records a follow-up post with links in its thread.
func (f *deskFixture) addComplaint(t *testing.T, postID, unit, text string, media []shikayat.Media, class shikayat.Class) string {
	t.Helper()
	ctx := context.Background()
	in := shikayat.NewComplaint{SourcePostID: postID, Text: text, AuthorUsername: "citizen", Media: media}
	if class != "" {
		in.Triage = &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: class}
	}
	c, _, err := f.db.CreateComplaint(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.SQL().ExecContext(ctx, `UPDATE complaints SET unit_id = $1 WHERE id = $2`, unit, c.ID); err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(shikayat.Post{ID: postID + "9", Text: "follow-up " + hostile, AuthorUsername: "citizen",
		URLs: []string{"javascript:alert(4)", "https://example.org/evidence"}})
	if _, err := f.db.SQL().ExecContext(ctx, `INSERT INTO posts (id, seq, text, kind, complaint_id, body, created_at, recorded_at)
		VALUES ($1, $2, '', 'attachment', $3, $4, 0, 0)`, postID+"9", 99, c.ID, string(body)); err != nil {
		t.Fatal(err)
	}
	return c.Code
}

func form(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v.Encode()
}

const formType = "application/x-www-form-urlencoded"

// TestComplaintPageTextIsInert: a post's HTML and script stay text, a
// javascript: URL never becomes a link or an image, right-to-left overrides
// are isolated, and the page carries a CSP without inline scripts.
func TestComplaintPageTextIsInert(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		code := f.addComplaint(t, "5001", "district:162", hostile, []shikayat.Media{
			{Key: "m1", Type: "photo", URL: "javascript:alert(5)", PreviewURL: "javascript:alert(6)"},
			{Key: "m2", Type: "photo", URL: "https://pbs.example/a.jpg"},
		}, "")
		cookie := f.session(t, f.users[shikayat.RoleDistrictOperator])
		for _, path := range []string{"/desk/complaints/" + code, "/desk/"} {
			rec := f.do("GET", path, "", "", cookie)
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
			}
			body := rec.Body.String()
			for _, bad := range []string{"<script>alert", "<img src=x", "href=\"javascript:", "src=\"javascript:", "'unsafe-inline' 'self'; script"} {
				if strings.Contains(body, bad) {
					t.Errorf("%s holds %q", path, bad)
				}
			}
			if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Errorf("%s does not show the script as text", path)
			}
			if !regexp.MustCompile(`<bdi[^>]*>[^<]*` + "\u202E").MatchString(body) {
				t.Errorf("%s: the right-to-left override is not inside a <bdi>", path)
			}
			csp := rec.Header().Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline' ; script") || strings.Contains(strings.SplitN(csp, "script-src", 2)[1], "unsafe-inline';") && strings.Contains(strings.Split(strings.SplitN(csp, "script-src", 2)[1], ";")[0], "unsafe") {
				t.Errorf("%s: CSP %q allows inline script", path, csp)
			}
			if !strings.Contains(csp, "img-src 'self' https:") {
				t.Errorf("%s: CSP %q does not allow https images", path, csp)
			}
		}
		body := f.do("GET", "/desk/complaints/"+code, "", "", cookie).Body.String()
		if !strings.Contains(body, `src="https://pbs.example/a.jpg"`) {
			t.Errorf("the https image is not previewed")
		}
		if !strings.Contains(body, `href="https://example.org/evidence"`) {
			t.Errorf("the https link of the follow-up is not a link")
		}
		if !strings.Contains(body, "follow-up") {
			t.Errorf("the thread's follow-up post is missing")
		}
	})
}

// TestComplaintActionForm works a complaint through the page's forms: each
// applies through the store and answers 303 back to the complaint; a
// refused action shows DESIGN's message in the user's language; another
// unit's complaint is not found.
func TestComplaintActionForm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		code := f.addComplaint(t, "5002", "district:162", "chain snatched near the market", nil, "")
		op := f.session(t, f.users[shikayat.RoleDistrictOperator])
		act := "/desk/complaints/" + code + "/actions"

		rec := f.do("POST", act, formType, form("action", "note", "text", "called the citizen"), op)
		if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/desk/complaints/"+code) {
			t.Fatalf("note: %d %q %s", rec.Code, rec.Header().Get("Location"), rec.Body)
		}
		page := f.do("GET", rec.Header().Get("Location"), "", "", op).Body.String()
		if !strings.Contains(page, "called the citizen") {
			t.Errorf("the note is not in the trail")
		}

		// Assign before a class: refused, in Hindi by default.
		rec = f.do("POST", act, formType, form("action", "close", "resolution", "action_taken"), op)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("close: %d %s", rec.Code, rec.Body)
		}
		rec = f.do("POST", act, formType, form("action", "close", "resolution", "action_taken"), op)
		if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "निस्तारित चरण की शिकायत पर") {
			t.Errorf("closing twice: %d, want 422 with the Hindi refusal: %s", rec.Code, rec.Body)
		}
		rec = f.do("POST", act+"?lang=en", formType, form("action", "close", "resolution", "action_taken"), op)
		if !strings.Contains(rec.Body.String(), "Cannot close a complaint at stage closed.") {
			t.Errorf("closing twice in English: %d %s", rec.Code, rec.Body)
		}

		// A station officer may not forward; the refusal is DESIGN's.
		own := f.codes["station:lko-a"]
		so := f.session(t, f.users[shikayat.RoleStationOfficer])
		rec = f.do("POST", "/desk/complaints/"+own+"/actions?lang=en", formType, form("action", "forward", "district", "175"), so)
		if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "A station officer cannot forward a complaint; ask the district.") {
			t.Errorf("station officer forwarding: %d %s", rec.Code, rec.Body)
		}
		// Another unit's complaint: 404.
		rec = f.do("POST", "/desk/complaints/"+f.codes["district:175"]+"/actions", formType, form("action", "note", "text", "x"), op)
		if rec.Code != http.StatusNotFound {
			t.Errorf("another district's complaint: %d, want 404", rec.Code)
		}
	})
}

// TestDeskFormsRefuseCrossOrigin: the page's forms are state-changing and
// refused from another site.
func TestDeskFormsRefuseCrossOrigin(t *testing.T) {
	f := newDesk(t, storetest.DSN(t, "sqlite"), "http://desk.example")
	op := f.session(t, f.users[shikayat.RoleDistrictOperator])
	code := f.codes["district:162"]
	for path, body := range map[string]string{
		"/desk/complaints/" + code + "/actions": form("action", "note", "text", "from elsewhere"),
		"/desk/lang":                            form("lang", "en"),
	} {
		rec := f.do("POST", path, formType, body, op, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
		if rec.Code != http.StatusForbidden {
			t.Errorf("cross-origin POST %s: %d, want 403", path, rec.Code)
		}
	}
	c, err := f.db.FindComplaint(context.Background(), code, shikayat.SystemScope())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range c.Events {
		if e.Note == "from elsewhere" {
			t.Errorf("a cross-origin form wrote an event")
		}
	}
}

// TestReplyFormRefusesWhatXWould: a reply X would refuse is refused with
// its weighted count, counting the rendered reply, before it is queued.
func TestReplyFormRefusesWhatXWould(t *testing.T) {
	f := newDesk(t, storetest.DSN(t, "sqlite"), "http://desk.example")
	code := f.addComplaint(t, "5003", "district:162", "my phone was stolen", nil, "")
	op := f.session(t, f.users[shikayat.RoleDistrictOperator])
	act := "/desk/complaints/" + code + "/actions?lang=en"
	// 262 + " (UP..)" (18) = 280: accepted. One more: refused with 281.
	rec := f.do("POST", act, formType, form("action", "reply", "lang", "en", "text", strings.Repeat("a", 262)), op)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("a reply of 280: %d %s", rec.Code, rec.Body)
	}
	rec = f.do("POST", act, formType, form("action", "reply", "lang", "en", "text", strings.Repeat("a", 263)), op)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "it counts 281 of 280") {
		t.Errorf("a reply of 281: %d %s", rec.Code, rec.Body)
	}
	// A link counts 23 however long it is.
	long := "see https://example.org/" + strings.Repeat("x", 400)
	rec = f.do("POST", act, formType, form("action", "reply", "lang", "en", "text", long), op)
	if rec.Code != http.StatusSeeOther {
		t.Errorf("a reply with a long link: %d %s", rec.Code, rec.Body)
	}
	page := f.do("GET", "/desk/complaints/"+code+"?lang=en", "", "", op).Body.String()
	if !strings.Contains(page, "queued") {
		t.Errorf("the queued replies' state is not shown")
	}
}

// TestInboxFiltersAndOrder: immediate complaints come first, then the
// oldest; the station filter and the text search (Devanagari) narrow the
// list; counts per stage are shown.
func TestInboxFiltersAndOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		f.addComplaint(t, "6001", "district:162", "पुराना मामला ज़मीन का", nil, shikayat.ClassLongTerm)
		f.clock.Add(60e9)
		urgent := f.addComplaint(t, "6002", "district:162", "अभी मारपीट हो रही है", nil, shikayat.ClassImmediate)
		op := f.session(t, f.users[shikayat.RoleDistrictOperator])
		body := f.do("GET", "/desk/", "", "", op).Body.String()
		first := regexp.MustCompile(`/desk/complaints/([A-Z0-9-]+)`).FindStringSubmatch(body)
		if first == nil || first[1] != urgent {
			t.Errorf("the first complaint is %v, want the immediate %s", first, urgent)
		}
		body = f.do("GET", "/desk/?q="+url.QueryEscape("मारपीट"), "", "", op).Body.String()
		if !strings.Contains(body, urgent) || strings.Contains(body, "ज़मीन") {
			t.Errorf("the Devanagari search does not narrow to the match")
		}
		if _, err := f.db.SQL().ExecContext(context.Background(), `UPDATE complaints SET station_id = 'lko-b' WHERE code = $1`, urgent); err != nil {
			t.Fatal(err)
		}
		body = f.do("GET", "/desk/?station=lko-b", "", "", op).Body.String()
		if got := strings.Count(body, `class="open"`); got != 1 || !strings.Contains(body, urgent) {
			t.Errorf("the station filter shows %d complaints, want the one at lko-b", got)
		}
		// 8 in the district's subtree so far (3 of them the fixture's
		// sensitive ones); 25 more make two pages.
		for i := range 25 {
			f.addComplaint(t, fmt.Sprint(6100+i), "district:162", "more", nil, "")
		}
		body = f.do("GET", "/desk/", "", "", op).Body.String()
		if !strings.Contains(body, `rel="next"`) || strings.Count(body, `class="open"`) != 25 {
			t.Errorf("the first of two pages has no next link or not 25 complaints")
		}
		body = f.do("GET", "/desk/?page=2", "", "", op).Body.String()
		if !strings.Contains(body, `rel="prev"`) || strings.Count(body, `class="open"`) != 8 || strings.Contains(body, `rel="next"`) {
			t.Errorf("the second page is wrong: %d complaints", strings.Count(body, `class="open"`))
		}
	})
}

// TestLanguageToggleIsStoredPerUser: the toggle stores the choice with the
// user, so that the next page (any device) is in it, and sets the cookie
// for the sign-in page.
func TestLanguageToggleIsStoredPerUser(t *testing.T) {
	f := newDesk(t, storetest.DSN(t, "sqlite"), "http://desk.example")
	op := f.session(t, f.users[shikayat.RoleDistrictOperator])
	if body := f.do("GET", "/desk/", "", "", op).Body.String(); !strings.Contains(body, `lang="hi"`) {
		t.Fatalf("the desk is not in Hindi by default")
	}
	rec := f.do("POST", "/desk/lang", formType, form("lang", "en", "back", "/desk/?stage=received"), op)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/desk/?stage=received" {
		t.Fatalf("toggle: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	if !strings.Contains(rec.Header().Get("Set-Cookie"), "shikayat_lang=en") {
		t.Errorf("the toggle sets no language cookie")
	}
	other := f.session(t, f.users[shikayat.RoleDistrictOperator]) // another device: no cookie
	if body := f.do("GET", "/desk/", "", "", other).Body.String(); !strings.Contains(body, `<html lang="en">`) {
		t.Errorf("the user's choice is not its default on another session")
	}
	rec = f.do("POST", "/desk/lang", formType, form("lang", "en", "back", "//evil.example/"), op)
	if rec.Header().Get("Location") != "/desk/" {
		t.Errorf("the toggle redirects off the desk: %q", rec.Header().Get("Location"))
	}
}
