package xapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
)

// DefaultBaseURL is X's API host; the client adds the /2 of API v2.
const DefaultBaseURL = "https://api.x.com"

// The endpoints the client calls, named as X's rate-limit tables name them.
// They key RateLimit and the errors.
const (
	EndpointMentions          = "GET /2/users/:id/mentions"
	EndpointUserTweets        = "GET /2/users/:id/tweets"
	EndpointSearchRecent      = "GET /2/tweets/search/recent"
	EndpointUserByUsername    = "GET /2/users/by/username/:username"
	EndpointMe                = "GET /2/users/me"
	EndpointCreatePost        = "POST /2/tweets"
	EndpointStream            = "GET /2/tweets/search/stream"
	EndpointStreamRules       = "GET /2/tweets/search/stream/rules"
	EndpointStreamRulesChange = "POST /2/tweets/search/stream/rules"
)

// The fields and expansions every read of posts asks for (X returns only
// id, text and edit_history_tweet_ids unless asked).
const (
	TweetFields = "attachments,author_id,conversation_id,created_at,entities,geo,in_reply_to_user_id,lang,referenced_tweets"
	Expansions  = "attachments.media_keys,author_id,geo.place_id,referenced_tweets.id,referenced_tweets.id.author_id"
	UserFields  = "location"
	PlaceFields = "country_code,full_name,geo,name,place_type"
	MediaFields = "alt_text,duration_ms,height,preview_image_url,type,url,width"
)

// maxBody bounds what the client reads of one answer.
const maxBody = 16 << 20

// Sleeper waits; tests pass one that records the waits and returns at once.
type Sleeper interface {
	// Sleep waits for d or until ctx is done, and then returns ctx.Err().
	Sleep(ctx context.Context, d time.Duration) error
}

// TimerSleeper sleeps on real timers.
type TimerSleeper struct{}

// Sleep waits for d or until ctx is done.
func (TimerSleeper) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Options configure a Client. The zero value talks to X with no credentials.
type Options struct {
	BaseURL     string // default DefaultBaseURL; without /2
	Credentials Credentials
	// HTTPClient sends the REST requests; default: 30 s timeout.
	HTTPClient *http.Client
	// StreamHTTPClient holds the filtered stream open; it must have no
	// overall timeout. Default: connect and header timeouts only.
	StreamHTTPClient *http.Client
	Logger           *slog.Logger     // default: discard
	Now              func() time.Time // default time.Now
	Sleeper          Sleeper          // default TimerSleeper
	// Retries is how often a GET is retried after a 5xx or a network error
	// (with back-off 1 s, 2 s, 4 s …). Default 3; negative for none.
	Retries int
	// StallTimeout is how long the stream may go without a byte (X sends a
	// keep-alive every 20 s) before the client reconnects. Default 30 s.
	StallTimeout time.Duration
	// UserReads signs reads with the account's OAuth 1.0a user token as well,
	// instead of the app's bearer token: each account then has X's per-user
	// limits (one app token cannot poll many accounts every 15 s). The
	// filtered stream and its rules stay app-only.
	UserReads bool
	// Owner, when set, is the account the user token is for: until X
	// confirms it is that account's (SetTokenOwner after GET
	// /2/users/me), the client posts nothing with it (WrongOwner says
	// why), so a token of another account cannot answer as that account
	// before the first check.
	Owner string
}

// Client calls X's API v2. It is safe for concurrent use.
type Client struct {
	base    string
	creds   Credentials
	http    *http.Client
	stream  *http.Client
	log     *slog.Logger
	now     func() time.Time
	sleep   Sleeper
	retries int
	stall   time.Duration
	asUser  bool // UserReads

	mu       sync.Mutex
	limits   map[string]RateLimit
	standing standing // see Health
}

// New returns a client.
func New(o Options) *Client {
	c := &Client{
		base:    strings.TrimRight(o.BaseURL, "/"),
		creds:   o.Credentials,
		http:    o.HTTPClient,
		stream:  o.StreamHTTPClient,
		log:     o.Logger,
		now:     o.Now,
		sleep:   o.Sleeper,
		retries: o.Retries,
		stall:   o.StallTimeout,
		asUser:  o.UserReads,
		limits:  map[string]RateLimit{},
	}
	if o.Owner != "" {
		c.standing.unconfirmed = shikayat.Errorf(shikayat.EUNAUTHORIZED, "X has not yet confirmed that the access token is @%s's", strings.TrimPrefix(o.Owner, "@"))
	}
	if c.base == "" {
		c.base = DefaultBaseURL
	}
	if c.http == nil {
		c.http = &http.Client{Timeout: 30 * time.Second}
	}
	if c.stream == nil {
		c.stream = &http.Client{Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: 30 * time.Second,
		}}
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.sleep == nil {
		c.sleep = TimerSleeper{}
	}
	if c.retries == 0 {
		c.retries = 3
	} else if c.retries < 0 {
		c.retries = 0
	}
	if c.stall <= 0 {
		c.stall = 30 * time.Second
	}
	return c
}

