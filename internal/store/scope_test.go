package store_test

import (
	"context"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestScopeNeverFailsOpen: a read or action without a scope is refused, a
// unit sees only its subtree, and the public lookup carries public fields
// only.
func TestScopeNeverFailsOpen(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{})
		in := post("1", "chain snatched near the market")
		in.Triage = &shikayat.Triage{District: 162, Actionable: true}
		in.Forward = true
		c, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		note := shikayat.Action{Kind: shikayat.ActionNote, Text: "called the beat officer"}
		if _, _, err := db.ApplyAction(ctx, c.Code, note, shikayat.SystemActor, ""); err != nil {
			t.Fatal(err)
		}

		t.Run("the zero scope is refused", func(t *testing.T) {
			var none shikayat.Scope
			_, err := db.FindComplaint(ctx, c.Code, none)
			wantCode(t, err, shikayat.EFORBIDDEN)
			_, err = db.FindComplaintByID(ctx, c.ID, none)
			wantCode(t, err, shikayat.EFORBIDDEN)
			_, err = db.ListComplaints(ctx, shikayat.ComplaintFilter{})
			wantCode(t, err, shikayat.EFORBIDDEN)
			_, err = db.CountByDistrictStage(ctx, none)
			wantCode(t, err, shikayat.EFORBIDDEN)
			_, _, err = db.ApplyAction(ctx, c.Code, note, shikayat.Actor{UserID: 9, Username: "nobody", Role: shikayat.RoleHQAdmin}, "")
			wantCode(t, err, shikayat.EFORBIDDEN)
		})
		t.Run("a unit sees its subtree only", func(t *testing.T) {
			lko := actorIn(t, db, lucknow)
			if _, err := db.FindComplaint(ctx, c.Code, lko.Scope); err != nil {
				t.Fatalf("own district: %v", err)
			}
			raebareli := actorIn(t, db, shikayat.Actor{UserID: 8, Username: "rbl-op", Role: shikayat.RoleDistrictOperator, UnitID: "district:175"})
			_, err := db.FindComplaint(ctx, c.Code, raebareli.Scope)
			wantCode(t, err, shikayat.ENOTFOUND)
			page, err := db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: raebareli.Scope})
			if err != nil || page.Total != 0 {
				t.Fatalf("sibling district lists %v, %v", page, err)
			}
			_, _, err = db.ApplyAction(ctx, c.Code, note, raebareli, "")
			wantCode(t, err, shikayat.ENOTFOUND)
		})
		t.Run("an HQ role at a district sees the district only", func(t *testing.T) {
			unit, _ := db.FindUnit(ctx, "district:175")
			u := &shikayat.User{ID: 3, Role: shikayat.RoleHQOperator, UnitID: unit.ID}
			_, err := db.FindComplaint(ctx, c.Code, shikayat.ScopeOf(u, unit))
			wantCode(t, err, shikayat.ENOTFOUND)
			u.Disabled = true
			hq, _ := db.FindUnit(ctx, "hq")
			u.UnitID = "hq"
			if s := shikayat.ScopeOf(u, hq); !s.IsZero() {
				t.Fatalf("a disabled user's scope = %v", s)
			}
		})
		t.Run("the public lookup returns public fields only", func(t *testing.T) {
			pub, err := db.TrackComplaint(ctx, c.Code)
			if err != nil {
				t.Fatal(err)
			}
			if pub.Text != "" || pub.AuthorUsername != "" || pub.AuthorID != "" || pub.SourcePostID != "" || pub.UnitID != "" {
				t.Fatalf("public lookup leaks personal fields: %+v", pub)
			}
			if pub.Stage != shikayat.StageForwarded || pub.District != 162 || len(pub.Events) < 2 {
				t.Fatalf("public lookup = %+v", pub)
			}
			for _, e := range pub.Events {
				if e.Note != "" && !e.Public {
					t.Fatalf("internal note in the public lookup: %+v", e)
				}
				if e.Actor != "" {
					t.Fatalf("actor in the public lookup: %+v", e)
				}
			}
		})
	})
}
