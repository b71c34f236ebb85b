package shikayat

import (
	"strings"
	"time"
)

// Kinds of Alert.
const (
	// AlertImmediate: an immediate complaint landed in a unit (at intake, or
	// by a forward, an assignment or a class set later).
	AlertImmediate = "immediate"
	// AlertReview: a post triage called immediate is held for review at HQ.
	AlertReview = "review"
	// AlertSLAWarning: 80 % of a complaint's deadline passed; addressed to
	// the owning unit, for its supervisors.
	AlertSLAWarning = "sla_warning"
	// AlertOverdue: a complaint's deadline passed; addressed to the owning
	// unit.
	AlertOverdue = "overdue"
	// AlertEscalation: an overdue complaint escalated to the unit it is
	// addressed to (one or more levels above the owning unit).
	AlertEscalation = "escalation"
)

// Alert tells a unit's signed-in staff, the moment it happens, that something
// urgent landed with them. It names the complaint (or held post) and never
// repeats its text: alerts show in browser notifications.
type Alert struct {
	ID       int64     `json:"id"`
	Kind     string    `json:"kind"`
	Code     string    `json:"code,omitempty"`    // the complaint's docket code
	PostID   string    `json:"post_id,omitempty"` // the held post, for AlertReview
	UnitID   string    `json:"unit_id"`
	UnitPath string    `json:"-"`
	District int       `json:"district,omitempty"`
	Type     Type      `json:"type,omitempty"`
	At       time.Time `json:"at"`
	// Sensitive: the alert is about a sensitive complaint, so it carries
	// no type and reaches no HQ staff unless HQ owns the complaint.
	Sensitive bool `json:"-"`
}

// For reports whether staff of the unit at unitPath get the alert: those of
// the unit it landed in and of the units above it, never a sibling's.
func (a *Alert) For(unitPath string) bool {
	if a.Sensitive && a.UnitID != HQUnitID && strings.Count(unitPath, "/") == 1 {
		return false // HQ does not see a unit's sensitive complaints
	}
	return unitPath != "" && strings.HasPrefix(a.UnitPath, unitPath)
}
