package main

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/storetest"
)

// TestServeSignsStaffIn boots the real program under an https base URL, adds
// a user with the command and signs it in over HTTP: a Secure cookie opens
// the desk and the staff API.
func TestServeSignsStaffIn(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		m := quietMain(t, dsn(), "https://api.x.com", func(m *Main) { m.Config.BaseURL = "https://desk.example" })
		if code, _, errs := runCmd(t, "a long enough password\n", "user", "add", "--db", m.Config.DB, "--username", "lko-op", "--role", "district_operator", "--unit", "district:162", "--password-stdin"); code != 0 {
			t.Fatalf("user add: %s", errs)
		}
		ctx := context.Background()
		if err := m.Run(ctx); err != nil {
			t.Fatal(err)
		}
		defer m.Close(ctx)
		base := "http://" + m.Addr
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

		resp, err := client.Get(base + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/desk/" {
			t.Fatalf("GET / = %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		resp, err = client.PostForm(base+"/login", url.Values{"username": {"lko-op"}, "password": {"a long enough password"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		var session *http.Cookie
		for _, c := range resp.Cookies() {
			if c.Name == "shikayat_session" {
				session = c
			}
		}
		if resp.StatusCode != http.StatusSeeOther || session == nil || !session.Secure || !session.HttpOnly {
			t.Fatalf("login = %d, cookie %+v", resp.StatusCode, session)
		}
		for _, path := range []string{"/desk/", "/api/v1/complaints"} {
			req, _ := http.NewRequest("GET", base+path, nil)
			req.AddCookie(&http.Cookie{Name: session.Name, Value: session.Value})
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s signed in = %d", path, resp.StatusCode)
			}
		}
		resp, err = client.PostForm(base+"/login", url.Values{"username": {"lko-op"}, "password": {"wrong one"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("wrong password = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	})
}
