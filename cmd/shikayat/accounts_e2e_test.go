package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// writeAccounts writes an --accounts file for xsim's accounts: each
// simulated account's access token is its username. lines are
// "username,unit".
func writeAccounts(t testing.TB, lines ...string) string {
	t.Helper()
	dir := t.TempDir()
	csv := "username,unit,access_token_file\n"
	for _, l := range lines {
		user, _, _ := strings.Cut(l, ",")
		if err := os.WriteFile(filepath.Join(dir, user+".token"), []byte(user+"\nsecret-"+user+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		csv += l + "," + user + ".token\n"
	}
	path := filepath.Join(dir, "accounts.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// startAccountsDesk boots the program with --accounts against xsim.
func startAccountsDesk(t *testing.T, dsn, xURL, accounts string) *Main {
	t.Helper()
	return startAccountsDeskWith(t, dsn, xURL, accounts, nil)
}

// startAccountsDeskWith is startAccountsDesk with adjust applied to the
// program before it runs.
func startAccountsDeskWith(t *testing.T, dsn, xURL, accounts string, adjust func(*Main)) *Main {
	t.Helper()
	m := accountsDesk(t, dsn, xURL, accounts, adjust)
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		m.Close(ctx)
	})
	return m
}

// accountsDesk is the desk startAccountsDeskWith runs, configured and not
// yet started.
func accountsDesk(t *testing.T, dsn, xURL, accounts string, adjust func(*Main)) *Main {
	t.Helper()
	m := NewMain()
	m.Logger = discardLogger()
	m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", dsn, xURL
	m.Config.XPoll, m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = time.Second, "Uppolice", "UP", 1000
	m.Config.IntakeLease, m.Config.AccountsFile = 30*time.Second, accounts
	if err := m.Config.Validate(); err != nil {
		t.Fatal(err)
	}
	m.Config.BaseURL = "https://shikayat.example"
	m.PollerOptions = func(p *intake.Poller) { p.Interval, p.LeaseTTL = 200*time.Millisecond, 3*time.Second }
	if adjust != nil {
		adjust(m)
	}
	return m
}

// repliesBy returns the replies to a post, by the username that posted
// each.
func repliesBy(t *testing.T, x simClient, id string) []string {
	t.Helper()
	c := xapi.New(xapi.Options{BaseURL: x.base})
	var out []string
	for _, r := range x.allReplies(id) {
		for _, name := range []string{"Uppolice", "lucknowpolice", "ghaziabadpolice"} {
			if u, err := c.UserByUsername(context.Background(), name); err == nil && u.ID == r.AuthorID {
				out = append(out, name)
			}
		}
	}
	return out
}

// waitRepliesBy waits until the post has n replies by police accounts.
func waitRepliesBy(t *testing.T, x simClient, id string, n int) []string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		got := repliesBy(t, x, id)
		if len(got) >= n || time.Now().After(deadline) {
			return got
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Many accounts, one desk: each post is answered once, from the right
// account, and lands in the district its account names; a post that tags
// none of the force's accounts is never answered.
func TestAccountsEachReplyFromTheRightHandle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"}})
		ts := httptest.NewServer(sim)
		defer ts.Close()
		x := simClient{t, ts.URL}
		m := startAccountsDesk(t, dsn(), ts.URL, writeAccounts(t, "lucknowpolice,district:162", "ghaziabadpolice,district:145"))
		ctx := context.Background()

		onlyLucknow := x.mention(map[string]string{"username": "ramesh_k", "text": "@lucknowpolice kal raat meri bike chori ho gayi ghar ke bahar se, please FIR likhiye"})
		stateAndGhaziabad := x.mention(map[string]string{"username": "sunita_v", "text": "@Uppolice @ghaziabadpolice mera mobile chori ho gaya market me, madad kijiye"})
		onlyState := x.mention(map[string]string{"username": "amit_s", "text": "@Uppolice लखनऊ के हजरतगंज में कल रात मेरी बाइक चोरी हो गई, कृपया मदद करें"})

		for _, tc := range []struct {
			name, post, from string
			district         int
		}{
			{"only @lucknowpolice tagged", onlyLucknow, "lucknowpolice", 162},
			{"@Uppolice and @ghaziabadpolice tagged", stateAndGhaziabad, "ghaziabadpolice", 145},
			{"only @Uppolice tagged", onlyState, "Uppolice", 162},
		} {
			got := waitRepliesBy(t, x, tc.post, 1)
			if len(got) != 1 || got[0] != tc.from {
				t.Fatalf("%s: replies from %v, want one from %s", tc.name, got, tc.from)
			}
			v, err := m.DB.PostView(ctx, shikayat.SystemScope(), tc.post)
			if err != nil || v.Complaint == nil {
				t.Fatalf("%s: post %+v, %v: no complaint", tc.name, v, err)
			}
			c, err := m.DB.FindComplaint(ctx, *v.Complaint, shikayat.SystemScope())
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if c.District != tc.district {
				t.Fatalf("%s: complaint %s in district %d (unit %s), want %d", tc.name, c.Code, c.District, c.UnitID, tc.district)
			}
			// The post shows on X a moment before its record is marked sent.
			var r *shikayat.Reply
			waitFor(t, tc.name+": the reply recorded sent", func() bool {
				r, err = m.DB.FindReply(ctx, "ack:"+strconv.FormatInt(c.ID, 10))
				return err == nil && r.State != shikayat.ReplySending
			})
			if r.Account != tc.from || r.State != shikayat.ReplySent {
				t.Fatalf("%s: reply record %+v; want sent from %s", tc.name, r, tc.from)
			}
		}

		// A post that tags none of the force's accounts (pushed to the desk)
		// is recorded and never answered.
		none := x.mention(map[string]string{"username": "neha_p", "text": "@DelhiPolice mera phone chori ho gaya Hazratganj Lucknow me, madad karo"})
		if err := m.Poller.Deliver(ctx, []shikayat.Post{{ID: none, Text: "@DelhiPolice mera phone chori ho gaya Hazratganj Lucknow me, madad karo",
			AuthorID: "42", AuthorUsername: "neha_p", CreatedAt: time.Now(), ConversationID: none, Mentions: []string{"DelhiPolice"}}}); err != nil {
			t.Fatal(err)
		}
		// Another post behind it is answered: the desk went past the first.
		after := x.mention(map[string]string{"username": "raj_m", "text": "@lucknowpolice aaj subah meri car chori ho gayi ghar ke bahar se, please FIR likhiye"})
		if got := waitRepliesBy(t, x, after, 1); len(got) != 1 {
			v, err := m.DB.PostView(ctx, shikayat.SystemScope(), after)
			t.Fatalf("replies to the later post: %v (post %+v, %v)", got, v, err)
		}
		if _, kind, _, err := m.DB.FindPost(ctx, none); err != nil || kind == "" {
			t.Fatalf("the post tagging no account was not recorded: %q, %v", kind, err)
		}
		if got := x.allReplies(none); len(got) != 0 {
			t.Fatalf("a post tagging no account of the force was answered: %+v", got)
		}
		waiting, err := m.DB.WaitingReplies(ctx, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range waiting {
			if r.InReplyTo == none {
				t.Fatalf("a reply waits for a post tagging no account: %+v", r)
			}
		}

		// HQ sees the accounts and their units.
		if code, _, errs := runCmd(t, "a long enough password\n", "user", "add", "--db", m.Config.DB, "--username", "hq-admin", "--role", "hq_admin", "--unit", "hq", "--password-stdin"); code != 0 {
			t.Fatalf("user add: %s", errs)
		}
		page := hqGet(t, "http://"+m.Addr, "hq-admin", "a long enough password", "/desk/accounts")
		for _, want := range []string{"@Uppolice", "@lucknowpolice", "district:162", "लखनऊ", "@ghaziabadpolice", "district:145", "गाज़ियाबाद"} {
			if !strings.Contains(page, want) {
				t.Fatalf("the accounts page lacks %q:\n%s", want, page)
			}
		}
	})
}

// hqGet signs in and fetches a desk page.
func hqGet(t *testing.T, base, user, password, path string) string {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.PostForm(base+"/login", url.Values{"username": {user}, "password": {password}})
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
	if session == nil {
		t.Fatalf("login = %d without a session", resp.StatusCode)
	}
	req, _ := http.NewRequest("GET", base+path, nil)
	req.AddCookie(&http.Cookie{Name: session.Name, Value: session.Value})
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d", path, resp.StatusCode)
	}
	return string(b)
}

