package xapi

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// RateLimit is what X's x-rate-limit-* headers said about an endpoint.
type RateLimit struct {
	Limit     int
	Remaining int
	Reset     time.Time // when the window restarts
}

// parseRateLimit reads the x-rate-limit-* headers; ok is false without them.
func parseRateLimit(h http.Header) (RateLimit, bool) {
	limit, err1 := strconv.Atoi(h.Get("x-rate-limit-limit"))
	remaining, err2 := strconv.Atoi(h.Get("x-rate-limit-remaining"))
	reset, err3 := strconv.ParseInt(h.Get("x-rate-limit-reset"), 10, 64)
	if err1 != nil && err2 != nil && err3 != nil {
		return RateLimit{}, false
	}
	rl := RateLimit{Limit: limit, Remaining: remaining}
	if err3 == nil {
		rl.Reset = time.Unix(reset, 0).UTC()
	}
	return rl, true
}

// APIError is a request X answered with an error status, or with only
// errors and no data. Problems holds X's error objects when it sent any.
type APIError struct {
	Endpoint string // e.g. "GET /2/users/:id/mentions"
	Status   int
	Problems []Problem
	Body     string // the start of a body that was not X's error JSON
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "x: %s: ", e.Endpoint)
	if e.Status != 0 {
		fmt.Fprintf(&b, "%d %s", e.Status, http.StatusText(e.Status))
	}
	for i, p := range e.Problems {
		if i == 0 && e.Status != 0 {
			b.WriteString(": ")
		} else if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	if len(e.Problems) == 0 && e.Body != "" {
		fmt.Fprintf(&b, ": %q", e.Body)
	}
	return b.String()
}

// Unwrap gives the domain error for the status, so shikayat.ErrorCode works
// on X's answers: 400 is invalid, 401 unauthorized, 403 forbidden, 404 (or
// a "not found" problem) not_found, 409 conflict, anything else internal.
func (e *APIError) Unwrap() error {
	code := shikayat.EINTERNAL
	switch {
	case e.Status == http.StatusBadRequest:
		code = shikayat.EINVALID
	case e.Status == http.StatusUnauthorized:
		code = shikayat.EUNAUTHORIZED
	case e.Status == http.StatusForbidden:
		code = shikayat.EFORBIDDEN
	case e.Status == http.StatusNotFound || e.notFound():
		code = shikayat.ENOTFOUND
	case e.Status == http.StatusConflict:
		code = shikayat.ECONFLICT
	}
	msg := "X refused the request"
	if len(e.Problems) > 0 {
		msg = "X: " + e.Problems[0].String()
	}
	return &shikayat.Error{Code: code, Message: msg}
}

func (e *APIError) notFound() bool {
	for _, p := range e.Problems {
		if strings.HasSuffix(p.Type, "/resource-not-found") {
			return true
		}
	}
	return false
}

// RateLimitError is X's 429: the endpoint's window is used up until Reset.
type RateLimitError struct {
	Endpoint string
	Reset    time.Time // zero when X did not say
	Limit    RateLimit
	Problems []Problem
}

func (e *RateLimitError) Error() string {
	if e.Reset.IsZero() {
		return fmt.Sprintf("x: %s: 429 rate limited", e.Endpoint)
	}
	return fmt.Sprintf("x: %s: 429 rate limited until %s", e.Endpoint, e.Reset.Format(time.RFC3339))
}

// PartialError lists the problems X reported beside the data of a
// successful answer (e.g. a referenced post that was deleted).
type PartialError struct {
	Endpoint string
	Problems []Problem
}

func (e *PartialError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return fmt.Sprintf("x: %s: %d partial errors: %s", e.Endpoint, len(e.Problems), strings.Join(parts, "; "))
}

// Err returns the page's partial errors as a *PartialError, or nil.
func (p *Page) Err() error {
	if p == nil || len(p.Errors) == 0 {
		return nil
	}
	return &PartialError{Problems: p.Errors}
}

// UncertainError wraps a failure after which the request may or may not have
// taken effect: the request was sent, but no answer (or a server error) came
// back. A post may exist on X although CreateReply failed with it.
type UncertainError struct {
	Err error
}

func (e *UncertainError) Error() string { return "x: outcome unknown: " + e.Err.Error() }
func (e *UncertainError) Unwrap() error { return e.Err }

// IsUncertain reports whether err leaves it open whether X carried out the
// request (see UncertainError). Errors with a 4xx answer are certain: X did
// not carry it out.
func IsUncertain(err error) bool {
	var u *UncertainError
	return errors.As(err, &u)
}

// IsRateLimited reports whether err is a 429 and returns when to retry.
func IsRateLimited(err error) (time.Time, bool) {
	var r *RateLimitError
	if errors.As(err, &r) {
		return r.Reset, true
	}
	return time.Time{}, false
}
