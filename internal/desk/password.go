package desk

import (
	"log/slog"
	"net/http"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
	"github.com/shikayat/shikayat/internal/auth"
)

// ChangePassword serves POST /desk/password (current, new): the password
// changes and every other session of the user ends.
func (h *Handler) ChangePassword(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	s := shikayat.StaffFromContext(ctx)
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		h.problem(w, r, shikayat.Errorf(shikayat.EINVALID, "The form could not be read."))
		return
	}
	page, err := h.inboxPage(w, r, s)
	if err != nil {
		h.problem(w, r, err)
		return
	}
	// Guessing the current password here counts as failed sign-ins do,
	// under the same lock-out (a stolen session cannot guess freely).
	addr := h.clientAddr(r)
	if err := h.Store.RecordLoginFailure(ctx, s.User.Username, addr); err != nil {
		h.problem(w, r, err)
		return
	}
	byAccount, byAddress, err := h.Store.LoginFailures(ctx, s.User.Username, addr, h.Throttle.Window)
	if err != nil {
		h.problem(w, r, err)
		return
	}
	if h.Throttle.Refuses(byAccount-1, byAddress-1) {
		h.Logger.WarnContext(ctx, "password change refused: locked out", slog.String("username", s.User.Username))
		api.SetRetryAfter(w, &shikayat.Error{Code: shikayat.ETOOMANY, RetryAfter: h.Throttle.Window})
		page.Error = "login_locked"
		h.render(w, r, http.StatusTooManyRequests, "inbox", page)
		return
	}
	_, hash, err := h.Store.FindUserByUsername(ctx, s.User.Username)
	if err != nil {
		h.problem(w, r, err)
		return
	}
	if !auth.CheckUserPassword(hash, r.PostForm.Get("current")) {
		h.Logger.WarnContext(ctx, "password change refused: wrong current password", slog.String("username", s.User.Username))
		page.Error = "password_wrong"
		h.render(w, r, http.StatusBadRequest, "inbox", page)
		return
	}
	// The right current password forgives the attempt counted above.
	if err := h.Store.ClearLoginFailures(ctx, s.User.Username); err != nil {
		h.problem(w, r, err)
		return
	}
	newHash, err := auth.HashPassword(r.PostForm.Get("new"))
	if err != nil {
		page.Error = "password_rules"
		h.render(w, r, http.StatusBadRequest, "inbox", page)
		return
	}
	keep := ""
	if c, err := r.Cookie(auth.SessionCookie); err == nil && s.Via == "session" {
		keep = auth.TokenHash(c.Value)
	}
	if err := h.Store.SetPassword(ctx, s.User.Username, newHash, keep); err != nil {
		h.problem(w, r, err)
		return
	}
	h.Logger.InfoContext(ctx, "password changed", slog.String("username", s.User.Username))
	http.Redirect(w, r, "/desk/?changed=1", http.StatusSeeOther)
}