// /readyz names every account of --accounts whose credentials X refuses,
// and only those; the node stays ready.
func TestReadyzNamesAccountsXRefuses(t *testing.T) {
	sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"},
		ConsumerSecret: "app-secret", AccessSecret: "the-access-secret"})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	t.Setenv("SHIKAYAT_X_CONSUMER_SECRET", "app-secret")
	t.Setenv("SHIKAYAT_X_ACCESS_SECRET", "the-access-secret")
	dir := t.TempDir()
	for name, secret := range map[string]string{"lucknowpolice": "the-access-secret", "ghaziabadpolice": "a-revoked-secret"} {
		if err := os.WriteFile(filepath.Join(dir, name+".token"), []byte(name+"\n"+secret+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	accounts := filepath.Join(dir, "accounts.csv")
	if err := os.WriteFile(accounts, []byte("lucknowpolice,district:162,lucknowpolice.token\nghaziabadpolice,district:145,ghaziabadpolice.token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := startAccountsDesk(t, storetest.DSN(t, "sqlite"), ts.URL, accounts)

	body := waitReadyzNames(t, m.Addr, "@ghaziabadpolice", "the refused account")
	if !strings.Contains(body, "refuses") || strings.Contains(body, "@lucknowpolice") || strings.Contains(body, "a-revoked-secret") {
		t.Errorf("readyz = %s", body)
	}
}
