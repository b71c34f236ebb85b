// Package desk serves the staff pages: the sign-in form and the desk under
// /desk/. Pages are html/template views in one layout, embedded, parsed and
// checked at start; their words come from one Hindi/English message table.
package desk

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
	"github.com/shikayat/shikayat/internal/auth"
	"github.com/shikayat/shikayat/internal/throttle"
)

// Store is what the desk's pages read and change.
type Store interface {
	FindUserByUsername(ctx context.Context, username string) (*shikayat.User, string, error)
	CreateSession(ctx context.Context, idHash string, userID int64, address string, maxAge time.Duration) (time.Time, error)
	DeleteSession(ctx context.Context, idHash string) error
	LoginFailures(ctx context.Context, username, address string, window time.Duration) (byAccount, byAddress int, err error)
	RecordLoginFailure(ctx context.Context, username, address string) error
	ClearLoginFailures(ctx context.Context, username string) error
	SetPassword(ctx context.Context, username, hash, keepSession string) error
	ListComplaints(ctx context.Context, f shikayat.ComplaintFilter) (*shikayat.ComplaintPage, error)
	CountByStage(ctx context.Context, scope shikayat.Scope) (count, overdue map[shikayat.Stage]int, err error)
	FindComplaint(ctx context.Context, code string, scope shikayat.Scope) (*shikayat.Complaint, error)
	// RecordView appends a "viewed" event to a sensitive complaint.
	RecordView(ctx context.Context, code string, by shikayat.Actor) error
	ComplaintThread(ctx context.Context, code string, scope shikayat.Scope) (*shikayat.Thread, error)
	ApplyAction(ctx context.Context, code string, a shikayat.Action, by shikayat.Actor, idemKey string) (*shikayat.Complaint, *shikayat.Event, error)
	SetUserLang(ctx context.Context, userID int64, lang string) error
	ApproveReply(ctx context.Context, code string, eventID int64, by shikayat.Actor) (*shikayat.Complaint, *shikayat.Event, error)
	DistrictStats(ctx context.Context, f shikayat.StatsFilter) (*shikayat.Stats, error)
	// PublishedLeague reads the state's table published for end, with the
	// scope's districts (ENOTFOUND: none published); ProvisionalLeague
	// counts one live within the scope. Neither writes.
	ProvisionalLeague(ctx context.Context, scope shikayat.Scope, end time.Time, r shikayat.LeagueRules) (*shikayat.LeagueTable, error)
	PublishedLeague(ctx context.Context, scope shikayat.Scope, end time.Time, r shikayat.LeagueRules) (*shikayat.LeagueTable, error)
	// EachComplaint streams the complaints a filter matches, one at a time.
	EachComplaint(ctx context.Context, f shikayat.ComplaintFilter, fn func(*shikayat.Complaint) error) error
}

// Handler serves the desk's pages.
type Handler struct {
	Store  Store
	Logger *slog.Logger
	// Secure marks the session cookie Secure: the desk is served over https.
	Secure   bool
	Sessions auth.Sessions
	Throttle auth.Throttle
	// RenderReply renders a staff reply as it will be posted on X, so that
	// its length is counted as X counts it; nil counts the text followed by
	// " (DOCKET)", as the default reply template renders it.
	RenderReply func(lang, text, code string) (string, error)
	// Now is the clock that says what is overdue; nil is the system clock.
	Now func() time.Time
	// Clients says which address a request comes from (sign-in throttling
	// counts failures per address): the peer, unless a trusted proxy
	// names the client.
	Clients throttle.Clients
	// PoliceAccounts are the force's accounts on X (the state account
	// first), shown to HQ; AccountTrouble tells what X last said of an
	// account's credentials (nil while it answers).
	PoliceAccounts shikayat.Accounts
	AccountTrouble func(username string) error
	// Map draws the dashboard's map; nil (no --boundaries) shows none.
	Map DistrictMap
	// LeagueRules set the league table; zero is shikayat.DefaultLeague.
	LeagueRules shikayat.LeagueRules

	views map[string]*template.Template
	// liveLeague lets one live count of the league (a full scan of the
	// window) run at a time in this process; others wait their turn.
	liveLeague     chan struct{}
	liveLeagueOnce sync.Once
}

//go:embed templates/*.html
var templatesFS embed.FS

