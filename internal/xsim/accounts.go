package xsim

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/shikayat/shikayat/internal/xapi"
)

// oauthToken returns the oauth_token of a request's OAuth 1.0a header, or
// "" when it has none.
func oauthToken(r *http.Request) string {
	h, ok := strings.CutPrefix(r.Header.Get("Authorization"), "OAuth ")
	if !ok {
		return ""
	}
	for _, part := range strings.Split(h, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || k != "oauth_token" {
			continue
		}
		v, err := url.PathUnescape(strings.Trim(v, `"`))
		if err != nil {
			return ""
		}
		return v
	}
	return ""
}

// actorLocked is the account a request acts as: the extra account its
// OAuth access token names, else the desk's account.
func (s *Server) actorLocked(r *http.Request) *xapi.User {
	if u, ok := s.extra[strings.ToLower(oauthToken(r))]; ok {
		return u
	}
	return s.account
}

// limitKey is the rate-limit window a request counts against: an extra
// account's own (X limits per user), or the endpoint's (the app's, and the
// desk's account's).
func (s *Server) limitKey(r *http.Request, endpoint string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.extra[strings.ToLower(oauthToken(r))]; ok {
		return endpoint + "@" + strings.ToLower(u.Username)
	}
	return endpoint
}

// ExtraAccountPosts returns every post of the extra account @username,
// oldest first.
func (s *Server) ExtraAccountPosts(username string) []xapi.Tweet {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []xapi.Tweet{}
	if u, ok := s.extra[strings.ToLower(username)]; ok {
		for _, id := range s.byAuthor[u.ID] {
			out = append(out, *s.posts[id])
		}
	}
	return out
}

// ExtraAccounts returns the extra accounts' usernames, in the order given.
func (s *Server) ExtraAccounts() []string {
	var out []string
	for _, name := range s.opts.ExtraAccounts {
		name = strings.TrimPrefix(strings.TrimSpace(name), "@")
		if _, ok := s.extra[strings.ToLower(name)]; ok && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
