package web

import (
	"context"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
	"github.com/shikayat/shikayat/internal/throttle"
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

// TrackingStep is one entry of the public history (shikayat.PublicHistory):
// a change of stage or a note the staff marked public.
type TrackingStep struct {
	At    time.Time      `json:"at"`
	Stage shikayat.Stage `json:"stage"`
	// Note is the staff's public note, contacts masked; "" on a stage
	// change without one. The page says what the step was in the reader's
	// language from Step.
	Note   string `json:"note"`
	Action string `json:"action"` // the trail's action: receive, forward, replied, note, close…
	// Step names the public step (shikayat.Step*): received, forwarded,
	// classified, assigned, in_progress, note, replied, closed, merged,
	// reopened, appeal.
	Step       string              `json:"step"`
	Resolution shikayat.Resolution `json:"resolution,omitempty"`
}

// NewTracking makes the public view of a complaint, its public notes
// masked by mask (shikayat.MaskContacts when nil).
func NewTracking(c *shikayat.Complaint, mask func(string) string) *Tracking {
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
	for _, s := range shikayat.PublicHistory(c.Events, mask) {
		t.History = append(t.History, TrackingStep{At: s.At.UTC(), Stage: s.Stage, Note: s.Note, Action: s.Action,
			Step: s.Step, Resolution: s.Resolution})
	}
	return t
}

// Tracker serves the public tracking API and page.
type Tracker struct {
	Store  Complaints
	Server *Server
	// Limit, when not nil, limits the lookups per client address: a client
	// over it is answered 429 with Retry-After before any lookup.
	Limit *throttle.Lookups
	// Clients says which address a request comes from.
	Clients throttle.Clients

	answers rendered
}

// mask is the server's masking of public notes, or MaskContacts without
// a server.
func (t *Tracker) mask() func(string) string {
	if t.Server == nil {
		return shikayat.MaskContacts
	}
	return t.Server.MaskNote
}

// lookup finds the complaint for a request, unless the client is over its
// limit (throttle.Lookups.Lookup).
func (t *Tracker) lookup(r *http.Request) (c *shikayat.Complaint, err error) {
	find := func() error {
		c, err = t.Store.TrackComplaint(r.Context(), r.PathValue("code"))
		return err
	}
	if t.Limit == nil {
		find()
	} else {
		err = t.Limit.Lookup(t.Clients.Addr(r), find)
	}
	return c, err
}

// JSON serves GET /api/v1/track/{code}.
func (t *Tracker) JSON(w http.ResponseWriter, r *http.Request) {
	c, err := t.lookup(r)
	if err != nil {
		t.Server.Error(w, r, err)
		return
	}
	b, err := t.answers.get(renderKey{c: c, kind: "json"}, func() ([]byte, error) { return trackingJSON(c, t.mask()) })
	if err != nil {
		t.Server.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
}

// Page serves GET /t/{code}.
func (t *Tracker) Page(w http.ResponseWriter, r *http.Request) {
	s := t.Server
	lang := pageLang(r)
	page := trackPage{Lang: lang, Code: r.PathValue("code")}
	c, err := t.lookup(r)
	code := http.StatusOK
	switch {
	case err == nil:
		b, err := t.answers.get(renderKey{c: c, kind: lang, code: page.Code}, func() ([]byte, error) {
			page.T = NewTracking(c, t.mask())
			return trackingPage(page)
		})
		if err != nil {
			s.Error(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
		return
	case shikayat.IsDocketTypo(err):
		code, page.Problem = http.StatusBadRequest, "typo"
	case shikayat.ErrorCode(err) == shikayat.EINVALID:
		code, page.Problem = http.StatusBadRequest, "invalid"
	case shikayat.ErrorCode(err) == shikayat.ENOTFOUND:
		code, page.Problem = http.StatusNotFound, "unknown"
	case shikayat.ErrorCode(err) == shikayat.ETOOMANY:
		code, page.Problem = http.StatusTooManyRequests, "busy"
		api.SetRetryAfter(w, err)
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
	Problem string // typo, invalid, unknown, busy
}

func (p trackPage) Hindi() bool { return p.Lang == "hi" }

// T is the page's text for key in its language (trackText).
func (p trackPage) Text(key string) string { return trackText[p.Lang][key] }

//go:embed templates/*.html
var templatesFS embed.FS

// monthsHi are the months in Hindi, for dates on the Hindi page.
var monthsHi = [12]string{"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"}

// istIn writes a time in IST, its month in the page's language.
func istIn(lang string, t time.Time) string {
	t = t.In(shikayat.IST)
	if lang == "hi" {
		return fmt.Sprintf("%02d %s %d, %s", t.Day(), monthsHi[t.Month()-1], t.Year(), t.Format("15:04"))
	}
	return t.Format("02 Jan 2006, 15:04")
}

var trackTemplate = template.Must(template.New("track.html").Funcs(template.FuncMap{
	"ist": istIn,
	"tr":  func(lang, key string) string { return trackText[lang][key] },
}).ParseFS(templatesFS, "templates/track.html"))
