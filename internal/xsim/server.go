// Package xsim is a local stand-in for X's API v2: the endpoints, JSON
// shapes, paging, field selection, rate limits and reply rules of the parts
// of X the desk uses, with faults on demand and a control API for tests.
// It runs in-process (Server is an http.Handler) or as `shikayat xsim`.
//
// Rate limits start as X's (DefaultLimits: 100 posts per 15 minutes, …)
// and can be set per endpoint, so that a load test or a demo is held to
// them only if it wants to be: `shikayat xsim --limits
// create_post=1000/15m,mentions=10000/15m` (see ParseLimits; "*" sets every
// endpoint), Options.Limits in-process, or the control API:
// `POST /_sim/limits` with {"create_post": "1000/15m", …} answers every
// endpoint's window as {"data": {"create_post": "1000/15m", …}};
// `GET /_sim/limits` lists them and `DELETE /_sim/limits` puts X's back.
// An endpoint whose limit changes starts a new window.
package xsim

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

// Options configure a Server. The zero value is ready to use.
type Options struct {
	// Account is the username of the desk's account (default "Uppolice").
	Account string
	// ExtraAccounts are more police accounts (districts, zones, functional
	// units), each with its own mentions timeline, posts and posting
	// limits. A request signed with OAuth 1.0a acts as the account its
	// access token names (each simulated account's token is its username);
	// any other token acts as Account.
	ExtraAccounts []string
	// Now is the clock (default time.Now).
	Now    func() time.Time
	Logger *slog.Logger // default: discard
	// MentionsReach is how many of the newest mentions the mentions
	// timeline returns (default 800, as on X).
	MentionsReach int
	// Limits overrides the rate-limit windows, keyed by the xapi Endpoint
	// constants or "*" for every endpoint; see DefaultLimits and ParseLimits.
	Limits map[string]Limit
	// KeepAlive is the interval of the stream's keep-alive (default 20 s).
	KeepAlive time.Duration
	// BearerToken, when set, is the only bearer token accepted; otherwise
	// any (even an empty one) is.
	BearerToken string
	// ConsumerSecret and AccessSecret, when both set, make the server check
	// OAuth 1.0a signatures; otherwise any OAuth header is accepted.
	ConsumerSecret, AccessSecret string
}

// Server is the simulated X. Create it with New.
type Server struct {
	opts    Options
	now     func() time.Time
	log     *slog.Logger
	mux     *http.ServeMux
	limiter *limiter

	mu        sync.Mutex
	lastID    uint64
	account   *xapi.User
	extra     map[string]*xapi.User // lower-case username → the extra accounts
	users     map[string]*xapi.User // by id
	usernames map[string]string     // lower-case username → id
	posts     map[string]*xapi.Tweet
	timeline  []string            // every post that came in, ascending ids
	mentions  map[string][]string // lower-case username → ids of posts mentioning it, ascending
	byAuthor  map[string][]string // author id → ids, ascending
	replies   map[string][]string // post id → ids of replies to it
	places    map[string]*xapi.Place
	media     map[string]*xapi.Media
	faults    []*Fault
	rules     []xapi.StreamRule
	ruleSeq   uint64
	streams   map[*streamConn]struct{}
	mediaSeq  uint64
	requests  map[string]int // requests received per endpoint

	deleted             map[string]deletedPost // posts deleted by their authors
	jobs                map[string]*simJob     // compliance jobs
	complianceForbidden bool
	records             map[string][]xapi.ComplianceRecord // compliance data besides deletions, every record of a post (compliance_events.go)
	userState           map[string]string                  // author id → suspended, protected or deactivated
	failJobs            int                                // the next compliance jobs to end as failAs
	failAs              string
	readLag             time.Duration
	visibleAt           map[string]time.Time // posts kept out of reads until then (readlag.go)
	served              int                  // posts sent in answers and on the stream
}

