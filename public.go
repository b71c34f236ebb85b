package shikayat

import (
	"slices"
	"time"
)

// Public steps: what the citizen's tracking page says happened, each shown
// in Hindi or English by the page from its own words (PublicStep.Step),
// never from text a person or the system wrote in one language.
const (
	StepReceived   = "received"    // the complaint was registered
	StepForwarded  = "forwarded"   // a district or unit owns it
	StepClassified = "classified"  // its class was set
	StepAssigned   = "assigned"    // a police station owns it
	StepInProgress = "in_progress" // the station recorded an action
	StepNote       = "note"        // a note the staff marked public
	StepReplied    = "replied"     // a reply went out to the citizen on X
	StepClosed     = "closed"      // closed with a resolution (PublicStep.Resolution)
	StepMerged     = "merged"      // closed as a duplicate of another complaint (never named)
	StepReopened   = "reopened"    // reopened by the staff
	StepAppeal     = "appeal"      // reopened on the citizen's appeal
)

// PublicStep is one entry of a complaint's public history.
type PublicStep struct {
	At         time.Time
	Stage      Stage // the stage after the step
	Step       string
	Action     string     // the trail's action
	Resolution Resolution // StepClosed
	// Note is the staff's own words, only where they marked them public,
	// with phone numbers, e-mail addresses and @handles masked; "" else.
	Note string
}

// PublicHistory is the part of a complaint's trail a citizen may see: each
// change of stage and each note marked public, with the contacts in a note
// masked. Internal notes, the posts of citizens and staff, who acted, the
// units a complaint passed through, the complaint a duplicate was merged
// into, views, SLA moments and corrections are left out.
//
// mask masks a note's contacts: MaskContacts, or a cache of it (the web
// server keeps one); nil is MaskContacts.
func PublicHistory(events []*Event, mask func(string) string) []PublicStep {
	if mask == nil {
		mask = MaskContacts
	}
	out := []PublicStep{}
	for _, e := range events {
		if s, ok := publicStep(e); ok {
			if s.Note != "" {
				s.Note = mask(s.Note)
			}
			out = append(out, s)
		}
	}
	return out
}

// PublicEvents returns copies of the events that make a public step, with
// nothing of them a citizen may not see: no actor, no units, a note only
// where it was marked public, no detail but the resolution and whether it
// was an appeal. The notes are as written: whoever shows one masks it
// (PublicHistory, MaskContacts), so that the masking of a long note can
// be cached where it is shown. PublicHistory of them is PublicHistory of
// the events.
func PublicEvents(events []*Event) []*Event {
	out := []*Event{}
	for _, e := range events {
		s, ok := publicStep(e)
		if !ok {
			continue
		}
		pe := &Event{ID: e.ID, At: e.At, Action: e.Action, FromStage: e.FromStage, ToStage: e.ToStage, Note: s.Note, Public: s.Note != ""}
		for _, k := range []string{"resolution", "appeal"} {
			if v := e.Detail[k]; v != "" && s.Step != StepMerged {
				if pe.Detail == nil {
					pe.Detail = map[string]string{}
				}
				pe.Detail[k] = v
			}
		}
		out = append(out, pe)
	}
	return out
}

// publicActions are the actions whose events make a public step whatever
// their stages (publicStep). An event of another action makes one only when
// it changes the stage, or when it is a note marked public (MayBePublic).
var publicActions = []string{"receive", string(ActionForward), string(ActionAssign), "replied",
	string(ActionClose), string(ActionMerge), string(ActionReopen)}

// PublicActions lists the actions whose events make a public step whatever
// their stages (see MayBePublic).
func PublicActions() []string { return slices.Clone(publicActions) }

// MayBePublic reports whether e may make a public step: it changes the
// stage, is of one of PublicActions, or is a note marked public. One that
// may not never does (publicStep asks this first), so a reader of the public
// view may leave such events out before PublicEvents (the trail of a
// much-quoted complaint is mostly the citizens' posts); PublicEvents still
// decides of the rest.
func MayBePublic(e *Event) bool {
	return e.FromStage != e.ToStage || slices.Contains(publicActions, e.Action) || e.Action == string(ActionNote) && e.Public
}

func publicStep(e *Event) (PublicStep, bool) {
	s := PublicStep{At: e.At, Stage: e.ToStage, Action: e.Action}
	if !MayBePublic(e) {
		// What MayBePublic leaves out never shows, here as in the
		// database's reading of the public view: a step of a new action
		// shows once the action is in publicActions.
		return s, false
	}
	switch ActionKind(e.Action) {
	case "receive":
		s.Step = StepReceived
	case ActionForward:
		s.Step = StepForwarded
	case ActionClassify:
		if e.FromStage == e.ToStage {
			return s, false
		}
		s.Step = StepClassified
	case ActionAssign:
		s.Step = StepAssigned
	case ActionNote:
		switch {
		case e.Public:
			s.Step, s.Note = StepNote, e.Note
		case e.FromStage != e.ToStage:
			s.Step = StepInProgress
		default:
			return s, false
		}
	case "replied":
		s.Step = StepReplied
	case ActionClose:
		s.Step, s.Resolution = StepClosed, Resolution(e.Detail["resolution"])
		if e.Public {
			s.Note = e.Note
		}
	case ActionMerge:
		s.Step, s.Resolution = StepMerged, ResolutionDuplicate
	case ActionReopen:
		s.Step = StepReopened
		if e.Detail["appeal"] != "" {
			s.Step = StepAppeal
		} else if e.Public {
			s.Note = e.Note
		}
	default:
		if e.FromStage == e.ToStage || e.ToStage == "" {
			return s, false
		}
		s.Step = string(e.ToStage) // a change of stage by some other way
	}
	return s, true
}
