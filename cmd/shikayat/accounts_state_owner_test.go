package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// The state account's token (its env credentials) is checked as every
// --accounts one: while X has not said whose it is, the state account
// posts nothing, and /readyz says it is not yet confirmed; once X says it
// is @ghaziabadpolice's, /readyz names that. Here the state account's env
// holds @ghaziabadpolice's token and X does not answer GET /2/users/me at
// start; the post mentions both, so X itself would take the reply.
func TestStateAccountPostsNothingBeforeXConfirmsItsToken(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"}})
		gate := make(chan struct{})
		var once sync.Once
		release := func() { once.Do(func() { close(gate) }) }
		defer release()
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/2/users/me" {
				select {
				case <-gate:
				case <-r.Context().Done():
					return
				}
			}
			sim.ServeHTTP(w, r)
		}))
		defer ts.Close()
		x := simClient{t, ts.URL}
		accounts := writeAccounts(t, "lucknowpolice,district:162")
		d := dsn()
		raw := openRaw(t, d)
		m := startAccountsDeskWith(t, d, ts.URL, accounts, func(m *Main) {
			m.accountsStartCheck, m.accountsRecheck = time.Second, 200*time.Millisecond
			m.Config.XAccessToken, m.Config.XAccessSecret = "ghaziabadpolice", "secret-ghaziabadpolice"
		})
		x.mention(map[string]string{"username": "sunita_v",
			"text": "@Uppolice @ghaziabadpolice गाजियाबाद में कल रात मेरी बाइक चोरी हो गई, कृपया मदद करें"})
		waitFor(t, "the acknowledgement tried", func() bool { return attempted(raw) })
		time.Sleep(time.Second) // a post, if one went, lands in xsim
		if posts := sim.ExtraAccountPosts("ghaziabadpolice"); len(posts) != 0 {
			t.Fatalf("the state account posted with @ghaziabadpolice's token before X confirmed it: %+v", posts)
		}
		if body := readyzBody(t, m); !strings.Contains(body, "not yet confirmed") || !strings.Contains(body, "@Uppolice") {
			t.Fatalf("/readyz does not say the state account's token is not yet confirmed: %s", body)
		}
		release()
		var body string
		waitFor(t, "/readyz names the state token's owner", func() bool {
			body = readyzBody(t, m)
			return strings.Contains(body, "@ghaziabadpolice's, not @Uppolice's")
		})
		if posts := sim.ExtraAccountPosts("ghaziabadpolice"); len(posts) != 0 {
			t.Fatalf("the state account posted with @ghaziabadpolice's token: %+v", posts)
		}
	})
}

// readyzBody is the body of the desk's /readyz.
func readyzBody(t *testing.T, m *Main) string {
	t.Helper()
	resp, err := http.Get("http://" + m.Addr + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
