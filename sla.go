package shikayat

import "time"

// SLA holds the deadlines by class. Times are calendar time.
type SLA struct {
	// ImmediateAck: the automatic acknowledgement of an immediate complaint.
	ImmediateAck time.Duration
	// ImmediateFirstAction: the first action by a person on an immediate one.
	ImmediateFirstAction time.Duration
	// MidTermClose and LongTermClose: closing the other two classes. An
	// immediate complaint that had its first action is then held to
	// MidTermClose.
	MidTermClose  time.Duration
	LongTermClose time.Duration
	// WarnAt is the fraction of a deadline at which supervisors are warned.
	WarnAt float64
}

// DefaultSLA is DESIGN.md's default: 15 min and 1 h for immediate, 10 days
// (the UP DGP portal's rule) for mid_term, 30 days for long_term.
var DefaultSLA = SLA{
	ImmediateAck:         15 * time.Minute,
	ImmediateFirstAction: time.Hour,
	MidTermClose:         10 * 24 * time.Hour,
	LongTermClose:        30 * 24 * time.Hour,
	WarnAt:               0.8,
}

// Deadline returns the complaint's next deadline on the unit's clock, and
// false when none applies (a closed complaint). The class is the one a
// person set, else the model's suggestion, else mid_term.
func (s SLA) Deadline(c *Complaint) (time.Time, bool) {
	if c.Stage == StageClosed {
		return time.Time{}, false
	}
	start := c.UnitSince
	if start.IsZero() {
		start = c.ReceivedAt
	}
	switch c.EffectiveClass() {
	case ClassImmediate:
		if c.FirstActionAt == nil {
			return start.Add(s.ImmediateFirstAction), true
		}
		return start.Add(s.MidTermClose), true
	case ClassLongTerm:
		return start.Add(s.LongTermClose), true
	default:
		return start.Add(s.MidTermClose), true
	}
}

// JobKind names a kind of background work.
type JobKind string

const (
	// JobAcknowledge replies to the citizen with the docket code.
	JobAcknowledge JobKind = "acknowledge"
	// JobReply posts a reply a person wrote or chose.
	JobReply JobKind = "reply"
	// JobStatusReply answers a post that asks about a complaint.
	JobStatusReply JobKind = "status_reply"
	// JobHelplineReply answers another department's matter, once, with
	// that department's helpline (PostID is the post answered).
	JobHelplineReply JobKind = "helpline_reply"
)

// Job is background work caused by a change in the store, enqueued in the
// same transaction as the change.
type Job struct {
	Kind        JobKind
	ComplaintID int64
	EventID     int64
	PostID      string // the post to answer, when not the complaint's own
	// Urgent jobs are worked before all others (immediate complaints).
	Urgent bool
}
