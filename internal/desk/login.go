package desk

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
	"github.com/shikayat/shikayat/internal/auth"
)

// loginPage is the sign-in form.
type loginPage struct {
	Page
	Username string
}

// LoginForm serves GET /login.
func (h *Handler) LoginForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "login", &loginPage{Page: Page{Lang: pageLang(w, r), Path: "/login"}})
}

// maxFormBody bounds the forms of the desk.
const maxFormBody = 16 << 10

// Login serves POST /login (form fields username, password): 303 to /desk/
// with a new session cookie, 401 with the form on failure, 429 while the
// account or the address is locked out. Every sign-in and failure is logged,
// never the password.
func (h *Handler) Login(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	page := &loginPage{Page: Page{Lang: pageLang(w, r), Path: "/login"}}
	if err := r.ParseForm(); err != nil {
		h.problem(w, r, shikayat.Errorf(shikayat.EINVALID, "The form could not be read."))
		return
	}
	username := strings.TrimSpace(r.PostForm.Get("username"))
	password := r.PostForm.Get("password")
	if len(username) > 100 {
		username = username[:100]
	}
	page.Username = username
	addr := h.clientAddr(r)
	log := h.Logger.With(slog.String("username", username), slog.String("address", addr))
	if username == "" || password == "" {
		// Not an attempt: nothing to count.
		page.Error = "login_failed"
		h.render(w, r, http.StatusUnauthorized, "login", page)
		return
	}
	// The attempt is counted as a failure before the password is checked
	// (and forgiven when it succeeds): guesses sent all at once cannot
	// slip past the count while bcrypt works.
	if err := h.Store.RecordLoginFailure(ctx, username, addr); err != nil {
		h.problem(w, r, err)
		return
	}
	byAccount, byAddress, err := h.Store.LoginFailures(ctx, username, addr, h.Throttle.Window)
	if err != nil {
		h.problem(w, r, err)
		return
	}
	if h.Throttle.Refuses(byAccount-1, byAddress-1) {
		log.WarnContext(ctx, "sign-in refused: locked out", slog.Int("failures_account", byAccount-1), slog.Int("failures_address", byAddress-1))
		api.SetRetryAfter(w, &shikayat.Error{Code: shikayat.ETOOMANY, RetryAfter: h.Throttle.Window})
		page.Error = "login_locked"
		h.render(w, r, http.StatusTooManyRequests, "login", page)
		return
	}
	u, hash, err := h.Store.FindUserByUsername(ctx, username)
	if err != nil && shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
		h.problem(w, r, err)
		return
	}
	ok := auth.CheckUserPassword(hash, password)
	reason := ""
	switch {
	case u == nil:
		reason = "no such user"
	case !ok:
		reason = "wrong password"
	case u.Disabled:
		reason = "user disabled"
	}
	if reason != "" {
		log.WarnContext(ctx, "sign-in failed", slog.String("reason", reason))
		page.Error = "login_failed"
		h.render(w, r, http.StatusUnauthorized, "login", page)
		return
	}
	// A new session id at every sign-in; the one the browser held ends.
	if c, err := r.Cookie(auth.SessionCookie); err == nil {
		h.Store.DeleteSession(ctx, auth.TokenHash(c.Value))
	}
	id, idHash, err := auth.NewSessionID()
	if err != nil {
		h.problem(w, r, err)
		return
	}
	if _, err := h.Store.CreateSession(ctx, idHash, u.ID, addr, h.Sessions.MaxAge); err != nil {
		h.problem(w, r, err)
		return
	}
	if err := h.Store.ClearLoginFailures(ctx, username); err != nil {
		log.WarnContext(ctx, "clear sign-in failures", slog.Any("error", err))
	}
	h.setSessionCookie(w, id)
	log.InfoContext(ctx, "signed in", slog.String("role", string(u.Role)), slog.String("unit", u.UnitID))
	http.Redirect(w, r, "/desk/", http.StatusSeeOther)
}

// Logout serves POST /logout: the session ends, the cookie goes.
func (h *Handler) Logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(auth.SessionCookie); err == nil {
		if err := h.Store.DeleteSession(r.Context(), auth.TokenHash(c.Value)); err != nil {
			h.problem(w, r, err)
			return
		}
		if s := shikayat.StaffFromContext(r.Context()); s != nil {
			h.Logger.InfoContext(r.Context(), "signed out", slog.String("username", s.User.Username))
		}
	}
	h.setSessionCookie(w, "")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// setSessionCookie sets the session cookie, or removes it when id is "".
func (h *Handler) setSessionCookie(w http.ResponseWriter, id string) {
	c := &http.Cookie{
		Name: auth.SessionCookie, Value: id, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.Secure,
		MaxAge: int(h.Sessions.MaxAge.Seconds()),
	}
	if id == "" {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// clientAddr is the address a request came from, for throttling and logs:
// the peer's, or the client a trusted proxy names (Handler.Clients).
func (h *Handler) clientAddr(r *http.Request) string {
	return h.Clients.Addr(r)
}
