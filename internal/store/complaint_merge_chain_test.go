package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A complaint that has duplicates merged into it cannot itself be merged:
// C into A, then A into B would leave a chain C → A → B, C's duplicate
// pointing at a complaint that is no longer the one worked on. The desk
// refuses it and says why.
func TestMergeComplaintWithDuplicatesRefused(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{})
		op := actorIn(t, db, lucknow)
		codes := make([]string, 3)
		for i := range codes {
			in := post(fmt.Sprintf("mc%d", i), "मेरी बाइक चोरी हो गई, थाने में कोई नहीं सुन रहा")
			in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, District: 162, Confidence: 0.95}
			in.Forward = true
			c, _, err := db.CreateComplaint(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			codes[i] = c.Code
		}
		a, b, c := codes[0], codes[1], codes[2]
		if _, _, err := db.ApplyAction(ctx, c, shikayat.Action{Kind: shikayat.ActionMerge, Into: a}, op, ""); err != nil {
			t.Fatalf("merge C into A: %v", err)
		}
		_, _, err := db.ApplyAction(ctx, a, shikayat.Action{Kind: shikayat.ActionMerge, Into: b}, op, "")
		if err == nil {
			t.Fatal("A, with C merged into it, was merged into B: a chain C → A → B")
		}
		wantCode(t, err, shikayat.EINVALID)
		if k, _ := shikayat.ErrorKey(err); k != "err_merge_has_duplicates" {
			t.Errorf("error key %q, want err_merge_has_duplicates", k)
		}
		var into string
		if err := db.SQL().QueryRow(`SELECT merged_into FROM complaints WHERE code = $1`, a).Scan(&into); err != nil {
			t.Fatal(err)
		}
		if into != "" {
			t.Errorf("A merged into %q", into)
		}
	})
}

// C into A commits while A into B waits for A's lock, A read before the
// lock without duplicates: A into B must see C after the lock and refuse,
// not commit the chain C → A → B.
func TestMergeOfComplaintGainingDuplicate(t *testing.T) {
	t.Parallel()
	r := newMergeRace(t)
	release := r.hold(t, r.a)
	ca := r.start(r.c, shikayat.Action{Kind: shikayat.ActionMerge, Into: r.a})
	r.queued(t, 1, ca)
	ab := r.start(r.a, shikayat.Action{Kind: shikayat.ActionMerge, Into: r.b})
	r.queued(t, 2, ca, ab)
	release()
	errCA, errAB := <-ca, <-ab
	_, intoA := r.complaint(t, r.a)
	_, intoC := r.complaint(t, r.c)
	if intoA != "" && intoC != "" {
		t.Fatalf("C merged into %s and A into %s: a chain (errors %v, %v)", intoC, intoA, errCA, errAB)
	}
	if (errCA == nil) == (errAB == nil) {
		t.Fatalf("errors %v and %v: want exactly one merge to fail", errCA, errAB)
	}
}
