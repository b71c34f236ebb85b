package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
	"github.com/shikayat/shikayat/internal/stations"
	"github.com/shikayat/shikayat/internal/xsim"
)

// A district operator on a phone-sized window, in Hindi: signs in, sees an
// immediate complaint's alert arrive without reloading, works it from
// received to closed through the page's forms, and the citizen's public
// page changes with it; another district's complaint answers 404; tweets
// carrying markup and script stay text.
func TestBrowserDistrictOperatorWorksAComplaintInHindi(t *testing.T) {
	t.Parallel()
	b := newBrowser(t, 390, 844)
	sim := xsim.New(xsim.Options{Account: "Uppolice"})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	x := simClient{t, ts.URL}
	m := startDesk(t, "sqlite:"+filepath.Join(t.TempDir(), "b.db"), ts.URL)
	base := "http://" + m.Addr
	ctx := context.Background()

	list, err := stations.Parse(bytes.NewReader(stations.Sample))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := m.DB.ImportStations(ctx, stationUnits(list)); err != nil {
		t.Fatal(err)
	}
	const password = "a long enough password"
	hash, _ := auth.HashPassword(password)
	op := &shikayat.User{Username: "lko-op", Role: shikayat.RoleDistrictOperator, UnitID: "district:162"}
	if err := m.DB.CreateUser(ctx, op, hash); err != nil {
		t.Fatal(err)
	}
	// Another district's complaint, and one whose text is an attack.
	other, _, err := m.DB.CreateComplaint(ctx, shikayat.NewComplaint{Source: "x", SourcePostID: "9001", Text: "कानपुर में चोरी", AuthorUsername: "k",
		Triage: &shikayat.Triage{Actionable: true, District: 157, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, Forward: true, NoAcknowledge: true})
	if err != nil {
		t.Fatal(err)
	}
	payload := `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> <a href="javascript:window.__xss=3">link</a> ‮evil‬`
	if _, _, err := m.DB.CreateComplaint(ctx, shikayat.NewComplaint{Source: "x", SourcePostID: "9002", Text: payload, AuthorUsername: "attacker",
		Triage: &shikayat.Triage{Actionable: true, District: 162, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeOther}, Forward: true, NoAcknowledge: true}); err != nil {
		t.Fatal(err)
	}

	b.signIn(base, "lko-op", password)
	b.do(chromedp.Navigate(base+"/desk/?lang=hi"), chromedp.WaitVisible(chromedp.CSS("#inbox")))
	if lang, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "hi" {
		t.Fatalf("the desk is in %q, want Hindi", lang)
	}
	// The attack is shown as text and runs nothing.
	if !evalBool(b, `document.body.innerText.includes("<script>window.__xss=1</script>")`) {
		t.Error("the tweet's markup is not shown as text")
	}
	b.do(chromedp.Sleep(500 * time.Millisecond))
	if evalBool(b, `window.__xss !== undefined || document.querySelector('a[href^="javascript:"]') !== null`) {
		t.Error("the tweet's script ran, or a javascript: link was made")
	}
	b.screenshot("inbox")

	// An immediate complaint lands in the district: its alert arrives.
	time.Sleep(1500 * time.Millisecond) // the alert stream connects
	x.mention(map[string]string{"username": "ramesh_lko", "text": "@Uppolice लखनऊ के हजरतगंज में अभी गोली चल रही है, दो लोग घायल हैं, तुरंत पुलिस भेजिए"})
	b.do(chromedp.WaitVisible(chromedp.CSS("#alert-banner a")))
	href, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("#alert-banner a").getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	code := strings.TrimPrefix(href, "/desk/complaints/")
	if _, err := shikayat.ParseDocket(code); err != nil {
		t.Fatalf("the alert links to %q", href)
	}
	b.screenshot("alert")
	b.do(chromedp.Click(chromedp.CSS("#alert-banner a")), chromedp.WaitVisible(chromedp.CSS(`form.act`)))

	stage := func() shikayat.Stage {
		c, err := m.DB.FindComplaint(ctx, code, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		return c.Stage
	}
	act := func(action string, fill ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		form := `form.act:has(input[name=action][value=` + action + `])`
		steps := append([]chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.CSS(form))}, fill...)
		b.do(steps...)
		b.newPageAfter(chromedp.Click(chromedp.CSS(form + ` button[type=submit]`)))
	}
	if s := stage(); s != shikayat.StageForwarded {
		t.Fatalf("the complaint is %s, want forwarded to Lucknow", s)
	}
	form := func(action, field string) string {
		return `form.act:has(input[name=action][value=` + action + `]) [name=` + field + `]`
	}
	act("classify", chromedp.SetValue(chromedp.CSS(form("classify", "class")), "immediate"),
		chromedp.SetValue(chromedp.CSS(form("classify", "type")), "assault_threat"))
	if s := stage(); s != shikayat.StageClassified {
		t.Fatalf("after classify: %s", s)
	}
	act("assign", chromedp.SendKeys(chromedp.CSS(form("assign", "station")), "lko-hazratganj"),
		chromedp.SendKeys(chromedp.CSS(form("assign", "reason")), "घटना हजरतगंज थाना क्षेत्र की है"))
	if s := stage(); s != shikayat.StageAssigned {
		t.Fatalf("after assign: %s", s)
	}
	act("note", chromedp.SendKeys(chromedp.CSS(form("note", "text")), "थाना प्रभारी मौके पर पहुँचे"),
		chromedp.Click(chromedp.CSS(form("note", "public"))))
	b.screenshot("worked")
	act("close", chromedp.SetValue(chromedp.CSS(form("close", "resolution")), "action_taken"),
		chromedp.SendKeys(chromedp.CSS(form("close", "note")), "आरोपी गिरफ़्तार"))
	if s := stage(); s != shikayat.StageClosed {
		t.Fatalf("after close: %s", s)
	}
	b.screenshot("closed")

	// The citizen's page says it is closed.
	resp, err := http.Get(base + "/api/v1/track/" + code)
	if err != nil {
		t.Fatal(err)
	}
	var track struct{ Status, Stage string }
	json.NewDecoder(resp.Body).Decode(&track)
	resp.Body.Close()
	if track.Status != "closed" {
		t.Fatalf("public status %q, want closed", track.Status)
	}
	b.do(chromedp.Navigate(base+"/t/"+code+"?lang=hi"), chromedp.WaitVisible(chromedp.CSS("body")))
	b.screenshot("public")

	// Another district's complaint: as if it did not exist.
	r, err := chromedp.RunResponse(b.ctx, chromedp.Navigate(base+"/desk/complaints/"+other.Code))
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != http.StatusNotFound {
		t.Fatalf("another district's complaint answered %d, want 404", r.Status)
	}
}
