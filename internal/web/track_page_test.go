package web

import (
	"bytes"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
)

// templatePage is what trackTemplate writes for page.
func templatePage(t testing.TB, page trackPage) string {
	t.Helper()
	var b bytes.Buffer
	if err := trackTemplate.Execute(&b, page); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTrackingPageAsTemplate: the page of a complaint found is written
// byte for byte as the template writes it, in both languages, with and
// without district, update time, history, resolution and note, and with
// text the template escapes (quotes, ampersands, "+", angle brackets, NUL)
// in the code asked for and in a note.
func TestTrackingPageAsTemplate(t *testing.T) {
	at := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
	full := &Tracking{Code: "UP26-7K3QM9XD4P", Status: shikayat.StageClosed.Status(), Stage: shikayat.StageClosed,
		District: &TrackDistrict{Code: 162, Name: "Lucknow", NameHi: "लखनऊ"}, UpdatedAt: &at,
		History: []TrackingStep{
			{At: at.Add(-48 * time.Hour), Stage: shikayat.StageReceived, Step: shikayat.StepReceived},
			{At: at.Add(-24 * time.Hour), Stage: shikayat.StageInProgress, Step: shikayat.StepNote, Note: `Call 98XXXXXX10 <b>"now"</b> & don't + wait` + "\x00"},
			{At: at, Stage: shikayat.StageClosed, Step: shikayat.StepClosed, Resolution: shikayat.ResolutionFIRRegistered},
		}}
	sensitive := &Tracking{Code: "UP26-7K3QM9XD4P", Status: shikayat.StageAssigned.Status(), Stage: shikayat.StageAssigned}
	empty := &Tracking{Code: "UP26-7K3QM9XD4P", Status: shikayat.StageReceived.Status(), Stage: shikayat.StageReceived, UpdatedAt: &at, History: []TrackingStep{}}
	for _, tr := range []*Tracking{full, sensitive, empty} {
		for _, lang := range []string{"hi", "en"} {
			for _, code := range []string{"UP26-7K3QM9XD4P", "up26-7k3qm9xd4p", `up26"<&'+>`} {
				page := trackPage{Lang: lang, Code: code, T: tr}
				got, err := trackingPage(page)
				if err != nil {
					t.Fatal(err)
				}
				if want := templatePage(t, page); string(got) != want {
					t.Errorf("%s %q: the page differs from the template's:\n%s\nwant:\n%s", lang, code, got, want)
				}
			}
		}
	}
}

// FuzzTrackingPage: whatever the code asked for, the note and the district
// names, the page is the template's.
func FuzzTrackingPage(f *testing.F) {
	f.Add("UP26-7K3QM9XD4P", "Call 98XXXXXX10 <b>\"now\"</b> & don't + wait", "Lucknow", "लखनऊ", true)
	f.Add("x\x00y", "\xff\xfe<", "", "", false)
	f.Fuzz(func(t *testing.T, code, note, name, nameHi string, hindi bool) {
		at := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
		tr := &Tracking{Code: code, Status: shikayat.StageClosed.Status(), Stage: shikayat.StageClosed,
			District: &TrackDistrict{Name: name, NameHi: nameHi}, UpdatedAt: &at,
			History: []TrackingStep{{At: at, Step: shikayat.StepNote, Note: note}, {At: at, Step: shikayat.StepClosed, Resolution: shikayat.ResolutionActionTaken}}}
		lang := "en"
		if hindi {
			lang = "hi"
		}
		page := trackPage{Lang: lang, Code: code, T: tr}
		got, _ := trackingPage(page)
		if want := templatePage(t, page); string(got) != want {
			t.Fatalf("the page differs from the template's:\n%q\nwant:\n%q", got, want)
		}
	})
}
