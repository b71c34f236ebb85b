package xapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// clock is a settable clock shared by the simulator and the client.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// sleeper records the waits the client asks for and moves the clock on
// instead of sleeping.
type sleeper struct {
	clock *clock
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	if s.clock != nil {
		s.clock.Advance(d)
	}
	return ctx.Err()
}

func (s *sleeper) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

type env struct {
	sim    *xsim.Server
	srv    *httptest.Server
	client *xapi.Client
	clock  *clock
	sleep  *sleeper
	acct   xapi.User
}

func newEnv(t *testing.T, so xsim.Options, co xapi.Options) *env {
	t.Helper()
	clk := &clock{now: time.Date(2026, 5, 1, 6, 0, 0, 0, time.UTC)}
	if so.Now == nil {
		so.Now = clk.Now
	}
	sim := xsim.New(so)
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	sl := &sleeper{clock: clk}
	co.BaseURL = srv.URL
	if co.Now == nil {
		co.Now = clk.Now
	}
	co.Sleeper = sl
	return &env{sim: sim, srv: srv, client: xapi.New(co), clock: clk, sleep: sl, acct: sim.Account()}
}

// mention posts through the control API, as a test of X's users would.
func (e *env) mention(t *testing.T, body any) string {
	t.Helper()
	b, _ := json.Marshal(body)
	resp, err := http.Post(e.srv.URL+"/_sim/mentions", "application/json", strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct{ ID string } `json:"data"`
	}
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated || json.Unmarshal(data, &out) != nil || out.Data.ID == "" {
		t.Fatalf("POST /_sim/mentions: %d %s", resp.StatusCode, data)
	}
	return out.Data.ID
}

func (e *env) fault(t *testing.T, f xsim.Fault) {
	t.Helper()
	b, _ := json.Marshal(f)
	resp, err := http.Post(e.srv.URL+"/_sim/faults", "application/json", strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST /_sim/faults %+v: %d", f, resp.StatusCode)
	}
}

func (e *env) repliesTo(t *testing.T, id string) []xapi.Tweet {
	t.Helper()
	resp, err := http.Get(e.srv.URL + "/_sim/posts?in_reply_to=" + id)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Data []xapi.Tweet }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out.Data
}

