package shikayat_test

import (
	"testing"
	"time"

	"github.com/shikayat/shikayat"
)

func TestSLAMoments(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	due := start.Add(10 * 24 * time.Hour)
	for step, want := range []time.Duration{8 * 24 * time.Hour, 10 * 24 * time.Hour, 20 * 24 * time.Hour, 30 * 24 * time.Hour} {
		if got := shikayat.DefaultSLA.Moment(start, due, step); !got.Equal(start.Add(want)) {
			t.Errorf("step %d: %v, want %v", step, got, start.Add(want))
		}
	}
}

func TestEscalationUnit(t *testing.T) {
	station := "hq/zone:lucknow/range:lucknow/district:162/station:lko-a/"
	for _, tc := range []struct {
		path  string
		level int
		want  string
		ok    bool
	}{
		{station, 1, "district:162", true},
		{station, 2, "range:lucknow", true},
		{station, 3, "zone:lucknow", true},
		{station, 4, "hq", true},
		{station, 5, "", false},
		{station, 0, "", false},
		{"hq/unit:cyber/", 1, "hq", true},
		{"hq/", 1, "", false},
		{"", 1, "", false},
	} {
		got, ok := shikayat.EscalationUnit(tc.path, tc.level)
		if got != tc.want || ok != tc.ok {
			t.Errorf("EscalationUnit(%q, %d) = %q, %v; want %q, %v", tc.path, tc.level, got, ok, tc.want, tc.ok)
		}
		if p := shikayat.EscalationPath(tc.path, tc.level); ok && (p == "" || p[len(p)-len(got)-1:] != got+"/") {
			t.Errorf("EscalationPath(%q, %d) = %q", tc.path, tc.level, p)
		}
	}
}
