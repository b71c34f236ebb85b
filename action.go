package shikayat

import (
	"strconv"
	"strings"
	"time"
)

// ActionKind names what a person (or the system) does to a complaint.
type ActionKind string

const (
	ActionForward  ActionKind = "forward"
	ActionClassify ActionKind = "classify"
	ActionAssign   ActionKind = "assign"
	ActionNote     ActionKind = "note"
	ActionReply    ActionKind = "reply"
	ActionClose    ActionKind = "close"
	ActionReopen   ActionKind = "reopen"
	ActionMerge    ActionKind = "merge"
	// ActionSetSensitive sets or clears Complaint.Sensitive; an internal
	// event, allowed at any stage.
	ActionSetSensitive ActionKind = "set_sensitive"
	// ActionViewed is not an action a person requests: it names the
	// internal event that records a person's view of a sensitive complaint.
	ActionViewed ActionKind = "viewed"
)

// ActionKinds lists every action.
var ActionKinds = []ActionKind{
	ActionForward, ActionClassify, ActionAssign, ActionNote,
	ActionReply, ActionClose, ActionReopen, ActionMerge, ActionSetSensitive,
}

// Action is a request to change a complaint, with the fields DESIGN.md's
// actions table names. JSON field names are the API's.
type Action struct {
	Kind ActionKind `json:"action"`

	District int    `json:"district,omitempty"` // forward: LGD code
	Unit     string `json:"unit,omitempty"`     // forward: a functional unit instead ("unit:cyber")
	Reason   string `json:"reason,omitempty"`   // forward, assign, reopen

	Class Class `json:"class,omitempty"` // classify
	Type  Type  `json:"type,omitempty"`  // classify

	Station string `json:"station,omitempty"` // assign: station id

	Text     string `json:"text,omitempty"`     // note, reply
	Public   bool   `json:"public,omitempty"`   // note, close, reopen: shown on the public tracking page
	Template string `json:"template,omitempty"` // reply
	Lang     string `json:"lang,omitempty"`     // reply

	Resolution Resolution `json:"resolution,omitempty"` // close
	Note       string     `json:"note,omitempty"`       // close; public only with Public

	Into string `json:"into,omitempty"` // merge: docket code

	Sensitive *bool `json:"sensitive,omitempty"` // set_sensitive: true or false, required

	// Appeal marks a reopen on the author's appeal (AppealRating,
	// AppealNotResolved): intake sets it from a post, never the API.
	Appeal string `json:"-"`
}

// Target is what the store resolved an action's reference to before the
// domain applies it: the unit a complaint is forwarded or assigned to, or the
// complaint it is merged into.
type Target struct {
	Unit          *Unit  // forward: district or functional unit; assign: station
	MergeIntoCode string // merge
	MergeIntoID   int64
}

// allowedFrom says from which stages each action may be taken.
var allowedFrom = map[ActionKind]func(Stage) bool{
	ActionForward:  func(s Stage) bool { return s != StageClosed },
	ActionClassify: func(s Stage) bool { return s != StageReceived && s != StageClosed },
	ActionAssign:   func(s Stage) bool { return s == StageClassified || s == StageAssigned || s == StageInProgress },
	ActionNote:     func(Stage) bool { return true },
	ActionReply:    func(Stage) bool { return true },
	ActionClose:    func(s Stage) bool { return s != StageClosed },
	ActionReopen:   func(s Stage) bool { return s == StageClosed },
	ActionMerge:    func(s Stage) bool { return s != StageClosed },

	ActionSetSensitive: func(Stage) bool { return true },
}

// Allowed reports whether action k may be taken at stage s.
func Allowed(s Stage, k ActionKind) bool {
	f, ok := allowedFrom[k]
	return ok && f(s)
}

// Validate checks the fields an action needs, before any lookup.
func (a *Action) Validate() error {
	a.Reason = strings.TrimSpace(a.Reason)
	a.Text = strings.TrimSpace(a.Text)
	a.Note = strings.TrimSpace(a.Note)
	switch a.Kind {
	case ActionForward:
		if (a.District == 0) == (a.Unit == "") {
			return Errork(EINVALID, "err_forward_target", "Forward needs either a district or a functional unit.")
		}
		if a.District < 0 {
			return Errorf(EINVALID, "District %d is not an LGD code.", a.District)
		}
	case ActionClassify:
		if !a.Class.Valid() {
			return Errork(EINVALID, "err_class", "Class must be immediate, mid_term or long_term.")
		}
		if a.Type != "" && !a.Type.Valid() {
			return Errorf(EINVALID, "Unknown complaint type %q.", a.Type)
		}
	case ActionAssign:
		if !validSlug(strings.TrimPrefix(a.Station, "station:")) {
			return Errork(EINVALID, "err_assign_station", "Assign needs a station id, like lko-hazratganj.")
		}
		a.Station = strings.TrimPrefix(a.Station, "station:")
	case ActionNote:
		if a.Text == "" {
			return Errork(EINVALID, "err_note_text", "A note needs text.")
		}
	case ActionReply:
		if a.Text == "" && a.Template == "" {
			return Errork(EINVALID, "err_reply_text", "A reply needs text or a template.")
		}
		if a.Lang != "" && a.Lang != "hi" && a.Lang != "en" {
			return Errorf(EINVALID, "Reply language must be hi or en.")
		}
	case ActionClose:
		if !a.Resolution.Valid() {
			return Errork(EINVALID, "err_close_resolution", "Close needs a resolution: action_taken, fir_registered, not_police_matter, duplicate, withdrawn or no_response.")
		}
	case ActionReopen:
	case ActionMerge:
		code, err := ParseDocket(a.Into)
		if err != nil {
			return Errorf(EINVALID, "Merge needs the docket code of the other complaint: %s", ErrorMessage(err))
		}
		a.Into = code
	case ActionSetSensitive:
		if a.Sensitive == nil {
			return Errorf(EINVALID, "set_sensitive needs \"sensitive\": true or false.")
		}
	default:
		return Errork(EINVALID, "err_unknown_action", "Unknown action %q.", a.Kind)
	}
	for _, s := range []string{a.Reason, a.Text, a.Note} {
		if len(s) > 4000 {
			return Errork(EINVALID, "err_text_long", "Text is too long (at most 4000 bytes).")
		}
	}
	return nil
}

