package shikayat_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
)

// complaintAt returns a complaint standing at stage s, as the lifecycle
// would have left it there.
func complaintAt(s shikayat.Stage) *shikayat.Complaint {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := &shikayat.Complaint{Code: "UP26-0000000000", Stage: s, Status: s.Status(), UnitID: "hq", ReceivedAt: t0, UnitSince: t0}
	if s != shikayat.StageReceived {
		c.District, c.UnitID = 162, "district:162"
	}
	switch s {
	case shikayat.StageClassified:
		c.Class = shikayat.ClassMidTerm
	case shikayat.StageAssigned, shikayat.StageInProgress, shikayat.StageClosed:
		c.Class = shikayat.ClassMidTerm
		c.StationID, c.UnitID = "lko-hazratganj", "station:lko-hazratganj"
	}
	if s == shikayat.StageClosed {
		c.Resolution = shikayat.ResolutionActionTaken
	}
	return c
}

var (
	kanpur   = &shikayat.Unit{ID: "district:164", Kind: shikayat.UnitDistrict, LGD: 164, Path: "hq/district:164/"}
	ganj     = &shikayat.Unit{ID: "station:lko-hazratganj", Kind: shikayat.UnitStation, LGD: 162}
	operator = shikayat.Actor{UserID: 1, Username: "op", Role: shikayat.RoleDistrictOperator, UnitID: "district:162"}
	station  = shikayat.Actor{UserID: 2, Username: "so", Role: shikayat.RoleStationOfficer, UnitID: "station:lko-hazratganj"}
)

// fixture is a well-formed action of each kind, with what the store would
// have resolved for it.
func fixture(k shikayat.ActionKind) (shikayat.Action, shikayat.Target) {
	switch k {
	case shikayat.ActionForward:
		return shikayat.Action{Kind: k, District: 164, Reason: "wrong district"}, shikayat.Target{Unit: kanpur}
	case shikayat.ActionClassify:
		return shikayat.Action{Kind: k, Class: shikayat.ClassImmediate, Type: shikayat.TypeTheft}, shikayat.Target{}
	case shikayat.ActionAssign:
		return shikayat.Action{Kind: k, Station: "lko-hazratganj"}, shikayat.Target{Unit: ganj}
	case shikayat.ActionNote:
		return shikayat.Action{Kind: k, Text: "called the citizen", Public: true}, shikayat.Target{}
	case shikayat.ActionReply:
		return shikayat.Action{Kind: k, Text: "We are on it."}, shikayat.Target{}
	case shikayat.ActionClose:
		return shikayat.Action{Kind: k, Resolution: shikayat.ResolutionFIRRegistered}, shikayat.Target{}
	case shikayat.ActionReopen:
		return shikayat.Action{Kind: k, Reason: "not solved"}, shikayat.Target{}
	case shikayat.ActionMerge:
		into, _ := shikayat.NewDocket("UP26", bytes.NewReader([]byte{0, 0, 0, 0, 0, 0, 0, 0, 1}))
		return shikayat.Action{Kind: k, Into: into}, shikayat.Target{MergeIntoCode: into, MergeIntoID: 9}
	case shikayat.ActionSetSensitive:
		yes := true
		return shikayat.Action{Kind: k, Sensitive: &yes}, shikayat.Target{}
	}
	panic(k)
}

