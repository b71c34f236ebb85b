// Package api is the staff JSON API (DESIGN's "Contracts for automation"):
// complaints listed, read with their trail and acted on, scoped like the
// desk's pages to the signed-in user's unit. It also maps the domain's error
// codes to HTTP status codes and DESIGN's error shape, for every surface.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/shikayat/shikayat"
)

// Store is what the API reads and changes.
type Store interface {
	ListComplaints(ctx context.Context, f shikayat.ComplaintFilter) (*shikayat.ComplaintPage, error)
	FindComplaint(ctx context.Context, code string, scope shikayat.Scope) (*shikayat.Complaint, error)
	ApplyAction(ctx context.Context, code string, a shikayat.Action, by shikayat.Actor, idemKey string) (*shikayat.Complaint, *shikayat.Event, error)
	// RecordView appends a "viewed" event to a sensitive complaint.
	RecordView(ctx context.Context, code string, by shikayat.Actor) error
	ListPosts(ctx context.Context, f shikayat.PostFilter) (*shikayat.PostPage, error)
	ActOnPost(ctx context.Context, id, action string, by shikayat.Actor, idemKey string) (*shikayat.PostOutcome, error)
	ListEscalated(ctx context.Context, scope shikayat.Scope) ([]*shikayat.Complaint, error)
	DistrictStats(ctx context.Context, f shikayat.StatsFilter) (*shikayat.Stats, error)
}

// Handler serves the staff API. Its routes expect the signed-in member of
// staff in the request context (the web server's middleware puts it there).
type Handler struct {
	Store  Store
	Logger *slog.Logger
	// RenderReply renders a staff reply as it will be posted on X, so that
	// one X would refuse is refused now with its count (as on the desk).
	RenderReply func(lang, text, code string) (string, error)
	// Now is the clock that says what "today" is; nil is the system clock.
	Now func() time.Time
}

// staff returns the signed-in member of staff, or writes 401 and returns nil.
func (h *Handler) staff(w http.ResponseWriter, r *http.Request) *shikayat.Staff {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		WriteError(w, r, h.Logger, shikayat.Errorf(shikayat.EUNAUTHORIZED, "Sign in, or send a bearer token."))
	}
	return s
}

// statusOf maps domain error codes to HTTP status codes: the one place
// where that happens.
var statusOf = map[string]int{
	shikayat.EINVALID:      http.StatusBadRequest,
	shikayat.ENOTFOUND:     http.StatusNotFound,
	shikayat.ECONFLICT:     http.StatusConflict,
	shikayat.EFORBIDDEN:    http.StatusForbidden,
	shikayat.EUNAUTHORIZED: http.StatusUnauthorized,
	shikayat.ETOOMANY:      http.StatusTooManyRequests,
	shikayat.EINTERNAL:     http.StatusInternalServerError,
}

// Status returns the HTTP status code for err.
func Status(err error) int {
	if code, ok := statusOf[shikayat.ErrorCode(err)]; ok {
		return code
	}
	return http.StatusInternalServerError
}

// SetRetryAfter sets Retry-After (whole seconds, at least one) when err says
// when to try again.
func SetRetryAfter(w http.ResponseWriter, err error) {
	if d := shikayat.ErrorRetryAfter(err); d > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(d.Seconds()))))
	}
}

// WriteError writes err in DESIGN's shape, {"error": {"code", "message"}},
// logging internal errors with their detail (which the answer leaves out).
func WriteError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	code := shikayat.ErrorCode(err)
	if code == shikayat.EINTERNAL && ClientGone(r, err) {
		// The client hung up while we worked: not the server's failure.
		if logger != nil {
			logger.DebugContext(r.Context(), "client disconnected", slog.String("path", r.URL.Path))
		}
		w.WriteHeader(StatusClientClosed)
		return
	}
	if code == shikayat.EINTERNAL && logger != nil {
		logger.ErrorContext(r.Context(), "internal error", slog.String("path", r.URL.Path), slog.Any("error", err))
	}
	SetRetryAfter(w, err)
	WriteJSON(w, Status(err), map[string]any{"error": map[string]string{"code": code, "message": shikayat.ErrorMessage(err)}})
}

// StatusClientClosed is the status recorded (in logs and metrics) for a
// request whose client hung up before the answer: nginx's 499. Nobody
// receives it.
const StatusClientClosed = 499

// ClientGone reports whether err comes from the client having gone away
// (its request's context cancelled), rather than from the server.
func ClientGone(r *http.Request, err error) bool {
	return r.Context().Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, r.Context().Err()))
}

// WriteJSON writes v as JSON with the given status.
func WriteJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}
