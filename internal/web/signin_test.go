package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
	"github.com/shikayat/shikayat/internal/storetest"
)

func TestSignIn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "https://desk.example")
		op := f.users[shikayat.RoleDistrictOperator]

		t.Run("success sets a fresh, locked-down session cookie", func(t *testing.T) {
			rec := f.login(op.Username, testPassword)
			if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/desk/" {
				t.Fatalf("login = %d to %q, want 303 to /desk/", rec.Code, rec.Header().Get("Location"))
			}
			c := sessionCookie(rec)
			if c == nil || !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode || c.Path != "/" {
				t.Fatalf("cookie = %+v, want HttpOnly, Secure, SameSite=Lax", c)
			}
			if got := f.do("GET", "/desk/", "", "", c.Value); got.Code != http.StatusOK || !strings.Contains(got.Body.String(), op.Username) {
				t.Fatalf("desk with the new session = %d", got.Code)
			}
			csp := f.do("GET", "/desk/", "", "", c.Value).Header().Get("Content-Security-Policy")
			script := ""
			for _, d := range strings.Split(csp, ";") {
				if d = strings.TrimSpace(d); strings.HasPrefix(d, "script-src ") {
					script = d
				}
			}
			if script == "" || strings.Contains(script, "unsafe-inline") {
				t.Fatalf("CSP = %q, want script-src without unsafe-inline", csp)
			}
			// Signing in again rotates: the old id no longer opens the desk.
			again := f.do("POST", "/login", "application/x-www-form-urlencoded", "username="+op.Username+"&password="+strings.ReplaceAll(testPassword, " ", "+"), c.Value)
			if again.Code != http.StatusSeeOther || sessionCookie(again).Value == c.Value {
				t.Fatalf("second sign-in = %d, same id %v", again.Code, sessionCookie(again).Value == c.Value)
			}
			if got := f.do("GET", "/api/v1/complaints", "", "", c.Value); got.Code != http.StatusUnauthorized {
				t.Fatalf("the replaced session still works: %d", got.Code)
			}
			// Sign-out ends the session.
			newID := sessionCookie(again).Value
			if out := f.do("POST", "/logout", "", "", newID); out.Code != http.StatusSeeOther || sessionCookie(out).MaxAge >= 0 {
				t.Fatalf("logout = %d, cookie %+v", out.Code, sessionCookie(out))
			}
			if got := f.do("GET", "/api/v1/complaints", "", "", newID); got.Code != http.StatusUnauthorized {
				t.Fatalf("a signed-out session still works: %d", got.Code)
			}
		})
		t.Run("the database keeps only a hash of the session id", func(t *testing.T) {
			id := sessionCookie(f.login(op.Username, testPassword)).Value
			var n int
			f.db.SQL().QueryRowContext(context.Background(), `SELECT count(*) FROM sessions WHERE id_hash = $1`, id).Scan(&n)
			var h int
			f.db.SQL().QueryRowContext(context.Background(), `SELECT count(*) FROM sessions WHERE id_hash = $1`, auth.TokenHash(id)).Scan(&h)
			if n != 0 || h != 1 {
				t.Fatalf("rows by id %d, by hash %d", n, h)
			}
		})
		t.Run("sessions expire when idle", func(t *testing.T) {
			id := sessionCookie(f.login(op.Username, testPassword)).Value
			f.clock.Add(auth.DefaultSessions.Idle + time.Minute)
			if got := f.do("GET", "/desk/", "", "", id); got.Code != http.StatusSeeOther {
				t.Fatalf("an idle session opened the desk: %d", got.Code)
			}
		})
		t.Run("failure answers 401 with the form and is logged without the password", func(t *testing.T) {
			rec := f.login(op.Username, "not the password")
			if rec.Code != http.StatusUnauthorized || !strings.Contains(rec.Body.String(), `name="password"`) || sessionCookie(rec) != nil {
				t.Fatalf("wrong password = %d", rec.Code)
			}
			if rec := f.login("nobody-here", testPassword); rec.Code != http.StatusUnauthorized {
				t.Fatalf("unknown user = %d", rec.Code)
			}
			logs := f.logs.String()
			if !strings.Contains(logs, `"msg":"sign-in failed"`) || !strings.Contains(logs, `"msg":"signed in"`) {
				t.Fatalf("sign-ins are not logged:\n%s", logs)
			}
			for _, line := range strings.Split(logs, "\n") {
				if strings.Contains(line, `"msg":"sign-in failed"`) && !strings.Contains(line, `"request_id":`) {
					t.Fatalf("a sign-in failure is logged without its request id: %s", line)
				}
			}
			if strings.Contains(logs, testPassword) || strings.Contains(logs, "not the password") {
				t.Fatal("a password reached the log")
			}
		})
		t.Run("repeated failures lock the account out, even with the right password", func(t *testing.T) {
			u := f.users[shikayat.RoleStationOfficer]
			for range auth.DefaultThrottle.PerAccount {
				f.login(u.Username, "guess guess guess")
			}
			rec := f.login(u.Username, testPassword)
			if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" || sessionCookie(rec) != nil {
				t.Fatalf("locked-out sign-in = %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
			}
			f.clock.Add(auth.DefaultThrottle.Window + time.Second)
			if rec := f.login(u.Username, testPassword); rec.Code != http.StatusSeeOther {
				t.Fatalf("after the window = %d", rec.Code)
			}
		})
		t.Run("one address guessing many accounts is locked out", func(t *testing.T) {
			f.clock.Add(auth.DefaultThrottle.Window + time.Second)
			for i := range auth.DefaultThrottle.PerAddress {
				f.login("guess-"+strings.Repeat("x", i%7+1)+string(rune('a'+i%26)), "guess guess guess")
			}
			if rec := f.login(f.users[shikayat.RoleSupervisor].Username, testPassword); rec.Code != http.StatusTooManyRequests {
				t.Fatalf("sign-in from a guessing address = %d", rec.Code)
			}
			f.clock.Add(auth.DefaultThrottle.Window + time.Second)
		})
		t.Run("a cross-origin POST is refused", func(t *testing.T) {
			code := f.codes["district:162"]
			id := f.session(t, op)
			rec := f.do("POST", "/api/v1/complaints/"+code+"/actions", "application/json", `{"action":"note","text":"forged"}`, id,
				"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
			if rec.Code != http.StatusForbidden {
				t.Fatalf("cross-origin action = %d", rec.Code)
			}
			c, _ := f.db.FindComplaint(context.Background(), code, shikayat.SystemScope())
			for _, e := range c.Events {
				if e.Note == "forged" {
					t.Fatal("a cross-origin action was recorded")
				}
			}
			if rec := f.login(op.Username, testPassword, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"); rec.Code != http.StatusForbidden {
				t.Fatalf("cross-origin sign-in = %d", rec.Code)
			}
			for _, p := range []string{"/logout", "/desk/password"} {
				if rec := f.do("POST", p, "", "", id, "Origin", "https://evil.example"); rec.Code != http.StatusForbidden {
					t.Fatalf("cross-origin %s = %d", p, rec.Code)
				}
			}
			same := f.do("POST", "/api/v1/complaints/"+code+"/actions", "application/json", `{"action":"note","text":"ok"}`, id,
				"Origin", "https://desk.example", "Sec-Fetch-Site", "same-origin")
			if same.Code != http.StatusOK {
				t.Fatalf("same-origin action = %d %s", same.Code, same.Body)
			}
		})
		t.Run("a password change ends the other sessions", func(t *testing.T) {
			u := f.users[shikayat.RoleHQOperator]
			mine, other := f.session(t, u), f.session(t, u)
			rec := f.do("POST", "/desk/password", "application/x-www-form-urlencoded", "current="+strings.ReplaceAll(testPassword, " ", "+")+"&new=another+long+secret", mine)
			if rec.Code != http.StatusSeeOther {
				t.Fatalf("change = %d %s", rec.Code, rec.Body)
			}
			if got := f.do("GET", "/desk/", "", "", mine); got.Code != http.StatusOK {
				t.Fatalf("own session after the change = %d", got.Code)
			}
			if got := f.do("GET", "/desk/", "", "", other); got.Code != http.StatusSeeOther {
				t.Fatalf("other session after the change = %d", got.Code)
			}
			if rec := f.login(u.Username, "another long secret"); rec.Code != http.StatusSeeOther {
				t.Fatalf("sign-in with the new password = %d", rec.Code)
			}
		})
	})
}

