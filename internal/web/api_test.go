package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestStaffAPI checks the staff API's shapes against DESIGN's contract.
func TestStaffAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		id := f.session(t, f.users[shikayat.RoleDistrictOperator])
		code := f.codes["district:162"]

		t.Run("list", func(t *testing.T) {
			rec := f.do("GET", "/api/v1/complaints?stage=received", "", "", id)
			var list map[string]json.RawMessage
			if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
			for _, k := range []string{"data", "page", "per_page", "total"} {
				if _, ok := list[k]; !ok {
					t.Errorf("listing lacks %q: %s", k, rec.Body)
				}
			}
			// The district, its two stations, a plain and a sensitive complaint each.
			if string(list["page"]) != "1" || string(list["per_page"]) != "50" || string(list["total"]) != "6" {
				t.Errorf("page %s per_page %s total %s", list["page"], list["per_page"], list["total"])
			}
		})
		t.Run("a complaint has the contract's keys and its events", func(t *testing.T) {
			rec := f.do("GET", "/api/v1/complaints/"+strings.ToLower(code), "", "", id)
			var c map[string]json.RawMessage
			if err := json.Unmarshal(rec.Body.Bytes(), &c); err != nil || rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
			for _, k := range []string{"code", "stage", "status", "district", "unit_id", "station_id", "class", "type", "text", "received_at", "events"} {
				if _, ok := c[k]; !ok {
					t.Errorf("complaint lacks %q: %s", k, rec.Body)
				}
			}
		})
		t.Run("errors have DESIGN's shape", func(t *testing.T) {
			for target, want := range map[string]int{
				"/api/v1/complaints?stage=lost":       http.StatusBadRequest,
				"/api/v1/complaints?district=99999":   http.StatusBadRequest,
				"/api/v1/complaints/not-a-code":       http.StatusBadRequest,
				"/api/v1/complaints/" + f.codes["hq"]: http.StatusNotFound,
			} {
				rec := f.do("GET", target, "", "", id)
				var e struct {
					Error struct{ Code, Message string } `json:"error"`
				}
				json.Unmarshal(rec.Body.Bytes(), &e)
				if rec.Code != want || e.Error.Code == "" || e.Error.Message == "" {
					t.Errorf("%s = %d %s, want %d with an error object", target, rec.Code, rec.Body, want)
				}
			}
			rec := f.do("POST", "/api/v1/complaints/"+code+"/actions", "application/json", `{"action":"assign"}`, id)
			if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"invalid"`) {
				t.Errorf("bad action = %d %s", rec.Code, rec.Body)
			}
		})
		t.Run("an action answers the complaint as a read then shows it", func(t *testing.T) {
			f.clock.Add(1234567 * time.Nanosecond)
			act := f.do("POST", "/api/v1/complaints/"+code+"/actions", "application/json", `{"action":"note","text":"checked"}`, id)
			get := f.do("GET", "/api/v1/complaints/"+code, "", "", id)
			if act.Code != http.StatusOK || act.Body.String() != get.Body.String() {
				t.Fatalf("action answered\n%s\na read shows\n%s", act.Body, get.Body)
			}
		})
		t.Run("an Idempotency-Key replay answers the same and records nothing", func(t *testing.T) {
			act := func(text string, key string) (int, string) {
				h := []string{}
				if key != "" {
					h = []string{"Idempotency-Key", key}
				}
				rec := f.do("POST", "/api/v1/complaints/"+code+"/actions", "application/json", `{"action":"note","text":"`+text+`"}`, id, h...)
				return rec.Code, rec.Body.String()
			}
			s1, b1 := act("first", "k-1")
			act("in between", "")
			s2, b2 := act("first", "k-1")
			if s1 != http.StatusOK || s1 != s2 || b1 != b2 {
				t.Fatalf("first %d %s\nreplay %d %s", s1, b1, s2, b2)
			}
			rec := f.do("GET", "/api/v1/complaints/"+code, "", "", id)
			if n := strings.Count(rec.Body.String(), `"note":"first"`); n != 1 {
				t.Fatalf("the note was recorded %d times", n)
			}
		})
	})
}
