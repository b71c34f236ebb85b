package open311

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
)

// created is the answer to a new request: its docket code.
type created struct {
	XMLName xml.Name `json:"-" xml:"request"`
	ID      string   `json:"service_request_id" xml:"service_request_id"`
	Notice  string   `json:"service_notice" xml:"service_notice"`
	Account string   `json:"account_id" xml:"account_id"`
}

type createdList struct {
	XMLName  xml.Name  `xml:"service_requests"`
	Requests []created `xml:"request"`
}

// maxForm bounds the body of POST /requests.
const maxForm = 64 << 10

// SourcePrefix starts the source id of every complaint made through
// Open311: X post ids are digits only, so the two never clash.
const SourcePrefix = "open311:"

// CreateRequest serves POST /open311/v2/requests.{json,xml}: with an API
// key (a staff token, form field api_key or Authorization: Bearer), it
// makes a complaint from another channel. Triage and routing run as for a
// post; when triage does not route it and the key's user belongs to a
// district or below, it goes to that district. No acknowledgement is sent
// on X. The answer carries the docket code, which GET /requests/{code}
// follows.
func (h *Handler) CreateRequest(f Format) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		r.Body = http.MaxBytesReader(w, r.Body, maxForm)
		if err := r.ParseForm(); err != nil {
			h.fail(w, r, f, shikayat.Errorf(shikayat.EINVALID, "The form cannot be read."))
			return
		}
		if err := h.checkJurisdiction(r); err != nil {
			h.fail(w, r, f, err)
			return
		}
		staff, err := h.caller(r)
		if err != nil {
			h.fail(w, r, f, err)
			return
		}
		cf, err := parseCreateForm(r.PostForm)
		if err != nil {
			h.fail(w, r, f, err)
			return
		}
		c, err := h.create(r, staff, cf)
		if err != nil {
			h.fail(w, r, f, err)
			return
		}
		if h.Logger != nil {
			h.Logger.InfoContext(ctx, "open311 request created", slog.String("code", c.Code), slog.String("post_id", c.SourcePostID),
				slog.String("user", staff.User.Username), slog.String("unit", staff.Unit.ID))
		}
		out := createdList{Requests: []created{{ID: c.Code, Notice: notice(c)}}}
		if f == formatXML {
			write(w, f, http.StatusOK, out)
			return
		}
		write(w, f, http.StatusOK, out.Requests)
	}
}

// caller is the member of staff an API key belongs to.
func (h *Handler) caller(r *http.Request) (*shikayat.Staff, error) {
	key := strings.TrimSpace(r.PostForm.Get("api_key"))
	if a := r.Header.Get("Authorization"); a != "" {
		t, ok := strings.CutPrefix(a, "Bearer ")
		if !ok || strings.TrimSpace(t) == "" {
			return nil, shikayat.Errorf(shikayat.EUNAUTHORIZED, "Authorization must be Bearer TOKEN.")
		}
		key = strings.TrimSpace(t)
	}
	if key == "" {
		return nil, shikayat.Errorf(shikayat.EUNAUTHORIZED, "An api_key is required: a staff token.")
	}
	u, err := h.Store.UserByToken(r.Context(), auth.TokenHash(key))
	if err != nil {
		return nil, err
	}
	unit, err := h.Store.FindUnit(r.Context(), u.UnitID)
	if err != nil {
		return nil, err
	}
	s := &shikayat.Staff{User: u, Unit: unit, Scope: shikayat.ScopeOf(u, unit), Via: "token"}
	if s.Scope.IsZero() {
		return nil, shikayat.ErrNoScope()
	}
	return s, nil
}

// create triages and stores the complaint.
func (h *Handler) create(r *http.Request, staff *shikayat.Staff, cf createForm) (*shikayat.Complaint, error) {
	ctx := r.Context()
	var rnd [12]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return nil, fmt.Errorf("open311: %w", err)
	}
	now := h.now()
	post := &shikayat.Post{ID: SourcePrefix + hex.EncodeToString(rnd[:]), Text: cf.text(), CreatedAt: now}
	if cf.Lat != nil {
		post.Coordinates = &shikayat.Point{Lat: *cf.Lat, Lon: *cf.Lon}
	}
	in := shikayat.NewComplaint{
		Source: "open311", SourcePostID: post.ID, AuthorID: fmt.Sprintf("staff:%d", staff.User.ID),
		Text: post.Text, Lat: cf.Lat, Lon: cf.Lon, ReceivedAt: now, NoAcknowledge: true,
	}
	for i, m := range cf.Media {
		in.Media = append(in.Media, shikayat.Media{Key: fmt.Sprintf("open311-%d", i), Type: "photo", URL: m})
	}
	var t shikayat.Triage
	if h.Triager != nil {
		var err error
		if t, err = h.Triager.Triage(ctx, post); err != nil {
			if h.Logger != nil {
				h.Logger.WarnContext(ctx, "triage failed", slog.String("source_id", post.ID), slog.Any("error", err))
			}
			t = shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Reasons: []string{"triage failed: " + err.Error()}}
		}
	}
	// The caller chose the type; the rest are triage's suggestions.
	t.Type = cf.Type
	forwardAt := h.ForwardAt
	if forwardAt <= 0 {
		forwardAt = 0.8
	}
	in.Forward = t.District != 0 && t.DistrictConfidence >= forwardAt
	if !in.Forward && staff.Unit.LGD != 0 {
		// Acting for its unit: a district's (or a station's) channel
		// files complaints of its own district.
		t.District, in.Forward = staff.Unit.LGD, true
	}
	if t.Urgency != "" && !t.Urgency.Valid() {
		t.Urgency = ""
	}
	in.Triage = &t
	c, _, err := h.Store.CreateComplaint(ctx, in)
	return c, err
}

// notice tells the caller what happens next.
func notice(c *shikayat.Complaint) string {
	if d, ok := shikayat.DistrictByLGD(c.District); ok {
		return fmt.Sprintf("Complaint %s was sent to %s district. Follow it with GET /open311/v2/requests/%s.json.", c.Code, d.Name, c.Code)
	}
	return fmt.Sprintf("Complaint %s waits at headquarters to be sent to its district. Follow it with GET /open311/v2/requests/%s.json.", c.Code, c.Code)
}
