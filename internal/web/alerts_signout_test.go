package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// An open alert stream stops delivering once its user is disabled (its
// sessions end): the session is checked again before each alert.
func TestAlertStreamEndsWithItsSession(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		ctx := context.Background()
		u := f.users[shikayat.RoleDistrictOperator]
		id := f.session(t, u)
		go func() {
			time.Sleep(400 * time.Millisecond)
			f.db.SetUserDisabled(ctx, u.Username, true) // ends its sessions
			unit, _ := f.db.FindUnit(ctx, "district:162")
			f.db.AddAlert(ctx, &shikayat.Alert{Kind: "immediate", Code: "UP26-AFTERDISABLE", UnitID: unit.ID, UnitPath: unit.Path})
		}()
		cctx, cancel := context.WithTimeout(ctx, 1500*time.Millisecond)
		defer cancel()
		rec := f.doCtx(cctx, "GET", "/desk/alerts", "", "", id)
		if strings.Contains(rec.Body.String(), "AFTERDISABLE") {
			t.Errorf("a disabled user's open stream still receives alerts")
		}
	})
}
