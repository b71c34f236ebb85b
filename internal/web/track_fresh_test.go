package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Tracking answers kept in memory never hide a change made through the
// desk: the next lookup, page or JSON, shows it.
func TestTrackingShowsAChangeAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		code := f.codes["district:162"]
		for _, path := range []string{"/api/v1/track/" + code, "/t/" + code + "?lang=en", "/t/" + strings.ToLower(code) + "?lang=hi"} {
			if rec := f.do("GET", path, "", "", ""); rec.Code != 200 || strings.Contains(rec.Body.String(), "station at once") {
				t.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
			}
		}
		op := f.users[shikayat.RoleDistrictOperator]
		unit, err := f.db.FindUnit(context.Background(), op.UnitID)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := f.db.ApplyAction(context.Background(), code, shikayat.Action{Kind: shikayat.ActionNote, Text: "sent to the station at once", Public: true},
			shikayat.ActorFor(op, unit), ""); err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/api/v1/track/" + code, "/t/" + code + "?lang=en", "/t/" + strings.ToLower(code) + "?lang=hi"} {
			if rec := f.do("GET", path, "", "", ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), "station at once") {
				t.Errorf("%s after a public note: %d %s", path, rec.Code, rec.Body)
			}
		}
	})
}
