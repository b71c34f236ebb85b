package web_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestPostsAPI checks the posts API against DESIGN's contract: HQ lists
// held posts with their triage and makes one a complaint (201, then 200
// with the same complaint; a replayed Idempotency-Key answers 201 again);
// a district operator can neither list nor act (403).
func TestPostsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		hq := f.session(t, f.users[shikayat.RoleHQOperator])
		district := f.session(t, f.users[shikayat.RoleDistrictOperator])

		rec := f.do("GET", "/api/v1/posts?held=true&q=calling", "", "", hq)
		var list struct {
			Data []map[string]json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || rec.Code != http.StatusOK || len(list.Data) != 1 {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
		for _, k := range []string{"id", "text", "author_username", "handling", "triage", "complaint"} {
			if _, ok := list.Data[0][k]; !ok {
				t.Errorf("a post lacks %q: %s", k, rec.Body)
			}
		}
		if string(list.Data[0]["complaint"]) != "null" || string(list.Data[0]["handling"]) != `"review"` {
			t.Errorf("held post: complaint %s handling %s", list.Data[0]["complaint"], list.Data[0]["handling"])
		}
		if rec := f.do("GET", "/api/v1/posts?held=maybe", "", "", hq); rec.Code != http.StatusBadRequest {
			t.Errorf("held=maybe: %d", rec.Code)
		}
		if rec := f.do("GET", "/api/v1/posts?held=true", "", "", district); rec.Code != http.StatusForbidden {
			t.Errorf("a district operator lists posts: %d %s", rec.Code, rec.Body)
		}
		make := `{"action": "make_complaint"}`
		if rec := f.do("POST", "/api/v1/posts/"+heldPostID+"/actions", "application/json", make, district); rec.Code != http.StatusForbidden {
			t.Errorf("a district operator acts on a post: %d %s", rec.Code, rec.Body)
		}
		first := f.do("POST", "/api/v1/posts/"+heldPostID+"/actions", "application/json", make, hq, "Idempotency-Key", "k-1")
		var c shikayat.Complaint
		if err := json.Unmarshal(first.Body.Bytes(), &c); err != nil || first.Code != http.StatusCreated || c.Code == "" || c.SourcePostID != heldPostID {
			t.Fatalf("make_complaint: %d %s", first.Code, first.Body)
		}
		replay := f.do("POST", "/api/v1/posts/"+heldPostID+"/actions", "application/json", make, hq, "Idempotency-Key", "k-1")
		if replay.Code != http.StatusCreated {
			t.Errorf("a replayed make_complaint: %d, want 201 as the first", replay.Code)
		}
		again := f.do("POST", "/api/v1/posts/"+heldPostID+"/actions", "application/json", make, hq)
		var c2 shikayat.Complaint
		if err := json.Unmarshal(again.Body.Bytes(), &c2); err != nil || again.Code != http.StatusOK || c2.Code != c.Code {
			t.Fatalf("second make_complaint: %d %s, want 200 with %s", again.Code, again.Body, c.Code)
		}
		if rec := f.do("POST", "/api/v1/posts/"+heldPostID+"/actions", "application/json", `{"action": "not_complaint"}`, hq); rec.Code != http.StatusConflict {
			t.Errorf("not_complaint on a complaint: %d", rec.Code)
		}
		if rec := f.do("POST", "/api/v1/posts/999999/actions", "application/json", make, hq); rec.Code != http.StatusNotFound {
			t.Errorf("an unknown post: %d", rec.Code)
		}
		rec = f.do("GET", "/api/v1/posts?q="+heldPostID, "", "", hq)
		if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || len(list.Data) != 1 || string(list.Data[0]["complaint"]) != `"`+c.Code+`"` {
			t.Fatalf("by id after: %s", rec.Body)
		}
	})
}
