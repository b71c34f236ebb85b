package web_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
	"github.com/shikayat/shikayat/internal/auth"
	"github.com/shikayat/shikayat/internal/desk"
	"github.com/shikayat/shikayat/internal/live"
	"github.com/shikayat/shikayat/internal/open311"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/web"
)

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// syncBuffer collects log lines from concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}
func (b *syncBuffer) String() string { b.mu.Lock(); defer b.mu.Unlock(); return b.b.String() }

const testPassword = "correct horse battery"

// deskFixture is a desk on a real database: the unit tree with two stations
// in Lucknow, a user of every role, and a complaint owned by each unit the
// authorisation matrix needs.
type deskFixture struct {
	db     *store.DB
	srv    *web.Server
	desk   *desk.Handler
	routes []web.Route
	clock  *clock
	logs   *syncBuffer
	users  map[shikayat.Role]*shikayat.User
	// codes maps a unit id to the docket code of the complaint it owns.
	codes map[string]string
	// sensitive maps a unit id to the docket code of the sensitive
	// complaint it owns.
	sensitive map[string]string
}

// heldPostID is the post the fixture holds for review.
const heldPostID = "2001"

// userUnits says where each role's user works.
var userUnits = map[shikayat.Role]string{
	shikayat.RoleHQAdmin:          "hq",
	shikayat.RoleHQOperator:       "hq",
	shikayat.RoleSupervisor:       "range:lucknow",
	shikayat.RoleDistrictOperator: "district:162",
	shikayat.RoleStationOfficer:   "station:lko-a",
}

// relatives names, for each user's unit, the units in each relation to it:
// own, a sibling, the parent, and a child (inside its subtree).
var relatives = map[string]map[string]string{
	"hq":            {"own": "hq", "child": "district:162"},
	"range:lucknow": {"own": "range:lucknow", "sibling": "range:ayodhya", "parent": "zone:lucknow", "child": "district:162"},
	"district:162":  {"own": "district:162", "sibling": "district:175", "parent": "range:lucknow", "child": "station:lko-a"},
	"station:lko-a": {"own": "station:lko-a", "sibling": "station:lko-b", "parent": "district:162"},
}

var relations = []string{"own", "sibling", "parent", "child"}

