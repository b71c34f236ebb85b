package api

import (
	"net/http"

	"github.com/shikayat/shikayat"
)

// EscalationList is the answer of GET /api/v1/escalations.
type EscalationList struct {
	Data []*shikayat.Complaint `json:"data"`
}

// ListEscalations serves GET /api/v1/escalations: the overdue complaints
// escalated to a unit in the user's scope (its escalation queue), longest
// overdue first. They stay owned by the unit below until someone re-routes
// or acts on them.
func (h *Handler) ListEscalations(w http.ResponseWriter, r *http.Request) {
	s := h.staff(w, r)
	if s == nil {
		return
	}
	cs, err := h.Store.ListEscalated(r.Context(), s.Scope)
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	if cs == nil {
		cs = []*shikayat.Complaint{}
	}
	WriteJSON(w, http.StatusOK, EscalationList{Data: cs})
}
