package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/shikayat/shikayat"
)

// ReplyStore is what giving up a reply needs of the store.
type ReplyStore interface {
	FindReply(ctx context.Context, key string) (*shikayat.Reply, error)
	GiveUpComplaintReply(ctx context.Context, complaintID, id int64, actor, reason string) (*shikayat.Reply, error)
}

// maxGiveUpBody bounds the give-up request's JSON.
const maxGiveUpBody = 8 << 10

// MayGiveUpReply reports whether a role may give up a reply to a citizen:
// district operators and above. A station officer may not: a reply that
// waits is usually X's trouble, which the district or HQ watches.
func MayGiveUpReply(r shikayat.Role) bool {
	return r != shikayat.RoleStationOfficer && r.Valid()
}

// GiveUpReply serves POST /api/v1/complaints/{code}/replies/{id}/give-up
// with {"reason": "…"}: a person gives up a reply that waits (pending, or
// sending), so that it is never sent. {id} is the reply's id or its key
// (ack:…, reply:…, status:…, as /readyz names it). The complaint must be in
// the user's scope. It answers 200 with the reply; 409 when the reply no
// longer waits. A reply whose last try's outcome was unknown is checked on
// X: it ends sent if that try was posted.
func (h *Handler) GiveUpReply(w http.ResponseWriter, r *http.Request) {
	s := h.staff(w, r)
	if s == nil {
		return
	}
	if !MayGiveUpReply(s.User.Role) {
		WriteError(w, r, h.Logger, shikayat.Errorf(shikayat.EFORBIDDEN, "Only district operators and above may give up a reply."))
		return
	}
	replies, ok := h.Store.(ReplyStore)
	if !ok {
		WriteError(w, r, h.Logger, shikayat.Errorf(shikayat.EINTERNAL, "replies cannot be given up here"))
		return
	}
	reason, err := DecodeReason(http.MaxBytesReader(w, r.Body, maxGiveUpBody))
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	c, err := h.Store.FindComplaint(r.Context(), r.PathValue("code"), s.Scope)
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	key := r.PathValue("id")
	id, err := strconv.ParseInt(key, 10, 64)
	if err != nil {
		rep, err := replies.FindReply(r.Context(), key)
		if err != nil {
			WriteError(w, r, h.Logger, err)
			return
		}
		id = rep.ID
	}
	rep, err := replies.GiveUpComplaintReply(r.Context(), c.ID, id, s.Actor().Name(), reason)
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	h.Logger.InfoContext(r.Context(), "reply given up", slog.String("code", c.Code), slog.String("post_id", c.SourcePostID), slog.String("reply", rep.Key),
		slog.String("state", string(rep.State)), slog.String("user", s.User.Username), slog.String("unit", s.User.UnitID))
	WriteJSON(w, http.StatusOK, toReplyJSON(rep))
}

// replyJSON is a reply in the API's answers.
type replyJSON struct {
	ID        int64               `json:"id"`
	Key       string              `json:"key"`
	State     shikayat.ReplyState `json:"state"`
	InReplyTo string              `json:"in_reply_to"`
	Error     string              `json:"error,omitempty"`
}

func toReplyJSON(r *shikayat.Reply) *replyJSON {
	return &replyJSON{ID: r.ID, Key: r.Key, State: r.State, InReplyTo: r.InReplyTo, Error: r.Error}
}

// DecodeReason reads {"reason": "…"}: a reason of 1 to 1000 bytes, or
// EINVALID.
func DecodeReason(body io.Reader) (string, error) {
	var in struct {
		Reason string `json:"reason"`
	}
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return "", shikayat.Errorf(shikayat.EINVALID, "The body must be a JSON object like {\"reason\": \"…\"}.")
	}
	if dec.More() {
		return "", shikayat.Errorf(shikayat.EINVALID, "The body must hold one JSON object.")
	}
	reason := strings.TrimSpace(in.Reason)
	if reason == "" {
		return "", shikayat.Errorf(shikayat.EINVALID, "Say why the reply is given up.")
	}
	if len(reason) > 1000 {
		return "", shikayat.Errorf(shikayat.EINVALID, "The reason is longer than 1000 bytes.")
	}
	return reason, nil
}
