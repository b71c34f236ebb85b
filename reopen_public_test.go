package shikayat_test

import (
	"testing"
	"time"

	"github.com/shikayat/shikayat"
)

// A staff reopen reason is internal unless the reopener marks it public,
// as a closing note is.
func TestReopenReasonPublicOnlyWhenMarked(t *testing.T) {
	now := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	for _, public := range []bool{false, true} {
		c := complaintAt(shikayat.StageClosed)
		e, err := shikayat.Apply(c, shikayat.Action{Kind: shikayat.ActionReopen, Reason: "SHO Ramesh 9876543210 asked", Public: public}, shikayat.Target{}, operator, now)
		if err != nil {
			t.Fatal(err)
		}
		if e.Public != public {
			t.Errorf("public=%v: event Public = %v", public, e.Public)
		}
		h := shikayat.PublicHistory([]*shikayat.Event{e}, nil)
		if len(h) != 1 || h[0].Step != shikayat.StepReopened {
			t.Fatalf("public=%v: history = %+v", public, h)
		}
		if got := h[0].Note != ""; got != public {
			t.Errorf("public=%v: public note = %q", public, h[0].Note)
		}
	}
}
