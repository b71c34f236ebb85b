package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/shikayat/shikayat/internal/auth"
	"github.com/shikayat/shikayat/internal/storetest"
)

// FuzzSignInHeaders: whatever Authorization header and session cookie a
// request carries, a staff route answers 401 (API) or sends it to the
// sign-in form (page) unless they name a real session or token — never
// 200, never a server error.
func FuzzSignInHeaders(f *testing.F) {
	for _, s := range [][2]string{
		{"Bearer shk_abc", ""}, {"Basic dXNlcjpwYXNz", ""}, {"Bearer ", ""}, {"bearer x", ""},
		{"", "AAAA"}, {"", ""}, {"Bearer \x00", "\xff"}, {"Bearer shk_" + string(make([]byte, 300)), "x;y"},
	} {
		f.Add(s[0], s[1])
	}
	d := newDesk(f, storetest.DSN(f, "sqlite"), "http://desk.example")
	f.Fuzz(func(t *testing.T, authz, cookie string) {
		for _, target := range []string{"/api/v1/complaints", "/desk/"} {
			r := httptest.NewRequest("GET", target, nil)
			if authz != "" {
				r.Header["Authorization"] = []string{authz}
			}
			if cookie != "" {
				r.Header["Cookie"] = []string{auth.SessionCookie + "=" + cookie}
			}
			rec := httptest.NewRecorder()
			d.srv.ServeHTTP(rec, r)
			switch rec.Code {
			case http.StatusUnauthorized, http.StatusSeeOther:
			default:
				t.Fatalf("GET %s with Authorization %q, cookie %q = %d %s", target, authz, cookie, rec.Code, rec.Body)
			}
		}
	})
}
