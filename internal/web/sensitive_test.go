package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestSensitiveComplaintAPI: each read of a sensitive complaint through the
// staff API appends one internal "viewed" event naming the reader; HQ does
// not find it; the public tracking shows its stage alone, the other keys
// null.
func TestSensitiveComplaintAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		ctx := context.Background()
		code := f.sensitive["district:162"]
		views := func(code string) []*shikayat.Event {
			t.Helper()
			c, err := f.db.FindComplaint(ctx, code, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			var out []*shikayat.Event
			for _, e := range c.Events {
				if e.Action == "viewed" {
					out = append(out, e)
				}
			}
			return out
		}

		t.Run("each read is recorded with its reader", func(t *testing.T) {
			for i, role := range []shikayat.Role{shikayat.RoleDistrictOperator, shikayat.RoleSupervisor, shikayat.RoleDistrictOperator} {
				rec := f.do("GET", "/api/v1/complaints/"+code, "", "", f.session(t, f.users[role]))
				if rec.Code != http.StatusOK {
					t.Fatalf("%s: %d %s", role, rec.Code, rec.Body)
				}
				got := views(code)
				if len(got) != i+1 {
					t.Fatalf("after %d reads, %d views recorded", i+1, len(got))
				}
				if e := got[i]; e.UserID != f.users[role].ID || e.Public || e.At.IsZero() {
					t.Fatalf("view = %+v, want one by user %d", e, f.users[role].ID)
				}
			}
		})
		t.Run("the desk's complaint page records its view too", func(t *testing.T) {
			before := len(views(code))
			rec := f.do("GET", "/desk/complaints/"+code, "", "", f.session(t, f.users[shikayat.RoleSupervisor]))
			if rec.Code != http.StatusOK {
				t.Fatalf("supervisor: %d", rec.Code)
			}
			got := views(code)
			if len(got) != before+1 || got[len(got)-1].UserID != f.users[shikayat.RoleSupervisor].ID {
				t.Fatalf("after the page: %d views (was %d)", len(got), before)
			}
		})
		t.Run("HQ does not find it and leaves no view", func(t *testing.T) {
			before := len(views(code))
			rec := f.do("GET", "/api/v1/complaints/"+code, "", "", f.session(t, f.users[shikayat.RoleHQOperator]))
			if rec.Code != http.StatusNotFound {
				t.Fatalf("HQ operator: %d %s", rec.Code, rec.Body)
			}
			if len(views(code)) != before {
				t.Fatal("a refused read was recorded")
			}
		})
		t.Run("a plain complaint's reads are not recorded", func(t *testing.T) {
			plain := f.codes["district:162"]
			f.do("GET", "/api/v1/complaints/"+plain, "", "", f.session(t, f.users[shikayat.RoleDistrictOperator]))
			if n := len(views(plain)); n != 0 {
				t.Fatalf("%d views of a plain complaint", n)
			}
		})
		t.Run("tracking shows the stage alone", func(t *testing.T) {
			rec := f.do("GET", "/api/v1/track/"+code, "", "", "")
			var got map[string]json.RawMessage
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
			if string(got["code"]) != `"`+code+`"` || string(got["stage"]) != `"received"` || string(got["status"]) != `"open"` {
				t.Fatalf("tracking = %s", rec.Body)
			}
			for _, k := range []string{"district", "class", "updated_at", "history"} {
				if v, ok := got[k]; !ok || string(v) != "null" {
					t.Errorf("%s = %s, want null: %s", k, v, rec.Body)
				}
			}
			if len(got) != 7 {
				t.Errorf("tracking has %d keys: %s", len(got), rec.Body)
			}
			page := f.do("GET", "/t/"+code+"?lang=en", "", "", "")
			body := page.Body.String()
			if page.Code != http.StatusOK || !strings.Contains(body, "Received") || strings.Contains(body, "History") || strings.Contains(body, "Updated") {
				t.Fatalf("tracking page: %d %s", page.Code, body)
			}
			plain := f.do("GET", "/api/v1/track/"+f.codes["district:162"], "", "", "")
			if !strings.Contains(plain.Body.String(), `"history":[{`) {
				t.Fatalf("plain tracking lost its history: %s", plain.Body)
			}
		})
		t.Run("staff clear it through the API", func(t *testing.T) {
			id := f.session(t, f.users[shikayat.RoleDistrictOperator])
			rec := f.do("POST", "/api/v1/complaints/"+code+"/actions", "application/json", `{"action":"set_sensitive","sensitive":false}`, id)
			if rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
			if rec := f.do("GET", "/api/v1/complaints/"+code, "", "", f.session(t, f.users[shikayat.RoleHQOperator])); rec.Code != http.StatusOK {
				t.Fatalf("HQ, once cleared: %d", rec.Code)
			}
			bad := f.do("POST", "/api/v1/complaints/"+code+"/actions", "application/json", `{"action":"set_sensitive"}`, id)
			if bad.Code != http.StatusBadRequest {
				t.Fatalf("without the flag: %d %s", bad.Code, bad.Body)
			}
		})
	})
}