// String describes the client without its credentials.
func (c *Client) String() string { return "xapi.Client{" + c.base + " " + c.creds.String() + "}" }

// BaseURL returns the API host the client talks to.
func (c *Client) BaseURL() string { return c.base }

// RateLimit returns what X last said about an endpoint's window (one of the
// Endpoint constants), and whether it said anything yet.
func (c *Client) RateLimit(endpoint string) (RateLimit, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	rl, ok := c.limits[endpoint]
	return rl, ok
}

// WaitRateLimit waits until the endpoint's window resets when X said none
// of it remains; it returns at once otherwise.
func (c *Client) WaitRateLimit(ctx context.Context, endpoint string) error {
	rl, ok := c.RateLimit(endpoint)
	if !ok || rl.Remaining > 0 || rl.Reset.IsZero() {
		return ctx.Err()
	}
	return c.sleep.Sleep(ctx, rl.Reset.Sub(c.now()))
}

func (c *Client) noteRateLimit(endpoint string, h http.Header) (RateLimit, bool) {
	rl, ok := parseRateLimit(h)
	if ok {
		c.mu.Lock()
		c.limits[endpoint] = rl
		c.mu.Unlock()
	}
	return rl, ok
}

// request is one call to X.
type request struct {
	endpoint string // one of the Endpoint constants
	method   string
	path     string // after the base URL, starting with /2/
	query    url.Values
	body     any  // sent as JSON when not nil
	user     bool // sign with OAuth 1.0a instead of the bearer token
}

// get sends a GET, retrying after server and network errors.
func (c *Client) get(ctx context.Context, r request, out any) error {
	r.method = http.MethodGet
	if c.asUser && r.endpoint != EndpointStreamRules && r.endpoint != EndpointStreamRulesChange && r.endpoint != EndpointStream {
		r.user = true
	}
	wait := time.Second
	for attempt := 0; ; attempt++ {
		err := c.send(ctx, r, out)
		if err == nil || attempt >= c.retries || !retryable(err) || ctx.Err() != nil {
			return err
		}
		c.log.Warn("x request failed; retrying", "endpoint", r.endpoint, "attempt", attempt+1, "wait", wait, "err", err)
		if err := c.sleep.Sleep(ctx, wait); err != nil {
			return err
		}
		wait *= 2
	}
}

// retryable reports whether a GET may be tried again after err.
func retryable(err error) bool {
	var a *APIError
	if errors.As(err, &a) {
		return a.Status >= 500 || a.Status == 0
	}
	var r *RateLimitError
	if errors.As(err, &r) || shikayat.ErrorCode(err) == shikayat.EINVALID {
		return false
	}
	// A network error or the client's own timeout; the caller's context
	// ending is checked before this.
	return true
}

// send makes one attempt and decodes a 2xx answer into out.
func (c *Client) send(ctx context.Context, r request, out any) error {
	if err := c.refusedOwner(r); err != nil {
		return err
	}
	u := c.base + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	var body io.Reader
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return fmt.Errorf("x: %s: encode body: %w", r.endpoint, err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u, body)
	if err != nil {
		return fmt.Errorf("x: %s: %w", r.endpoint, err)
	}
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "shikayat")
	c.authorize(req, r)

	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		err = fmt.Errorf("x: %s: %w", r.endpoint, err)
		c.noteAnswer(r, 0, err)
		if r.method != http.MethodGet && !dialFailed(err) {
			return &UncertainError{Err: err}
		}
		return err
	}
	defer resp.Body.Close()
	rl, _ := c.noteRateLimit(r.endpoint, resp.Header)
	data, readErr := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	c.noteAnswer(r, resp.StatusCode, nil)

	if resp.StatusCode == http.StatusTooManyRequests {
		e := &RateLimitError{Endpoint: r.endpoint, Reset: rl.Reset, Limit: rl}
		e.Problems, _ = problemsOf(data)
		return e
	}
	if resp.StatusCode >= 300 || readErr != nil {
		e := &APIError{Endpoint: r.endpoint, Status: resp.StatusCode}
		if readErr != nil && resp.StatusCode < 300 {
			e.Status = 0
			e.Body = "answer cut off: " + readErr.Error()
		}
		if ps, ok := problemsOf(data); ok {
			e.Problems = ps
		} else if e.Body == "" {
			e.Body = clip(strings.TrimSpace(string(data)))
		}
		if r.method != http.MethodGet && (resp.StatusCode >= 500 || readErr != nil) {
			return &UncertainError{Err: e}
		}
		return e
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		e := &APIError{Endpoint: r.endpoint, Status: 0, Body: "unreadable answer: " + jsonErrorText(err)}
		if r.method != http.MethodGet {
			return &UncertainError{Err: e}
		}
		return e
	}
	return nil
}