// Apply performs action a on complaint c by actor at time now, with the
// references the store resolved in t. It changes c and returns the event to
// append; a refused action leaves c unchanged and returns an EINVALID error
// that names the stage and the action.
func Apply(c *Complaint, a Action, t Target, by Actor, now time.Time) (*Event, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if !Allowed(c.Stage, a.Kind) {
		return nil, Errork(EINVALID, "err_stage", "Cannot %s a complaint at stage %s.", a.Kind, c.Stage)
	}
	e := &Event{
		At: now, Actor: by.Name(), UserID: by.UserID, Action: string(a.Kind),
		FromStage: c.Stage, FromUnit: c.UnitID, Detail: map[string]string{},
	}
	next := *c
	switch a.Kind {
	case ActionForward:
		u := t.Unit
		if u == nil || (u.Kind != UnitDistrict && u.Kind != UnitFunctional) {
			return nil, Errorf(EINVALID, "Complaints are forwarded to a district or a functional unit.")
		}
		if c.UnitID != HQUnitID && c.UnitID != u.ID && c.Stage != StageReceived {
			next.Bounces++
		}
		next.Stage = StageForwarded
		next.UnitID = u.ID
		next.District = u.LGD
		next.StationID = ""
		if c.Class != "" {
			next.SuggestedClass = c.Class
			next.Class = ""
		}
		next.UnitSince = now
		e.Note = a.Reason
		e.Detail["to"] = u.ID
	case ActionClassify:
		if c.Stage == StageForwarded {
			next.Stage = StageClassified
		}
		next.Class = a.Class
		if a.Type != "" {
			next.Type = a.Type
		}
		e.Detail["class"] = string(a.Class)
		if a.Type != "" {
			e.Detail["type"] = string(a.Type)
		}
	case ActionAssign:
		u := t.Unit
		if c.Class == "" {
			return nil, Errorf(EINVALID, "Cannot assign a complaint at stage %s before it has a class.", c.Stage)
		}
		if u == nil || u.Kind != UnitStation {
			return nil, Errorf(EINVALID, "Complaints are assigned to a police station.")
		}
		if u.LGD != c.District || c.District == 0 {
			return nil, Errorf(EINVALID, "Station %s is not in the district that owns this complaint.", u.ID)
		}
		next.Stage = StageAssigned
		next.UnitID = u.ID
		next.StationID = stationSlug(u.ID)
		e.Note = a.Reason
		e.Detail["station"] = next.StationID
	case ActionNote:
		if c.Stage == StageAssigned && c.StationID != "" && by.UnitID == StationUnitID(c.StationID) {
			next.Stage = StageInProgress
		}
		e.Note = a.Text
		e.Public = a.Public
	case ActionReply:
		e.Note = a.Text
		e.Public = true
		if a.Template != "" {
			e.Detail["template"] = a.Template
		}
		if a.Lang != "" {
			e.Detail["lang"] = a.Lang
		}
	case ActionClose:
		next.Stage = StageClosed
		next.Resolution = a.Resolution
		closed := now
		next.ClosedAt, next.LastClosedAt = &closed, &closed
		e.Note = a.Note
		// The closing note is public only when the closer marks it so; the
		// step itself (closed, and how) is public all the same.
		e.Public = a.Public
		e.Detail["resolution"] = string(a.Resolution)
	case ActionReopen:
		if c.StationID != "" {
			next.Stage = StageInProgress
		} else {
			next.Stage = StageForwarded
		}
		next.Resolution = ""
		next.MergedInto = ""
		next.ClosedAt = nil
		e.Note = a.Reason
		// Like a closing note, the reason is public only when marked so.
		e.Public = a.Public
		if a.Appeal != "" {
			e.Detail["appeal"] = a.Appeal
		}
	case ActionSetSensitive:
		// Internal: the public trail must not say that a complaint is
		// sensitive, nor that it stopped being so.
		next.Sensitive = *a.Sensitive
		e.Detail["sensitive"] = strconv.FormatBool(*a.Sensitive)
	case ActionMerge:
		if t.MergeIntoCode == "" || t.MergeIntoCode == c.Code {
			return nil, Errorf(EINVALID, "A complaint cannot be merged into itself.")
		}
		next.Stage = StageClosed
		next.Resolution = ResolutionDuplicate
		next.MergedInto = t.MergeIntoCode
		closed := now
		next.ClosedAt, next.LastClosedAt = &closed, &closed
		e.Note = "Merged into " + t.MergeIntoCode
		e.Public = true
		e.Detail["into"] = t.MergeIntoCode
	}
	if !by.System && next.FirstActionAt == nil {
		first := now
		next.FirstActionAt = &first
	}
	next.Status = next.Stage.Status()
	next.UpdatedAt = now
	e.ToStage = next.Stage
	e.ToUnit = next.UnitID
	if len(e.Detail) == 0 {
		e.Detail = nil
	}
	*c = next
	return e, nil
}

func stationSlug(unitID string) string { return strings.TrimPrefix(unitID, "station:") }