// pollAll reads every page of mentions newer than sinceID.
func (e *env) pollAll(t *testing.T, sinceID string) []shikayat.Post {
	t.Helper()
	var all []shikayat.Post
	err := xapi.Pages(context.Background(), func(ctx context.Context, tok string) (*xapi.Page, error) {
		return e.client.Mentions(ctx, e.acct.ID, sinceID, tok)
	}, func(p *xapi.Page) error {
		posts, err := xapi.PostsFromPage(p)
		all = append(all, posts...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestMentionsPolling(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{})
	var ids []string
	for i := range 230 {
		body := map[string]any{"text": fmt.Sprintf("@Uppolice complaint number %d", i), "username": fmt.Sprintf("citizen%d", i%7)}
		if i == 5 {
			body["location"] = "Varanasi, UP"
			body["coordinates"] = []float64{82.97, 25.31}
			body["place"] = map[string]any{"id": "vns1", "full_name": "Varanasi, India", "country_code": "IN", "place_type": "city",
				"geo": map[string]any{"type": "Feature", "bbox": []float64{82.9, 25.2, 83.1, 25.4}, "properties": map[string]any{}}}
			body["media"] = []map[string]any{{"type": "photo", "url": "https://pbs.example/a.jpg"}}
		}
		ids = append(ids, e.mention(t, body))
		if i%50 == 0 {
			e.mention(t, map[string]any{"text": "not about the police", "username": "bystander"})
		}
	}
	for i := 1; i < len(ids); i++ {
		if len(ids[i]) < len(ids[i-1]) || len(ids[i]) == len(ids[i-1]) && ids[i] <= ids[i-1] {
			t.Fatalf("ids not increasing: %s then %s", ids[i-1], ids[i])
		}
	}

	posts := e.pollAll(t, "")
	if len(posts) != 230 {
		t.Fatalf("polled %d posts, want 230", len(posts))
	}
	for i, p := range posts {
		if want := ids[len(ids)-1-i]; p.ID != want {
			t.Fatalf("post %d is %s, want %s (newest first)", i, p.ID, want)
		}
		if p.AuthorUsername == "" || p.CreatedAt.IsZero() || !p.MentionsUser("uppolice") || p.ConversationID != p.ID {
			t.Fatalf("post %d lacks fields: %+v", i, p)
		}
	}
	p5 := posts[len(posts)-1-5]
	if p5.AuthorLocation != "Varanasi, UP" || p5.Coordinates == nil || p5.Coordinates.Lat != 25.31 ||
		p5.Place == nil || p5.Place.FullName != "Varanasi, India" || p5.Place.BBox[2] != 83.1 ||
		len(p5.Media) != 1 || p5.Media[0].URL != "https://pbs.example/a.jpg" {
		t.Errorf("expansions missing on post 5: %+v", p5)
	}

	// The next poll from the checkpoint sees only what is new.
	newer := []string{e.mention(t, map[string]any{"text": "@uppolice one more", "username": "late1"}),
		e.mention(t, map[string]any{"text": "again @UPPOLICE", "username": "late2"})}
	got := e.pollAll(t, ids[len(ids)-1])
	if len(got) != 2 || got[0].ID != newer[1] || got[1].ID != newer[0] {
		t.Errorf("poll since checkpoint: %+v", got)
	}
	if got := e.pollAll(t, newer[1]); len(got) != 0 {
		t.Errorf("poll at the newest post returned %d posts", len(got))
	}
	if rl, ok := e.client.RateLimit(xapi.EndpointMentions); !ok || rl.Limit != 450 || rl.Remaining != 450-5 {
		t.Errorf("rate limit after 5 calls: %+v %v", rl, ok)
	}
}

func TestMentionsReachAndBackfill(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{})
	for i := range 900 {
		e.mention(t, map[string]any{"text": fmt.Sprintf("@Uppolice post %d", i), "username": "ravi"})
	}
	if got := e.pollAll(t, ""); len(got) != 800 {
		t.Errorf("mentions timeline returned %d posts, want the newest 800", len(got))
	}
	var all []shikayat.Post
	err := xapi.Pages(context.Background(), func(ctx context.Context, tok string) (*xapi.Page, error) {
		return e.client.SearchRecent(ctx, "@Uppolice -is:retweet", "", tok)
	}, func(p *xapi.Page) error {
		posts, err := xapi.PostsFromPage(p)
		all = append(all, posts...)
		return err
	})
	if err != nil || len(all) != 900 {
		t.Errorf("recent search returned %d posts (%v), want all 900", len(all), err)
	}
}

func TestOnlyRequestedFieldsReturned(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{})
	e.mention(t, map[string]any{"text": "@Uppolice bare", "username": "asha", "coordinates": []float64{80.9, 26.8}})
	req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/2/users/"+e.acct.ID+"/mentions", nil)
	req.Header.Set("Authorization", "Bearer x")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data     []map[string]json.RawMessage
		Includes json.RawMessage
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Data) != 1 {
		t.Fatalf("%v %+v", err, out)
	}
	for k := range out.Data[0] {
		if k != "id" && k != "text" && k != "edit_history_tweet_ids" {
			t.Errorf("field %q returned without being asked for", k)
		}
	}
	if out.Includes != nil {
		t.Errorf("includes without expansions: %s", out.Includes)
	}
}

