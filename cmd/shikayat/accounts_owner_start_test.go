package main

import (
	"database/sql"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// An account whose token file holds another account's token never posts,
// not even the first reply after start: the reply workers start only
// after each account's token was checked (GET /2/users/me), and an
// account X has not yet confirmed posts nothing. Here X does not answer
// that check until the first reply was tried, and the citizen's post
// mentions both accounts (and the state account, which reads it), so X
// itself would take a reply from either. Once X answers, the token's
// owner is named.
func TestWrongTokenNeverPostsEvenBeforeTheFirstCheck(t *testing.T) {
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

		// Only @lucknowpolice is configured, and its file holds
		// @ghaziabadpolice's token.
		accounts := writeAccounts(t, "lucknowpolice,district:162")
		if err := os.WriteFile(filepath.Join(filepath.Dir(accounts), "lucknowpolice.token"),
			[]byte("ghaziabadpolice\nsecret-ghaziabadpolice\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		dsnOnce := dsn()
		raw := openRaw(t, dsnOnce)
		// X answers the check only once the acknowledgement was tried;
		// the desk waits a second for it at start.
		go func() {
			defer release()
			for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && !attempted(raw); {
				time.Sleep(50 * time.Millisecond)
			}
		}()
		m := startAccountsDeskWith(t, dsnOnce, ts.URL, accounts, func(m *Main) {
			m.accountsStartCheck, m.accountsRecheck = time.Second, 200*time.Millisecond
		})
		id := x.mention(map[string]string{"username": "sunita_v",
			"text": "@Uppolice @lucknowpolice @ghaziabadpolice हजरतगंज लखनऊ में कल रात मेरी बाइक चोरी हो गई, कृपया मदद करें"})
		waitFor(t, "the acknowledgement tried", func() bool { return attempted(raw) })
		time.Sleep(time.Second) // a post, if one went, lands in xsim
		if posts := sim.ExtraAccountPosts("ghaziabadpolice"); len(posts) != 0 {
			t.Fatalf("@lucknowpolice's entry posted with @ghaziabadpolice's token: %+v", posts)
		}
		if got := repliesBy(t, x, id); len(got) > 1 || len(got) == 1 && got[0] != "Uppolice" {
			t.Fatalf("replies to the post by %v", got)
		}
		// Once X answers, the wrong owner is found and named, in /readyz too.
		const named = "@ghaziabadpolice's, not @lucknowpolice's"
		waitFor(t, "the token's owner named", func() bool {
			err := m.accountTrouble("lucknowpolice")
			return err != nil && strings.Contains(err.Error(), named)
		})
		if body := readyzBody(t, m); !strings.Contains(body, named) {
			t.Fatalf("/readyz does not name the token's owner: %s", body)
		}
		if posts := sim.ExtraAccountPosts("ghaziabadpolice"); len(posts) != 0 {
			t.Fatalf("@lucknowpolice's entry posted with @ghaziabadpolice's token: %+v", posts)
		}
	})
}

// attempted reports whether an acknowledgement job was tried.
func attempted(db *sql.DB) bool {
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM river_job WHERE kind = $1 AND attempted_at IS NOT NULL`, jobs.AcknowledgeArgs{}.Kind()).Scan(&n); err != nil {
		return false
	}
	return n > 0
}
