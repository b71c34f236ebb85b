package shikayat

import (
	"strconv"
	"strings"
	"time"
)

// UnitKind is the level of a unit in the tree.
type UnitKind string

const (
	UnitState      UnitKind = "state"      // state HQ, the root
	UnitZone       UnitKind = "zone"       // zone under HQ
	UnitRange      UnitKind = "range"      // range under a zone
	UnitDistrict   UnitKind = "district"   // district or commissionerate
	UnitStation    UnitKind = "station"    // police station (thana)
	UnitFunctional UnitKind = "functional" // GRP, cyber cell, 1090, traffic… owns complaints like a district
)

// HQUnitID is the id of the root unit.
const HQUnitID = "hq"

// Unit is one node of the tree state HQ → zone → range → district → station,
// or a functional unit under HQ. Its ID is also how people name it on the
// command line: "hq", "zone:NAME", "range:NAME", "district:LGD", "unit:NAME",
// "station:ID".
type Unit struct {
	ID       string   `json:"id"`
	Kind     UnitKind `json:"kind"`
	Name     string   `json:"name"`
	NameHi   string   `json:"name_hi,omitempty"`
	ParentID string   `json:"parent_id,omitempty"`
	// Path lists the ids from the root to this unit, each followed by "/",
	// e.g. "hq/zone:lucknow/range:lucknow/district:162/". A unit's subtree is
	// every unit whose Path starts with its own.
	Path     string   `json:"path"`
	LGD      int      `json:"lgd,omitempty"` // district code for districts and their stations
	Aliases  []string `json:"aliases,omitempty"`
	Lat, Lon float64  `json:"-"`
}

// Contains reports whether other lies in u's subtree (u included).
func (u *Unit) Contains(other *Unit) bool {
	return other != nil && strings.HasPrefix(other.Path, u.Path)
}

// DistrictUnitID returns the unit id of a district by its LGD code.
func DistrictUnitID(lgd int) string { return "district:" + strconv.Itoa(lgd) }

// StationUnitID returns the unit id of a station by its slug.
func StationUnitID(id string) string { return "station:" + id }

// ParseUnitID checks a unit reference as written on the command line and
// returns it in canonical form.
func ParseUnitID(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == HQUnitID {
		return s, nil
	}
	kind, name, ok := strings.Cut(s, ":")
	if !ok || name == "" {
		return "", Errorf(EINVALID, "Unit %q must be hq, zone:NAME, range:NAME, district:LGD, unit:NAME or station:ID.", s)
	}
	switch kind {
	case "zone", "range", "unit", "station":
		if !validSlug(name) {
			return "", Errorf(EINVALID, "Unit name %q may use only lower-case letters, digits and dashes.", name)
		}
		return kind + ":" + name, nil
	case "district":
		n, err := strconv.Atoi(name)
		if err != nil || n <= 0 {
			return "", Errorf(EINVALID, "District %q must be an LGD code, like district:162.", name)
		}
		return DistrictUnitID(n), nil
	}
	return "", Errorf(EINVALID, "Unit %q must be hq, zone:NAME, range:NAME, district:LGD, unit:NAME or station:ID.", s)
}

// validSlug reports whether s is a short stable id: a-z, 0-9 and dashes.
func validSlug(s string) bool {
	if s == "" || len(s) > 64 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// ValidSlug reports whether s can be a station or unit id.
func ValidSlug(s string) bool { return validSlug(s) }

// Role is what a user may do, within its unit's subtree.
type Role string

const (
	RoleHQAdmin          Role = "hq_admin"          // everything, incl. users and settings
	RoleHQOperator       Role = "hq_operator"       // works all complaints
	RoleSupervisor       Role = "supervisor"        // works its zone, range or district; gets escalations
	RoleDistrictOperator Role = "district_operator" // its district and its stations
	RoleStationOfficer   Role = "station_officer"   // its station
)

// Roles lists every role.
var Roles = []Role{RoleHQAdmin, RoleHQOperator, RoleSupervisor, RoleDistrictOperator, RoleStationOfficer}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// FitsUnit reports whether a role may be held at a unit of the given kind.
func (r Role) FitsUnit(k UnitKind) bool {
	switch r {
	case RoleHQAdmin, RoleHQOperator:
		return k == UnitState
	case RoleSupervisor:
		return k == UnitZone || k == UnitRange || k == UnitDistrict || k == UnitFunctional || k == UnitState
	case RoleDistrictOperator:
		return k == UnitDistrict || k == UnitFunctional
	case RoleStationOfficer:
		return k == UnitStation
	}
	return false
}

// User is a member of staff.
type User struct {
	ID        int64     `json:"id"`
	Username  string    `json:"username"`
	Name      string    `json:"name,omitempty"`
	Role      Role      `json:"role"`
	UnitID    string    `json:"unit_id"`
	Disabled  bool      `json:"disabled,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	// Lang is the desk language the user chose: "hi", "en" or "" (not chosen).
	Lang string `json:"lang,omitempty"`
}

// Actor is who performs an action: a user, or the system itself (intake,
// triage, timers).
type Actor struct {
	UserID   int64
	Username string
	Role     Role
	UnitID   string
	// Scope is what the actor may see and act on; the zero scope, nothing.
	Scope  Scope
	System bool
}

// SystemActor is the actor for automatic actions.
var SystemActor = Actor{Username: "system", UnitID: HQUnitID, Scope: SystemScope(), System: true}

// ActorFor returns the actor for user u, member of unit.
func ActorFor(u *User, unit *Unit) Actor {
	return Actor{UserID: u.ID, Username: u.Username, Role: u.Role, UnitID: u.UnitID, Scope: ScopeOf(u, unit)}
}

// Name returns how the trail names the actor.
func (a Actor) Name() string {
	if a.System {
		return "system"
	}
	return a.Username
}
