package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A refused action draws the complaint page again: that view is recorded.
func TestSensitiveViewRecordedOnARefusedAction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		code := f.sensitive["district:162"]
		rec := f.do("POST", "/desk/complaints/"+code+"/actions", "application/x-www-form-urlencoded", "action=bogus", f.session(t, f.users[shikayat.RoleDistrictOperator]))
		c, _ := f.db.FindComplaint(context.Background(), code, shikayat.SystemScope())
		n := 0
		for _, e := range c.Events {
			if e.Action == "viewed" {
				n++
			}
		}
		t.Logf("status %d, shows text: %v, viewed events: %d", rec.Code, strings.Contains(rec.Body.String(), "sensitive complaint at district:162"), n)
		if strings.Contains(rec.Body.String(), "sensitive complaint at district:162") && n == 0 {
			t.Errorf("sensitive complaint shown without a viewed event")
		}
	})
}
