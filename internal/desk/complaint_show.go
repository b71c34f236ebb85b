package desk

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
)

// complaintPage is one complaint with its thread on X, the triage's
// suggestion, its clocks, its trail and a form for every action.
type complaintPage struct {
	Page
	C      *shikayat.Complaint
	Thread *shikayat.Thread
	// Author is the opening post's author details, when recorded.
	Author *shikayat.Post
	// Reasons are triage's reasons for the opening post.
	Reasons []string
	Now     time.Time
	// Form holds what was typed in a refused action's form, to show again.
	Form    shikayat.Action
	Allowed map[string]bool

	// Replies are the desk's replies with their state: those the sender
	// has taken, and staff replies still waiting for it (queued).
	Replies []replyView
	// CanApprove: the user may approve a station's held reply.
	CanApprove bool

	Classes     []shikayat.Class
	Types       []shikayat.Type
	Resolutions []shikayat.Resolution
	Districts   []shikayat.District
	MaxReply    int
}

// Complaint serves GET /desk/complaints/{code}.
func (h *Handler) Complaint(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	page, err := h.complaintPage(w, r, s, r.PathValue("code"))
	if err != nil {
		h.problem(w, r, err)
		return
	}
	if r.URL.Query().Get("done") != "" {
		page.Notice = "done"
	}
	h.render(w, r, http.StatusOK, "complaint", page)
}

func (h *Handler) complaintPage(w http.ResponseWriter, r *http.Request, s *shikayat.Staff, code string) (*complaintPage, error) {
	c, err := h.Store.FindComplaint(r.Context(), code, s.Scope)
	if err != nil {
		return nil, err
	}
	if c.Sensitive {
		// Every view of a sensitive complaint is on its trail (the page
		// drawn again after a refused action too); one that cannot be
		// recorded is not shown.
		if err := h.Store.RecordView(r.Context(), c.Code, s.Actor()); err != nil {
			return nil, err
		}
	}
	th, err := h.Store.ComplaintThread(r.Context(), c.Code, s.Scope)
	if err != nil {
		return nil, err
	}
	page := &complaintPage{Page: Page{Lang: pageLang(w, r), Staff: s, Path: "/desk/complaints/" + c.Code},
		C: c, Thread: th, Now: h.now(), Allowed: map[string]bool{},
		Classes: shikayat.Classes, Types: shikayat.Types, Resolutions: shikayat.Resolutions,
		Districts: shikayat.Districts(), MaxReply: shikayat.XMaxWeighted,
		CanApprove: s.User.Role != shikayat.RoleStationOfficer}
	for _, k := range shikayat.ActionKinds {
		page.Allowed[string(k)] = shikayat.Allowed(c.Stage, k)
	}
	page.Replies = repliesOf(c, th)
	for _, p := range th.Posts {
		if p.Post.ID == c.SourcePostID {
			page.Author, page.Reasons = p.Post, p.Reasons
		}
	}
	return page, nil
}

// replyView is a reply on the page: one the sender has taken, or a staff
// reply it has not (queued), or a station's reply held for approval.
type replyView struct {
	*shikayat.Reply
	EventID  int64
	Awaiting bool
}

// repliesOf lists the replies recorded by the sender and, for a staff reply
// it has not taken yet, one built from the reply's event: queued, or
// awaiting approval while held.
func repliesOf(c *shikayat.Complaint, th *shikayat.Thread) []replyView {
	var out []replyView
	have := map[string]bool{}
	for _, r := range th.Replies {
		have[r.Key] = true
		out = append(out, replyView{Reply: r})
	}
	approved := map[string]bool{}
	for _, e := range c.Events {
		if e.Action == store.ActionApproveReply {
			approved[e.Detail["reply_event"]] = true
		}
	}
	for _, e := range c.Events {
		if e.Action != string(shikayat.ActionReply) || have[fmt.Sprintf("reply:%d", e.ID)] {
			continue
		}
		text := e.Note
		if text == "" {
			text = e.Detail["template"]
		}
		v := replyView{Reply: &shikayat.Reply{Key: fmt.Sprintf("reply:%d", e.ID), Text: text, Lang: e.Detail["lang"],
			State: shikayat.ReplyPending, CreatedAt: e.At}, EventID: e.ID}
		v.Awaiting = e.Detail["approval"] == "waiting" && !approved[strconv.FormatInt(e.ID, 10)]
		out = append(out, v)
	}
	return out
}
