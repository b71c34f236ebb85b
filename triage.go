package shikayat

import "context"

// Intent is what a post wants.
type Intent string

const (
	IntentComplaint Intent = "complaint" // reports a crime, danger or grievance and wants action
	IntentFollowUp  Intent = "follow_up" // refers to an earlier complaint
	IntentQuery     Intent = "query"     // asks for information or a service
	IntentFeedback  Intent = "feedback"  // thanks, praise, criticism with nothing to act on
	IntentOther     Intent = "other"     // news, chatter, spam, other departments' matters
)

// Intents lists every intent.
var Intents = []Intent{IntentComplaint, IntentFollowUp, IntentQuery, IntentFeedback, IntentOther}

// Actionable reports whether the police must act on or answer a post of
// this intent.
func (i Intent) Actionable() bool {
	return i == IntentComplaint || i == IntentFollowUp || i == IntentQuery
}

// Triage is the judgement of one post: what it wants, how urgent it is, what
// it is about and which district must act, with the reasons.
type Triage struct {
	Intent     Intent   `json:"intent"`
	Actionable bool     `json:"actionable"`
	Urgency    Class    `json:"urgency,omitempty"`  // "" when not actionable
	Type       Type     `json:"type,omitempty"`     // "" when not actionable
	District   int      `json:"district,omitempty"` // LGD code, 0 when unknown
	Lang       string   `json:"lang"`               // hi, en or hinglish
	Confidence float64  `json:"confidence"`         // calibrated probability that the post is actionable, in [0, 1]
	Handling   Handling `json:"handling"`           // what the desk does with it
	Reasons    []string `json:"reasons"`
	// Department names another department whose matter the post is (e.g.
	// "electricity"), "" when none; such a post is recorded, not docketed.
	Department string `json:"department,omitempty"`
	// Sensitive suggests the complaint be handled as sensitive: a sexual
	// offence, a minor as victim, or the victim's identity (Complaint.Sensitive).
	Sensitive bool `json:"sensitive,omitempty"`
	// DistrictConfidence is how sure the routing is, in [0, 1].
	DistrictConfidence float64 `json:"district_confidence,omitempty"`
}

// Triager judges posts. Implementations are safe for concurrent use.
type Triager interface {
	Triage(ctx context.Context, p *Post) (Triage, error)
}

// Handling is what the desk does with a post, decided from triage's
// calibrated confidence that the post is actionable.
type Handling string

const (
	// HandlingAcknowledge: a complaint; the docket is issued and the
	// acknowledgement sent now.
	HandlingAcknowledge Handling = "acknowledge"
	// HandlingReview: held for a person; recorded, no docket and no public
	// reply until someone makes it a complaint.
	HandlingReview Handling = "review"
	// HandlingRecord: not actionable; recorded only.
	HandlingRecord Handling = "record"
)

// Handlings lists every handling.
var Handlings = []Handling{HandlingAcknowledge, HandlingReview, HandlingRecord}
