package desk

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
)

// ComplaintAct serves POST /desk/complaints/{code}/actions: a form of the
// complaint page. It applies the action through the store, as the API
// does, and sends the browser back to the complaint (303); a refused action
// shows the page again with the refusal in the user's language.
func (h *Handler) ComplaintAct(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	s := shikayat.StaffFromContext(ctx)
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	code := r.PathValue("code")
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	var a shikayat.Action
	err := r.ParseForm()
	if err == nil && r.PostForm.Get("action") == store.ActionApproveReply {
		h.approveReply(w, r, s, code)
		return
	}
	if err != nil {
		err = shikayat.Errork(shikayat.EINVALID, "err_form", "The form could not be read.")
	} else {
		a = actionFromForm(r)
		err = a.Validate()
	}
	if err == nil && a.Kind == shikayat.ActionReply && a.Text != "" {
		err = h.checkReplyLength(a, code)
	}
	if err == nil {
		var c *shikayat.Complaint
		var ev *shikayat.Event
		c, ev, err = h.Store.ApplyAction(ctx, code, a, s.Actor(), r.PostForm.Get("idem"))
		if err == nil {
			h.Logger.InfoContext(ctx, "action", slog.String("code", c.Code), slog.String("post_id", c.SourcePostID), slog.String("action", string(a.Kind)),
				slog.String("user", s.User.Username), slog.String("unit", s.User.UnitID), slog.Int64("event", ev.ID))
			http.Redirect(w, r, "/desk/complaints/"+c.Code+"?done="+string(a.Kind), http.StatusSeeOther)
			return
		}
	}
	h.refused(w, r, s, code, a, err)
}

// approveReply approves a station's reply held for approval (event=ID).
func (h *Handler) approveReply(w http.ResponseWriter, r *http.Request, s *shikayat.Staff, code string) {
	id, err := strconv.ParseInt(r.PostForm.Get("event"), 10, 64)
	if err != nil {
		err = shikayat.Errork(shikayat.EINVALID, "err_no_held_reply", "There is no reply waiting for approval with this number.")
	} else {
		var c *shikayat.Complaint
		if c, _, err = h.Store.ApproveReply(r.Context(), code, id, s.Actor()); err == nil {
			h.Logger.InfoContext(r.Context(), "reply approved", slog.String("code", c.Code), slog.String("post_id", c.SourcePostID), slog.Int64("event", id), slog.String("user", s.User.Username))
			http.Redirect(w, r, "/desk/complaints/"+c.Code+"?done=approve", http.StatusSeeOther)
			return
		}
	}
	h.refused(w, r, s, code, shikayat.Action{}, err)
}

// refused shows the complaint page again with why the action was refused,
// in the user's language; errors that are not a refusal get the error page.
func (h *Handler) refused(w http.ResponseWriter, r *http.Request, s *shikayat.Staff, code string, a shikayat.Action, err error) {
	switch shikayat.ErrorCode(err) {
	case shikayat.EINVALID, shikayat.EFORBIDDEN, shikayat.ECONFLICT:
	default:
		h.problem(w, r, err)
		return
	}
	page, perr := h.complaintPage(w, r, s, code)
	if perr != nil {
		h.problem(w, r, perr)
		return
	}
	page.Form = a
	page.ErrorText = errorText(page.Lang, err)
	code2 := http.StatusUnprocessableEntity
	if shikayat.ErrorCode(err) == shikayat.EFORBIDDEN {
		code2 = http.StatusForbidden
	} else if shikayat.ErrorCode(err) == shikayat.ECONFLICT {
		code2 = http.StatusConflict
	}
	h.render(w, r, code2, "complaint", page)
}

// actionFromForm reads an action from the fields DESIGN's actions table
// names; the form uses the API's field names.
func actionFromForm(r *http.Request) shikayat.Action {
	f := r.PostForm
	a := shikayat.Action{
		Kind: shikayat.ActionKind(f.Get("action")), Unit: strings.TrimSpace(f.Get("unit")),
		Reason: f.Get("reason"), Class: shikayat.Class(f.Get("class")), Type: shikayat.Type(f.Get("type")),
		Station: strings.TrimSpace(f.Get("station")), Text: f.Get("text"), Public: f.Get("public") != "",
		Template: f.Get("template"), Lang: f.Get("lang"), Resolution: shikayat.Resolution(f.Get("resolution")),
		Note: f.Get("note"), Into: strings.TrimSpace(f.Get("into")),
	}
	if d, err := strconv.Atoi(f.Get("district")); err == nil {
		a.District = d
	}
	return a
}

// checkReplyLength refuses, with its count, a free-text reply X would
// refuse: the reply is counted as it will be posted, template and all.
func (h *Handler) checkReplyLength(a shikayat.Action, code string) error {
	lang := a.Lang
	if lang == "" {
		lang = "hi"
	}
	text := a.Text + " (" + code + ")"
	if h.RenderReply != nil {
		var err error
		if text, err = h.RenderReply(lang, a.Text, code); err != nil {
			return err
		}
	}
	return shikayat.CheckReplyLength(text)
}
