package triage

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
)

func TestEvaluate(t *testing.T) {
	d := func(n int) *int { return &n }
	items := []Scored{
		// both actionable, urgency and type right, district right
		{Label{Intent: "complaint", Actionable: true, Urgency: ptr("immediate"), Type: ptr("theft"), District: d(162), Lang: "hi"},
			shikayat.Triage{Intent: "complaint", Actionable: true, Urgency: "immediate", Type: "theft", District: 162, Lang: "hi"}},
		// both actionable, urgency wrong, district wrong
		{Label{Intent: "complaint", Actionable: true, Urgency: ptr("mid_term"), Type: ptr("theft"), District: d(118), Lang: "en"},
			shikayat.Triage{Intent: "complaint", Actionable: true, Urgency: "immediate", Type: "theft", District: 162, Lang: "en"}},
		// gold actionable, predicted not: a miss
		{Label{Intent: "query", Actionable: true, Urgency: ptr("long_term"), Type: ptr("service_request"), Lang: "en"},
			shikayat.Triage{Intent: "other", Lang: "en"}},
		// gold not actionable, predicted actionable; null district right
		{Label{Intent: "feedback", Lang: "hinglish"},
			shikayat.Triage{Intent: "complaint", Actionable: true, Urgency: "mid_term", Type: "other", Lang: "hinglish"}},
	}
	r := Evaluate(items)
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	near("actionable precision", r.ActionableP, 2.0/3)
	near("actionable recall", r.ActionableR, 2.0/3)
	near("actionable F1", r.ActionableF1, 2.0/3)
	near("intent accuracy", r.IntentAccuracy, 0.5)
	if r.UrgencyN != 2 {
		t.Errorf("urgency scored on %d posts, want 2", r.UrgencyN)
	}
	// immediate: tp 1, fp 1 → F1 2/3; mid_term: fn 1 → F1 0 → macro 1/3
	near("urgency macro-F1", r.UrgencyMacroF1, 1.0/3)
	near("type accuracy", r.TypeAccuracy, 1)
	near("district accuracy on known", r.DistrictKnownAcc, 0.5)
	near("null precision", r.NullPrecision, 1) // predicted null twice, both gold null
	if r.NullPredicted != 2 {
		t.Errorf("null predicted %d, want 2", r.NullPredicted)
	}

	var b bytes.Buffer
	r.Write(&b)
	for _, want := range []string{"urgency      macro-F1 0.333", "confusion: intent", "per language:", "Lucknow (162)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}