// New returns a server with its account created.
func New(o Options) *Server {
	if o.Account == "" {
		o.Account = "Uppolice"
	}
	if o.MentionsReach <= 0 {
		o.MentionsReach = 800
	}
	if o.KeepAlive <= 0 {
		o.KeepAlive = 20 * time.Second
	}
	s := &Server{
		opts:      o,
		now:       o.Now,
		log:       o.Logger,
		users:     map[string]*xapi.User{},
		usernames: map[string]string{},
		posts:     map[string]*xapi.Tweet{},
		mentions:  map[string][]string{},
		byAuthor:  map[string][]string{},
		replies:   map[string][]string{},
		places:    map[string]*xapi.Place{},
		media:     map[string]*xapi.Media{},
		streams:   map[*streamConn]struct{}{},
		requests:  map[string]int{},
		deleted:   map[string]deletedPost{},
		jobs:      map[string]*simJob{},
		records:   map[string][]xapi.ComplianceRecord{},
		userState: map[string]string{},
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.limiter = newLimiter(o.Limits)
	s.account = s.userLocked(o.Account, accountName(o.Account), "Lucknow, Uttar Pradesh")
	s.extra = map[string]*xapi.User{}
	for _, name := range o.ExtraAccounts {
		if name = strings.TrimPrefix(strings.TrimSpace(name), "@"); validUsername(name) {
			s.extra[strings.ToLower(name)] = s.userLocked(name, name, "Uttar Pradesh")
		}
	}
	s.routes()
	return s
}

func accountName(username string) string {
	if strings.EqualFold(username, "Uppolice") {
		return "UP POLICE"
	}
	return username
}

// Account returns the desk's account.
func (s *Server) Account() xapi.User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return *s.account
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// ListenAndServe serves on addr until ctx is done. ready, when not nil, is
// called with the address actually listened on (useful with port 0).
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		s.closeStreams()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := srv.Shutdown(sctx)
		if errors.Is(err, context.DeadlineExceeded) {
			err = srv.Close()
		}
		return err
	}
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /2/users/{id}/mentions", s.api(xapi.EndpointMentions, authAny, s.getMentions))
	m.HandleFunc("GET /2/users/{id}/tweets", s.api(xapi.EndpointUserTweets, authAny, s.getUserTweets))
	m.HandleFunc("GET /2/tweets/search/recent", s.api(xapi.EndpointSearchRecent, authAny, s.getSearchRecent))
	m.HandleFunc("GET /2/users/by/username/{username}", s.api(xapi.EndpointUserByUsername, authAny, s.getUserByUsername))
	m.HandleFunc("GET /2/users/me", s.api(xapi.EndpointMe, authUser, s.getMe))
	m.HandleFunc("POST /2/tweets", s.api(xapi.EndpointCreatePost, authUser, s.postTweet))
	m.HandleFunc("GET /2/tweets/search/stream/rules", s.api(xapi.EndpointStreamRules, authApp, s.getRules))
	m.HandleFunc("POST /2/tweets/search/stream/rules", s.api(xapi.EndpointStreamRulesChange, authApp, s.postRules))
	m.HandleFunc("GET /2/tweets/search/stream", s.handleStream)
	m.HandleFunc("POST /_sim/mentions", s.simMention)
	m.HandleFunc("GET /_sim/posts", s.simPosts)
	m.HandleFunc("DELETE /_sim/posts/{id}", s.simDeletePost)
	m.HandleFunc("GET /2/tweets", s.api(xapi.EndpointLookupPosts, authAny, s.getTweets))
	m.HandleFunc("POST /2/compliance/jobs", s.api(xapi.EndpointComplianceCreate, authApp, s.postComplianceJob))
	m.HandleFunc("GET /2/compliance/jobs", s.api(xapi.EndpointComplianceList, authApp, s.getComplianceJobs))
	m.HandleFunc("GET /2/compliance/jobs/{id}", s.api(xapi.EndpointComplianceJob, authApp, s.getComplianceJob))
	m.HandleFunc("PUT /_sim/compliance/upload/{id}", s.simUpload)
	m.HandleFunc("GET /_sim/compliance/download/{id}", s.simDownload)
	m.HandleFunc("POST /_sim/compliance", s.simCompliance)
	m.HandleFunc("POST /_sim/faults", s.simFaults)
	m.HandleFunc("GET /_sim/faults", s.simListFaults)
	m.HandleFunc("DELETE /_sim/faults", s.simClearFaults)
	m.HandleFunc("POST /_sim/limits", s.simSetLimits)
	m.HandleFunc("GET /_sim/limits", s.simListLimits)
	m.HandleFunc("DELETE /_sim/limits", s.simResetLimits)
	m.HandleFunc("POST /_sim/read_lag", s.simSetReadLag)
	m.HandleFunc("GET /_sim/read_lag", s.simGetReadLag)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, http.StatusNotFound, problem("about:blank", "Not Found", "No such endpoint: "+r.Method+" "+r.URL.Path))
	})
	s.mux = m
}

// newIDLocked returns a new post id: a snowflake of the clock, always
// larger than the last one.
func (s *Server) newIDLocked() string {
	const twepoch = 1288834974657
	ms := uint64(max(s.now().UnixMilli()-twepoch, 1))
	id := ms << 22
	if id <= s.lastID {
		id = s.lastID + 1
	}
	s.lastID = id
	return strconv.FormatUint(id, 10)
}

// userLocked finds a user by username or creates it.
func (s *Server) userLocked(username, name, location string) *xapi.User {
	if id, ok := s.usernames[strings.ToLower(username)]; ok {
		u := s.users[id]
		if location != "" && u.Location == "" {
			u.Location = location
		}
		return u
	}
	if name == "" {
		name = username
	}
	u := &xapi.User{ID: s.newIDLocked(), Username: username, Name: name, Location: location}
	s.users[u.ID] = u
	s.usernames[strings.ToLower(username)] = u.ID
	return u
}

// idLess compares two post ids numerically.
func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// Problem bodies, as X sends them (application/problem+json).

type problemBody struct {
	xapi.Problem
	Errors []paramError `json:"errors,omitempty"`
}

type paramError struct {
	Message    string              `json:"message"`
	Parameters map[string][]string `json:"parameters"`
}

func problem(typ, title, detail string) problemBody {
	if !strings.Contains(typ, ":") {
		typ = "https://api.twitter.com/2/problems/" + typ
	}
	return problemBody{Problem: xapi.Problem{Type: typ, Title: title, Detail: detail}}
}

func invalidParam(param, value, msg string) problemBody {
	p := problem("invalid-request", "Invalid Request", "One or more parameters to your request was invalid.")
	p.Errors = []paramError{{Message: msg, Parameters: map[string][]string{param: {value}}}}
	return p
}

func writeProblem(w http.ResponseWriter, status int, p problemBody) {
	p.Status = status
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(p)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
