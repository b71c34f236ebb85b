package api

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/shikayat/shikayat"
)

// PostList is the answer of GET /api/v1/posts.
type PostList = List[*shikayat.PostView]

// ListPosts serves GET /api/v1/posts?held=true&q=&page=: recorded posts,
// HQ's only — the held ones (immediate first, then oldest) or all (newest
// first), matching a post id or text.
func (h *Handler) ListPosts(w http.ResponseWriter, r *http.Request) {
	s := h.staff(w, r)
	if s == nil {
		return
	}
	f, err := ParsePostFilter(r.URL.Query().Get("held"), r.URL.Query().Get("q"), r.URL.Query().Get("page"))
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	f.Scope = s.Scope
	page, err := h.Store.ListPosts(r.Context(), f)
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	WriteJSON(w, http.StatusOK, PostList{Data: page.Posts, Page: page.Page, PerPage: page.PerPage, Total: page.Total})
}

// ParsePostFilter reads a post filter from its query parameters; the scope
// comes from the signed-in user only.
func ParsePostFilter(held, q, page string) (shikayat.PostFilter, error) {
	f := shikayat.PostFilter{Query: q}
	switch held {
	case "", "false", "0":
	case "true", "1":
		f.Held = true
	default:
		return f, shikayat.Errorf(shikayat.EINVALID, "held must be true or false.")
	}
	if page != "" {
		p, err := strconv.Atoi(page)
		if err != nil || p < 1 || p > 1_000_000 {
			return f, shikayat.Errorf(shikayat.EINVALID, "page must be a number from 1.")
		}
		f.Page = p
	}
	return f, nil
}

// ActOnPost serves POST /api/v1/posts/{id}/actions with {"action":
// "make_complaint"} — 201 with the new complaint, or 200 with it when the
// post had been made a complaint before — or {"action": "not_complaint"} —
// 200 with the post. An Idempotency-Key makes a retry answer what the
// first request answered.
func (h *Handler) ActOnPost(w http.ResponseWriter, r *http.Request) {
	s := h.staff(w, r)
	if s == nil {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxActionBody))
	if err != nil {
		WriteError(w, r, h.Logger, shikayat.Errorf(shikayat.EINVALID, "The request body is too large or unreadable."))
		return
	}
	action, err := DecodePostAction(body)
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	out, err := h.Store.ActOnPost(r.Context(), r.PathValue("id"), action, s.Actor(), r.Header.Get("Idempotency-Key"))
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	code := ""
	if out.Complaint != nil {
		code = out.Complaint.Code
	}
	h.Logger.InfoContext(r.Context(), "post action", slog.String("code", code), slog.String("post_id", r.PathValue("id")), slog.String("action", action),
		slog.String("user", s.User.Username), slog.Bool("created", out.Created))
	switch {
	case out.Complaint != nil && out.Created:
		WriteJSON(w, http.StatusCreated, out.Complaint)
	case out.Complaint != nil:
		WriteJSON(w, http.StatusOK, out.Complaint)
	default:
		WriteJSON(w, http.StatusOK, out.Post)
	}
}

// DecodePostAction reads {"action": "make_complaint" | "not_complaint"}.
func DecodePostAction(body []byte) (string, error) {
	var a struct {
		Action string `json:"action"`
	}
	if err := json.Unmarshal(body, &a); err != nil {
		return "", shikayat.Errorf(shikayat.EINVALID, "The body must be a JSON object like {\"action\": \"make_complaint\"}.")
	}
	if a.Action != shikayat.PostMakeComplaint && a.Action != shikayat.PostNotComplaint {
		return "", shikayat.Errorf(shikayat.EINVALID, "action must be make_complaint or not_complaint.")
	}
	return a.Action, nil
}
