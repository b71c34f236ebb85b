package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// HQ's review queue does not list a district's sensitive complaint.
func TestReviewQueueHidesSensitiveFromHQ(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		rec := f.do("GET", "/desk/review?lang=en", "", "", f.session(t, f.users[shikayat.RoleHQOperator]))
		if rec.Code != http.StatusOK {
			t.Fatalf("%d", rec.Code)
		}
		code := f.sensitive["district:162"]
		if strings.Contains(rec.Body.String(), code) || strings.Contains(rec.Body.String(), "sensitive complaint at district:162") {
			t.Errorf("HQ review queue shows district's sensitive complaint %s", code)
		}
	})
}