func newDesk(t testing.TB, dsn, baseURL string) *deskFixture {
	t.Helper()
	ctx := context.Background()
	f := &deskFixture{clock: &clock{t: time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)}, logs: &syncBuffer{},
		users: map[shikayat.Role]*shikayat.User{}, codes: map[string]string{}, sensitive: map[string]string{}}
	db, err := store.Open(ctx, dsn, store.Options{Now: f.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f.db = db
	if _, _, err := db.ImportStations(ctx, []*shikayat.Unit{
		{ID: "station:lko-a", Kind: shikayat.UnitStation, Name: "Hazratganj", LGD: 162},
		{ID: "station:lko-b", Kind: shikayat.UnitStation, Name: "Aminabad", LGD: 162},
	}); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range shikayat.Roles {
		u := &shikayat.User{Username: strings.ReplaceAll(string(role), "_", "-"), Role: role, UnitID: userUnits[role]}
		if err := db.CreateUser(ctx, u, hash); err != nil {
			t.Fatal(err)
		}
		f.users[role] = u
	}
	units := []string{"hq", "zone:lucknow", "range:lucknow", "range:ayodhya", "district:162", "district:175", "station:lko-a", "station:lko-b"}
	for i, unit := range units {
		c, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: fmt.Sprint(1000 + i), Text: "complaint at " + unit, AuthorUsername: "citizen"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().ExecContext(ctx, `UPDATE complaints SET unit_id = $1 WHERE id = $2`, unit, c.ID); err != nil {
			t.Fatal(err)
		}
		f.codes[unit] = c.Code
		in := shikayat.NewComplaint{SourcePostID: fmt.Sprint(4400 + i), Text: "sensitive complaint at " + unit, AuthorUsername: "citizen",
			Triage: &shikayat.Triage{Actionable: true, Sensitive: true}}
		if c, _, err = db.CreateComplaint(ctx, in); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().ExecContext(ctx, `UPDATE complaints SET unit_id = $1 WHERE id = $2`, unit, c.ID); err != nil {
			t.Fatal(err)
		}
		f.sensitive[unit] = c.Code
	}
	// A post held for review, HQ's to judge.
	held := shikayat.Incoming{Post: &shikayat.Post{ID: heldPostID, ConversationID: heldPostID, AuthorID: "77", AuthorUsername: "citizen",
		Text: "someone keeps calling me at night", CreatedAt: f.clock.Now()}, MentionsAccount: true,
		Triage: &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Lang: "en", Confidence: 0.5, Handling: shikayat.HandlingReview}}
	if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{held}); err != nil {
		t.Fatal(err)
	}

	logger := web.WithRequestIDs(slog.New(slog.NewJSONHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	f.srv = web.NewServer(logger, prometheus.NewRegistry())
	d, err := desk.New(db, logger, strings.HasPrefix(baseURL, "https://"))
	if err != nil {
		t.Fatal(err)
	}
	d.Now = f.clock.Now
	f.desk = d
	hub := &live.Hub{Source: db, Every: 20 * time.Millisecond}
	hubCtx, stopHub := context.WithCancel(ctx)
	t.Cleanup(stopHub)
	go hub.Run(hubCtx)
	signin := web.Signin{Accounts: db, Sessions: d.Sessions, Origins: []string{baseURL}}
	alerts := &live.Stream{Hub: hub, UnitPath: web.StaffUnitPath, StillSignedIn: f.srv.StillSignedIn(signin)}
	f.routes = web.Routes(web.Handlers{Desk: d, API: &api.Handler{Store: db, Logger: logger, Now: f.clock.Now},
		Track: &web.Tracker{Store: db, Server: f.srv}, Alerts: alerts,
		Open311: &open311.Handler{Store: db, Logger: logger, BaseURL: baseURL, Jurisdiction: "desk.example", Now: f.clock.Now}})
	if err := f.srv.Mount(f.routes, signin); err != nil {
		t.Fatal(err)
	}
	return f
}

// session opens a session for a user directly in the store, as a sign-in
// would, and returns its cookie value.
func (f *deskFixture) session(t testing.TB, u *shikayat.User) string {
	t.Helper()
	id, hash, err := auth.NewSessionID()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.CreateSession(context.Background(), hash, u.ID, "", auth.DefaultSessions.MaxAge); err != nil {
		t.Fatal(err)
	}
	return id
}

// do sends a request to the desk; cookie (a session id) and headers may be
// empty.
func (f *deskFixture) do(method, target, contentType, body, cookie string, header ...string) *httptest.ResponseRecorder {
	return f.doCtx(context.Background(), method, target, contentType, body, cookie, header...)
}

// doStream sends a request to a route that streams, and hangs up soon after.
func (f *deskFixture) doStream(method, target, contentType, body, cookie string, header ...string) *httptest.ResponseRecorder {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	return f.doCtx(ctx, method, target, contentType, body, cookie, header...)
}

func (f *deskFixture) doCtx(ctx context.Context, method, target, contentType, body, cookie string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequestWithContext(ctx, method, target, strings.NewReader(body))
	r.RemoteAddr = "192.0.2.10:40000"
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	if cookie != "" {
		r.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: cookie})
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, r)
	return rec
}

func (f *deskFixture) login(username, password string, header ...string) *httptest.ResponseRecorder {
	form := url.Values{"username": {username}, "password": {password}}.Encode()
	return f.do("POST", "/login", "application/x-www-form-urlencoded", form, "", header...)
}

func sessionCookie(rec *httptest.ResponseRecorder) *http.Cookie {
	for _, c := range rec.Result().Cookies() {
		if c.Name == auth.SessionCookie {
			return c
		}
	}
	return nil
}
