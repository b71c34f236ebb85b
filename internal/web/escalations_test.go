package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A complaint overdue a period past its deadline in Lucknow is in the
// escalation queue of Lucknow's range: staff of the range and above see it
// at GET /api/v1/escalations; the district that owns it and its stations do
// not.
func TestEscalationQueueIsTheUnitAbove(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		f := newDesk(t, dsn(), "http://desk.example")
		c, err := f.db.FindComplaint(ctx, f.codes["district:162"], shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		day := 24 * time.Hour
		f.clock.Add(20 * day)
		for step := 0; step < 3; step++ {
			if res, err := f.db.RunSLA(ctx, c.ID, 0, step); err != nil || res.Kind == "" {
				t.Fatalf("step %d: %+v, %v", step, res, err)
			}
		}
		for role, want := range map[shikayat.Role]bool{
			shikayat.RoleHQAdmin: true, shikayat.RoleSupervisor: true,
			shikayat.RoleDistrictOperator: false, shikayat.RoleStationOfficer: false,
		} {
			rec := f.do("GET", "/api/v1/escalations", "", "", f.session(t, f.users[role]))
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", role, rec.Code, rec.Body)
			}
			var list struct {
				Data []shikayat.Complaint `json:"data"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil {
				t.Fatal(err)
			}
			got := len(list.Data) == 1 && list.Data[0].Code == c.Code
			if got != want || (!want && len(list.Data) != 0) {
				t.Errorf("%s sees %d escalated, want the complaint: %v", role, len(list.Data), want)
			}
		}
		if rec := f.do("GET", "/api/v1/escalations", "", "", ""); rec.Code != http.StatusUnauthorized {
			t.Errorf("anonymous: %d", rec.Code)
		}
		// The desk's counts show how many are overdue: all six of the district's
		// (its own and its stations', plain and sensitive), twenty days on.
		rec := f.do("GET", "/desk/", "", "", f.session(t, f.users[shikayat.RoleDistrictOperator]))
		if !strings.Contains(rec.Body.String(), `<span class="badge">6 `) {
			t.Errorf("the desk's counts show no overdue badge:\n%s", rec.Body)
		}
	})
}
