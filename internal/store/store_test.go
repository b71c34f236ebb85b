package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// clock is a settable clock for tests.
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

func newClock() *clock { return &clock{t: time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)} }

func open(t *testing.T, dsn string, opts store.Options) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, opts)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func post(id, text string) shikayat.NewComplaint {
	return shikayat.NewComplaint{SourcePostID: id, Text: text, AuthorID: "u" + id, AuthorUsername: "citizen" + id, Lang: "hi"}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := shikayat.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

var lucknow = shikayat.Actor{UserID: 7, Username: "lko-op", Role: shikayat.RoleDistrictOperator, UnitID: "district:162"}

// actorIn returns a user actor scoped to unit id, with the path the store has.
func actorIn(t *testing.T, db *store.DB, a shikayat.Actor) shikayat.Actor {
	t.Helper()
	u, err := db.FindUnit(context.Background(), a.UnitID)
	if err != nil {
		t.Fatal(err)
	}
	a.Scope = shikayat.ScopeOf(&shikayat.User{ID: a.UserID, Username: a.Username, Role: a.Role, UnitID: a.UnitID}, u)
	return a
}

func TestStore(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()

		t.Run("seeds the unit tree", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			units, err := db.ListUnits(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[shikayat.UnitKind]int{}
			for _, u := range units {
				kinds[u.Kind]++
			}
			if kinds[shikayat.UnitDistrict] != 75 || kinds[shikayat.UnitState] != 1 {
				t.Fatalf("kinds = %v, want 75 districts and 1 HQ", kinds)
			}
			lko, err := db.FindUnit(ctx, "district:162")
			if err != nil {
				t.Fatal(err)
			}
			if lko.Name != "Lucknow" || lko.LGD != 162 || !strings.HasPrefix(lko.Path, "hq/zone:") || !strings.HasSuffix(lko.Path, "/district:162/") {
				t.Fatalf("Lucknow = %+v", lko)
			}
		})

		t.Run("opening again migrates nothing and keeps data", func(t *testing.T) {
			d := dsn()
			db := open(t, d, store.Options{})
			c, _, err := db.CreateComplaint(ctx, post("1", "chain snatching near Hazratganj"))
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			db2 := open(t, d, store.Options{})
			if _, err := db2.FindComplaint(ctx, c.Code, shikayat.SystemScope()); err != nil {
				t.Fatalf("after reopen: %v", err)
			}
		})

		t.Run("create is idempotent on the source post", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			c1, created1, err := db.CreateComplaint(ctx, post("100", "मेरी बाइक चोरी हो गई"))
			if err != nil || !created1 {
				t.Fatalf("first create: %v, created=%v", err, created1)
			}
			c2, created2, err := db.CreateComplaint(ctx, post("100", "different text, same post"))
			if err != nil {
				t.Fatal(err)
			}
			if created2 || c2.Code != c1.Code || c2.ID != c1.ID {
				t.Fatalf("second create = %s created=%v, want %s created=false", c2.Code, created2, c1.Code)
			}
			got, err := db.FindComplaint(ctx, c1.Code, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Events) != 1 || got.Events[0].ToStage != shikayat.StageReceived {
				t.Fatalf("events = %+v, want one received", got.Events)
			}
			if got.Text != "मेरी बाइक चोरी हो गई" || got.Stage != shikayat.StageReceived || got.UnitID != "hq" {
				t.Fatalf("complaint = %+v", got)
			}
		})

		t.Run("concurrent creates of one post make one complaint", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			var wg sync.WaitGroup
			codes := make([]string, 8)
			errs := make([]error, 8)
			for i := range codes {
				wg.Add(1)
				go func() {
					defer wg.Done()
					c, _, err := db.CreateComplaint(ctx, post("200", "phone stolen in Gomti Nagar"))
					errs[i] = err
					if err == nil {
						codes[i] = c.Code
					}
				}()
			}
			wg.Wait()
			for i := range codes {
				if errs[i] != nil {
					t.Fatalf("create %d: %v", i, errs[i])
				}
				if codes[i] != codes[0] {
					t.Fatalf("codes differ: %v", codes)
				}
			}
			page, err := db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope()})
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != 1 {
				t.Fatalf("total = %d, want 1", page.Total)
			}
		})

		t.Run("a docket clash draws a new code", func(t *testing.T) {
			// The source repeats the same nine bytes twice, then moves on:
			// the second complaint's first draw clashes with the first's.
			same := bytes.Repeat([]byte{3}, 9)
			other := bytes.Repeat([]byte{5}, 9)
			src := io.MultiReader(bytes.NewReader(same), bytes.NewReader(same), bytes.NewReader(other))
			db := open(t, dsn(), store.Options{Rand: src})
			c1, _, err := db.CreateComplaint(ctx, post("300", "first"))
			if err != nil {
				t.Fatal(err)
			}
			c2, _, err := db.CreateComplaint(ctx, post("301", "second"))
			if err != nil {
				t.Fatal(err)
			}
			want1, _ := shikayat.NewDocket(c1.Code[:4], bytes.NewReader(same))
			want2, _ := shikayat.NewDocket(c1.Code[:4], bytes.NewReader(other))
			if c1.Code != want1 || c2.Code != want2 {
				t.Fatalf("codes = %s, %s; want %s, %s", c1.Code, c2.Code, want1, want2)
			}
		})

		t.Run("bad input is refused and nothing is written", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			for name, in := range map[string]shikayat.NewComplaint{
				"no post id":   {Text: "x"},
				"no text":      {SourcePostID: "9", Text: "  "},
				"bad utf8":     {SourcePostID: "9", Text: "\xff\xfe"},
				"bad district": {SourcePostID: "9", Text: "x", Triage: &shikayat.Triage{District: 99999}},
				"bad class":    {SourcePostID: "9", Text: "x", Triage: &shikayat.Triage{Urgency: "soon"}},
			} {
				_, _, err := db.CreateComplaint(ctx, in)
				if shikayat.ErrorCode(err) != shikayat.EINVALID {
					t.Errorf("%s: err = %v, want invalid", name, err)
				}
			}
			page, err := db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope()})
			if err != nil || page.Total != 0 {
				t.Fatalf("total = %d, %v; want 0", page.Total, err)
			}
		})

		t.Run("a failing job insert rolls the complaint back", func(t *testing.T) {
			db := open(t, dsn(), store.Options{Jobs: failingJobs{}})
			_, _, err := db.CreateComplaint(ctx, post("400", "stolen"))
			if err == nil {
				t.Fatal("create succeeded although its job could not be queued")
			}
			_, err = db.FindComplaintByPost(ctx, "400")
			wantCode(t, err, shikayat.ENOTFOUND)
		})

		t.Run("find forgives how the code is typed and refuses typos", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			c, _, err := db.CreateComplaint(ctx, post("500", "noise at night"))
			if err != nil {
				t.Fatal(err)
			}
			typed := strings.ToLower(c.Code[:4]) + " " + strings.ToLower(c.Code[5:10]) + " " + strings.ToLower(c.Code[10:])
			got, err := db.FindComplaint(ctx, typed, shikayat.SystemScope())
			if err != nil || got.ID != c.ID {
				t.Fatalf("find %q: %v", typed, err)
			}
			typo := []byte(c.Code)
			typo[7] = map[bool]byte{true: 'A', false: 'B'}[typo[7] != 'A']
			_, err = db.FindComplaint(ctx, string(typo), shikayat.SystemScope())
			if !shikayat.IsDocketTypo(err) {
				t.Fatalf("typo: err = %v, want the typo error", err)
			}
			_, err = db.FindComplaintByID(ctx, c.ID+1000, shikayat.SystemScope())
			wantCode(t, err, shikayat.ENOTFOUND)
		})

		t.Run("lifecycle through the store", func(t *testing.T) {
			clk := newClock()
			db := open(t, dsn(), store.Options{Now: clk.Now})
			if _, _, err := db.ImportStations(ctx, []*shikayat.Unit{{ID: "station:lko-hazratganj", Kind: shikayat.UnitStation, Name: "Hazratganj", LGD: 162}}); err != nil {
				t.Fatal(err)
			}
			in := post("600", "हजरतगंज में चेन छीन ली")
			in.Triage = &shikayat.Triage{District: 162, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, Confidence: 0.95}
			in.Forward = true
			c, _, err := db.CreateComplaint(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			if c.Stage != shikayat.StageForwarded || c.UnitID != "district:162" || c.District != 162 {
				t.Fatalf("after intake = %s %s", c.Stage, c.UnitID)
			}
			op := actorIn(t, db, lucknow)
			station := actorIn(t, db, shikayat.Actor{UserID: 8, Username: "ganj-so", Role: shikayat.RoleStationOfficer, UnitID: "station:lko-hazratganj"})
			steps := []struct {
				by    shikayat.Actor
				a     shikayat.Action
				stage shikayat.Stage
			}{
				{op, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, shikayat.StageClassified},
				{op, shikayat.Action{Kind: shikayat.ActionAssign, Station: "lko-hazratganj", Reason: "area of the station"}, shikayat.StageAssigned},
				{station, shikayat.Action{Kind: shikayat.ActionNote, Text: "CCTV footage collected", Public: true}, shikayat.StageInProgress},
				{station, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionFIRRegistered, Note: "FIR 112/2026"}, shikayat.StageClosed},
				{op, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "citizen says chain not recovered"}, shikayat.StageInProgress},
			}
			for _, s := range steps {
				clk.Add(time.Minute)
				got, ev, err := db.ApplyAction(ctx, c.Code, s.a, s.by, "")
				if err != nil {
					t.Fatalf("%s: %v", s.a.Kind, err)
				}
				if got.Stage != s.stage || ev.ToStage != s.stage || ev.Actor != s.by.Username {
					t.Fatalf("%s: stage %s, event %+v; want %s", s.a.Kind, got.Stage, ev, s.stage)
				}
			}
			got, err := db.FindComplaint(ctx, c.Code, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Events) != 2+len(steps) {
				t.Fatalf("events = %d, want %d", len(got.Events), 2+len(steps))
			}
			if got.FirstActionAt == nil || got.Class != shikayat.ClassMidTerm || got.StationID != "lko-hazratganj" {
				t.Fatalf("complaint = %+v", got)
			}
			// A refused action changes nothing and leaves no event.
			_, _, err = db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "again"}, op, "")
			wantCode(t, err, shikayat.EINVALID)
			if !strings.Contains(shikayat.ErrorMessage(err), "reopen") || !strings.Contains(shikayat.ErrorMessage(err), "in_progress") {
				t.Fatalf("message %q does not name the action and stage", shikayat.ErrorMessage(err))
			}
			again, _ := db.FindComplaint(ctx, c.Code, shikayat.SystemScope())
			if len(again.Events) != len(got.Events) || again.Stage != got.Stage {
				t.Fatal("a refused action changed the complaint")
			}
			// A station officer may not route.
			_, _, err = db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionForward, District: 164}, station, "")
			wantCode(t, err, shikayat.EFORBIDDEN)
			// Forwarding bounces it away, clears the station and keeps the class as a suggestion.
			moved, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionForward, District: 164, Reason: "happened in Kanpur"}, op, "")
			if err != nil {
				t.Fatal(err)
			}
			if moved.Stage != shikayat.StageForwarded || moved.StationID != "" || moved.Class != "" || moved.SuggestedClass != shikayat.ClassMidTerm || moved.Bounces != 1 || !moved.UnitSince.Equal(clk.Now()) {
				t.Fatalf("after forward = %+v", moved)
			}
			// Now outside Lucknow's scope: not found, as if it did not exist.
			_, err = db.FindComplaint(ctx, c.Code, op.Scope)
			wantCode(t, err, shikayat.ENOTFOUND)
			_, _, err = db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: "x"}, op, "")
			wantCode(t, err, shikayat.ENOTFOUND)
		})

		t.Run("assign checks the station's district and the class", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			db.ImportStations(ctx, []*shikayat.Unit{{ID: "station:knp-kotwali", Kind: shikayat.UnitStation, Name: "Kotwali", LGD: 164}})
			c, _, _ := db.CreateComplaint(ctx, post("700", "fight"))
			hq := shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq", Scope: shikayat.SystemScope()}
			if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionForward, District: 162}, hq, ""); err != nil {
				t.Fatal(err)
			}
			_, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionAssign, Station: "knp-kotwali"}, hq, "")
			wantCode(t, err, shikayat.EINVALID)
			db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassImmediate}, hq, "")
			_, _, err = db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionAssign, Station: "knp-kotwali"}, hq, "")
			wantCode(t, err, shikayat.EINVALID)
			_, _, err = db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionAssign, Station: "nowhere"}, hq, "")
			wantCode(t, err, shikayat.EINVALID)
		})

		t.Run("an idempotency key makes a retried action harmless", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			c, _, _ := db.CreateComplaint(ctx, post("800", "fraud call"))
			hq := shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq", Scope: shikayat.SystemScope()}
			a := shikayat.Action{Kind: shikayat.ActionNote, Text: "called the citizen"}
			_, e1, err := db.ApplyAction(ctx, c.Code, a, hq, "key-1")
			if err != nil {
				t.Fatal(err)
			}
			got, e2, err := db.ApplyAction(ctx, c.Code, a, hq, "key-1")
			if err != nil {
				t.Fatal(err)
			}
			if e1.ID != e2.ID || len(got.Events) != 2 {
				t.Fatalf("retry made event %d (first %d), %d events", e2.ID, e1.ID, len(got.Events))
			}
			c2, _, _ := db.CreateComplaint(ctx, post("801", "other"))
			_, _, err = db.ApplyAction(ctx, c2.Code, a, hq, "key-1")
			wantCode(t, err, shikayat.ECONFLICT)
		})

		t.Run("merge links the duplicate", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			a, _, _ := db.CreateComplaint(ctx, post("900", "same incident"))
			b, _, _ := db.CreateComplaint(ctx, post("901", "same incident again"))
			hq := shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq", Scope: shikayat.SystemScope()}
			got, _, err := db.ApplyAction(ctx, b.Code, shikayat.Action{Kind: shikayat.ActionMerge, Into: strings.ToLower(a.Code)}, hq, "")
			if err != nil {
				t.Fatal(err)
			}
			if got.Stage != shikayat.StageClosed || got.Resolution != shikayat.ResolutionDuplicate || got.MergedInto != a.Code {
				t.Fatalf("merged = %+v", got)
			}
			_, _, err = db.ApplyAction(ctx, a.Code, shikayat.Action{Kind: shikayat.ActionMerge, Into: a.Code}, hq, "")
			wantCode(t, err, shikayat.EINVALID)
		})

		t.Run("list filters, scopes, searches and pages", func(t *testing.T) {
			clk := newClock()
			db := open(t, dsn(), store.Options{Now: clk.Now})
			mk := func(id, text string, lgd int, class shikayat.Class, typ shikayat.Type) *shikayat.Complaint {
				in := post(id, text)
				in.Triage = &shikayat.Triage{District: lgd, Urgency: class, Type: typ}
				in.Forward = lgd != 0
				c, _, err := db.CreateComplaint(ctx, in)
				if err != nil {
					t.Fatal(err)
				}
				clk.Add(time.Second)
				return c
			}
			mk("1", "हजरतगंज में मोबाइल चोरी", 162, shikayat.ClassMidTerm, shikayat.TypeTheft)
			mk("2", "Fight going on at Aminabad, send force", 162, shikayat.ClassImmediate, shikayat.TypeAssaultThreat)
			mk("3", "UPI fraud of ₹20000 in Kanpur", 164, shikayat.ClassMidTerm, shikayat.TypeCyberFraud)
			mk("4", "daily jam at the crossing", 0, shikayat.ClassLongTerm, shikayat.TypeTraffic)
			list := func(f shikayat.ComplaintFilter) []string {
				t.Helper()
				if f.Scope.IsZero() {
					f.Scope = shikayat.SystemScope()
				}
				page, err := db.ListComplaints(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				var ids []string
				for _, c := range page.Complaints {
					ids = append(ids, c.SourcePostID)
				}
				if page.Total < len(ids) {
					t.Fatalf("total %d < %d listed", page.Total, len(ids))
				}
				return ids
			}
			lko := actorIn(t, db, lucknow)
			for name, tc := range map[string]struct {
				f    shikayat.ComplaintFilter
				want string
			}{
				"everything, newest first": {shikayat.ComplaintFilter{}, "4 3 2 1"},
				"a district's scope":       {shikayat.ComplaintFilter{Scope: lko.Scope}, "2 1"},
				"by stage":                 {shikayat.ComplaintFilter{Stage: shikayat.StageReceived}, "4"},
				"by class":                 {shikayat.ComplaintFilter{Class: shikayat.ClassImmediate}, "2"},
				"by type":                  {shikayat.ComplaintFilter{Type: shikayat.TypeCyberFraud}, "3"},
				"by district":              {shikayat.ComplaintFilter{District: 164}, "3"},
				"Devanagari search":        {shikayat.ComplaintFilter{Query: "मोबाइल"}, "1"},
				"Latin search, any case":   {shikayat.ComplaintFilter{Query: "aminabad"}, "2"},
				// Two runes, one outside the docket alphabet, so no
				// random docket code can match it too.
				"short search":          {shikayat.ComplaintFilter{Query: "₹2"}, "3"},
				"search with wildcards": {shikayat.ComplaintFilter{Query: "100%_"}, ""},
				"search by author":      {shikayat.ComplaintFilter{Query: "@citizen3"}, "3"},
				"page two":              {shikayat.ComplaintFilter{PerPage: 3, Page: 2}, "1"},
			} {
				t.Run(name, func(t *testing.T) {
					if got := strings.Join(list(tc.f), " "); got != tc.want {
						t.Fatalf("got %q, want %q", got, tc.want)
					}
				})
			}
			// An hour and a bit later, the immediate one is overdue; after
			// eleven days the mid-term ones are too.
			clk.Add(61 * time.Minute)
			if got := strings.Join(list(shikayat.ComplaintFilter{Overdue: true}), " "); got != "2" {
				t.Fatalf("overdue after an hour = %q, want 2", got)
			}
			clk.Add(11 * 24 * time.Hour)
			if got := strings.Join(list(shikayat.ComplaintFilter{Overdue: true}), " "); got != "3 2 1" {
				t.Fatalf("overdue after 11 days = %q, want 3 2 1", got)
			}
			_, err := db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope(), Stage: "lost"})
			wantCode(t, err, shikayat.EINVALID)

			counts, err := db.CountByDistrictStage(ctx, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprint(counts)
			want := "[{0 received 1 0} {162 forwarded 2 2} {164 forwarded 1 1}]" // district, stage, count, overdue
			if got != want {
				t.Fatalf("counts = %s, want %s", got, want)
			}
			counts, _ = db.CountByDistrictStage(ctx, lko.Scope)
			if fmt.Sprint(counts) != "[{162 forwarded 2 2}]" {
				t.Fatalf("scoped counts = %v", counts)
			}
		})

		t.Run("the trail is append-only", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			c, _, _ := db.CreateComplaint(ctx, post("1000", "x"))
			_, err := db.SQL().ExecContext(ctx, `UPDATE events SET note = 'changed' WHERE complaint_id = $1`, c.ID)
			if err == nil {
				t.Fatal("an event was changed")
			}
			_, err = db.SQL().ExecContext(ctx, `DELETE FROM events WHERE complaint_id = $1`, c.ID)
			if err == nil {
				t.Fatal("an event was deleted")
			}
		})

		t.Run("stations import creates then updates by id", func(t *testing.T) {
			db := open(t, dsn(), store.Options{})
			st := []*shikayat.Unit{
				{ID: "station:lko-hazratganj", Kind: shikayat.UnitStation, Name: "Hazratganj", LGD: 162},
				{ID: "station:lko-chowk", Kind: shikayat.UnitStation, Name: "Chowk", LGD: 162},
			}
			created, updated, err := db.ImportStations(ctx, st)
			if err != nil || created != 2 || updated != 0 {
				t.Fatalf("first import = %d, %d, %v", created, updated, err)
			}
			st[0].Name, st[0].NameHi = "Hazratganj Kotwali", "हजरतगंज कोतवाली"
			created, updated, err = db.ImportStations(ctx, st[:1])
			if err != nil || created != 0 || updated != 1 {
				t.Fatalf("second import = %d, %d, %v", created, updated, err)
			}
			u, err := db.FindUnit(ctx, "station:lko-hazratganj")
			if err != nil || u.Name != "Hazratganj Kotwali" || u.NameHi != "हजरतगंज कोतवाली" || !strings.HasSuffix(u.Path, "district:162/station:lko-hazratganj/") {
				t.Fatalf("station = %+v, %v", u, err)
			}
			bad := []*shikayat.Unit{
				{ID: "station:new-one", Kind: shikayat.UnitStation, Name: "New", LGD: 162},
				{ID: "station:nowhere", Kind: shikayat.UnitStation, Name: "Nowhere", LGD: 1},
			}
			if _, _, err := db.ImportStations(ctx, bad); shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("bad import err = %v", err)
			}
			if _, err := db.FindUnit(ctx, "station:new-one"); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
				t.Fatal("a failed import left a station behind")
			}
		})
	})
}

