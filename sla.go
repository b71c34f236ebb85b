package shikayat

import (
	"strings"
	"time"
)

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
	// JobSLA marks the next SLA moment of a complaint's deadline.
	JobSLA JobKind = "sla"
)

// Job is background work caused by a change in the store, enqueued in the
// same transaction as the change.
type Job struct {
	Kind        JobKind
	ComplaintID int64
	EventID     int64
	PostID      string // the post to answer, when not the complaint's own
	// Account is the police account that posts a reply, decided when the
	// job is queued and kept across its retries; "" for the state account.
	Account string
	// Urgent jobs are worked before all others (immediate complaints).
	Urgent bool
	// At is when a scheduled job (JobSLA) is due; zero: now.
	At time.Time
	// SLAGen and SLAStep name the deadline and the moment a JobSLA marks.
	SLAGen, SLAStep int
}

// The SLA moments of one deadline, in order: the step a complaint's deadline
// has reached is the number of moments passed. From SLAOverdue on, each
// further period escalates the complaint one level up the unit tree.
const (
	SLAWarned  = 1 // the owning unit's supervisors were warned (WarnAt)
	SLAOverdue = 2 // the deadline passed: a breach
	// SLAAckStep is the step of the check that an immediate complaint's
	// acknowledgement went out within ImmediateAck (the citizen's clock).
	SLAAckStep = -1
)

// Kinds of SLA event on the trail (the event's action) and in the metric.
const (
	SLAEventWarning    = "sla_warning"
	SLAEventBreach     = "sla_breach"
	SLAEventEscalation = "sla_escalation"
)

// Moment returns when the deadline that runs from start (the unit's clock)
// to due reaches step+1: the warning for step 0, the due time for step 1,
// and one more period past due for each step after.
func (s SLA) Moment(start, due time.Time, step int) time.Time {
	p := due.Sub(start)
	switch {
	case step <= 0:
		return start.Add(time.Duration(float64(p) * s.WarnAt))
	case step == 1:
		return due
	}
	return due.Add(time.Duration(step-1) * p)
}

// EscalationUnit returns the id of the unit level steps above the unit at
// path ("hq/zone:x/range:y/district:162/"), and false when the tree ends
// first: an escalation one level up goes to the district's range, the next
// to the zone, then HQ.
func EscalationUnit(path string, level int) (string, bool) {
	ids := strings.Split(strings.TrimSuffix(path, "/"), "/")
	i := len(ids) - 1 - level
	if level < 1 || i < 0 || ids[0] == "" {
		return "", false
	}
	return ids[i], true
}

// EscalationPath returns the path of the unit level steps above the unit at
// path, "" when there is none.
func EscalationPath(path string, level int) string {
	ids := strings.Split(strings.TrimSuffix(path, "/"), "/")
	i := len(ids) - 1 - level
	if level < 1 || i < 0 || ids[0] == "" {
		return ""
	}
	return strings.Join(ids[:i+1], "/") + "/"
}