// New returns a desk with its templates parsed and checked: every message
// key a template names must be in the message table.
func New(store Store, logger *slog.Logger, secure bool) (*Handler, error) {
	h := &Handler{Store: store, Logger: logger, Secure: secure, Sessions: auth.DefaultSessions, Throttle: auth.DefaultThrottle, views: map[string]*template.Template{}}
	funcs := template.FuncMap{
		"ist": func(t time.Time) string { return t.In(shikayat.IST).Format("02 Jan 2006, 15:04") + " IST" },
		"istp": func(t *time.Time) string {
			if t == nil {
				return "—"
			}
			return t.In(shikayat.IST).Format("02 Jan 2006, 15:04") + " IST"
		},
		"safeURL": safeURL,
		"overdue": func(now time.Time, c *shikayat.Complaint) bool {
			return c.Stage != shikayat.StageClosed && c.DueAt != nil && now.After(*c.DueAt)
		},
		"classKey": func(c shikayat.Class) string { return "class_" + string(c) },
		"typeKey":  func(t shikayat.Type) string { return "type_" + string(t) },
		"resKey":   func(r shikayat.Resolution) string { return "res_" + string(r) },
		"kindKey":  func(k shikayat.RecordKind) string { return "kind_" + string(k) },
		"replyKey": func(s shikayat.ReplyState) string { return "reply_" + string(s) },
		"actionKey": func(a string) string {
			if _, ok := messages["action_"+a]; ok {
				return "action_" + a
			}
			return a
		},
		"pct": func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
		"deref": func(f *float64) float64 {
			if f == nil {
				return 0
			}
			return *f
		},
		"district":      districtName,
		"stageKey":      stageKey,
		"roleKey":       roleKey,
		"postRows":      postRows,
		"complaintRows": complaintRows,
		"short": func(s string) string {
			if r := []rune(s); len(r) > 140 {
				return string(r[:140]) + "…"
			}
			return s
		},
	}
	layout, err := fs.ReadFile(templatesFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	keyRE := regexp.MustCompile(`\.T "([a-z_]+)"`)
	for _, name := range append(append([]string{"login", "inbox", "complaint", "stats", "league"}, reviewViews...), accountViews...) {
		src, err := fs.ReadFile(templatesFS, "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		for _, m := range keyRE.FindAllSubmatch(append(append([]byte{}, layout...), src...), -1) {
			if _, ok := messages[string(m[1])]; !ok {
				return nil, fmt.Errorf("desk: template %s names message %q, which the table lacks", name, m[1])
			}
		}
		t, err := template.New("layout.html").Funcs(funcs).Parse(string(layout))
		if err == nil {
			_, err = t.New(name + ".html").Parse(string(src))
		}
		if err != nil {
			return nil, fmt.Errorf("desk: template %s: %w", name, err)
		}
		h.views[name] = t
	}
	return h, nil
}

// Page is what every view gets: the language, the signed-in member of staff
// (nil on the sign-in form) and a message.
type Page struct {
	Lang  Lang
	Staff *shikayat.Staff
	// Error and Notice are message keys, shown above the page.
	Error, Notice string
	// ErrorText is an error already in the page's language.
	ErrorText string
	// Path is the page's own path, for the language toggle.
	Path string
}

// T returns a message in the page's language.
func (p *Page) T(key string) string { return T(p.Lang, key) }

// OtherLang is the language the toggle switches to.
func (p *Page) OtherLang() Lang {
	if p.Lang == Hindi {
		return English
	}
	return Hindi
}

// contentSecurityPolicy lets desk pages load only the desk's own resources
// and run no inline script: text that came from a post stays text.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// render writes a view with status code.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, code int, view string, data any) {
	var buf bytes.Buffer
	if err := h.views[view].ExecuteTemplate(&buf, "layout.html", data); err != nil {
		h.Logger.ErrorContext(r.Context(), "render page", slog.String("view", view), slog.Any("error", err))
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Content-Security-Policy", contentSecurityPolicy)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "same-origin")
	hdr.Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// langCookie remembers the language the user chose.
const langCookie = "shikayat_lang"

// pageLang picks the page's language: ?lang= (remembered in a cookie), the
// signed-in user's choice, the cookie, Accept-Language; Hindi by default.
func pageLang(w http.ResponseWriter, r *http.Request) Lang {
	switch l := Lang(r.URL.Query().Get("lang")); l {
	case Hindi, English:
		setLangCookie(w, l)
		return l
	}
	if s := shikayat.StaffFromContext(r.Context()); s != nil && (s.User.Lang == string(Hindi) || s.User.Lang == string(English)) {
		return Lang(s.User.Lang)
	}
	if c, err := r.Cookie(langCookie); err == nil && (c.Value == string(Hindi) || c.Value == string(English)) {
		return Lang(c.Value)
	}
	if strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "en") {
		return English
	}
	return Hindi
}

// problem writes an error as a small page in the user's language.
func (h *Handler) problem(w http.ResponseWriter, r *http.Request, err error) {
	code := api.Status(err)
	if code == http.StatusInternalServerError {
		h.Logger.ErrorContext(r.Context(), "desk error", slog.String("path", r.URL.Path), slog.Any("error", err))
	}
	api.SetRetryAfter(w, err)
	http.Error(w, shikayat.ErrorMessage(err), code)
}
