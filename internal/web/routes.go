package web

import (
	"net/http"

	"github.com/shikayat/shikayat/internal/api"
	"github.com/shikayat/shikayat/internal/desk"
	"github.com/shikayat/shikayat/internal/open311"
)

// Access says who may call a route.
type Access int

const (
	// Anyone: public pages, the sign-in form.
	Anyone Access = iota
	// Staff: a signed-in member of staff (session cookie or bearer token),
	// which sees only its unit's subtree.
	Staff
	// HQ: a signed-in member of staff of an HQ role, whose scope is the
	// whole state (recorded posts, the review queue). Anyone else signed in
	// is refused with 403: these routes are HQ's whatever the object.
	HQ
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
	// Open311 serves GeoReport v2 (public; its POST checks an API key
	// itself, as the spec passes it in the form).
	Open311 *open311.Handler
}

// Routes is the route table of the desk, its API and the public pages: the
// one place where a path is given a handler and an access rule. The
// authorisation matrix test is generated from it.
func Routes(h Handlers) []Route {
	d, a, track, o := h.Desk, h.API, h.Track, h.Open311
	routes := []Route{
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
		{"GET /desk/review", HQ, false, d.Review},
		{"POST /desk/review/posts/{id}", HQ, false, d.ActOnPost},
		{"GET /desk/accounts", HQ, false, d.Accounts},
		{"POST /desk/lang", Staff, false, d.SetLang},
		{"GET /desk/complaints/{code}", Staff, false, d.Complaint},
		{"POST /desk/complaints/{code}/actions", Staff, false, d.ComplaintAct},
		{"GET /desk/stats", Staff, false, d.Stats},
		{"GET /desk/league", Staff, false, d.League},
		{"GET /desk/export/complaints.csv", Staff, false, d.ExportComplaints},
		{"GET /desk/export/districts.csv", Staff, false, d.ExportDistricts},
		{"GET /static/desk.js", Anyone, false, d.Script},
		{"GET /static/alert.wav", Anyone, false, d.Sound},

		{"GET /api/v1/complaints", Staff, true, a.ListComplaints},
		{"GET /api/v1/complaints/{code}", Staff, true, a.ShowComplaint},
		{"POST /api/v1/complaints/{code}/actions", Staff, true, a.ActOnComplaint},
		// District operators and above; a station officer gets 403.
		{"POST /api/v1/complaints/{code}/replies/{id}/give-up", Staff, true, a.GiveUpReply},

		{"GET /open311/v2/requests/{file}", Anyone, true, o.ShowRequest},

		{"GET /api/v1/posts", HQ, true, a.ListPosts},
		{"POST /api/v1/posts/{id}/actions", HQ, true, a.ActOnPost},
		{"GET /api/v1/escalations", Staff, true, a.ListEscalations},
		{"GET /api/v1/stats/districts", Staff, true, a.DistrictStats},
	}
	for _, f := range open311.Formats {
		routes = append(routes,
			Route{"GET /open311/v2/discovery." + f, Anyone, true, o.Discovery(f)},
			Route{"GET /open311/v2/services." + f, Anyone, true, o.Services(f)},
			Route{"GET /open311/v2/requests." + f, Anyone, true, o.ListRequests(f)},
			Route{"POST /open311/v2/requests." + f, Anyone, true, o.CreateRequest(f)},
		)
	}
	return routes
}