// TestTokenActsAsItsUser: a bearer token sees what its user sees, and stops
// working when the user is disabled.
func TestTokenActsAsItsUser(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		ctx := context.Background()
		op := f.users[shikayat.RoleDistrictOperator]
		token, hash, _ := auth.NewToken()
		if err := f.db.CreateToken(ctx, op.Username, hash); err != nil {
			t.Fatal(err)
		}
		get := func(code string) int {
			return f.do("GET", "/api/v1/complaints/"+code, "", "", "", "Authorization", "Bearer "+token).Code
		}
		if got := get(f.codes["district:162"]); got != http.StatusOK {
			t.Fatalf("own complaint by token = %d", got)
		}
		if got := get(f.codes["district:175"]); got != http.StatusNotFound {
			t.Fatalf("sibling's complaint by token = %d", got)
		}
		act := f.do("POST", "/api/v1/complaints/"+f.codes["district:175"]+"/actions", "application/json", `{"action":"note","text":"x"}`, "", "Authorization", "Bearer "+token)
		if act.Code != http.StatusNotFound {
			t.Fatalf("action on a sibling's complaint by token = %d", act.Code)
		}
		if err := f.db.SetUserDisabled(ctx, op.Username, true); err != nil {
			t.Fatal(err)
		}
		if got := get(f.codes["district:162"]); got != http.StatusUnauthorized {
			t.Fatalf("a disabled user's token = %d", got)
		}
		if got := f.do("GET", "/api/v1/complaints", "", "", "", "Authorization", "Bearer nonsense").Code; got != http.StatusUnauthorized {
			t.Fatalf("a made-up token = %d", got)
		}
	})
}

// TestDeskShowsPostsAsText: a post's markup reaches the desk page escaped.
func TestDeskShowsPostsAsText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		ctx := context.Background()
		payload := `<script>alert(1)</script><img src=x onerror=alert(2)>`
		c, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "x1", Text: payload})
		if err != nil {
			t.Fatal(err)
		}
		f.db.SQL().ExecContext(ctx, `UPDATE complaints SET unit_id = 'district:162' WHERE id = $1`, c.ID)
		rec := f.do("GET", "/desk/?lang=en", "", "", f.session(t, f.users[shikayat.RoleDistrictOperator]))
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, c.Code) {
			t.Fatalf("desk = %d without the complaint", rec.Code)
		}
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || !strings.Contains(body, "&lt;script&gt;") {
			t.Fatal("a post's markup reached the page unescaped")
		}
	})
}