func TestRateLimitHonoured(t *testing.T) {
	e := newEnv(t, xsim.Options{Limits: map[string]xsim.Limit{xapi.EndpointMentions: {Requests: 3, Window: 15 * time.Minute}}}, xapi.Options{})
	ctx := context.Background()
	start := e.clock.Now()
	for i := range 3 {
		if _, err := e.client.Mentions(ctx, e.acct.ID, "", ""); err != nil {
			t.Fatal(err)
		}
		if rl, _ := e.client.RateLimit(xapi.EndpointMentions); rl.Remaining != 2-i || rl.Limit != 3 {
			t.Fatalf("call %d: %+v", i, rl)
		}
	}
	_, err := e.client.Mentions(ctx, e.acct.ID, "", "")
	var rle *xapi.RateLimitError
	if !errors.As(err, &rle) {
		t.Fatalf("4th call: %v, want a RateLimitError", err)
	}
	if want := start.Add(15 * time.Minute).Truncate(time.Second); !rle.Reset.Equal(want) {
		t.Errorf("reset %v, want %v", rle.Reset, want)
	}
	if len(e.sleep.Waits()) != 0 {
		t.Errorf("client retried a 429 by itself: %v", e.sleep.Waits())
	}
	// Waiting for the window lets the next call through.
	if err := e.client.WaitRateLimit(ctx, xapi.EndpointMentions); err != nil {
		t.Fatal(err)
	}
	if w := e.sleep.Waits(); len(w) != 1 || w[0] != 15*time.Minute {
		t.Errorf("waited %v, want 15m", w)
	}
	if _, err := e.client.Mentions(ctx, e.acct.ID, "", ""); err != nil {
		t.Errorf("after the reset: %v", err)
	}

	// A 429 fault carries its own reset.
	e.fault(t, xsim.Fault{Endpoint: "mentions", Kind: xsim.Fault429, ResetSeconds: 120})
	now := e.clock.Now()
	_, err = e.client.Mentions(ctx, e.acct.ID, "", "")
	if reset, ok := xapi.IsRateLimited(err); !ok || !reset.Equal(now.Add(120*time.Second).Truncate(time.Second)) {
		t.Errorf("429 fault: %v (reset %v)", err, reset)
	}
}

func TestServerErrorsRetried(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{})
	ctx := context.Background()
	e.mention(t, map[string]any{"text": "@Uppolice hello", "username": "meera"})
	e.fault(t, xsim.Fault{Endpoint: "mentions", Kind: xsim.Fault5xx, Count: 2})
	p, err := e.client.Mentions(ctx, e.acct.ID, "", "")
	if err != nil || len(p.Data) != 1 {
		t.Fatalf("after two 503s: %v", err)
	}
	if w := e.sleep.Waits(); fmt.Sprint(w) != "[1s 2s]" {
		t.Errorf("back-off %v, want [1s 2s]", w)
	}

	e.fault(t, xsim.Fault{Endpoint: "mentions", Kind: xsim.Fault5xx, Count: 10, Status: 502})
	_, err = e.client.Mentions(ctx, e.acct.ID, "", "")
	var api *xapi.APIError
	if !errors.As(err, &api) || api.Status != 502 {
		t.Fatalf("persistent 502: %v", err)
	}
	if !strings.Contains(err.Error(), "Bad Gateway") || shikayat.ErrorCode(err) != shikayat.EINTERNAL {
		t.Errorf("error text %q code %q", err, shikayat.ErrorCode(err))
	}
}

func TestMalformedAnswer(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{Retries: -1})
	ctx := context.Background()
	e.mention(t, map[string]any{"text": "@Uppolice hello", "username": "meera"})
	e.fault(t, xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultMalformed})
	if _, err := e.client.Mentions(ctx, e.acct.ID, "", ""); err == nil || !strings.Contains(err.Error(), "unreadable answer") {
		t.Errorf("cut-off body: %v", err)
	}
	if p, err := e.client.Mentions(ctx, e.acct.ID, "", ""); err != nil || len(p.Data) != 1 {
		t.Errorf("next call: %v", err)
	}
	// With retries, a malformed answer is retried like a server error.
	e2 := newEnv(t, xsim.Options{}, xapi.Options{})
	e2.mention(t, map[string]any{"text": "@Uppolice hello", "username": "meera"})
	e2.fault(t, xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultMalformed})
	if p, err := e2.client.Mentions(ctx, e2.acct.ID, "", ""); err != nil || len(p.Data) != 1 {
		t.Errorf("retried: %v", err)
	}
}

