package shikayat

import "strings"

// Scope is the part of the unit tree a reader may see and act on. Its zero
// value sees nothing: the store refuses it, so a caller that forgets to pass
// one gets an error instead of every complaint. The wide values are made
// only where they belong: ScopeOf gives HQ roles the whole state,
// SystemScope is the system's own work (intake, replies, timers), and the
// public tracking page reads through a lookup that returns public fields
// only.
//
// Sensitive complaints (sexual offences, minors, the victim's identity) are
// narrower: they are visible to the staff of the owning unit and of the
// units above it (zone, range, district, station officer), but not to HQ
// roles, whose scope is the whole state, unless HQ itself owns the complaint
// (received and not yet routed). SystemScope sees them all.
type Scope struct {
	path string // the unit path whose subtree is visible
	all  bool   // the whole tree
	// hideSensitive hides sensitive complaints owned by any unit but HQ.
	hideSensitive bool
}

// ScopeOf returns what user u, member of unit, may see: the whole state for
// an HQ role at HQ, else unit's subtree. A disabled user, or a unit that is
// not the user's, sees nothing.
func ScopeOf(u *User, unit *Unit) Scope {
	if u == nil || unit == nil || u.Disabled || unit.ID != u.UnitID || !strings.HasSuffix(unit.Path, "/") {
		return Scope{}
	}
	if (u.Role == RoleHQAdmin || u.Role == RoleHQOperator) && unit.Kind == UnitState {
		return Scope{all: true, hideSensitive: true}
	}
	// Any other role at HQ sees the whole tree by its path: it is HQ all
	// the same, and does not see the units' sensitive complaints either.
	return Scope{path: unit.Path, hideSensitive: unit.Kind == UnitState}
}

// SystemScope is the scope of the system's own work: intake, replies, SLA
// timers and commands run by the operator of the deployment. Handlers that
// serve staff never use it; they take the signed-in user's scope from the
// request context.
func SystemScope() Scope { return Scope{all: true} }

// IsZero reports whether s is the zero scope, which sees nothing.
func (s Scope) IsZero() bool { return !s.all && s.path == "" }

// All reports whether s sees the whole tree.
func (s Scope) All() bool { return s.all }

// HidesSensitive reports whether s keeps sensitive complaints out of sight
// unless HQ owns them: true for staff at HQ (HQ roles and any other role
// there), false for the units that own a complaint or lie above it, and for
// the system.
func (s Scope) HidesSensitive() bool { return s.hideSensitive }

// SeesComplaint reports whether s may see complaint c owned by unit u.
func (s Scope) SeesComplaint(c *Complaint, u *Unit) bool {
	if !s.Contains(u) || c == nil {
		return false
	}
	return !c.Sensitive || !s.hideSensitive || c.UnitID == HQUnitID
}

// Path returns the unit path whose subtree s sees, "" when it sees all or
// nothing.
func (s Scope) Path() string { return s.path }

// Contains reports whether unit u lies in s.
func (s Scope) Contains(u *Unit) bool {
	switch {
	case u == nil || s.IsZero():
		return false
	case s.all:
		return true
	}
	return strings.HasPrefix(u.Path, s.path)
}

// String describes s for logs.
func (s Scope) String() string {
	switch {
	case s.all && s.hideSensitive:
		return "all but sensitive"
	case s.hideSensitive:
		return s.path + " but sensitive"
	case s.all:
		return "all"
	case s.path == "":
		return "none"
	}
	return s.path
}

// ErrNoScope is what the store answers to a read or action without a scope.
func ErrNoScope() error {
	return Errorf(EFORBIDDEN, "This request has no unit scope.")
}
