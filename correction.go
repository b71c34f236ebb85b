package shikayat

import (
	"strconv"
	"time"
)

// Fields a person can correct in triage's judgement of a post.
const (
	CorrectActionable = "actionable" // a held post made a complaint, or recorded as not one
	CorrectDistrict   = "district"   // LGD code as text, "0" for none
	CorrectClass      = "class"
	CorrectType       = "type"
	CorrectSensitive  = "sensitive" // "true" or "false"
)

// Correction is a person's change to what triage suggested. Corrections are
// kept for retraining: `shikayat corrections export` writes them in the
// shape `shikayat train --extra` reads.
type Correction struct {
	ID          int64     `json:"id"`
	PostID      string    `json:"post_id"`
	ComplaintID int64     `json:"-"`
	Field       string    `json:"field"`
	Suggested   string    `json:"suggested"`
	Corrected   string    `json:"corrected"`
	UserID      int64     `json:"-"`
	By          string    `json:"by"`
	At          time.Time `json:"at"`
}

// CorrectionsOf lists what an action by a person changes in triage's
// suggestions for complaint c (as it was before the action): a forward to
// another district than suggested, a class or type other than suggested.
// The system's own actions correct nothing.
func CorrectionsOf(c *Complaint, a Action, by Actor) []Correction {
	if by.System || c.SourcePostID == "" {
		return nil
	}
	var out []Correction
	add := func(field, suggested, corrected string) {
		if suggested != corrected {
			out = append(out, Correction{PostID: c.SourcePostID, ComplaintID: c.ID, Field: field,
				Suggested: suggested, Corrected: corrected, UserID: by.UserID, By: by.Name()})
		}
	}
	switch a.Kind {
	case ActionForward:
		if a.District != 0 {
			add(CorrectDistrict, strconv.Itoa(c.SuggestedDistrict), strconv.Itoa(a.District))
		}
	case ActionClassify:
		if a.Class != "" {
			add(CorrectClass, string(c.SuggestedClass), string(a.Class))
		}
		if a.Type != "" {
			add(CorrectType, string(c.SuggestedType), string(a.Type))
		}
	case ActionSetSensitive:
		if a.Sensitive != nil && *a.Sensitive != c.Sensitive {
			add(CorrectSensitive, strconv.FormatBool(c.SuggestedSensitive), strconv.FormatBool(*a.Sensitive))
		}
	}
	return out
}
