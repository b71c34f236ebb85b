package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A district operator gives up a reply that waits, by its key or its id,
// through the API; it is never sent, and the trail says who gave it up.
func TestGiveUpReplyAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		f := newDesk(t, dsn(), "http://desk.example")
		op := f.session(t, f.users[shikayat.RoleDistrictOperator])
		code := f.codes["district:162"]
		c, err := f.db.FindComplaint(ctx, code, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		claim := func(key string, cid int64) *shikayat.Reply {
			t.Helper()
			r, err := f.db.ClaimReply(ctx, &shikayat.Reply{Key: key, ComplaintID: cid, InReplyTo: c.SourcePostID, Text: "reply " + key})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		claim("ack:giveup", c.ID)
		path := "/api/v1/complaints/" + code + "/replies/ack:giveup/give-up"
		if rec := f.do("POST", path, "application/json", `{"reason": ""}`, op); rec.Code != http.StatusBadRequest {
			t.Fatalf("without a reason: %d %s", rec.Code, rec.Body)
		}
		if rec := f.do("POST", "/api/v1/complaints/"+f.codes["station:lko-a"]+"/replies/ack:giveup/give-up", "application/json",
			`{"reason": "x"}`, op); rec.Code != http.StatusNotFound {
			t.Fatalf("through another complaint: %d %s", rec.Code, rec.Body)
		}
		rec := f.do("POST", path, "application/json", `{"reason": "the citizen was called instead"}`, op)
		var got struct {
			Key   string `json:"key"`
			State string `json:"state"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK || got.Key != "ack:giveup" || got.State != "failed" {
			t.Fatalf("give up: %d %s", rec.Code, rec.Body)
		}
		if rec := f.do("POST", path, "application/json", `{"reason": "again"}`, op); rec.Code != http.StatusConflict {
			t.Fatalf("giving up twice: %d %s", rec.Code, rec.Body)
		}
		c, _ = f.db.FindComplaint(ctx, code, shikayat.SystemScope())
		last := c.Events[len(c.Events)-1]
		if last.Action != "reply_given_up" || last.Public || last.Note != "the citizen was called instead" || last.Actor == "" {
			t.Fatalf("trail ends with %+v", last)
		}
		// By its id; a station officer may not.
		r2 := claim("status:giveup", c.ID)
		so := f.session(t, f.users[shikayat.RoleStationOfficer])
		byID := "/api/v1/complaints/" + code + "/replies/" + strconv.FormatInt(r2.ID, 10) + "/give-up"
		if rec := f.do("POST", byID, "application/json", `{"reason": "x"}`, so); rec.Code != http.StatusForbidden {
			t.Fatalf("station officer: %d %s", rec.Code, rec.Body)
		}
		if rec := f.do("POST", byID, "application/json", `{"reason": "x"}`, op); rec.Code != http.StatusOK {
			t.Fatalf("by id: %d %s", rec.Code, rec.Body)
		}
	})
}
