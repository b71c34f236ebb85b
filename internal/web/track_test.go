package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/throttle"
	"github.com/shikayat/shikayat/internal/web"
)

type trackJSON struct {
	Code    string `json:"code"`
	Stage   string `json:"stage"`
	History []struct {
		Stage, Note, Action, Step, Resolution string
	} `json:"history"`
}

// TestPublicTrackingShowsPublicStepsOnly: the public history lists the
// changes of stage and the notes marked public, with phone numbers, e-mail
// addresses and handles masked; internal notes, posts and who acted are left
// out; a closing note shows only when the closer marked it public (desk form
// and API); a merge never names the other complaint; the Hindi page has no
// English step and the English page no Hindi one.
func TestPublicTrackingShowsPublicStepsOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		op := f.session(t, f.users[shikayat.RoleDistrictOperator])
		act := func(code, body string) {
			t.Helper()
			if rec := f.do("POST", "/api/v1/complaints/"+code+"/actions", "application/json", body, op); rec.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", body, rec.Code, rec.Body)
			}
		}
		track := func(code string) (trackJSON, string) {
			t.Helper()
			rec := f.do("GET", "/api/v1/track/"+code, "", "", "")
			var tr trackJSON
			if err := json.Unmarshal(rec.Body.Bytes(), &tr); err != nil || rec.Code != http.StatusOK {
				t.Fatalf("track %s: %d %s", code, rec.Code, rec.Body)
			}
			return tr, rec.Body.String()
		}
		code := f.addComplaint(t, "7100", "district:162", "my bike was stolen, I am Ram Kumar", nil, "")
		act(code, `{"action":"note","text":"internal: the neighbour Ramesh is the suspect"}`)
		act(code, `{"action":"note","text":"Beat officer visited. Call SI @si_verma on +91 98765-43210 or si.verma@uppolice.gov.in","public":true}`)
		act(code, `{"action":"forward","district":162,"reason":"Hazratganj, says SHO Sharma"}`)
		act(code, `{"action":"classify","class":"mid_term"}`)
		act(code, `{"action":"assign","station":"lko-a","reason":"beat 4, SHO Sharma"}`)
		// A duplicate is merged while the complaint is open: a closed one
		// takes no merge.
		dup := f.addComplaint(t, "7300", "district:162", "same bike again", nil, "")
		act(dup, `{"action":"merge","into":"`+code+`"}`)
		act(code, `{"action":"close","resolution":"action_taken","note":"Returned to Ram Kumar, 9876543210"}`)
		if rec := f.do("POST", "/api/v1/complaints/"+f.addComplaint(t, "7400", "district:162", "bike", nil, "")+"/actions", "application/json",
			`{"action":"merge","into":"`+code+`"}`, op); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "closed") {
			t.Fatalf("merge into a closed complaint: %d %s", rec.Code, rec.Body)
		}

		tr, body := track(code)
		var steps []string
		for _, h := range tr.History {
			steps = append(steps, h.Step+"|"+h.Note)
		}
		want := []string{"received|", "note|Beat officer visited. Call SI @*** on 98XXXXXX10 or s***@uppolice.gov.in",
			"forwarded|", "classified|", "assigned|", "closed|"}
		if strings.Join(steps, "\n") != strings.Join(want, "\n") {
			t.Fatalf("history:\n%s\nwant:\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
		}
		for _, leak := range []string{"Ramesh", "Ram Kumar", "Sharma", "district-operator", "98765", "9876543210", "si.verma", "si_verma", "citizen", "actor"} {
			if strings.Contains(body, leak) {
				t.Errorf("tracking shows %q: %s", leak, body)
			}
		}

		t.Run("a closing note marked public shows, masked", func(t *testing.T) {
			other := f.addComplaint(t, "7200", "district:162", "phone snatched", nil, "")
			if rec := f.do("POST", "/desk/complaints/"+other+"/actions", formType,
				form("action", "close", "resolution", "fir_registered", "note", "FIR 123/2026; call 0522-2234567", "public", "1"), op,
				"Origin", "http://desk.example"); rec.Code != http.StatusSeeOther {
				t.Fatalf("desk close: %d %s", rec.Code, rec.Body)
			}
			tr, _ := track(other)
			last := tr.History[len(tr.History)-1]
			if last.Step != "closed" || last.Resolution != "fir_registered" || last.Note != "FIR 123/2026; call 52XXXXXX67" {
				t.Fatalf("closing step = %+v", last)
			}
			page := f.do("GET", "/desk/complaints/"+other, "", "", op).Body.String()
			if !regexp.MustCompile(`name="action" value="close"[\s\S]*name="public"`).MatchString(page) && !strings.Contains(page, "0522-2234567") {
				t.Fatal("the desk lost the closing note")
			}
		})

		t.Run("a merge never names the other complaint", func(t *testing.T) {
			tr, body := track(dup)
			last := tr.History[len(tr.History)-1]
			if last.Step != "merged" || last.Note != "" || strings.Contains(body, code) {
				t.Fatalf("merge step = %+v in %s", last, body)
			}
			for _, lang := range []string{"hi", "en"} {
				if page := f.do("GET", "/t/"+dup+"?lang="+lang, "", "", "").Body.String(); strings.Contains(page, code) {
					t.Fatalf("the %s page names the other complaint", lang)
				}
			}
		})

		t.Run("each language's page speaks only that language", func(t *testing.T) {
			latin := regexp.MustCompile(`>[^<]*[A-Za-z]{3,}[^<]*<`)
			hi := f.do("GET", "/t/"+code+"?lang=hi", "", "", "").Body.String()
			main := hi[strings.Index(hi, "<h1>"):]
			// The only Latin words on the Hindi page: the link to English,
			// IST, and the staff's own public note.
			for _, m := range latin.FindAllString(main, -1) {
				if !strings.Contains(m, "IST") && !strings.Contains(m, "Beat officer") && !strings.Contains(m, code) {
					t.Errorf("the Hindi page shows English: %s", m)
				}
			}
			if strings.Contains(hi, "Complaint received") || strings.Contains(hi, "received") {
				t.Error("the Hindi page says \"Complaint received\" in English")
			}
			en := f.do("GET", "/t/"+code+"?lang=en", "", "", "").Body.String()
			if m := regexp.MustCompile(`[\x{0900}-\x{097F}]+`).FindAllString(en[strings.Index(en, "<h1>"):], -1); len(m) > 0 {
				t.Errorf("the English page shows Hindi: %q", m)
			}
		})
	})
}