type failingJobs struct{}

func (failingJobs) InsertTx(context.Context, *sql.Tx, shikayat.Job) error {
	return errors.New("queue unavailable")
}

func TestParseDSN(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		dsn    string
		engine store.Engine
		bad    bool
	}{
		{"sqlite:shikayat.db", store.SQLite, false},
		{"shikayat.db", store.SQLite, false},
		{"postgres://u:p@localhost/db", store.Postgres, false},
		{"postgresql://localhost/db", store.Postgres, false},
		{"sqlite:", "", true},
		{"sqlite::memory:", "", true},
		{"mysql://x", "", true},
	} {
		engine, _, err := store.ParseDSN(tc.dsn)
		if (err != nil) != tc.bad || engine != tc.engine {
			t.Errorf("ParseDSN(%q) = %q, %v", tc.dsn, engine, err)
		}
	}
	_, _, err := store.ParseDSN("mysql://user:secret@host/db")
	if strings.Contains(err.Error(), "secret") {
		t.Fatalf("error shows the password: %v", err)
	}
}

// Concurrent changes to one complaint never overwrite each other silently:
// each either lands (with its event) or is refused as a conflict, and the
// row agrees with its trail.
func TestConcurrentActionsAgreeWithTheTrail(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{})
		in := post("1", "fight near the market")
		in.Triage, in.Forward = &shikayat.Triage{District: 162}, true
		c, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		hq := shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq", Scope: shikayat.SystemScope()}
		var wg sync.WaitGroup
		for i := 0; i < 12; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				class := shikayat.Classes[i%3]
				_, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClassify, Class: class}, hq, "")
				if err != nil && shikayat.ErrorCode(err) != shikayat.ECONFLICT {
					t.Errorf("classify: %v", err)
				}
			}()
		}
		wg.Wait()
		got, err := db.FindComplaint(ctx, c.Code, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		var last string
		for _, e := range got.Events {
			if e.Action == "classify" {
				last = e.Detail["class"]
			}
		}
		if last == "" || string(got.Class) != last {
			t.Fatalf("class %q, but the trail's last classify says %q", got.Class, last)
		}
	})
}
