package xsim_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// as is a client acting as @username: a simulated account's OAuth access
// token is its username.
func as(srv *httptest.Server, username string) *xapi.Client {
	return xapi.New(xapi.Options{BaseURL: srv.URL, Retries: -1, UserReads: true,
		Credentials: xapi.Credentials{ConsumerKey: "app", ConsumerSecret: "app", AccessToken: username, AccessSecret: "s"}})
}

func mention(t *testing.T, srv *httptest.Server, text string) string {
	t.Helper()
	status, body := do(t, srv, "POST", "/_sim/mentions", `{"text": "`+text+`", "username": "citizen1"}`)
	if status != http.StatusCreated {
		t.Fatalf("POST /_sim/mentions = %d %s", status, body)
	}
	var out struct{ Data struct{ ID string } }
	if err := json.Unmarshal(body, &out); err != nil || out.Data.ID == "" {
		t.Fatalf("POST /_sim/mentions answered %s", body)
	}
	return out.Data.ID
}

// Extra accounts: each has its own mentions timeline, answers user
// look-ups and /2/users/me, may reply only to posts that mention it, and
// has its own posting limit.
func TestExtraAccounts(t *testing.T) {
	ctx := context.Background()
	sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"}})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	lko, gzb, up := as(srv, "lucknowpolice"), as(srv, "ghaziabadpolice"), as(srv, "Uppolice")

	me, err := lko.Me(ctx)
	if err != nil || me.Username != "lucknowpolice" {
		t.Fatalf("Me as lucknowpolice = %+v, %v", me, err)
	}
	u, err := up.UserByUsername(ctx, "ghaziabadpolice")
	if err != nil || u.Username != "ghaziabadpolice" {
		t.Fatalf("look up ghaziabadpolice = %+v, %v", u, err)
	}

	onlyLko := mention(t, srv, "@lucknowpolice chain snatched in Hazratganj")
	both := mention(t, srv, "@Uppolice @ghaziabadpolice bike stolen in Indirapuram")
	for _, tc := range []struct {
		who  *xapi.Client
		name string
		want []string
	}{{lko, "lucknowpolice", []string{onlyLko}}, {gzb, "ghaziabadpolice", []string{both}}, {up, "Uppolice", []string{both}}} {
		id, err := tc.who.UserByUsername(ctx, tc.name)
		if err != nil {
			t.Fatal(err)
		}
		pg, err := tc.who.Mentions(ctx, id.ID, "", "")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range pg.Data {
			got = append(got, p.ID)
		}
		if len(got) != len(tc.want) || got[0] != tc.want[0] {
			t.Errorf("mentions of @%s = %v, want %v", tc.name, got, tc.want)
		}
	}

	// The @mention rule, per account.
	if _, err := up.CreateReply(ctx, "Noted.", onlyLko); !isStatus(err, http.StatusForbidden) {
		t.Errorf("Uppolice replying to a post that tags only lucknowpolice: %v, want 403", err)
	}
	if _, err := lko.CreateReply(ctx, "Noted, Lucknow.", onlyLko); err != nil {
		t.Errorf("lucknowpolice replying to its mention: %v", err)
	}
	if _, err := lko.CreateReply(ctx, "Noted, Ghaziabad.", both); !isStatus(err, http.StatusForbidden) {
		t.Errorf("lucknowpolice replying to a post that does not tag it: %v, want 403", err)
	}
	posts := sim.ExtraAccountPosts("lucknowpolice")
	if len(posts) != 1 || posts[0].AuthorID != me.ID {
		t.Fatalf("lucknowpolice's posts = %+v", posts)
	}

	// Posting limits are per account: one spent does not stop another.
	sim.SetLimits(map[string]xsim.Limit{xapi.EndpointCreatePost: {Requests: 1, Window: 15 * time.Minute}})
	if _, err := gzb.CreateReply(ctx, "Noted by Ghaziabad.", both); err != nil {
		t.Fatalf("ghaziabadpolice's first post: %v", err)
	}
	if _, err := gzb.CreateReply(ctx, "Noted by Ghaziabad again.", both); !isLimited(err) {
		t.Fatalf("ghaziabadpolice's second post in the window: %v, want 429", err)
	}
	if _, err := up.CreateReply(ctx, "Noted by the state.", both); err != nil {
		t.Fatalf("Uppolice's post while ghaziabadpolice is limited: %v", err)
	}
	if rl, ok := gzb.RateLimit(xapi.EndpointCreatePost); !ok || rl.Remaining != 0 {
		t.Fatalf("ghaziabadpolice's window = %+v", rl)
	}
}

// A stream rule may join handles with OR: one rule set covers them all.
func TestStreamRuleWithOR(t *testing.T) {
	ctx := context.Background()
	sim := xsim.New(xsim.Options{ExtraAccounts: []string{"lucknowpolice"}})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	app := xapi.New(xapi.Options{BaseURL: srv.URL, Retries: -1})
	if _, err := app.AddStreamRules(ctx, xapi.StreamRule{Value: "@Uppolice OR @lucknowpolice"}); err != nil {
		t.Fatal(err)
	}
	if _, err := app.AddStreamRules(ctx, xapi.StreamRule{Value: "OR @x"}); err == nil {
		t.Fatal("a rule starting with OR was taken")
	}
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	got := make(chan string, 4)
	go app.Stream(sctx, func(_ context.Context, sp xapi.StreamPost) error { got <- sp.Post.Text; return nil })
	for !sim.StreamConnected() {
		time.Sleep(5 * time.Millisecond)
	}
	mention(t, srv, "@someone else entirely")
	mention(t, srv, "@lucknowpolice help")
	if text := <-got; text != "@lucknowpolice help" {
		t.Fatalf("stream sent %q", text)
	}
}

func isStatus(err error, status int) bool {
	var a *xapi.APIError
	return errors.As(err, &a) && a.Status == status
}

func isLimited(err error) bool {
	_, limited := xapi.IsRateLimited(err)
	return limited
}
