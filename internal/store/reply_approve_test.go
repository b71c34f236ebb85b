package store_test

import (
	"context"
	"database/sql"
	"sync"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// recordedJobs keeps the jobs the store queues.
type recordedJobs struct {
	mu   sync.Mutex
	jobs []shikayat.Job
}

func (r *recordedJobs) InsertTx(_ context.Context, _ *sql.Tx, j shikayat.Job) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.jobs = append(r.jobs, j)
	return nil
}

func (r *recordedJobs) replies() []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int64
	for _, j := range r.jobs {
		if j.Kind == shikayat.JobReply {
			out = append(out, j.EventID)
		}
	}
	return out
}

// TestStationReplyWaitsForApproval: with approval on, a station officer's
// free-text reply is recorded but not queued; a station officer cannot
// approve it; a district operator's approval queues it, once. A template
// reply, and any reply with approval off, is queued at once.
func TestStationReplyWaitsForApproval(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		jobs := &recordedJobs{}
		db := open(t, dsn(), store.Options{Jobs: jobs, ReplyApproval: true})
		if _, _, err := db.ImportStations(ctx, []*shikayat.Unit{{ID: "station:lko-hazratganj", Kind: shikayat.UnitStation, Name: "Hazratganj", LGD: 162}}); err != nil {
			t.Fatal(err)
		}
		c, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "9001", Text: "bike stolen"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().ExecContext(ctx, `UPDATE complaints SET unit_id = 'station:lko-hazratganj', district = 162, replyable = 1 WHERE id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		station, err := db.FindUnit(ctx, "station:lko-hazratganj")
		if err != nil {
			t.Fatal(err)
		}
		officer := shikayat.Actor{UserID: 1, Username: "so", Role: shikayat.RoleStationOfficer, UnitID: station.ID,
			Scope: shikayat.ScopeOf(&shikayat.User{ID: 1, Role: shikayat.RoleStationOfficer, UnitID: station.ID}, station)}
		district, _ := db.FindUnit(ctx, "district:162")
		operator := shikayat.Actor{UserID: 2, Username: "op", Role: shikayat.RoleDistrictOperator, UnitID: district.ID,
			Scope: shikayat.ScopeOf(&shikayat.User{ID: 2, Role: shikayat.RoleDistrictOperator, UnitID: district.ID}, district)}
		before := len(jobs.replies())

		_, held, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionReply, Text: "we are on it"}, officer, "")
		if err != nil {
			t.Fatal(err)
		}
		if held.Detail["approval"] != "waiting" || len(jobs.replies()) != before {
			t.Fatalf("a station officer's free text: detail %v, reply jobs %v; want held and not queued", held.Detail, jobs.replies())
		}
		if _, _, err := db.ApproveReply(ctx, c.Code, held.ID, officer); shikayat.ErrorCode(err) != shikayat.EFORBIDDEN {
			t.Errorf("a station officer approving: %v, want forbidden", err)
		}
		if _, _, err := db.ApproveReply(ctx, c.Code, held.ID, operator); err != nil {
			t.Fatal(err)
		}
		if got := jobs.replies(); len(got) != before+1 || got[len(got)-1] != held.ID {
			t.Errorf("after approval, reply jobs %v, want one for event %d", got, held.ID)
		}
		if _, _, err := db.ApproveReply(ctx, c.Code, held.ID, operator); shikayat.ErrorCode(err) != shikayat.ECONFLICT {
			t.Errorf("approving twice: %v, want conflict", err)
		}
		_, tmpl, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionReply, Template: "status"}, officer, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := jobs.replies(); got[len(got)-1] != tmpl.ID || tmpl.Detail["approval"] != "" {
			t.Errorf("a template reply was held: %v", tmpl.Detail)
		}
		if _, _, err := db.ApproveReply(ctx, c.Code, tmpl.ID, operator); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Errorf("approving a reply not held: %v, want invalid", err)
		}
		_, mine, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionReply, Text: "district here"}, operator, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := jobs.replies(); got[len(got)-1] != mine.ID {
			t.Errorf("a district operator's reply was held")
		}
	})
}
