package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// HQ's escalation list leaves out a district's sensitive complaint.
func TestEscalationsHideSensitiveFromHQ(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		code := f.sensitive["district:162"]
		// overdue at the district, escalated one level up to its range
		if _, err := f.db.SQL().ExecContext(context.Background(), `UPDATE complaints SET escalated_path = (SELECT path FROM units WHERE id = 'range:lucknow') WHERE code = $1`, code); err != nil {
			t.Fatal(err)
		}
		rec := f.do("GET", "/api/v1/escalations", "", "", f.session(t, f.users[shikayat.RoleHQOperator]))
		t.Logf("%d %.300s", rec.Code, rec.Body)
		if strings.Contains(rec.Body.String(), code) {
			t.Errorf("HQ operator lists district's sensitive complaint %s in /api/v1/escalations", code)
		}
	})
}
