package xapi

import (
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/shikayat/shikayat"
)

// standing is what X's last answer said of the desk's credentials of one
// kind (the bearer token that reads, or the OAuth 1.0a keys that post):
// nil while X answers, an error while it refuses them or cannot be reached.
type standing struct {
	app, user error
	// owner is set while X says the user token belongs to another account
	// than the one the client is for (SetTokenOwner).
	owner error
	// unconfirmed is set until X says the user token is the account's
	// (Options.Owner, SetTokenOwner): the client posts nothing meanwhile.
	unconfirmed error
}

// Health reports the desk's standing with X from the answers to its own
// requests (it sends none of its own): nil when the last request made with
// each kind of credentials was answered, or none was made yet; otherwise an
// error whose domain message is short enough for a status page (the
// detail is in the error's text). X refusing the credentials, failing or
// out of reach does not stop the desk serving its staff.
func (c *Client) Health() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.standing.owner != nil {
		return c.standing.owner
	}
	if c.standing.app != nil {
		return c.standing.app
	}
	if c.standing.user != nil {
		return c.standing.user
	}
	return c.standing.unconfirmed
}

// SetTokenOwner records whose X says the client's user token is (GET
// /2/users/me, asked with it): while owner is not account, the client
// makes no request with the token but that question, answering each as X
// answers credentials it refuses (401), so that nothing is read or posted
// as one account through another's token; Health and WrongOwner say why.
// An empty owner (X did not say) changes nothing.
func (c *Client) SetTokenOwner(account, owner string) {
	if owner == "" {
		return
	}
	var s error
	if !strings.EqualFold(strings.TrimPrefix(account, "@"), strings.TrimPrefix(owner, "@")) {
		s = shikayat.Errorf(shikayat.EUNAUTHORIZED, "the access token is @%s's, not @%s's", strings.TrimPrefix(owner, "@"), strings.TrimPrefix(account, "@"))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.standing.owner = s
	c.standing.unconfirmed = nil
}

// WrongOwner is nil unless X said the user token belongs to another
// account (SetTokenOwner), or the client is for an account (Options.Owner)
// and X has not yet said the token is that account's.
func (c *Client) WrongOwner() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.standing.owner != nil {
		return c.standing.owner
	}
	return c.standing.unconfirmed
}

// Unconfirmed reports whether the client is for an account
// (Options.Owner) and X has not yet said whose its user token is: then
// WrongOwner's error is "not yet confirmed", not "another's".
func (c *Client) Unconfirmed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.standing.owner == nil && c.standing.unconfirmed != nil
}

// ownerError is why a request r may not be made with the user token: a
// token of another account makes none but GET /2/users/me, a token not
// yet confirmed posts nothing (reads with it are harmless).
func (c *Client) ownerError(r request) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.standing.owner != nil {
		return c.standing.owner
	}
	if r.method != http.MethodGet {
		return c.standing.unconfirmed
	}
	return nil
}

// refusedOwner is the answer to a request made with a token that belongs
// to another account: a 401 that never reached X.
func (c *Client) refusedOwner(r request) error {
	if !r.user || r.endpoint == EndpointMe {
		return nil
	}
	err := c.ownerError(r)
	if err == nil {
		return nil
	}
	return &APIError{Endpoint: r.endpoint, Status: http.StatusUnauthorized, Body: "not sent: " + shikayat.ErrorMessage(err)}
}

// noteAnswer records how X answered r: status 0 and the error when it did
// not answer at all.
func (c *Client) noteAnswer(r request, status int, err error) {
	creds := "reading (bearer token)"
	if r.user {
		creds = "posting (OAuth 1.0a)"
	}
	var s error
	switch {
	case status == http.StatusUnauthorized:
		s = fmt.Errorf("x: %s: 401: %w", r.endpoint, shikayat.Errorf(shikayat.EUNAUTHORIZED, "X refuses the %s credentials", creds))
	case status >= 500:
		s = fmt.Errorf("x: %s: %d: %w", r.endpoint, status, shikayat.Errorf(shikayat.EINTERNAL, "X is failing (status %d)", status))
	case status == 0:
		s = fmt.Errorf("%v: %w", err, shikayat.Errorf(shikayat.EINTERNAL, "X cannot be reached"))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if r.user {
		c.standing.user = s
	} else {
		c.standing.app = s
	}
}

// StandingChanges remembers, per account, the last standing of its token
// that was logged, so that a caller logs a standing once per change
// rather than at every check or reply. The zero value is ready to use and
// safe for concurrent use.
type StandingChanges struct {
	mu   sync.Mutex
	last map[string]string
}

// Changed records standing ("" for confirmed) as account's and reports
// whether it differs from the one recorded before. A first standing of ""
// (confirmed at once) is not a change.
func (s *StandingChanges) Changed(account, standing string) bool {
	key := strings.ToLower(account)
	s.mu.Lock()
	defer s.mu.Unlock()
	last, seen := s.last[key]
	if s.last == nil {
		s.last = map[string]string{}
	}
	s.last[key] = standing
	return last != standing && (seen || standing != "")
}