func TestApplyEveryStageAndAction(t *testing.T) {
	const refused = shikayat.Stage("")
	S := struct{ r, f, c, a, p, x shikayat.Stage }{
		shikayat.StageReceived, shikayat.StageForwarded, shikayat.StageClassified,
		shikayat.StageAssigned, shikayat.StageInProgress, shikayat.StageClosed,
	}
	// want[action] lists the resulting stage from each stage, in the order
	// received, forwarded, classified, assigned, in_progress, closed.
	want := map[shikayat.ActionKind][6]shikayat.Stage{
		shikayat.ActionForward:  {S.f, S.f, S.f, S.f, S.f, refused},
		shikayat.ActionClassify: {refused, S.c, S.c, S.a, S.p, refused},
		shikayat.ActionAssign:   {refused, refused, S.a, S.a, S.a, refused},
		shikayat.ActionNote:     {S.r, S.f, S.c, S.a, S.p, S.x}, // by the district
		shikayat.ActionReply:    {S.r, S.f, S.c, S.a, S.p, S.x},
		shikayat.ActionClose:    {S.x, S.x, S.x, S.x, S.x, refused},
		shikayat.ActionReopen:   {refused, refused, refused, refused, refused, S.p}, // a station owns it
		shikayat.ActionMerge:    {S.x, S.x, S.x, S.x, S.x, refused},

		shikayat.ActionSetSensitive: {S.r, S.f, S.c, S.a, S.p, S.x}, // at any stage
	}
	if len(want) != len(shikayat.ActionKinds) {
		t.Fatalf("the table covers %d actions, the domain has %d", len(want), len(shikayat.ActionKinds))
	}
	now := time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)
	for _, k := range shikayat.ActionKinds {
		for i, from := range shikayat.Stages {
			t.Run(string(k)+" from "+string(from), func(t *testing.T) {
				c := complaintAt(from)
				before := *c
				a, target := fixture(k)
				ev, err := shikayat.Apply(c, a, target, operator, now)
				if want[k][i] == refused {
					if shikayat.ErrorCode(err) != shikayat.EINVALID {
						t.Fatalf("err = %v, want invalid", err)
					}
					msg := shikayat.ErrorMessage(err)
					if !strings.Contains(msg, string(k)) || !strings.Contains(msg, string(from)) {
						t.Fatalf("message %q does not name the action and the stage", msg)
					}
					if c.Stage != before.Stage || c.UnitID != before.UnitID || c.UpdatedAt != before.UpdatedAt {
						t.Fatal("a refused action changed the complaint")
					}
					return
				}
				if err != nil {
					t.Fatalf("err = %v, want stage %s", err, want[k][i])
				}
				if c.Stage != want[k][i] || c.Status != want[k][i].Status() {
					t.Fatalf("stage = %s (%s), want %s", c.Stage, c.Status, want[k][i])
				}
				if ev.Action != string(k) || ev.FromStage != from || ev.ToStage != c.Stage || ev.Actor != "op" || !ev.At.Equal(now) {
					t.Fatalf("event = %+v", ev)
				}
				if c.FirstActionAt == nil || !c.UpdatedAt.Equal(now) {
					t.Fatal("a person's action did not start the first-action clock")
				}
			})
		}
	}
}

