package shikayat

import (
	"strings"
	"testing"
	"time"
)

func TestPublicHistory(t *testing.T) {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	ev := func(action string, from, to Stage, note string, public bool, detail map[string]string) *Event {
		at = at.Add(time.Minute)
		return &Event{At: at, Actor: "sho_sharma", Action: action, FromStage: from, ToStage: to, Note: note, Public: public, Detail: detail}
	}
	events := []*Event{
		ev("receive", "", StageReceived, "Complaint received.", true, nil),
		ev("forward", StageReceived, StageForwarded, "area of Hazratganj", false, map[string]string{"to": "district:162"}),
		ev(EventCitizenPost, StageForwarded, StageForwarded, "@Uppolice still waiting, call me 9876543210", false, map[string]string{"post_id": "5"}),
		ev("classify", StageForwarded, StageClassified, "", false, map[string]string{"class": "mid_term"}),
		ev("classify", StageClassified, StageClassified, "", false, map[string]string{"class": "long_term"}),
		ev("assign", StageClassified, StageAssigned, "beat 4", false, map[string]string{"station": "lko-hazratganj"}),
		ev("note", StageAssigned, StageInProgress, "internal: suspect is the neighbour Ramesh", false, nil),
		ev("note", StageInProgress, StageInProgress, "Beat officer visited. Call SI @si_verma on 0522-2234567 or si.verma@uppolice.gov.in", true, nil),
		ev(EventStaffPost, StageInProgress, StageInProgress, "@ram we are on it", false, nil),
		ev("reply", StageInProgress, StageInProgress, "@ram Dear Ram Kumar, SHO will call", true, nil),
		ev("replied", StageInProgress, StageInProgress, "@ram Dear Ram Kumar, SHO will call", true, nil),
		ev("viewed", StageInProgress, StageInProgress, "", false, nil),
		ev("sla_warning", StageInProgress, StageInProgress, "80% of the deadline", false, nil),
		ev("close", StageInProgress, StageClosed, "Bike found with accused Ramesh, 9876543210", false, map[string]string{"resolution": "action_taken"}),
		ev("reopen", StageClosed, StageInProgress, "", true, map[string]string{"appeal": AppealRating}),
		ev("close", StageInProgress, StageClosed, "Bike returned; call 9876543210", true, map[string]string{"resolution": "fir_registered"}),
		ev("reopen", StageClosed, StageInProgress, "reopened: owner asked", true, nil),
		ev("merge", StageInProgress, StageClosed, "Merged into UP26-7K3QM9XD4P", true, map[string]string{"into": "UP26-7K3QM9XD4P"}),
	}
	got := PublicHistory(events, nil)
	var steps []string
	for _, s := range got {
		steps = append(steps, s.Step+"|"+s.Note)
		if strings.Contains(s.Note, "UP26-7K3QM9XD4P") || strings.Contains(s.Note, "9876543210") || strings.Contains(s.Note, "verma") ||
			strings.Contains(s.Note, "Ram") || strings.Contains(s.Note, "sho_sharma") {
			t.Errorf("step %s shows %q", s.Step, s.Note)
		}
	}
	want := []string{
		"received|", "forwarded|", "classified|", "assigned|", "in_progress|",
		"note|Beat officer visited. Call SI @*** on 52XXXXXX67 or s***@uppolice.gov.in",
		"replied|", "closed|", "appeal|", "closed|Bike returned; call 98XXXXXX10", "reopened|reopened: owner asked", "merged|",
	}
	if strings.Join(steps, "\n") != strings.Join(want, "\n") {
		t.Fatalf("public history:\n%s\nwant:\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
	}
	again := PublicHistory(PublicEvents(events), nil)
	for i := range got {
		if i >= len(again) || again[i] != got[i] {
			t.Fatalf("the history of the public events differs at %d: %+v", i, again)
		}
	}
	for _, e := range PublicEvents(events) {
		if e.Actor != "" || strings.Contains(e.Note, "UP26") || e.Detail["into"] != "" {
			t.Errorf("public event %+v", e)
		}
	}
	if got[7].Resolution != ResolutionActionTaken || got[11].Resolution != ResolutionDuplicate {
		t.Errorf("resolutions %q, %q", got[7].Resolution, got[11].Resolution)
	}
}

func TestCloseNoteIsPublicOnlyWhenMarked(t *testing.T) {
	for _, public := range []bool{false, true} {
		c := &Complaint{Code: "UP26-AAAAAAAAAA", Stage: StageInProgress}
		e, err := Apply(c, Action{Kind: ActionClose, Resolution: ResolutionActionTaken, Note: "returned", Public: public}, Target{}, SystemActor, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if e.Public != public || c.LastClosedAt == nil {
			t.Errorf("close with public=%v: event public %v, last closed %v", public, e.Public, c.LastClosedAt)
		}
	}
}

// Each of PublicActions makes a public step without a change of stage (the
// list holds nothing publicStep would drop anyway), and the events
// MayBePublic leaves out are the ones meant: posts, internal notes, views,
// deadline events.
func TestMayBePublic(t *testing.T) {
	for _, a := range PublicActions() {
		e := &Event{Action: a, FromStage: StageAssigned, ToStage: StageAssigned, Public: true,
			Detail: map[string]string{"resolution": "action_taken"}}
		if _, ok := publicStep(e); !ok {
			t.Errorf("%s without a change of stage makes no public step: it need not be in PublicActions", a)
		}
	}
	for _, e := range []*Event{
		{Action: EventCitizenPost, FromStage: StageAssigned, ToStage: StageAssigned, Public: true},
		{Action: EventStaffPost, FromStage: StageAssigned, ToStage: StageAssigned},
		{Action: "note", FromStage: StageAssigned, ToStage: StageAssigned},
		{Action: "reply", FromStage: StageAssigned, ToStage: StageAssigned, Public: true},
		{Action: "sla_warning", FromStage: StageAssigned, ToStage: StageAssigned},
		{Action: "viewed", FromStage: StageAssigned, ToStage: StageAssigned},
	} {
		if MayBePublic(e) {
			t.Errorf("%s from %q to %q (public %v) may be public", e.Action, e.FromStage, e.ToStage, e.Public)
		}
		if _, ok := publicStep(e); ok {
			t.Errorf("%s from %q to %q (public %v) makes a public step", e.Action, e.FromStage, e.ToStage, e.Public)
		}
	}
	for _, e := range []*Event{
		{Action: "note", FromStage: StageAssigned, ToStage: StageAssigned, Public: true},
		{Action: "escalate", FromStage: StageAssigned, ToStage: StageForwarded},
	} {
		if _, ok := publicStep(e); !MayBePublic(e) || !ok {
			t.Errorf("%s from %q to %q (public %v): may be public %v, makes a step %v; want both", e.Action, e.FromStage, e.ToStage, e.Public, MayBePublic(e), ok)
		}
	}
}
