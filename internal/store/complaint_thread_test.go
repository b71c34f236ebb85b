package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestComplaintThread: the thread holds the opening post with triage's
// reasons and the citizen's follow-up, oldest first; another unit's scope
// does not find it.
func TestComplaintThread(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{})
		first := incoming("501", "501", "1", "my bike was stolen", true)
		first.Triage.Reasons = []string{"intent: complaint (0.93)", "district: लखनऊ named"}
		recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{first, incoming("502", "501", "1", "still nothing", true)})
		if err != nil {
			t.Fatal(err)
		}
		code := recs[0].ComplaintCode
		th, err := db.ComplaintThread(ctx, code, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		if len(th.Posts) != 2 || th.Posts[0].Post.ID != "501" || th.Posts[1].Post.ID != "502" || th.Posts[1].Kind != shikayat.RecordAttachment {
			t.Fatalf("thread posts %+v, want 501 then the follow-up 502", th.Posts)
		}
		if !reflect.DeepEqual(th.Posts[0].Reasons, first.Triage.Reasons) {
			t.Errorf("reasons %q, want %q", th.Posts[0].Reasons, first.Triage.Reasons)
		}
		other, err := db.FindUnit(ctx, "district:175")
		if err != nil {
			t.Fatal(err)
		}
		scope := shikayat.ScopeOf(&shikayat.User{ID: 9, Role: shikayat.RoleDistrictOperator, UnitID: other.ID}, other)
		if _, err := db.ComplaintThread(ctx, code, scope); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
			t.Errorf("another district's thread: %v, want not found", err)
		}
		if _, err := db.ComplaintThread(ctx, code, shikayat.Scope{}); shikayat.ErrorCode(err) != shikayat.EFORBIDDEN {
			t.Errorf("no scope: %v, want forbidden", err)
		}
	})
}
