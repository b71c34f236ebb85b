package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A running node follows the closing deadlines another node stored with
// --sla-change: once it re-reads them (RefreshSLA, every minute in serve),
// new deadlines — a new complaint's, and one recomputed by an action — are
// the stored ones, and it says that its own differ. A node that changed
// them itself keeps its own until its change is stored.
func TestNodeFollowsStoredSLAPeriods(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		url := dsn()
		t0 := time.Date(2026, 1, 5, 4, 30, 0, 0, time.UTC)
		clock := &slaClock{now: t0}
		old := open(t, url, store.Options{Now: clock.Now})
		if err := old.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		due := func(db *store.DB, id string) time.Duration {
			t.Helper()
			in := post(id, "मेरी बाइक चोरी हो गई")
			in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, District: lucknow162, Confidence: 0.95}
			in.Forward = true
			in.ReceivedAt = clock.Now()
			c, _, err := db.CreateComplaint(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			if c.DueAt == nil {
				t.Fatalf("%s has no deadline", c.Code)
			}
			return c.DueAt.Sub(c.ReceivedAt)
		}
		if differs, err := old.RefreshSLA(ctx); err != nil || differs {
			t.Fatalf("refresh before any change: differs %v, %v", differs, err)
		}
		before := due(old, "p1")
		if before != shikayat.DefaultSLA.MidTermClose {
			t.Fatalf("mid-term deadline %v, want %v", before, shikayat.DefaultSLA.MidTermClose)
		}

		other := shikayat.DefaultSLA
		other.MidTermClose = 5 * 24 * time.Hour
		changer := open(t, url, store.Options{Now: clock.Now, SLA: other, ChangeSLA: true})
		if err := changer.WaitStatsRules(); err != nil {
			t.Fatal(err)
		}
		if differs, err := changer.RefreshSLA(ctx); err != nil || differs {
			t.Fatalf("the changing node: differs %v, %v", differs, err)
		}
		if got := due(changer, "p2"); got != other.MidTermClose {
			t.Fatalf("the changing node's deadline %v, want %v", got, other.MidTermClose)
		}

		differs, err := old.RefreshSLA(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !differs {
			t.Error("the old node does not see that its own deadlines differ from the stored ones")
		}
		if got := due(old, "p3"); got != other.MidTermClose {
			t.Errorf("the old node's new deadline %v, want the stored %v", got, other.MidTermClose)
		}
		// An action that recomputes a deadline uses the stored periods too.
		op := actorIn(t, old, shikayat.Actor{UserID: 1162, Username: "op162", Role: shikayat.RoleDistrictOperator, UnitID: shikayat.DistrictUnitID(lucknow162)})
		in := post("p4", "phone chori ho gaya")
		in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassLongTerm, Type: shikayat.TypeTheft, District: lucknow162, Confidence: 0.95}
		in.Forward = true
		in.ReceivedAt = clock.Now()
		c, _, err := old.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		c, _, err = old.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, op, "")
		if err != nil {
			t.Fatal(err)
		}
		if c.DueAt == nil || c.DueAt.Sub(c.ReceivedAt) != other.MidTermClose {
			t.Errorf("reclassified: deadline %v after receipt, want %v", c.DueAt.Sub(c.ReceivedAt), other.MidTermClose)
		}
	})
}