// TestTrackingRateLimit: the tracking page and JSON answer 429 with
// Retry-After once an address has run out of lookups, strictly after a run
// of misses (unknown, mistyped and malformed codes alike), while other
// addresses go on; behind a trusted proxy each forwarded client counts on
// its own, and a forged X-Forwarded-For from anyone else is ignored.
func TestTrackingRateLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
		proxies, err := throttle.ParseTrusted("10.0.0.0/8")
		if err != nil {
			t.Fatal(err)
		}
		tr := &web.Tracker{Store: f.db, Server: f.srv, Limit: &throttle.Lookups{Now: func() time.Time { return now }},
			Clients: throttle.Clients{Trusted: proxies}}
		mux := http.NewServeMux()
		mux.HandleFunc("GET /t/{code}", tr.Page)
		mux.HandleFunc("GET /api/v1/track/{code}", tr.JSON)
		get := func(path, peer, xff string) *httptest.ResponseRecorder {
			r := httptest.NewRequest("GET", path, nil)
			r.RemoteAddr = peer + ":4000"
			if xff != "" {
				r.Header.Set("X-Forwarded-For", xff)
			}
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, r)
			return rec
		}
		code := f.codes["district:162"]
		typo := []byte(code)
		typo[8] = map[bool]byte{true: 'A', false: 'B'}[typo[8] != 'A']
		misses := []string{"/api/v1/track/UP26-0000000000", "/t/" + string(typo), "/api/v1/track/nonsense", "/t/UP26-ZZZZZZZZZZ"}

		// Many citizens behind one carrier address: 50 hits pass.
		for i := 0; i < 50; i++ {
			if rec := get("/api/v1/track/"+code, "100.64.0.1", ""); rec.Code != http.StatusOK {
				t.Fatalf("hit %d from a carrier address: %d", i, rec.Code)
			}
		}
		// A guesser: ten misses, then only a few more.
		guesser := "203.0.113.7"
		for i := 0; i < 10; i++ {
			if rec := get(misses[i%len(misses)], guesser, ""); rec.Code != http.StatusNotFound && rec.Code != http.StatusBadRequest {
				t.Fatalf("miss %d: %d", i, rec.Code)
			}
		}
		refused := 0
		var last *httptest.ResponseRecorder
		for i := 0; i < 10; i++ {
			if rec := get(misses[i%len(misses)], guesser, ""); rec.Code == http.StatusTooManyRequests {
				refused++
				last = rec
			}
		}
		if refused < 5 || last == nil {
			t.Fatalf("after ten misses, %d of ten more were refused", refused)
		}
		if rec := get("/api/v1/track/"+code, guesser, ""); rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" ||
			!strings.Contains(rec.Body.String(), `"code":"too_many_requests"`) {
			t.Fatalf("JSON when limited: %d %q %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
		}
		if rec := get("/t/"+code+"?lang=hi", guesser, ""); rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" ||
			!strings.Contains(rec.Header().Get("Content-Type"), "text/html") || !strings.Contains(rec.Body.String(), "बहुत अधिक") {
			t.Fatalf("page when limited: %d %q %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
		}
		if rec := get("/t/"+code, "198.51.100.2", ""); rec.Code != http.StatusOK {
			t.Fatalf("another address: %d", rec.Code)
		}
		// A forged header from an untrusted peer changes nothing.
		if rec := get("/api/v1/track/"+code, guesser, "198.51.100.99"); rec.Code != http.StatusTooManyRequests {
			t.Fatalf("a forged X-Forwarded-For escaped the limit: %d", rec.Code)
		}
		// Behind the proxy, the guesser is limited and its neighbour is not.
		for i := 0; i < 20; i++ {
			get(misses[i%len(misses)], "10.0.0.5", "203.0.113.50")
		}
		if rec := get("/api/v1/track/"+code, "10.0.0.5", "203.0.113.50"); rec.Code != http.StatusTooManyRequests {
			t.Fatalf("the guesser behind the proxy: %d", rec.Code)
		}
		if rec := get("/api/v1/track/"+code, "10.0.0.5", "203.0.113.51"); rec.Code != http.StatusOK {
			t.Fatalf("another client behind the proxy: %d", rec.Code)
		}
		// Time forgives.
		now = now.Add(11 * time.Minute)
		if rec := get("/api/v1/track/"+code, guesser, ""); rec.Code != http.StatusOK {
			t.Fatalf("after the window: %d", rec.Code)
		}
	})
}

// TestSignInThrottleBehindTrustedProxy: with the proxy trusted, the sign-in
// lock-out per address counts the client X-Forwarded-For names, not the
// proxy that every client shares.
func TestSignInThrottleBehindTrustedProxy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		proxies, err := throttle.ParseTrusted("192.0.2.10") // the fixture's peer
		if err != nil {
			t.Fatal(err)
		}
		f.desk.Clients = throttle.Clients{Trusted: proxies}
		for i := 0; i < 25; i++ {
			f.login("nobody-"+string(rune('a'+i)), "wrong", "X-Forwarded-For", "203.0.113.9")
		}
		if rec := f.login("district-operator", testPassword, "X-Forwarded-For", "203.0.113.9"); rec.Code != http.StatusTooManyRequests {
			t.Fatalf("the guessing client signs in: %d", rec.Code)
		}
		if rec := f.login("district-operator", testPassword, "X-Forwarded-For", "203.0.113.10"); rec.Code != http.StatusSeeOther {
			t.Fatalf("another client behind the same proxy: %d", rec.Code)
		}
	})
}
