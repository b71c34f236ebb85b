package desk

import (
	"net/http"

	"github.com/shikayat/shikayat"
)

// homePage is the desk's first page: who is signed in, the complaints of its
// unit's subtree by stage, and the latest of them.
type homePage struct {
	Page
	Counts     []stageCount
	Total      int
	Overdue    int // of Total, past their deadline on the unit's clock
	Complaints []*shikayat.Complaint
}

type stageCount struct {
	Stage   shikayat.Stage
	Count   int
	Overdue int
}

// Home serves GET /desk/.
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	page, err := h.homePage(w, r, s)
	if err != nil {
		h.problem(w, r, err)
		return
	}
	if r.URL.Query().Get("changed") == "1" {
		page.Notice = "password_changed"
	}
	h.render(w, r, http.StatusOK, "home", page)
}

func (h *Handler) homePage(w http.ResponseWriter, r *http.Request, s *shikayat.Staff) (*homePage, error) {
	page := &homePage{Page: Page{Lang: pageLang(w, r), Staff: s, Path: "/desk/"}}
	counts, err := h.Store.CountByDistrictStage(r.Context(), s.Scope)
	if err != nil {
		return nil, err
	}
	by, late := map[shikayat.Stage]int{}, map[shikayat.Stage]int{}
	for _, c := range counts {
		by[c.Stage] += c.Count
		late[c.Stage] += c.Overdue
		page.Total += c.Count
		page.Overdue += c.Overdue
	}
	for _, st := range shikayat.Stages {
		page.Counts = append(page.Counts, stageCount{st, by[st], late[st]})
	}
	list, err := h.Store.ListComplaints(r.Context(), shikayat.ComplaintFilter{Scope: s.Scope, PerPage: 50})
	if err != nil {
		return nil, err
	}
	page.Complaints = list.Complaints
	return page, nil
}
