package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// An immediate complaint alerts the unit it lands in, in the transaction
// that lands it: at intake, by a forward, by an assignment, or when a class
// set later makes it immediate. Other actions alert nobody.
func TestImmediateComplaintsAlertTheUnitTheyLandIn(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{})
		if _, _, err := db.ImportStations(ctx, []*shikayat.Unit{{ID: "station:lko-hazratganj", Kind: shikayat.UnitStation, Name: "Hazratganj", LGD: 162}}); err != nil {
			t.Fatal(err)
		}
		var last int64
		alerts := func() []*shikayat.Alert {
			t.Helper()
			got, err := db.AlertsSince(ctx, last, time.Now().Add(time.Hour), 100)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range got {
				last = max(last, a.ID)
			}
			return got
		}
		want := func(step string, got []*shikayat.Alert, unit, code string) {
			t.Helper()
			if len(got) != 1 || got[0].UnitID != unit || got[0].Code != code || got[0].Kind != shikayat.AlertImmediate {
				t.Fatalf("%s: alerts %+v, want one for %s in %s", step, got, code, unit)
			}
			u, _ := db.FindUnit(ctx, unit)
			if got[0].UnitPath != u.Path {
				t.Fatalf("%s: alert path %q, want %q", step, got[0].UnitPath, u.Path)
			}
		}
		immediate := func(id string, forward bool) *shikayat.Complaint {
			in := post(id, "घर में आग लगी है, लोग फंसे हैं")
			in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassImmediate, District: 162, Confidence: 0.95}
			in.Forward = forward
			c, _, err := db.CreateComplaint(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}

		routed := immediate("1", true)
		want("routed at intake", alerts(), "district:162", routed.Code)
		unrouted := immediate("2", false)
		want("not routed", alerts(), shikayat.HQUnitID, unrouted.Code)

		op := actorIn(t, db, lucknow)
		if _, _, err := db.ApplyAction(ctx, routed.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: "on it"}, op, ""); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.ApplyAction(ctx, routed.Code, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassImmediate, Type: shikayat.TypeOther}, op, ""); err != nil {
			t.Fatal(err)
		}
		if got := alerts(); len(got) != 0 {
			t.Fatalf("a note and a class that changes nothing alerted: %+v", got)
		}
		if _, _, err := db.ApplyAction(ctx, routed.Code, shikayat.Action{Kind: shikayat.ActionAssign, Station: "lko-hazratganj", Reason: "local"}, op, ""); err != nil {
			t.Fatal(err)
		}
		want("assigned", alerts(), "station:lko-hazratganj", routed.Code)

		hq := actorIn(t, db, shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: shikayat.HQUnitID})
		if _, _, err := db.ApplyAction(ctx, unrouted.Code, shikayat.Action{Kind: shikayat.ActionForward, District: 164, Reason: "Kanpur"}, hq, ""); err != nil {
			t.Fatal(err)
		}
		want("forwarded", alerts(), "district:164", unrouted.Code)

		// A mid-term complaint made immediate by its district.
		in := post("3", "पड़ोसी रोज़ गाली देता है")
		in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, District: 162, Confidence: 0.95}
		in.Forward = true
		mid, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if got := alerts(); len(got) != 0 {
			t.Fatalf("a mid-term complaint alerted: %+v", got)
		}
		if _, _, err := db.ApplyAction(ctx, mid.Code, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassImmediate, Type: shikayat.TypeAssaultThreat}, op, ""); err != nil {
			t.Fatal(err)
		}
		want("classified immediate", alerts(), "district:162", mid.Code)
	})
}
