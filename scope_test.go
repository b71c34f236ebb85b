package shikayat_test

import (
	"testing"

	"github.com/shikayat/shikayat"
)

func TestScopeOf(t *testing.T) {
	hq := &shikayat.Unit{ID: "hq", Kind: shikayat.UnitState, Path: "hq/"}
	lko := &shikayat.Unit{ID: "district:162", Kind: shikayat.UnitDistrict, Path: "hq/zone:lucknow/range:lucknow/district:162/"}
	rbl := &shikayat.Unit{ID: "district:175", Kind: shikayat.UnitDistrict, Path: "hq/zone:lucknow/range:lucknow/district:175/"}
	ganj := &shikayat.Unit{ID: "station:lko-a", Kind: shikayat.UnitStation, Path: lko.Path + "station:lko-a/"}
	for name, tc := range map[string]struct {
		user *shikayat.User
		unit *shikayat.Unit
		sees []*shikayat.Unit
		not  []*shikayat.Unit
		all  bool
	}{
		"HQ operator sees all":          {&shikayat.User{Role: shikayat.RoleHQOperator, UnitID: "hq"}, hq, []*shikayat.Unit{hq, lko, ganj}, nil, true},
		"district sees its stations":    {&shikayat.User{Role: shikayat.RoleDistrictOperator, UnitID: lko.ID}, lko, []*shikayat.Unit{lko, ganj}, []*shikayat.Unit{hq, rbl}, false},
		"station sees itself":           {&shikayat.User{Role: shikayat.RoleStationOfficer, UnitID: ganj.ID}, ganj, []*shikayat.Unit{ganj}, []*shikayat.Unit{lko, hq}, false},
		"HQ role away from HQ is local": {&shikayat.User{Role: shikayat.RoleHQAdmin, UnitID: lko.ID}, lko, []*shikayat.Unit{lko}, []*shikayat.Unit{hq, rbl}, false},
		"disabled sees nothing":         {&shikayat.User{Role: shikayat.RoleHQAdmin, UnitID: "hq", Disabled: true}, hq, nil, []*shikayat.Unit{hq, lko}, false},
		"another's unit sees nothing":   {&shikayat.User{Role: shikayat.RoleDistrictOperator, UnitID: rbl.ID}, lko, nil, []*shikayat.Unit{lko, rbl}, false},
		"no unit sees nothing":          {&shikayat.User{Role: shikayat.RoleHQAdmin, UnitID: "hq"}, nil, nil, []*shikayat.Unit{hq}, false},
	} {
		t.Run(name, func(t *testing.T) {
			s := shikayat.ScopeOf(tc.user, tc.unit)
			if s.All() != tc.all {
				t.Errorf("All = %v", s.All())
			}
			for _, u := range tc.sees {
				if !s.Contains(u) {
					t.Errorf("does not see %s", u.ID)
				}
			}
			for _, u := range tc.not {
				if s.Contains(u) {
					t.Errorf("sees %s", u.ID)
				}
			}
		})
	}
	var zero shikayat.Scope
	if !zero.IsZero() || zero.Contains(hq) || zero.All() {
		t.Fatal("the zero scope sees something")
	}
	if !shikayat.SystemScope().All() {
		t.Fatal("the system scope does not see all")
	}
}

func TestScopeSensitive(t *testing.T) {
	hq := &shikayat.Unit{ID: "hq", Kind: shikayat.UnitState, Path: "hq/"}
	zone := &shikayat.Unit{ID: "zone:lucknow", Kind: shikayat.UnitZone, Path: "hq/zone:lucknow/"}
	lko := &shikayat.Unit{ID: "district:162", Kind: shikayat.UnitDistrict, Path: "hq/zone:lucknow/range:lucknow/district:162/"}
	ganj := &shikayat.Unit{ID: "station:lko-a", Kind: shikayat.UnitStation, Path: lko.Path + "station:lko-a/"}
	atLko := &shikayat.Complaint{UnitID: lko.ID, Sensitive: true}
	atHQ := &shikayat.Complaint{UnitID: hq.ID, Sensitive: true}
	plain := &shikayat.Complaint{UnitID: lko.ID}
	for name, tc := range map[string]struct {
		scope                  shikayat.Scope
		district, hqOwn, plain bool
	}{
		"HQ operator":       {shikayat.ScopeOf(&shikayat.User{Role: shikayat.RoleHQOperator, UnitID: "hq"}, hq), false, true, true},
		"HQ admin":          {shikayat.ScopeOf(&shikayat.User{Role: shikayat.RoleHQAdmin, UnitID: "hq"}, hq), false, true, true},
		"zone supervisor":   {shikayat.ScopeOf(&shikayat.User{Role: shikayat.RoleSupervisor, UnitID: zone.ID}, zone), true, false, true},
		"district operator": {shikayat.ScopeOf(&shikayat.User{Role: shikayat.RoleDistrictOperator, UnitID: lko.ID}, lko), true, false, true},
		"system":            {shikayat.SystemScope(), true, true, true},
	} {
		t.Run(name, func(t *testing.T) {
			if got := tc.scope.SeesComplaint(atLko, lko); got != tc.district {
				t.Errorf("sees a district's sensitive complaint = %v", got)
			}
			if got := tc.scope.SeesComplaint(atHQ, hq); got != tc.hqOwn {
				t.Errorf("sees HQ's sensitive complaint = %v", got)
			}
			if got := tc.scope.SeesComplaint(plain, lko); got != tc.plain {
				t.Errorf("sees a plain complaint = %v", got)
			}
		})
	}
	so := shikayat.ScopeOf(&shikayat.User{Role: shikayat.RoleStationOfficer, UnitID: ganj.ID}, ganj)
	if !so.SeesComplaint(&shikayat.Complaint{UnitID: ganj.ID, Sensitive: true}, ganj) {
		t.Error("the station officer does not see the sensitive complaint assigned to the station")
	}
}

func TestSensitiveAlertSkipsHQ(t *testing.T) {
	lko := "hq/zone:lucknow/range:lucknow/district:162/"
	a := &shikayat.Alert{Code: "UP26-X", UnitID: "district:162", UnitPath: lko, Sensitive: true}
	for path, want := range map[string]bool{"hq/": false, "hq/zone:lucknow/": true, lko: true, lko + "station:lko-a/": false} {
		if got := a.For(path); got != want {
			t.Errorf("sensitive alert for %s = %v, want %v", path, got, want)
		}
	}
	atHQ := &shikayat.Alert{Code: "UP26-Y", UnitID: "hq", UnitPath: "hq/", Sensitive: true}
	if !atHQ.For("hq/") {
		t.Error("HQ does not get the alert of a sensitive complaint it owns")
	}
	a.Sensitive = false
	if !a.For("hq/") {
		t.Error("HQ does not get a plain alert")
	}
}

func TestOtherRoleAtHQHidesSensitive(t *testing.T) {
	hq := &shikayat.Unit{ID: "hq", Kind: shikayat.UnitState, Path: "hq/"}
	lko := &shikayat.Unit{ID: "district:162", Kind: shikayat.UnitDistrict, Path: "hq/zone:lucknow/range:lucknow/district:162/"}
	s := shikayat.ScopeOf(&shikayat.User{Role: shikayat.RoleSupervisor, UnitID: "hq"}, hq)
	if s.SeesComplaint(&shikayat.Complaint{UnitID: lko.ID, Sensitive: true}, lko) || !s.SeesComplaint(&shikayat.Complaint{UnitID: lko.ID}, lko) {
		t.Fatal("a supervisor at HQ sees a district's sensitive complaint, or not its plain one")
	}
}
