package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The staff API refuses, as the desk does, a reply X would refuse.
func TestAPIRefusesAReplyXWouldRefuse(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		code := f.codes["district:162"]
		f.db.SQL().ExecContext(context.Background(), `UPDATE complaints SET replyable = 1 WHERE code = $1`, code)
		id := f.session(t, f.users[shikayat.RoleDistrictOperator])
		rec := f.do("POST", "/api/v1/complaints/"+code+"/actions", "application/json", `{"action":"reply","text":"`+strings.Repeat("a", 400)+`"}`, id)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "of 280") {
			t.Errorf("a 400-character reply: %d %s, want 400 with its count", rec.Code, rec.Body)
		}
	})
}
