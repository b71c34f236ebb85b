package api

import (
	"net/http"
)

// ShowComplaint serves GET /api/v1/complaints/{code}: the complaint with its
// events. One outside the user's scope is not found.
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
	WriteJSON(w, http.StatusOK, c)
}
