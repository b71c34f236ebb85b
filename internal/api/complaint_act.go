package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/shikayat/shikayat"
)

// maxActionBody bounds an action's JSON: the longest text is 4000 bytes.
const maxActionBody = 64 << 10

// ActOnComplaint serves POST /api/v1/complaints/{code}/actions: {"action":
// …} plus the fields of DESIGN's actions table. It answers 200 with the
// complaint. With an Idempotency-Key header a retry answers what the first
// request answered and records nothing new.
func (h *Handler) ActOnComplaint(w http.ResponseWriter, r *http.Request) {
	s := h.staff(w, r)
	if s == nil {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxActionBody))
	if err != nil {
		WriteError(w, r, h.Logger, shikayat.Errorf(shikayat.EINVALID, "The request body is too large or unreadable."))
		return
	}
	a, err := DecodeAction(body)
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	if a.Kind == shikayat.ActionReply && a.Text != "" {
		// Refused now, with its count, rather than by X later.
		code := r.PathValue("code")
		if canon, err := shikayat.ParseDocket(code); err == nil {
			code = canon
		}
		lang := a.Lang
		if lang == "" {
			lang = "hi"
		}
		text, err := a.Text+" ("+code+")", error(nil)
		if h.RenderReply != nil {
			text, err = h.RenderReply(lang, a.Text, code)
		}
		if err == nil {
			err = shikayat.CheckReplyLength(text)
		}
		if err != nil {
			WriteError(w, r, h.Logger, err)
			return
		}
	}
	c, ev, err := h.Store.ApplyAction(r.Context(), r.PathValue("code"), a, s.Actor(), r.Header.Get("Idempotency-Key"))
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	h.Logger.InfoContext(r.Context(), "action", slog.String("code", c.Code), slog.String("post_id", c.SourcePostID), slog.String("action", string(a.Kind)),
		slog.String("user", s.User.Username), slog.String("unit", s.User.UnitID), slog.Int64("event", ev.ID))
	WriteJSON(w, http.StatusOK, c)
}

// DecodeAction reads an action's JSON and checks its fields.
func DecodeAction(body []byte) (shikayat.Action, error) {
	var a shikayat.Action
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&a); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &typ):
			return a, shikayat.Errorf(shikayat.EINVALID, "Field %q has the wrong type.", typ.Field)
		case errors.As(err, &syn), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return a, shikayat.Errorf(shikayat.EINVALID, "The body must be a JSON object like {\"action\": \"note\", \"text\": \"…\"}.")
		}
		return a, shikayat.Errorf(shikayat.EINVALID, "The body must be a JSON object: %v", err)
	}
	if dec.More() {
		return a, shikayat.Errorf(shikayat.EINVALID, "The body must hold one JSON object.")
	}
	if err := a.Validate(); err != nil {
		return a, err
	}
	return a, nil
}