func TestDuplicateAndOutOfOrderDelivery(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{})
	ctx := context.Background()
	a := e.mention(t, map[string]any{"text": "@Uppolice a", "username": "u1"})
	e.fault(t, xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultDuplicate})
	p, err := e.client.Mentions(ctx, e.acct.ID, "", "")
	if err != nil || len(p.Data) != 2 || p.Data[0].ID != a || p.Data[1].ID != a {
		t.Fatalf("duplicate delivery: %v %+v", err, p)
	}

	b := e.mention(t, map[string]any{"text": "@Uppolice b", "username": "u2"})
	c := e.mention(t, map[string]any{"text": "@Uppolice c", "username": "u3"})
	e.fault(t, xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultOutOfOrder})
	got := e.pollAll(t, a)
	if len(got) != 1 || got[0].ID != c {
		t.Fatalf("out of order: got %v, want only %s (b not visible yet)", got, c)
	}
	// Polling from the checkpoint c alone would never see b; re-reading an
	// overlap before the checkpoint does.
	if got := e.pollAll(t, c); len(got) != 0 {
		t.Errorf("since c: %v", got)
	}
	got = e.pollAll(t, a)
	if len(got) != 2 || got[1].ID != b {
		t.Errorf("overlap re-read: %v, want c and b", got)
	}
}

func TestCreateReply(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{Credentials: xapi.Credentials{ConsumerKey: "ck", ConsumerSecret: "cs", AccessToken: "at", AccessSecret: "as"}})
	ctx := context.Background()
	m := e.mention(t, map[string]any{"text": "@Uppolice my phone was stolen in Hazratganj", "username": "neha"})
	other := e.mention(t, map[string]any{"text": "traffic is bad today", "username": "neha"})

	id, err := e.client.CreateReply(ctx, "Your complaint is registered: UP26-7K3QM9XD4P", m)
	if err != nil {
		t.Fatal(err)
	}
	rs := e.repliesTo(t, m)
	if len(rs) != 1 || rs[0].ID != id || rs[0].AuthorID != e.acct.ID || rs[0].ConversationID != m || !strings.Contains(rs[0].Text, "UP26-7K3QM9XD4P") {
		t.Fatalf("replies to %s: %+v", m, rs)
	}

	t.Run("only to posts that mention the account", func(t *testing.T) {
		_, err := e.client.CreateReply(ctx, "hello", other)
		if shikayat.ErrorCode(err) != shikayat.EFORBIDDEN || xapi.IsUncertain(err) {
			t.Errorf("reply to a post without a mention: %v (code %s)", err, shikayat.ErrorCode(err))
		}
		if !strings.Contains(err.Error(), "not been mentioned") {
			t.Errorf("X's reason missing: %v", err)
		}
		if rs := e.repliesTo(t, other); len(rs) != 0 {
			t.Errorf("reply stored: %+v", rs)
		}
	})

	t.Run("duplicate content refused", func(t *testing.T) {
		_, err := e.client.CreateReply(ctx, "Your complaint is registered: UP26-7K3QM9XD4P", m)
		if shikayat.ErrorCode(err) != shikayat.EFORBIDDEN {
			t.Errorf("duplicate: %v", err)
		}
	})

	t.Run("accepted but dropped is uncertain and stored", func(t *testing.T) {
		m2 := e.mention(t, map[string]any{"text": "@Uppolice चेन स्नेचिंग हुई है", "username": "kavita"})
		e.fault(t, xsim.Fault{Endpoint: "tweets", Kind: xsim.FaultAcceptedDropped})
		_, err := e.client.CreateReply(ctx, "आपकी शिकायत दर्ज: UP26-AB12CD34EF", m2)
		if err == nil || !xapi.IsUncertain(err) {
			t.Fatalf("dropped answer: %v, want an uncertain error", err)
		}
		if rs := e.repliesTo(t, m2); len(rs) != 1 {
			t.Fatalf("want the reply stored once, got %d", len(rs))
		}
		// The account's own timeline shows it: the check before any retry.
		p, err := e.client.UserTweets(ctx, e.acct.ID, "", "")
		if err != nil {
			t.Fatal(err)
		}
		posts, _ := xapi.PostsFromPage(p)
		if len(posts) != 2 || posts[0].InReplyToPostID != m2 || posts[1].InReplyToPostID != m {
			t.Errorf("own timeline: %+v", posts)
		}
	})

	t.Run("server error on post is uncertain and not retried", func(t *testing.T) {
		m3 := e.mention(t, map[string]any{"text": "@Uppolice noise at night", "username": "dev"})
		e.fault(t, xsim.Fault{Endpoint: "tweets", Kind: xsim.Fault5xx})
		before := len(e.sleep.Waits())
		_, err := e.client.CreateReply(ctx, "noted", m3)
		if !xapi.IsUncertain(err) || len(e.sleep.Waits()) != before {
			t.Errorf("5xx on post: %v, waits %v", err, e.sleep.Waits())
		}
	})

	t.Run("bearer token cannot post", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/2/tweets", strings.NewReader(`{"text":"x"}`))
		req.Header.Set("Authorization", "Bearer abc")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
}

