package api

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/shikayat/shikayat"
)

// List is one page of a listing, in DESIGN's shape.
type List[T any] struct {
	Data    []T `json:"data"`
	Page    int `json:"page"`
	PerPage int `json:"per_page"`
	Total   int `json:"total"`
}

// ComplaintList is the answer of GET /api/v1/complaints.
type ComplaintList = List[*shikayat.Complaint]

// ListComplaints serves GET /api/v1/complaints?stage=&class=&type=&district=&overdue=&q=&page=,
// the complaints in the user's scope.
func (h *Handler) ListComplaints(w http.ResponseWriter, r *http.Request) {
	s := h.staff(w, r)
	if s == nil {
		return
	}
	f, err := ParseFilter(r.URL.Query())
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	f.Scope = s.Scope
	page, err := h.Store.ListComplaints(r.Context(), f)
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	WriteJSON(w, http.StatusOK, ComplaintList{Data: page.Complaints, Page: page.Page, PerPage: page.PerPage, Total: page.Total})
}

// ParseFilter reads a complaint filter from query parameters. It does not
// set the scope: that comes from the signed-in user only.
func ParseFilter(q url.Values) (shikayat.ComplaintFilter, error) {
	f := shikayat.ComplaintFilter{
		Stage: shikayat.Stage(q.Get("stage")),
		Class: shikayat.Class(q.Get("class")),
		Type:  shikayat.Type(q.Get("type")),
		Query: q.Get("q"),
	}
	if f.Stage != "" && !f.Stage.Valid() {
		return f, shikayat.Errorf(shikayat.EINVALID, "Unknown stage %q.", f.Stage)
	}
	if f.Class != "" && !f.Class.Valid() {
		return f, shikayat.Errorf(shikayat.EINVALID, "Unknown class %q.", f.Class)
	}
	if f.Type != "" && !f.Type.Valid() {
		return f, shikayat.Errorf(shikayat.EINVALID, "Unknown type %q.", f.Type)
	}
	if v := q.Get("district"); v != "" {
		d, err := strconv.Atoi(v)
		if _, ok := shikayat.DistrictByLGD(d); err != nil || !ok {
			return f, shikayat.Errorf(shikayat.EINVALID, "District %q is not the LGD code of a district of the state.", v)
		}
		f.District = d
	}
	switch q.Get("overdue") {
	case "", "false", "0":
	case "true", "1":
		f.Overdue = true
	default:
		return f, shikayat.Errorf(shikayat.EINVALID, "overdue must be true or false.")
	}
	switch q.Get("open") {
	case "", "false", "0":
	case "true", "1":
		f.Open = true
	default:
		return f, shikayat.Errorf(shikayat.EINVALID, "open must be true or false.")
	}
	if err := parsePeriods(q, &f); err != nil {
		return f, err
	}
	under, err := parseUnder(q)
	if err != nil {
		return f, err
	}
	f.Under = under
	if v := q.Get("page"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 1 || p > 1_000_000 {
			return f, shikayat.Errorf(shikayat.EINVALID, "page must be a number from 1.")
		}
		f.Page = p
	}
	return f, nil
}
