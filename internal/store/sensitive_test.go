package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestSensitiveComplaints: a district's sensitive complaint is hidden from
// HQ roles (not found, not listed, not acted on, counted only), seen by the
// district, its zone and the station it is assigned to; views are recorded;
// the public lookup gives the stage alone.
func TestSensitiveComplaints(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{})
		if _, _, err := db.ImportStations(ctx, []*shikayat.Unit{{ID: "station:lko-hazratganj", Kind: shikayat.UnitStation, Name: "Hazratganj", LGD: 162}}); err != nil {
			t.Fatal(err)
		}
		in := post("s1", "meri 14 saal ki beti ke saath chhedchhad")
		in.Triage = &shikayat.Triage{District: 162, Actionable: true, Urgency: shikayat.ClassImmediate, Sensitive: true}
		in.Forward = true
		c, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if !c.Sensitive || !c.SuggestedSensitive {
			t.Fatalf("intake did not take triage's suggestion: %+v", c)
		}
		atHQ := post("s2", "sensitive, not yet routed")
		atHQ.Triage = &shikayat.Triage{Actionable: true, Sensitive: true}
		waiting, _, err := db.CreateComplaint(ctx, atHQ)
		if err != nil {
			t.Fatal(err)
		}

		hq := actorIn(t, db, shikayat.Actor{UserID: 5, Username: "hq-op", Role: shikayat.RoleHQOperator, UnitID: "hq"})
		admin := actorIn(t, db, shikayat.Actor{UserID: 6, Username: "hq-admin", Role: shikayat.RoleHQAdmin, UnitID: "hq"})
		lko := actorIn(t, db, lucknow)
		unit, err := db.FindUnit(ctx, "district:162")
		if err != nil {
			t.Fatal(err)
		}
		zoneID := strings.Split(unit.Path, "/")[1]
		zone := actorIn(t, db, shikayat.Actor{UserID: 9, Username: "zone-sup", Role: shikayat.RoleSupervisor, UnitID: zoneID})
		note := shikayat.Action{Kind: shikayat.ActionNote, Text: "spoke to the family"}

		t.Run("HQ roles cannot find, list or act on a district's", func(t *testing.T) {
			for _, a := range []shikayat.Actor{hq, admin} {
				_, err := db.FindComplaint(ctx, c.Code, a.Scope)
				wantCode(t, err, shikayat.ENOTFOUND)
				_, err = db.FindComplaintByID(ctx, c.ID, a.Scope)
				wantCode(t, err, shikayat.ENOTFOUND)
				_, _, err = db.ApplyAction(ctx, c.Code, note, a, "")
				wantCode(t, err, shikayat.ENOTFOUND)
				err = db.RecordView(ctx, c.Code, a)
				wantCode(t, err, shikayat.ENOTFOUND)
				page, err := db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: a.Scope})
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range page.Complaints {
					if l.Code == c.Code {
						t.Fatalf("%s lists the district's sensitive complaint", a.Username)
					}
				}
				if page.Total != 1 || page.Complaints[0].Code != waiting.Code {
					t.Fatalf("%s lists %d complaints, want HQ's own sensitive one only", a.Username, page.Total)
				}
				// Merging into it is refused as if it did not exist.
				_, _, err = db.ApplyAction(ctx, waiting.Code, shikayat.Action{Kind: shikayat.ActionMerge, Into: c.Code}, a, "")
				wantCode(t, err, shikayat.EINVALID)
			}
		})
		t.Run("its alert names no type and skips HQ", func(t *testing.T) {
			alerts, err := db.AlertsSince(ctx, 0, time.Time{}, 100)
			if err != nil {
				t.Fatal(err)
			}
			var found bool
			for _, a := range alerts {
				if a.Code == c.Code {
					found = true
					if !a.Sensitive || a.Type != "" || a.For("hq/") || !a.For(unit.Path) {
						t.Fatalf("alert = %+v", a)
					}
				}
			}
			if !found {
				t.Fatal("no alert for the immediate sensitive complaint")
			}
		})
		t.Run("HQ counts include it as a number", func(t *testing.T) {
			counts, err := db.CountByDistrictStage(ctx, hq.Scope)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, d := range counts {
				if d.District == 162 {
					n += d.Count
				}
			}
			if n != 1 {
				t.Fatalf("HQ counts %d in Lucknow, want 1", n)
			}
		})
		t.Run("HQ sees one HQ owns", func(t *testing.T) {
			if _, err := db.FindComplaint(ctx, waiting.Code, hq.Scope); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("the district and its zone see it", func(t *testing.T) {
			for _, a := range []shikayat.Actor{lko, zone} {
				if _, err := db.FindComplaint(ctx, c.Code, a.Scope); err != nil {
					t.Fatalf("%s: %v", a.Username, err)
				}
				page, err := db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: a.Scope})
				if err != nil || page.Total != 1 || page.Complaints[0].Code != c.Code {
					t.Fatalf("%s lists %+v, %v", a.Username, page, err)
				}
			}
		})
		t.Run("the station it is assigned to sees and works it", func(t *testing.T) {
			if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassImmediate}, lko, ""); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionAssign, Station: "lko-hazratganj"}, lko, ""); err != nil {
				t.Fatal(err)
			}
			so := actorIn(t, db, shikayat.Actor{UserID: 8, Username: "ganj-so", Role: shikayat.RoleStationOfficer, UnitID: "station:lko-hazratganj"})
			if _, err := db.FindComplaint(ctx, c.Code, so.Scope); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.ApplyAction(ctx, c.Code, note, so, ""); err != nil {
				t.Fatal(err)
			}
			if _, err := db.FindComplaint(ctx, c.Code, zone.Scope); err != nil {
				t.Fatalf("zone, once assigned: %v", err)
			}
			_, err := db.FindComplaint(ctx, c.Code, hq.Scope)
			wantCode(t, err, shikayat.ENOTFOUND)
		})
		t.Run("each view by a person is recorded, the system's not", func(t *testing.T) {
			viewed := func() []*shikayat.Event {
				got, err := db.FindComplaint(ctx, c.Code, shikayat.SystemScope())
				if err != nil {
					t.Fatal(err)
				}
				var out []*shikayat.Event
				for _, e := range got.Events {
					if e.Action == "viewed" {
						out = append(out, e)
					}
				}
				return out
			}
			before := len(viewed())
			if err := db.RecordView(ctx, c.Code, zone); err != nil {
				t.Fatal(err)
			}
			if err := db.RecordView(ctx, c.Code, shikayat.SystemActor); err != nil {
				t.Fatal(err)
			}
			got := viewed()
			if len(got) != before+1 {
				t.Fatalf("%d views recorded, want %d", len(got), before+1)
			}
			e := got[len(got)-1]
			if e.UserID != zone.UserID || e.Actor != zone.Name() || e.Public || e.At.IsZero() {
				t.Fatalf("view event = %+v", e)
			}
			if _, err := db.FindComplaint(ctx, c.Code, lko.Scope); err != nil {
				t.Fatal(err)
			}
			plain := post("s3", "chain snatched")
			plain.Triage = &shikayat.Triage{District: 162, Actionable: true}
			plain.Forward = true
			p, _, err := db.CreateComplaint(ctx, plain)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.RecordView(ctx, p.Code, lko); err != nil {
				t.Fatal(err)
			}
			p, _ = db.FindComplaint(ctx, p.Code, lko.Scope)
			for _, e := range p.Events {
				if e.Action == "viewed" {
					t.Fatal("a view of a plain complaint was recorded")
				}
			}
		})
		t.Run("the public lookup gives the stage alone", func(t *testing.T) {
			pub, err := db.TrackComplaint(ctx, c.Code)
			if err != nil {
				t.Fatal(err)
			}
			if pub.Code != c.Code || pub.Stage != shikayat.StageInProgress || pub.District != 0 || pub.Class != "" ||
				!pub.UpdatedAt.IsZero() || !pub.ReceivedAt.IsZero() || pub.Events != nil || pub.ClosedAt != nil {
				t.Fatalf("public lookup of a sensitive complaint = %+v", pub)
			}
		})
		t.Run("staff clear it and HQ sees it again", func(t *testing.T) {
			no, yes := false, true
			got, ev, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &no}, lko, "")
			if err != nil || got.Sensitive || ev.Public {
				t.Fatalf("cleared = %+v, %+v, %v", got, ev, err)
			}
			if _, err := db.FindComplaint(ctx, c.Code, hq.Scope); err != nil {
				t.Fatalf("HQ, once cleared: %v", err)
			}
			if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes}, hq, ""); err != nil {
				t.Fatal(err)
			}
			_, err = db.FindComplaint(ctx, c.Code, hq.Scope)
			wantCode(t, err, shikayat.ENOTFOUND)
		})
	})
}
