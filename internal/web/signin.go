package web

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
)

// Accounts is what sign-in middleware reads: sessions, tokens and units.
type Accounts interface {
	SessionUser(ctx context.Context, idHash string, idle time.Duration) (*shikayat.User, error)
	UserByToken(ctx context.Context, hash string) (*shikayat.User, error)
	FindUnit(ctx context.Context, id string) (*shikayat.Unit, error)
}

// Signin configures how requests sign in.
type Signin struct {
	Accounts Accounts
	Sessions auth.Sessions
	// Origins are trusted for state-changing requests besides the request's
	// own host (the --base-url's origin, behind a proxy).
	Origins []string
}

// Mount registers the route table: every route behind cross-origin
// protection (a state-changing request from another site is refused), and
// Staff routes behind sign-in, which puts the member of staff and its scope
// in the request context.
func (s *Server) Mount(routes []Route, in Signin) error {
	cop := http.NewCrossOriginProtection()
	for _, o := range in.Origins {
		if err := cop.AddTrustedOrigin(o); err != nil {
			return err
		}
	}
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Logger.WarnContext(r.Context(), "cross-origin request refused", slog.String("path", r.URL.Path),
			slog.String("origin", r.Header.Get("Origin")), slog.String("request_id", RequestID(r.Context())))
		s.Error(w, r, shikayat.Errorf(shikayat.EFORBIDDEN, "Cross-origin request refused."))
	}))
	for _, rt := range routes {
		var h http.Handler = rt.Handler
		switch rt.Access {
		case HQ:
			h = s.signedIn(in, rt.API, s.hqOnly(h))
		case Staff:
			h = s.signedIn(in, rt.API, h)
		default:
			h = s.maybeSignedIn(in, h)
		}
		s.Handle(rt.Pattern, cop.Handler(h))
	}
	return nil
}

// signedIn lets only a signed-in member of staff through.
func (s *Server) signedIn(in Signin, isAPI bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		staff, err := s.staffOf(r, in)
		if err == nil && staff == nil {
			err = shikayat.Errorf(shikayat.EUNAUTHORIZED, "Sign in, or send a bearer token.")
		}
		if err != nil {
			if !isAPI && shikayat.ErrorCode(err) == shikayat.EUNAUTHORIZED {
				http.Redirect(w, r, "/login", http.StatusSeeOther)
				return
			}
			s.Error(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(shikayat.NewContextWithStaff(r.Context(), staff)))
	})
}

// hqOnly lets through only staff whose scope is the whole state.
func (s *Server) hqOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if st := shikayat.StaffFromContext(r.Context()); st == nil || !st.Scope.All() {
			s.Error(w, r, shikayat.Errorf(shikayat.EFORBIDDEN, "Only HQ staff may do this."))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// maybeSignedIn passes the member of staff on when the request carries a
// live session (sign-out wants to know who), and lets every request through.
func (s *Server) maybeSignedIn(in Signin, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie(auth.SessionCookie); err == nil {
			if staff, err := s.staffOf(r, in); err == nil && staff != nil {
				r = r.WithContext(shikayat.NewContextWithStaff(r.Context(), staff))
			}
		}
		next.ServeHTTP(w, r)
	})
}

// staffOf finds who a request acts for: the user of a bearer token, else of
// the session cookie; nil when neither is present. A token or session that
// does not work is EUNAUTHORIZED; a user whose scope sees nothing,
// EFORBIDDEN.
func (s *Server) staffOf(r *http.Request, in Signin) (*shikayat.Staff, error) {
	ctx := r.Context()
	var u *shikayat.User
	var err error
	via := ""
	if h := r.Header.Get("Authorization"); h != "" {
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || strings.TrimSpace(token) == "" {
			return nil, shikayat.Errorf(shikayat.EUNAUTHORIZED, "Authorization must be Bearer TOKEN.")
		}
		u, err = in.Accounts.UserByToken(ctx, auth.TokenHash(strings.TrimSpace(token)))
		via = "token"
	} else if c, cerr := r.Cookie(auth.SessionCookie); cerr == nil && c.Value != "" {
		u, err = in.Accounts.SessionUser(ctx, auth.TokenHash(c.Value), in.Sessions.Idle)
		via = "session"
	} else {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	unit, err := in.Accounts.FindUnit(ctx, u.UnitID)
	if err != nil {
		return nil, err
	}
	staff := &shikayat.Staff{User: u, Unit: unit, Scope: shikayat.ScopeOf(u, unit), Via: via}
	if staff.Scope.IsZero() {
		return nil, shikayat.ErrNoScope()
	}
	return staff, nil
}

// StaffUnitPath returns the unit path of the member of staff a request acts
// for, for the live alerts stream: its own unit's alerts and those of the
// units below reach it.
func StaffUnitPath(r *http.Request) (string, bool) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil || s.Unit == nil {
		return "", false
	}
	return s.Unit.Path, true
}

// StillSignedIn returns a check that a request's session or token still
// works, for streams that outlive the moment they were opened.
func (s *Server) StillSignedIn(in Signin) func(r *http.Request) bool {
	return func(r *http.Request) bool {
		staff, err := s.staffOf(r, in)
		return err == nil && staff != nil
	}
}
