package api

import (
	"net/http"
)

// ShowComplaint serves GET /api/v1/complaints/{code}: the complaint with its
// events. One outside the user's scope is not found. A read of a sensitive
// complaint is recorded in its trail (an internal "viewed" event) before the
// complaint is served; if it cannot be recorded, it is not served.
func (h *Handler) ShowComplaint(w http.ResponseWriter, r *http.Request) {
	s := h.staff(w, r)
	if s == nil {
		return
	}
	c, err := h.Store.FindComplaint(r.Context(), r.PathValue("code"), s.Scope)
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	if c.Sensitive {
		if err := h.Store.RecordView(r.Context(), c.Code, s.Actor()); err != nil {
			WriteError(w, r, h.Logger, err)
			return
		}
	}
	WriteJSON(w, http.StatusOK, c)
}
