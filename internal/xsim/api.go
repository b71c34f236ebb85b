package xsim

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

type authKind int

const (
	authAny  authKind = iota // bearer token or OAuth 1.0a
	authApp                  // bearer token only
	authUser                 // OAuth 1.0a only
)

// apiFunc answers one API request with a status and a body; a status of
// 400 or more expects a problemBody.
type apiFunc func(r *http.Request, f *Fault) (int, any)

// api wraps an endpoint with X's authentication, rate limits and the
// faults set through the control API.
func (s *Server) api(endpoint string, auth authKind, f apiFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.countRequest(endpoint)
		if p, ok := s.authenticate(r, auth); !ok {
			writeProblem(w, http.StatusUnauthorized, p)
			return
		}
		key := s.limitKey(r, endpoint)
		if !s.rateLimit(w, key) {
			return
		}
		fault := s.takeFault(endpoint)
		if fault != nil {
			s.log.Info("xsim: fault", "endpoint", endpoint, "kind", fault.Kind)
			switch fault.Kind {
			case Fault429:
				s.writeFault429(w, key, fault)
				return
			case Fault5xx, FaultStatus:
				writeProblem(w, fault.Status, problem("about:blank", http.StatusText(fault.Status), "Simulated server error."))
				return
			case FaultSlow:
				t := time.NewTimer(time.Duration(fault.DelayMS) * time.Millisecond)
				select {
				case <-r.Context().Done():
					t.Stop()
					return
				case <-t.C:
				}
			case FaultDrop:
				panic(http.ErrAbortHandler) // closes the connection without an answer
			}
		}
		status, body := f(r, fault)
		if fault != nil && fault.Kind == FaultAcceptedDropped && status < 300 {
			panic(http.ErrAbortHandler) // the request took effect; the answer is lost
		}
		if status >= 400 {
			p, _ := body.(problemBody)
			writeProblem(w, status, p)
			return
		}
		if fault != nil && fault.Kind == FaultMalformed {
			data, _ := json.Marshal(body)
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(status)
			_, _ = w.Write(data[:len(data)/2])
			return
		}
		writeJSON(w, status, body)
	}
}

func (s *Server) authenticate(r *http.Request, kind authKind) (problemBody, bool) {
	h := r.Header.Get("Authorization")
	unauthorized := problem("about:blank", "Unauthorized", "Unauthorized")
	switch {
	case h == "Bearer" || strings.HasPrefix(h, "Bearer "): // an empty token arrives as "Bearer"
		if kind == authUser {
			return problem("unsupported-authentication", "Unsupported Authentication",
				"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context]."), false
		}
		if s.opts.BearerToken != "" && strings.TrimSpace(strings.TrimPrefix(h, "Bearer")) != s.opts.BearerToken {
			return unauthorized, false
		}
		return problemBody{}, true
	case strings.HasPrefix(h, "OAuth "):
		if kind == authApp {
			return problem("unsupported-authentication", "Unsupported Authentication",
				"Authenticating with OAuth 1.0a User Context is forbidden for this endpoint.  Supported authentication types are [OAuth 2.0 Application-Only]."), false
		}
		if s.opts.ConsumerSecret != "" && s.opts.AccessSecret != "" {
			base := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path}
			if r.TLS != nil {
				base.Scheme = "https"
			}
			if !xapi.VerifyOAuth1(s.opts.ConsumerSecret, s.opts.AccessSecret, r.Method, base.String(), r.URL.Query(), h) {
				return unauthorized, false
			}
		}
		return problemBody{}, true
	}
	return unauthorized, false
}

// rateLimit counts the request against its window (key: the endpoint, or
// the endpoint and an extra account), sets X's x-rate-limit-* headers, and
// answers 429 when the window is used up.
func (s *Server) rateLimit(w http.ResponseWriter, key string) bool {
	st, ok := s.limiter.take(key, s.now())
	setRateHeaders(w, st)
	if !ok {
		writeProblem(w, http.StatusTooManyRequests, problem("about:blank", "Too Many Requests", "Too Many Requests"))
		return false
	}
	return true
}

func setRateHeaders(w http.ResponseWriter, st limitState) {
	w.Header().Set("x-rate-limit-limit", strconv.Itoa(st.limit))
	w.Header().Set("x-rate-limit-remaining", strconv.Itoa(st.remaining))
	w.Header().Set("x-rate-limit-reset", strconv.FormatInt(st.reset.Unix(), 10))
}

func (s *Server) writeFault429(w http.ResponseWriter, key string, f *Fault) {
	reset := s.now().Add(time.Duration(f.ResetSeconds) * time.Second)
	st := s.limiter.exhaust(key, reset)
	setRateHeaders(w, st)
	writeProblem(w, http.StatusTooManyRequests, problem("about:blank", "Too Many Requests", "Too Many Requests"))
}
