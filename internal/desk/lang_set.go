package desk

import (
	"net/http"

	"github.com/shikayat/shikayat"
)

// SetLang serves POST /desk/lang: lang=hi|en becomes the signed-in user's
// language, stored with the user and in a cookie for the sign-in page, and
// the browser goes back to the page it came from (back=).
func (h *Handler) SetLang(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		h.problem(w, r, shikayat.Errorf(shikayat.EINVALID, "The form could not be read."))
		return
	}
	l := Lang(r.PostForm.Get("lang"))
	if err := h.Store.SetUserLang(r.Context(), s.User.ID, string(l)); err != nil {
		h.problem(w, r, err)
		return
	}
	setLangCookie(w, l)
	http.Redirect(w, r, localPath(r.PostForm.Get("back")), http.StatusSeeOther)
}
