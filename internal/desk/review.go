package desk

import (
	"context"
	"net/http"
	"net/url"

	"github.com/shikayat/shikayat"
)

// ReviewStore is what HQ's review queue reads and changes.
type ReviewStore interface {
	ListPosts(ctx context.Context, f shikayat.PostFilter) (*shikayat.PostPage, error)
	ActOnPost(ctx context.Context, id, action string, by shikayat.Actor, idemKey string) (*shikayat.PostOutcome, error)
	ReviewComplaints(ctx context.Context, scope shikayat.Scope, below float64, limit int) (noDistrict, unsure []*shikayat.Complaint, err error)
}

// reviewViews are the views of the review queue, parsed with the others.
var reviewViews = []string{"review"}

// lowConfidence is the confidence below which a complaint shows in the
// review queue: triage's default acknowledge threshold, below which no
// post becomes a complaint without a person.
const lowConfidence = 0.85

// reviewLimit bounds each section of the queue.
const reviewLimit = 100

// reviewPage is HQ's review queue: posts held for review (immediate first,
// then oldest, overdue ones marked), complaints no district owns, and
// complaints triage was unsure of; and a search over every recorded post.
type reviewPage struct {
	Page
	Held       *shikayat.PostPage
	NoDistrict []*shikayat.Complaint
	Unsure     []*shikayat.Complaint
	Query      string
	Found      *shikayat.PostPage
}

// Review serves GET /desk/review?q=.
func (h *Handler) Review(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	rs, ok := h.Store.(ReviewStore)
	if s == nil || !ok {
		h.problem(w, r, shikayat.Errorf(shikayat.EFORBIDDEN, "Only HQ staff see the review queue."))
		return
	}
	page := &reviewPage{Page: Page{Lang: pageLang(w, r), Staff: s, Path: "/desk/review"}, Query: r.URL.Query().Get("q")}
	switch r.URL.Query().Get("done") {
	case shikayat.PostMakeComplaint:
		page.Notice = "review_made_complaint"
	case shikayat.PostNotComplaint:
		page.Notice = "review_not_complaint_done"
	}
	var err error
	if page.Held, err = rs.ListPosts(r.Context(), shikayat.PostFilter{Scope: s.Scope, Held: true, PerPage: reviewLimit}); err != nil {
		h.problem(w, r, err)
		return
	}
	if page.NoDistrict, page.Unsure, err = rs.ReviewComplaints(r.Context(), s.Scope, lowConfidence, reviewLimit); err != nil {
		h.problem(w, r, err)
		return
	}
	if page.Query != "" {
		if page.Found, err = rs.ListPosts(r.Context(), shikayat.PostFilter{Scope: s.Scope, Query: page.Query, PerPage: reviewLimit}); err != nil {
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				h.problem(w, r, err)
				return
			}
			page.Error = "review_bad_query"
		}
	}
	h.render(w, r, http.StatusOK, "review", page)
}

// ActOnPost serves POST /desk/review/posts/{id} with action=make_complaint
// or action=not_complaint: the same store method as the posts API, then
// back to the queue.
func (h *Handler) ActOnPost(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	rs, ok := h.Store.(ReviewStore)
	if s == nil || !ok {
		h.problem(w, r, shikayat.Errorf(shikayat.EFORBIDDEN, "Only HQ staff act on recorded posts."))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := r.ParseForm(); err != nil {
		h.problem(w, r, shikayat.Errorf(shikayat.EINVALID, "The form could not be read."))
		return
	}
	action := r.PostFormValue("action")
	if action != shikayat.PostMakeComplaint && action != shikayat.PostNotComplaint {
		h.problem(w, r, shikayat.Errorf(shikayat.EINVALID, "action must be make_complaint or not_complaint."))
		return
	}
	if _, err := rs.ActOnPost(r.Context(), r.PathValue("id"), action, s.Actor(), ""); err != nil {
		h.problem(w, r, err)
		return
	}
	http.Redirect(w, r, "/desk/review?done="+url.QueryEscape(action), http.StatusSeeOther)
}

// rows pairs a section's rows with the page, for the templates' words.
type rows[T any] struct {
	Page *Page
	Rows []T
}

func postRows(p pager, list []*shikayat.PostView) rows[*shikayat.PostView] {
	return rows[*shikayat.PostView]{Page: p.page(), Rows: list}
}

func complaintRows(p pager, list []*shikayat.Complaint) rows[*shikayat.Complaint] {
	return rows[*shikayat.Complaint]{Page: p.page(), Rows: list}
}

// pager is a view's data that carries its Page.
type pager interface{ page() *Page }

func (p *Page) page() *Page { return p }
