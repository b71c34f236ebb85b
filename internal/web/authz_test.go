package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// anonymous stands for a request that is not signed in.
const anonymous shikayat.Role = ""

// expectFunc gives the status a route answers a role for a complaint in
// the given relation to the role's unit, sensitive or not.
type expectFunc func(role shikayat.Role, rel string, sensitive bool) int

func always(code int) expectFunc { return func(shikayat.Role, string, bool) int { return code } }

// staffOr: signed in → signedIn, else anon.
func staffOr(signedIn, anon int) expectFunc {
	return func(role shikayat.Role, _ string, _ bool) int {
		if role == anonymous {
			return anon
		}
		return signedIn
	}
}

// scoped: a complaint in the user's subtree answers ok; one elsewhere 404,
// as if it did not exist; no sign-in, 401. A sensitive complaint below HQ
// is 404 to HQ roles too.
func scoped(ok int) expectFunc {
	return func(role shikayat.Role, rel string, sensitive bool) int {
		switch {
		case role == anonymous:
			return http.StatusUnauthorized
		case sensitive && rel != "own" && hqRole(role):
			return http.StatusNotFound
		case rel == "own" || rel == "child":
			return ok
		}
		return http.StatusNotFound
	}
}

func hqRole(r shikayat.Role) bool { return r == shikayat.RoleHQAdmin || r == shikayat.RoleHQOperator }

// hqOnly: HQ roles get ok, whatever the unit; other staff 403, the same
// for every object; no sign-in, 401.
func hqOnly(ok int) expectFunc {
	return func(role shikayat.Role, _ string, _ bool) int {
		switch role {
		case anonymous:
			return http.StatusUnauthorized
		case shikayat.RoleHQAdmin, shikayat.RoleHQOperator:
			return ok
		}
		return http.StatusForbidden
	}
}

// hqPage: like hqOnly, but a page sends a request that is not signed in
// to the sign-in form.
func hqPage(ok int) expectFunc {
	return func(role shikayat.Role, rel string, sensitive bool) int {
		if role == anonymous {
			return http.StatusSeeOther
		}
		return hqOnly(ok)(role, rel, sensitive)
	}
}

// scopedPage is scoped for a desk page: no sign-in goes to the sign-in form.
func scopedPage(ok int) expectFunc {
	return func(role shikayat.Role, rel string, sensitive bool) int {
		if role == anonymous {
			return http.StatusSeeOther
		}
		return scoped(ok)(role, rel, sensitive)
	}
}

// matrix is the expected answer of every route of the route table. A route
// without an entry fails the test.
var matrix = map[string]struct {
	expect expectFunc
	// body of the request (form or JSON by its first byte)
	body string
	// stream: the route holds its answer open (server-sent events)
	stream bool
}{
	"GET /{$}":                 {always(http.StatusSeeOther), "", false},
	"GET /t/{code}":            {always(http.StatusOK), "", false},
	"GET /api/v1/track/{code}": {always(http.StatusOK), "", false},
	"GET /login":               {always(http.StatusOK), "", false},
	"POST /login":              {always(http.StatusUnauthorized), "username=&password=", false},
	"POST /logout":             {always(http.StatusSeeOther), "", false},
	"GET /desk/{$}":            {staffOr(http.StatusOK, http.StatusSeeOther), "", false},
	// The right current password and a new one too short: 400, and no
	// failed attempt left to lock the next request out.
	"POST /desk/password":                  {staffOr(http.StatusBadRequest, http.StatusSeeOther), "current=correct+horse+battery&new=short", false},
	"GET /desk/alerts":                     {staffOr(http.StatusOK, http.StatusSeeOther), "", true},
	"GET /desk/review":                     {hqPage(http.StatusOK), "", false},
	"POST /desk/review/posts/{id}":         {hqPage(http.StatusSeeOther), "action=not_complaint", false},
	"GET /desk/accounts":                   {hqPage(http.StatusOK), "", false},
	"POST /desk/lang":                      {staffOr(http.StatusSeeOther, http.StatusSeeOther), "lang=en&back=/desk/", false},
	"GET /desk/complaints/{code}":          {scopedPage(http.StatusOK), "", false},
	"POST /desk/complaints/{code}/actions": {scopedPage(http.StatusSeeOther), "action=note&text=seen", false},
	// The dashboard, the league and the exports: every member of staff,
	// each for its own subtree.
	"GET /desk/stats":                        {staffOr(http.StatusOK, http.StatusSeeOther), "", false},
	"GET /desk/league":                       {staffOr(http.StatusOK, http.StatusSeeOther), "", false},
	"GET /desk/export/complaints.csv":        {staffOr(http.StatusOK, http.StatusSeeOther), "", false},
	"GET /desk/export/districts.csv":         {staffOr(http.StatusOK, http.StatusSeeOther), "", false},
	"GET /api/v1/stats/districts":            {staffOr(http.StatusOK, http.StatusUnauthorized), "", false},
	"GET /static/desk.js":                    {always(http.StatusOK), "", false},
	"GET /static/alert.wav":                  {always(http.StatusOK), "", false},
	"GET /api/v1/complaints":                 {staffOr(http.StatusOK, http.StatusUnauthorized), "", false},
	"GET /api/v1/complaints/{code}":          {scoped(http.StatusOK), "", false},
	"POST /api/v1/complaints/{code}/actions": {scoped(http.StatusOK), `{"action": "note", "text": "seen"}`, false},
	// {id} is left as it is, a reply that does not exist: in scope or
	// not, 404; a station officer may not give up replies at all.
	"POST /api/v1/complaints/{code}/replies/{id}/give-up": {giveUp, `{"reason": "the citizen was called"}`, false},
	// Open311 is public; its POST wants an API key in the form or the
	// Authorization header, never a session.
	"GET /open311/v2/discovery.json":  {always(http.StatusOK), "", false},
	"GET /open311/v2/discovery.xml":   {always(http.StatusOK), "", false},
	"GET /open311/v2/services.json":   {always(http.StatusOK), "", false},
	"GET /open311/v2/services.xml":    {always(http.StatusOK), "", false},
	"GET /open311/v2/requests.json":   {always(http.StatusOK), "", false},
	"GET /open311/v2/requests.xml":    {always(http.StatusOK), "", false},
	"GET /open311/v2/requests/{file}": {always(http.StatusOK), "", false},
	"POST /open311/v2/requests.json":  {always(http.StatusUnauthorized), "service_code=theft&description=stolen&lat=26.85&long=80.95", false},
	"POST /open311/v2/requests.xml":   {always(http.StatusUnauthorized), "service_code=theft&description=stolen&lat=26.85&long=80.95", false},
	"GET /api/v1/posts":               {hqOnly(http.StatusOK), "", false},
	"POST /api/v1/posts/{id}/actions": {hqOnly(http.StatusOK), `{"action": "not_complaint"}`, false},
	"GET /api/v1/escalations":         {staffOr(http.StatusOK, http.StatusUnauthorized), "", false},
}