func (c *Client) authorize(req *http.Request, r request) {
	if r.user {
		base := *req.URL
		base.RawQuery = ""
		req.Header.Set("Authorization", oauth1Header(c.creds, req.Method, base.String(), req.URL.Query(), c.now(), newNonce()))
		return
	}
	req.Header.Set("Authorization", "Bearer "+c.creds.BearerToken)
}

// dialFailed reports whether err happened before any byte of the request
// left, so the request certainly did not reach X.
func dialFailed(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// problemsOf reads X's error body: {"errors": [...]} or a single problem.
func problemsOf(data []byte) ([]Problem, bool) {
	var env struct {
		Errors []Problem `json:"errors"`
		Problem
	}
	if json.Unmarshal(data, &env) != nil {
		return nil, false
	}
	if env.Title != "" || env.Detail != "" {
		// A request-level problem; its "errors" items say which parameters.
		p := env.Problem
		for _, e := range env.Errors {
			if e.Message != "" {
				p.Detail = strings.TrimSpace(p.Detail + " " + e.Message)
			}
		}
		return []Problem{p}, true
	}
	if len(env.Errors) > 0 {
		return env.Errors, true
	}
	return nil, false
}

// postQuery is the query every read of posts sends.
func postQuery() url.Values {
	return url.Values{
		"tweet.fields": {TweetFields},
		"expansions":   {Expansions},
		"user.fields":  {UserFields},
		"place.fields": {PlaceFields},
		"media.fields": {MediaFields},
	}
}

func pageQuery(sinceID, paginationToken string, maxResults int) (url.Values, error) {
	q := postQuery()
	q.Set("max_results", strconv.Itoa(maxResults))
	if sinceID != "" {
		if !isID(sinceID) {
			return nil, shikayat.Errorf(shikayat.EINVALID, "since_id %q is not a post id", clip(sinceID))
		}
		q.Set("since_id", sinceID)
	}
	if paginationToken != "" {
		q.Set("pagination_token", paginationToken)
	}
	return q, nil
}

func (c *Client) page(ctx context.Context, r request, out *Page) error {
	if err := c.get(ctx, r, out); err != nil {
		return err
	}
	if len(out.Data) == 0 && len(out.Errors) > 0 {
		return &APIError{Endpoint: r.endpoint, Status: http.StatusOK, Problems: out.Errors}
	}
	return nil
}

// Mentions reads one page (up to 100 posts, newest first) of the posts that
// mention userID, newer than sinceID when it is set; paginationToken is the
// previous page's Meta.NextToken, or "" for the first page.
func (c *Client) Mentions(ctx context.Context, userID, sinceID, paginationToken string) (*Page, error) {
	return c.userTimeline(ctx, EndpointMentions, userID, "mentions", sinceID, paginationToken)
}

// UserTweets reads one page of userID's own posts (the account's timeline,
// which shows whether a reply went out), newer than sinceID when set.
func (c *Client) UserTweets(ctx context.Context, userID, sinceID, paginationToken string) (*Page, error) {
	return c.userTimeline(ctx, EndpointUserTweets, userID, "tweets", sinceID, paginationToken)
}

// userTimeline reads one page of one of a user's timelines.
func (c *Client) userTimeline(ctx context.Context, endpoint, userID, timeline, sinceID, paginationToken string) (*Page, error) {
	if !isID(userID) {
		return nil, shikayat.Errorf(shikayat.EINVALID, "user id %q is not an X id", clip(userID))
	}
	q, err := pageQuery(sinceID, paginationToken, 100)
	if err != nil {
		return nil, err
	}
	var p Page
	if err := c.page(ctx, request{endpoint: endpoint, path: "/2/users/" + userID + "/" + timeline, query: q}, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// SearchRecent reads one page of the last seven days' posts matching query
// (e.g. "@Uppolice"), newer than sinceID when set: the backfill after an
// outage longer than the mentions timeline reaches.
func (c *Client) SearchRecent(ctx context.Context, query, sinceID, paginationToken string) (*Page, error) {
	return c.SearchRecentUntil(ctx, query, sinceID, "", paginationToken)
}

// SearchRecentUntil is SearchRecent limited to posts older than untilID
// when set: a backfill reads only the gap below what it has read.
func (c *Client) SearchRecentUntil(ctx context.Context, query, sinceID, untilID, paginationToken string) (*Page, error) {
	if strings.TrimSpace(query) == "" {
		return nil, shikayat.Errorf(shikayat.EINVALID, "search query is empty")
	}
	q, err := pageQuery(sinceID, "", 100)
	if err != nil {
		return nil, err
	}
	if untilID != "" {
		if !isID(untilID) {
			return nil, shikayat.Errorf(shikayat.EINVALID, "until_id %q is not a post id", clip(untilID))
		}
		q.Set("until_id", untilID)
	}
	q.Set("query", query)
	if paginationToken != "" {
		q.Set("next_token", paginationToken) // recent search names it next_token
	}
	var p Page
	err = c.page(ctx, request{endpoint: EndpointSearchRecent, path: "/2/tweets/search/recent", query: q}, &p)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// Pages calls fetch for the first page and every following one, passing
// each to fn, until the last page, an error, or fn's error.
func Pages(ctx context.Context, fetch func(ctx context.Context, token string) (*Page, error), fn func(*Page) error) error {
	token := ""
	for {
		p, err := fetch(ctx, token)
		if err != nil {
			return err
		}
		if err := fn(p); err != nil {
			return err
		}
		if p.Meta.NextToken == "" || p.Meta.NextToken == token {
			return nil
		}
		token = p.Meta.NextToken
	}
}

type userAnswer struct {
	Data   *User     `json:"data"`
	Errors []Problem `json:"errors"`
}

// UserByUsername looks up an account by its @username (without "@").
// An unknown account is a not_found error.
func (c *Client) UserByUsername(ctx context.Context, username string) (User, error) {
	username = strings.TrimPrefix(username, "@")
	if !validUsername(username) {
		return User{}, shikayat.Errorf(shikayat.EINVALID, "%q is not an X username", clip(username))
	}
	var a userAnswer
	r := request{endpoint: EndpointUserByUsername, path: "/2/users/by/username/" + username, query: url.Values{"user.fields": {UserFields}}}
	return c.user(ctx, r, &a)
}

// Me returns the account the OAuth 1.0a keys belong to.
func (c *Client) Me(ctx context.Context) (User, error) {
	var a userAnswer
	r := request{endpoint: EndpointMe, path: "/2/users/me", query: url.Values{"user.fields": {UserFields}}, user: true}
	return c.user(ctx, r, &a)
}

func (c *Client) user(ctx context.Context, r request, a *userAnswer) (User, error) {
	if err := c.get(ctx, r, a); err != nil {
		return User{}, err
	}
	if a.Data == nil {
		if len(a.Errors) == 0 {
			a.Errors = []Problem{{Title: "Not Found Error", Type: "https://api.twitter.com/2/problems/resource-not-found"}}
		}
		return User{}, &APIError{Endpoint: r.endpoint, Status: http.StatusOK, Problems: a.Errors}
	}
	return *a.Data, nil
}

func validUsername(s string) bool {
	if s == "" || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// CreatePostRequest is the body of POST /2/tweets as the desk uses it.
type CreatePostRequest struct {
	Text  string     `json:"text"`
	Reply *ReplySpec `json:"reply,omitempty"`
}

// ReplySpec makes a new post a reply.
type ReplySpec struct {
	InReplyToTweetID string `json:"in_reply_to_tweet_id"`
}

// CreatePostResponse is the answer of POST /2/tweets.
type CreatePostResponse struct {
	Data *struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	} `json:"data,omitempty"`
	Errors []Problem `json:"errors,omitempty"`
}

// CreateReply posts text as a reply to the post inReplyToID and returns the
// new post's id. It is never retried: after an error for which IsUncertain
// is true the reply may exist on X, and the caller must look at the
// account's timeline (UserTweets) before trying again. X accepts a reply
// only to a post that mentions the account; otherwise it answers 403.
func (c *Client) CreateReply(ctx context.Context, text, inReplyToID string) (string, error) {
	if !isID(inReplyToID) {
		return "", shikayat.Errorf(shikayat.EINVALID, "post id %q is not an X id", clip(inReplyToID))
	}
	if strings.TrimSpace(text) == "" {
		return "", shikayat.Errorf(shikayat.EINVALID, "reply text is empty")
	}
	body := CreatePostRequest{Text: text, Reply: &ReplySpec{InReplyToTweetID: inReplyToID}}
	var a CreatePostResponse
	r := request{endpoint: EndpointCreatePost, method: http.MethodPost, path: "/2/tweets", body: body, user: true}
	if err := c.send(ctx, r, &a); err != nil {
		return "", err
	}
	if a.Data == nil || !isID(a.Data.ID) {
		return "", &UncertainError{Err: &APIError{Endpoint: r.endpoint, Status: http.StatusCreated, Problems: a.Errors, Body: "answer without the new post's id"}}
	}
	return a.Data.ID, nil
}