func TestOAuthSignatureCheckedBySimulator(t *testing.T) {
	creds := xapi.Credentials{ConsumerKey: "ck", ConsumerSecret: "cs", AccessToken: "at", AccessSecret: "as"}
	e := newEnv(t, xsim.Options{ConsumerSecret: "cs", AccessSecret: "as"}, xapi.Options{Credentials: creds})
	if _, err := e.client.Me(context.Background()); err != nil {
		t.Fatalf("signed request refused: %v", err)
	}
	bad := creds
	bad.AccessSecret = "other"
	c := xapi.New(xapi.Options{BaseURL: e.srv.URL, Credentials: bad})
	if _, err := c.Me(context.Background()); shikayat.ErrorCode(err) != shikayat.EUNAUTHORIZED {
		t.Errorf("wrongly signed request: %v", err)
	}
}

func TestUsers(t *testing.T) {
	e := newEnv(t, xsim.Options{Account: "lkopolice"}, xapi.Options{})
	ctx := context.Background()
	e.mention(t, map[string]any{"text": "@lkopolice hi", "username": "sita_ram", "name": "Sita Ram", "location": "Ayodhya"})
	u, err := e.client.UserByUsername(ctx, "@SITA_RAM")
	if err != nil || u.Username != "sita_ram" || u.Location != "Ayodhya" || u.Name != "Sita Ram" {
		t.Errorf("user: %+v %v", u, err)
	}
	_, err = e.client.UserByUsername(ctx, "nobody_here")
	if shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
		t.Errorf("unknown user: %v", err)
	}
	if _, err := e.client.UserByUsername(ctx, "bad name!"); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Errorf("bad username: %v", err)
	}
	me, err := e.client.Me(ctx)
	if err != nil || me.Username != "lkopolice" || me.ID != e.acct.ID {
		t.Errorf("me: %+v %v", me, err)
	}
}

func TestSlowAnswerTimesOutAndIsRetried(t *testing.T) {
	e := newEnv(t, xsim.Options{}, xapi.Options{HTTPClient: &http.Client{Timeout: 100 * time.Millisecond}})
	e.mention(t, map[string]any{"text": "@Uppolice hello", "username": "meera"})
	e.fault(t, xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultSlow, DelayMS: 3000})
	p, err := e.client.Mentions(context.Background(), e.acct.ID, "", "")
	if err != nil || len(p.Data) != 1 {
		t.Fatalf("after a slow answer: %v", err)
	}
	if w := fmt.Sprint(e.sleep.Waits()); w != "[1s]" {
		t.Errorf("waits %s, want one retry after 1s", w)
	}
}