// giveUp: district operators and above; station officers 403.
func giveUp(role shikayat.Role, _ string, _ bool) int {
	switch role {
	case anonymous:
		return http.StatusUnauthorized
	case shikayat.RoleStationOfficer:
		return http.StatusForbidden
	}
	return http.StatusNotFound
}

// TestAuthorisationMatrix sends every route of the route table as every
// role (and as nobody) about complaints of its own unit, a sibling unit,
// the parent unit and a unit below it, plain and sensitive, and checks the
// status against the matrix above, on every engine.
func TestAuthorisationMatrix(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		for _, rt := range f.routes {
			if _, ok := matrix[rt.Pattern]; !ok {
				t.Errorf("route %q has no entry in the authorisation matrix", rt.Pattern)
			}
		}
		roles := append([]shikayat.Role{anonymous}, shikayat.Roles...)
		for _, rt := range f.routes {
			m, ok := matrix[rt.Pattern]
			if !ok {
				continue
			}
			method, path, _ := strings.Cut(rt.Pattern, " ")
			path = strings.ReplaceAll(path, "{$}", "")
			for _, role := range roles {
				unit := userUnits[shikayat.RoleStationOfficer]
				if role != anonymous {
					unit = userUnits[role]
				}
				for _, rel := range relations {
					for _, sensitive := range []bool{false, true} {
						target, ok := relatives[unit][rel]
						if !ok {
							continue
						}
						codes, kind := f.codes, ""
						if sensitive {
							codes, kind = f.sensitive, "sensitive "
						}
						name := string(role)
						if role == anonymous {
							name = "anonymous"
						}
						cookie := ""
						if role != anonymous {
							// A fresh session each time: sign-out ends it.
							cookie = f.session(t, f.users[role])
						}
						ctype := ""
						if m.body != "" {
							ctype = "application/x-www-form-urlencoded"
							if m.body[0] == '{' {
								ctype = "application/json"
							}
						}
						do := f.do
						if m.stream {
							do = f.doStream
						}
						dest := strings.NewReplacer("{code}", codes[target], "{id}", heldPostID).Replace(path)
						dest = strings.ReplaceAll(dest, "{file}", codes[target]+".json")
						rec := do(method, dest, ctype, m.body, cookie)
						if want := m.expect(role, rel, sensitive); rec.Code != want {
							t.Errorf("%s as %s, %s unit's %scomplaint: %d, want %d (%s)", rt.Pattern, name, rel, kind, rec.Code, want, strings.TrimSpace(rec.Body.String()))
						}
					}
				}
			}
		}

		t.Run("a listing holds the user's subtree only", func(t *testing.T) {
			for _, role := range shikayat.Roles {
				rec := f.do("GET", "/api/v1/complaints?page=1", "", "", f.session(t, f.users[role]))
				var list struct {
					Data  []shikayat.Complaint `json:"data"`
					Total int                  `json:"total"`
				}
				if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil {
					t.Fatalf("%s: %v: %s", role, err, rec.Body)
				}
				got := map[string]bool{}
				for _, c := range list.Data {
					got[c.Code] = true
				}
				for rel, unit := range relatives[userUnits[role]] {
					in := rel == "own" || rel == "child"
					if got[f.codes[unit]] != in {
						t.Errorf("%s's listing has the %s unit's complaint: %v, want %v", role, rel, got[f.codes[unit]], in)
					}
					in = in && (rel == "own" || !hqRole(role))
					if got[f.sensitive[unit]] != in {
						t.Errorf("%s's listing has the %s unit's sensitive complaint: %v, want %v", role, rel, got[f.sensitive[unit]], in)
					}
				}
				// HQ lists every plain complaint and the sensitive one HQ owns.
				if hqRole(role) && list.Total != len(f.codes)+1 {
					t.Errorf("%s lists %d complaints, want %d", role, list.Total, len(f.codes)+1)
				}
			}
		})
	})
}
