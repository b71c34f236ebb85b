package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The public view read in one query is the complaint's public fields and
// shikayat.PublicEvents of its full trail, as the desk reads it.
func TestTrackComplaintIsThePublicView(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{Now: newClock().Now})
		in := post("1", "mera phone chori ho gaya")
		in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, District: 162, Confidence: 0.95}
		in.Forward = true
		c, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		op := actorIn(t, db, lucknow)
		for _, a := range []shikayat.Action{
			{Kind: shikayat.ActionNote, Text: "internal: the caller is 9876543210"},
			{Kind: shikayat.ActionNote, Text: "SHO will call you on 9876543210", Public: true},
			{Kind: shikayat.ActionClassify, Class: shikayat.ClassImmediate, Type: shikayat.TypeTheft},
			{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "phone returned", Public: true},
		} {
			if _, _, err := db.ApplyAction(ctx, c.Code, a, op, ""); err != nil {
				t.Fatal(err)
			}
		}
		full, err := db.FindComplaint(ctx, c.Code, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		pub, err := db.TrackComplaint(ctx, c.Code)
		if err != nil {
			t.Fatal(err)
		}
		if pub.Code != full.Code || pub.Stage != full.Stage || pub.Status != full.Status || pub.District != full.District ||
			pub.Class != full.Class || pub.Type != full.Type || !pub.ReceivedAt.Equal(full.ReceivedAt) ||
			!pub.UpdatedAt.Equal(full.UpdatedAt) || pub.ClosedAt == nil || !pub.ClosedAt.Equal(*full.ClosedAt) {
			t.Fatalf("public view %+v\nfull view %+v", pub, full)
		}
		if want := shikayat.PublicEvents(full.Events); !reflect.DeepEqual(pub.Events, want) {
			t.Fatalf("public events:\n%+v\nwant\n%+v", pub.Events, want)
		}
		if pub.Text != "" || pub.AuthorUsername != "" || pub.UnitID != "" {
			t.Fatalf("public view leaks: %+v", pub)
		}
		if _, err := db.TrackComplaint(ctx, "UP26-0000000000"); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
			t.Fatalf("unknown code: %v", err)
		}
	})
}

// A public view is answered from memory for at most TrackFor: a change made
// through the same store is seen by the next lookup, a change made by
// another node once TrackFor has passed.
func TestTrackComplaintStalenessBound(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		clk := newClock()
		where := dsn()
		db := open(t, where, store.Options{Now: clk.Now})
		other := open(t, where, store.Options{Now: clk.Now}) // another node
		in := post("1", "mera phone chori ho gaya")
		in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, District: 162, Confidence: 0.95}
		in.Forward = true
		c, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		steps := func() int {
			t.Helper()
			pub, err := db.TrackComplaint(ctx, c.Code)
			if err != nil {
				t.Fatal(err)
			}
			return len(pub.Events)
		}
		n := steps()
		note := func(s *store.DB, text string) {
			t.Helper()
			if _, _, err := s.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: text, Public: true}, actorIn(t, s, lucknow), ""); err != nil {
				t.Fatal(err)
			}
		}
		note(db, "through this node")
		if got := steps(); got != n+1 {
			t.Fatalf("after a note through the same store: %d steps, want %d", got, n+1)
		}
		note(other, "through another node")
		clk.Add(store.DefaultTrackFor / 2)
		if got := steps(); got != n+1 {
			t.Fatalf("within TrackFor of the last read: %d steps, want the view kept (%d)", got, n+1)
		}
		clk.Add(store.DefaultTrackFor / 2)
		if got := steps(); got != n+2 {
			t.Fatalf("TrackFor after the read: %d steps, want %d", got, n+2)
		}
		// Without keeping views, every lookup reads.
		fresh := open(t, where, store.Options{Now: clk.Now, TrackFor: -1})
		if pub, err := fresh.TrackComplaint(ctx, c.Code); err != nil || len(pub.Events) != n+2 {
			t.Fatalf("TrackFor -1: %v, %+v", err, pub)
		}
		note(other, "again")
		if pub, err := fresh.TrackComplaint(ctx, c.Code); err != nil || len(pub.Events) != n+3 {
			t.Fatalf("TrackFor -1 after another node's note: %v, %+v", err, pub)
		}
	})
}

// A view read again once TrackFor has passed is the same value when
// nothing changed (so that an answer made from it may be kept), and a new
// one when something did.
func TestTrackComplaintUnchangedKeepsItsValue(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		clk := newClock()
		where := dsn()
		db := open(t, where, store.Options{Now: clk.Now})
		other := open(t, where, store.Options{Now: clk.Now})
		in := post("1", "mera phone chori ho gaya")
		in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, District: 162, Confidence: 0.95}
		in.Forward = true
		c, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		track := func() *shikayat.Complaint {
			t.Helper()
			pub, err := db.TrackComplaint(ctx, c.Code)
			if err != nil {
				t.Fatal(err)
			}
			return pub
		}
		first := track()
		clk.Add(store.DefaultTrackFor + time.Second)
		if again := track(); again != first {
			t.Errorf("read again unchanged: a new value %+v, want the one given before", again)
		}
		if _, _, err := other.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: "FIR darj", Public: true}, actorIn(t, other, lucknow), ""); err != nil {
			t.Fatal(err)
		}
		clk.Add(store.DefaultTrackFor + time.Second)
		changed := track()
		if changed == first || len(changed.Events) != len(first.Events)+1 {
			t.Errorf("read again after another node's note: %d steps (same value: %v), want %d", len(changed.Events), changed == first, len(first.Events)+1)
		}
	})
}
