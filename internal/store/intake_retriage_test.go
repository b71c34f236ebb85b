package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// retriageFixture records a pushed complaint, lets act run, then X's own
// read of the post with another text and triage: immediate, assault, in
// Lucknow (162), sensitive, routed at once.
func retriageFixture(t *testing.T, dsn, id string, pushedSensitive bool, act func(db *store.DB, c *shikayat.Complaint)) (*store.DB, *shikayat.Complaint) {
	t.Helper()
	ctx := context.Background()
	db := open(t, dsn, store.Options{Jobs: &countJobs{}})
	pushed := incoming(id, id, "1", "someone took my bag", true)
	pushed.Pushed = true
	pushed.Triage.Sensitive = pushedSensitive
	first, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{pushed})
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.FindComplaintByID(ctx, first[0].ComplaintID, shikayat.SystemScope())
	if err != nil {
		t.Fatal(err)
	}
	if act != nil {
		act(db, c)
	}
	polled := incoming(id, id, "1", "two men beat me and took my bag at Hazratganj, I am bleeding", true)
	polled.Triage.Urgency, polled.Triage.Type, polled.Triage.District = shikayat.ClassImmediate, shikayat.TypeAssaultThreat, 162
	polled.Triage.Sensitive = !pushedSensitive
	polled.Forward = true
	if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{polled}); err != nil {
		t.Fatal(err)
	}
	if c, err = db.FindComplaintByID(ctx, c.ID, shikayat.SystemScope()); err != nil {
		t.Fatal(err)
	}
	if c.Text != polled.Post.Text {
		t.Fatalf("text = %q, want X's", c.Text)
	}
	verifyTrail(t, db)
	return db, c
}

func lastEvent(c *shikayat.Complaint, action string) *shikayat.Event {
	var out *shikayat.Event
	for _, e := range c.Events {
		if e.Action == action {
			out = e
		}
	}
	return out
}

func immediateAlerts(t *testing.T, db *store.DB, code string) int {
	t.Helper()
	as, err := db.AlertsSince(context.Background(), 0, time.Time{}, 100)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range as {
		if a.Code == code && a.Kind == shikayat.AlertImmediate {
			n++
		}
	}
	return n
}

func inReview(t *testing.T, db *store.DB, code string) bool {
	t.Helper()
	_, unsure, err := db.ReviewComplaints(context.Background(), shikayat.SystemScope(), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range unsure {
		if c.Code == code {
			return true
		}
	}
	return false
}

// X's own read replaces the text of a complaint nobody has acted on: its
// triage is applied (class, type, district, routed there, made sensitive,
// the unit alerted), with an internal event naming the changes.
func TestReplacedTextIsTriagedAgain(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db, c := retriageFixture(t, dsn(), "9501", false, nil)
		if c.EffectiveClass() != shikayat.ClassImmediate || c.EffectiveType() != shikayat.TypeAssaultThreat || c.District != 162 || !c.Sensitive {
			t.Fatalf("complaint %s/%s in district %d, sensitive %v: want X's read's triage applied", c.EffectiveClass(), c.EffectiveType(), c.District, c.Sensitive)
		}
		ev := lastEvent(c, store.RetriagedAction)
		if ev == nil || ev.Public || ev.Detail["class"] == "" || ev.Detail["district"] == "" {
			t.Fatalf("event %+v, want an internal event naming the changes", ev)
		}
		if n := immediateAlerts(t, db, c.Code); n != 1 {
			t.Fatalf("%d immediate alerts, want 1", n)
		}
	})
}

// A complaint a person has acted on is not moved by X's read's triage:
// an internal event names the differences, the complaint goes in HQ's
// review queue, and an immediate one alerts its unit. Sensitive still
// becomes true.
func TestReplacedTextOfAWorkedComplaintGoesToReview(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db, c := retriageFixture(t, dsn(), "9502", false, func(db *store.DB, c *shikayat.Complaint) {
			hq := actorIn(t, db, shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq"})
			if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: "Called the citizen."}, hq, ""); err != nil {
				t.Fatal(err)
			}
		})
		if c.EffectiveClass() != shikayat.ClassMidTerm || c.EffectiveType() != shikayat.TypeTheft || c.UnitID != shikayat.HQUnitID {
			t.Fatalf("complaint %s/%s at %s: a complaint a person acted on was moved", c.EffectiveClass(), c.EffectiveType(), c.UnitID)
		}
		if !c.Sensitive {
			t.Fatal("X's read is sensitive, the complaint is not")
		}
		ev := lastEvent(c, store.RetriageDiffersAction)
		if ev == nil || ev.Public || ev.Detail["class"] != "mid_term -> immediate" || ev.Detail["district"] != "0 -> 162" || ev.Detail["type"] == "" {
			t.Fatalf("event %+v, want an internal event naming class, type and district", ev)
		}
		if !inReview(t, db, c.Code) {
			t.Fatal("the complaint is not in HQ's review queue")
		}
		if n := immediateAlerts(t, db, c.Code); n != 1 {
			t.Fatalf("%d immediate alerts, want 1", n)
		}
	})
}

// A replacement never clears sensitive.
func TestReplacedTextKeepsSensitive(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		_, c := retriageFixture(t, dsn(), "9503", true, nil)
		if !c.Sensitive {
			t.Fatal("a replacement cleared sensitive")
		}
	})
}
