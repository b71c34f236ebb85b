package desk

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
)

// inboxPage is the desk's first page: the complaints of the signed-in
// user's unit and those below it, most urgent first, with filters, counts
// per stage and pages.
type inboxPage struct {
	Page
	Counts     []stageCount
	Total      int
	Overdue    int
	Filter     shikayat.ComplaintFilter
	Complaints []*shikayat.Complaint
	// Matched is how many complaints the filter matched, on all pages.
	Matched    int
	Pages      int
	Prev, Next string // links to the neighbouring pages, "" at the ends
	Now        time.Time

	// Narrowed says which of the dashboard's filters (periods, zone or
	// range, bounces, reopenings) narrow the list, "" when none.
	Narrowed string
	// ExportLink downloads the list as CSV, with the same filters.
	ExportLink string

	Classes   []shikayat.Class
	Types     []shikayat.Type
	Stages    []shikayat.Stage
	Districts []shikayat.District
}

type stageCount struct {
	Stage   shikayat.Stage
	Count   int
	Overdue int // past the unit's deadline
	Link    string
}

const inboxPerPage = 25

// Home serves GET /desk/: the inbox.
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	page, err := h.inboxPage(w, r, s)
	if err != nil {
		if shikayat.ErrorCode(err) != shikayat.EINVALID {
			h.problem(w, r, err)
			return
		}
		// A filter the store refuses shows the inbox unfiltered, with why.
		r.URL.RawQuery = ""
		if page, err = h.inboxPage(w, r, s); err != nil {
			h.problem(w, r, err)
			return
		}
		page.Error = "err_form"
		h.render(w, r, http.StatusBadRequest, "inbox", page)
		return
	}
	if r.URL.Query().Get("changed") == "1" {
		page.Notice = "password_changed"
	}
	h.render(w, r, http.StatusOK, "inbox", page)
}

func (h *Handler) inboxPage(w http.ResponseWriter, r *http.Request, s *shikayat.Staff) (*inboxPage, error) {
	page := &inboxPage{Page: Page{Lang: pageLang(w, r), Staff: s, Path: "/desk/"}, Now: h.now(),
		Classes: shikayat.Classes, Types: shikayat.Types, Stages: shikayat.Stages, Districts: shikayat.Districts()}
	q := r.URL.Query()
	f, err := api.ParseFilter(q)
	if err != nil {
		return page, err
	}
	f.Station = strings.TrimSpace(q.Get("station"))
	f.Scope, f.PerPage, f.Urgent = s.Scope, inboxPerPage, true
	page.Filter = f

	by, late, err := h.Store.CountByStage(r.Context(), s.Scope)
	if err != nil {
		return page, err
	}
	for _, n := range by {
		page.Total += n
	}
	for _, st := range shikayat.Stages {
		page.Counts = append(page.Counts, stageCount{st, by[st], late[st], "/desk/?stage=" + string(st)})
		page.Overdue += late[st]
	}
	// Filtered by stage at most, the counts already say how many match.
	bare := shikayat.ComplaintFilter{Scope: f.Scope, Stage: f.Stage, Urgent: f.Urgent, Page: f.Page, PerPage: f.PerPage}
	f.NoTotal = f == bare
	page.Narrowed = narrowed(page.Lang, q)
	list, err := h.Store.ListComplaints(r.Context(), f)
	if err != nil {
		return page, err
	}
	page.Complaints, page.Matched = list.Complaints, list.Total
	if f.NoTotal {
		page.Matched = page.Total
		if f.Stage != "" {
			page.Matched = by[f.Stage]
		}
	}
	page.Pages = max(1, (page.Matched+inboxPerPage-1)/inboxPerPage)
	if page.Filter.Page < 1 {
		page.Filter.Page = 1
	}
	link := func(n int) string {
		v := url.Values{}
		for k, vs := range q {
			if k != "page" && k != "lang" && k != "changed" && len(vs) > 0 && vs[0] != "" {
				v.Set(k, vs[0])
			}
		}
		v.Set("page", strconv.Itoa(n))
		return "/desk/?" + v.Encode()
	}
	ex := url.Values{}
	for k, vs := range q {
		if k != "page" && k != "lang" && k != "changed" && len(vs) > 0 && vs[0] != "" {
			ex.Set(k, vs[0])
		}
	}
	page.ExportLink = "/desk/export/complaints.csv?" + ex.Encode()
	if page.Filter.Page > 1 {
		page.Prev = link(page.Filter.Page - 1)
	}
	if page.Filter.Page < page.Pages {
		page.Next = link(page.Filter.Page + 1)
	}
	return page, nil
}

// now is the desk's clock.
func (h *Handler) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}
