package web

import (
	"net/http"

	"github.com/shikayat/shikayat/internal/api"
	"github.com/shikayat/shikayat/internal/desk"
)

// Access says who may call a route.
type Access int

const (
	// Anyone: public pages, the sign-in form.
	Anyone Access = iota
	// Staff: a signed-in member of staff (session cookie or bearer token),
	// which sees only its unit's subtree.
	Staff
)

// Route is one entry of the route table.
type Route struct {
	Pattern string
	Access  Access
	// API routes answer a request that is not signed in with 401 in the
	// API's error shape; pages send it to the sign-in form.
	API     bool
	Handler http.HandlerFunc
}

// Handlers are what the route table mounts.
type Handlers struct {
	Desk  *desk.Handler
	API   *api.Handler
	Track *Tracker
	// Alerts streams live alerts to signed-in staff (server-sent events).
	Alerts http.Handler
}

// Routes is the route table of the desk, its API and the public pages: the
// one place where a path is given a handler and an access rule. The
// authorisation matrix test is generated from it.
func Routes(h Handlers) []Route {
	d, a, track := h.Desk, h.API, h.Track
	return []Route{
		{"GET /{$}", Anyone, false, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/desk/", http.StatusSeeOther)
		}},
		{"GET /t/{code}", Anyone, false, track.Page},
		{"GET /api/v1/track/{code}", Anyone, true, track.JSON},

		{"GET /login", Anyone, false, d.LoginForm},
		{"POST /login", Anyone, false, d.Login},
		{"POST /logout", Anyone, false, d.Logout},
		{"GET /desk/{$}", Staff, false, d.Home},
		{"POST /desk/password", Staff, false, d.ChangePassword},
		{"GET /desk/alerts", Staff, false, h.Alerts.ServeHTTP},
		{"POST /desk/lang", Staff, false, d.SetLang},
		{"GET /desk/complaints/{code}", Staff, false, d.Complaint},
		{"POST /desk/complaints/{code}/actions", Staff, false, d.ComplaintAct},
		{"GET /static/desk.js", Anyone, false, d.Script},
		{"GET /static/alert.wav", Anyone, false, d.Sound},

		{"GET /api/v1/complaints", Staff, true, a.ListComplaints},
		{"GET /api/v1/complaints/{code}", Staff, true, a.ShowComplaint},
		{"POST /api/v1/complaints/{code}/actions", Staff, true, a.ActOnComplaint},
	}
}