func TestApplyDetails(t *testing.T) {
	now := time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)
	t.Run("a note by the station starts the work", func(t *testing.T) {
		c := complaintAt(shikayat.StageAssigned)
		a, tg := fixture(shikayat.ActionNote)
		if _, err := shikayat.Apply(c, a, tg, station, now); err != nil || c.Stage != shikayat.StageInProgress {
			t.Fatalf("stage = %s, %v", c.Stage, err)
		}
	})
	t.Run("reopen without a station goes back to the district", func(t *testing.T) {
		c := complaintAt(shikayat.StageClosed)
		c.StationID, c.UnitID = "", "district:162"
		a, tg := fixture(shikayat.ActionReopen)
		if _, err := shikayat.Apply(c, a, tg, operator, now); err != nil || c.Stage != shikayat.StageForwarded || c.Resolution != "" || c.ClosedAt != nil {
			t.Fatalf("after reopen = %+v, %v", c, err)
		}
	})
	t.Run("forward clears the station, keeps the class as a suggestion and restarts the unit clock", func(t *testing.T) {
		c := complaintAt(shikayat.StageInProgress)
		a, tg := fixture(shikayat.ActionForward)
		if _, err := shikayat.Apply(c, a, tg, operator, now); err != nil {
			t.Fatal(err)
		}
		if c.StationID != "" || c.Class != "" || c.SuggestedClass != shikayat.ClassMidTerm || !c.UnitSince.Equal(now) || c.UnitID != "district:164" || c.District != 164 || c.Bounces != 1 {
			t.Fatalf("after forward = %+v", c)
		}
		if c.ReceivedAt.Equal(now) {
			t.Fatal("forward restarted the citizen's clock")
		}
	})
	t.Run("assign needs a class", func(t *testing.T) {
		c := complaintAt(shikayat.StageInProgress)
		c.Class = ""
		a, tg := fixture(shikayat.ActionAssign)
		_, err := shikayat.Apply(c, a, tg, operator, now)
		if shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("assign refuses a station of another district", func(t *testing.T) {
		c := complaintAt(shikayat.StageClassified)
		a, _ := fixture(shikayat.ActionAssign)
		other := &shikayat.Unit{ID: "station:knp-kotwali", Kind: shikayat.UnitStation, LGD: 164}
		_, err := shikayat.Apply(c, a, shikayat.Target{Unit: other}, operator, now)
		if shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("the system's action does not count as a person's", func(t *testing.T) {
		c := complaintAt(shikayat.StageReceived)
		a, tg := fixture(shikayat.ActionForward)
		if _, err := shikayat.Apply(c, a, tg, shikayat.SystemActor, now); err != nil {
			t.Fatal(err)
		}
		if c.FirstActionAt != nil || c.Bounces != 0 {
			t.Fatalf("after system forward = %+v", c)
		}
	})
	for name, a := range map[string]shikayat.Action{
		"forward nowhere":     {Kind: shikayat.ActionForward},
		"forward both":        {Kind: shikayat.ActionForward, District: 162, Unit: "unit:cyber"},
		"classify no class":   {Kind: shikayat.ActionClassify},
		"classify bad type":   {Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: "murder"},
		"assign no station":   {Kind: shikayat.ActionAssign},
		"empty note":          {Kind: shikayat.ActionNote, Text: "  "},
		"empty reply":         {Kind: shikayat.ActionReply},
		"reply in French":     {Kind: shikayat.ActionReply, Text: "x", Lang: "fr"},
		"close no resolution": {Kind: shikayat.ActionClose},
		"merge into a typo":   {Kind: shikayat.ActionMerge, Into: "UP26-0000000001"},
		"unknown action":      {Kind: "arrest"},
		"note far too long":   {Kind: shikayat.ActionNote, Text: strings.Repeat("x", 5000)},
	} {
		t.Run("refuses "+name, func(t *testing.T) {
			c := complaintAt(shikayat.StageClassified)
			_, err := shikayat.Apply(c, a, shikayat.Target{}, operator, now)
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("err = %v, want invalid", err)
			}
		})
	}
}

func TestSetSensitive(t *testing.T) {
	now := time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)
	yes, no := true, false
	t.Run("needs the flag", func(t *testing.T) {
		a := shikayat.Action{Kind: shikayat.ActionSetSensitive}
		if err := a.Validate(); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Fatalf("err = %v, want invalid", err)
		}
	})
	t.Run("sets and clears, internally", func(t *testing.T) {
		c := complaintAt(shikayat.StageAssigned)
		c.SourcePostID = "p1"
		ev, err := shikayat.Apply(c, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes}, shikayat.Target{}, operator, now)
		if err != nil || !c.Sensitive || ev.Public || ev.Detail["sensitive"] != "true" || c.Stage != shikayat.StageAssigned {
			t.Fatalf("sensitive = %v, event = %+v, %v", c.Sensitive, ev, err)
		}
		if _, err := shikayat.Apply(c, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &no}, shikayat.Target{}, operator, now); err != nil || c.Sensitive {
			t.Fatalf("sensitive = %v, %v", c.Sensitive, err)
		}
	})
	t.Run("differing from triage is a correction", func(t *testing.T) {
		c := complaintAt(shikayat.StageForwarded)
		c.SourcePostID = "p1"
		got := shikayat.CorrectionsOf(c, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes}, operator)
		if len(got) != 1 || got[0].Field != shikayat.CorrectSensitive || got[0].Suggested != "false" || got[0].Corrected != "true" {
			t.Fatalf("corrections = %+v", got)
		}
		c.SuggestedSensitive, c.Sensitive = true, true
		if got := shikayat.CorrectionsOf(c, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes}, operator); len(got) != 0 {
			t.Fatalf("agreeing with triage corrected %+v", got)
		}
	})
}

func TestStageStatus(t *testing.T) {
	want := map[shikayat.Stage]shikayat.Status{
		"received": "open", "forwarded": "open", "classified": "open",
		"assigned": "in_process", "in_progress": "in_process", "closed": "closed",
	}
	for _, s := range shikayat.Stages {
		if s.Status() != want[s] {
			t.Errorf("%s → %s, want %s", s, s.Status(), want[s])
		}
	}
}
