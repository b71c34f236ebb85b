package web

import (
	"context"
	"embed"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// Complaints is what the public pages read: the public fields of a
// complaint, by its docket code.
type Complaints interface {
	TrackComplaint(ctx context.Context, code string) (*shikayat.Complaint, error)
}

// Tracking is what a citizen sees of a complaint: no personal data, only
// its stage, the owning district and the public notes. Of a sensitive
// complaint it shows the code, status and stage alone: district, class,
// updated_at and history are null.
type Tracking struct {
	Code      string          `json:"code"`
	Status    shikayat.Status `json:"status"`
	Stage     shikayat.Stage  `json:"stage"`
	District  *TrackDistrict  `json:"district"`
	Class     *shikayat.Class `json:"class"`
	UpdatedAt *time.Time      `json:"updated_at"`
	History   []TrackingStep  `json:"history"`
}

// TrackDistrict names the district that owns a complaint.
type TrackDistrict struct {
	Code   int    `json:"code"`
	Name   string `json:"name"`
	NameHi string `json:"name_hi"`
}

// TrackingStep is one entry of the public history.
type TrackingStep struct {
	At     time.Time      `json:"at"`
	Stage  shikayat.Stage `json:"stage"`
	Note   string         `json:"note"`
	Action string         `json:"action"` // what happened: receive, forward, replied, note, close…
}

// NewTracking makes the public view of a complaint.
func NewTracking(c *shikayat.Complaint) *Tracking {
	t := &Tracking{Code: c.Code, Status: c.Stage.Status(), Stage: c.Stage}
	if c.Sensitive {
		return t
	}
	updated := c.UpdatedAt.UTC()
	t.UpdatedAt, t.History = &updated, []TrackingStep{}
	if d, ok := shikayat.DistrictByLGD(c.District); ok {
		t.District = &TrackDistrict{Code: d.LGD, Name: d.Name, NameHi: d.NameHi}
	}
	if c.Class != "" {
		class := c.Class
		t.Class = &class
	}
	for _, e := range c.Events {
		note := ""
		if e.Public {
			note = e.Note
		}
		t.History = append(t.History, TrackingStep{At: e.At.UTC(), Stage: e.ToStage, Note: note, Action: e.Action})
	}
	return t
}

// Tracker serves the public tracking API and page.
type Tracker struct {
	Store  Complaints
	Server *Server
}

// JSON serves GET /api/v1/track/{code}.
func (t *Tracker) JSON(w http.ResponseWriter, r *http.Request) {
	c, err := t.Store.TrackComplaint(r.Context(), r.PathValue("code"))
	if err != nil {
		t.Server.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, NewTracking(c))
}

// Page serves GET /t/{code}.
func (t *Tracker) Page(w http.ResponseWriter, r *http.Request) {
	s := t.Server
	lang := pageLang(r)
	page := trackPage{Lang: lang, Code: r.PathValue("code")}
	c, err := t.Store.TrackComplaint(r.Context(), r.PathValue("code"))
	code := http.StatusOK
	switch {
	case err == nil:
		page.T = NewTracking(c)
	case shikayat.IsDocketTypo(err):
		code, page.Problem = http.StatusBadRequest, "typo"
	case shikayat.ErrorCode(err) == shikayat.EINVALID:
		code, page.Problem = http.StatusBadRequest, "invalid"
	case shikayat.ErrorCode(err) == shikayat.ENOTFOUND:
		code, page.Problem = http.StatusNotFound, "unknown"
	default:
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	if err := trackTemplate.Execute(w, page); err != nil {
		s.Logger.ErrorContext(r.Context(), "render tracking page", "error", err)
	}
}

// pageLang picks Hindi or English: ?lang= first, then Accept-Language,
// Hindi by default.
func pageLang(r *http.Request) string {
	switch r.URL.Query().Get("lang") {
	case "en":
		return "en"
	case "hi":
		return "hi"
	}
	al := strings.ToLower(r.Header.Get("Accept-Language"))
	if strings.HasPrefix(al, "en") {
		return "en"
	}
	return "hi"
}

type trackPage struct {
	Lang    string
	Code    string
	T       *Tracking
	Problem string // typo, invalid, unknown
}

func (p trackPage) Hindi() bool { return p.Lang == "hi" }

//go:embed templates/*.html
var templatesFS embed.FS

var trackTemplate = template.Must(template.New("track.html").Funcs(template.FuncMap{
	"ist": func(t time.Time) string { return t.In(shikayat.IST).Format("02 Jan 2006, 15:04") },
	"stageHi": func(s shikayat.Stage) string {
		return map[shikayat.Stage]string{
			"received": "प्राप्त", "forwarded": "ज़िले को भेजी गई", "classified": "श्रेणी तय",
			"assigned": "थाने को सौंपी गई", "in_progress": "कार्यवाही जारी", "closed": "निस्तारित",
		}[s]
	},
	"replied": func(action string) bool { return action == "replied" },
	"statusHi": func(s shikayat.Status) string {
		return map[shikayat.Status]string{"open": "खुली", "in_process": "प्रक्रिया में", "closed": "बंद"}[s]
	},
}).ParseFS(templatesFS, "templates/track.html"))
