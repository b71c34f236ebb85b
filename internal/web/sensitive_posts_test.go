package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The posts API does not show HQ the post of a district's sensitive
// complaint, by search, by id or through an action.
func TestPostsHideSensitiveFromHQ(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		ctx := context.Background()
		in := shikayat.Incoming{Post: &shikayat.Post{ID: "3001", ConversationID: "3001", AuthorID: "88", AuthorUsername: "victim",
			Text: "secretvictimname was assaulted", CreatedAt: f.clock.Now()}, MentionsAccount: true,
			Triage: &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Lang: "en", Confidence: 0.99, Handling: shikayat.HandlingAcknowledge,
				Sensitive: true, District: 162, DistrictConfidence: 0.99, Urgency: shikayat.ClassMidTerm}}
		if _, err := f.db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in}); err != nil {
			t.Fatal(err)
		}
		c, err := f.db.FindComplaintByPost(ctx, "3001")
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("complaint %s unit %s sensitive %v", c.Code, c.UnitID, c.Sensitive)
		if _, err := f.db.SQL().ExecContext(ctx, `UPDATE complaints SET unit_id = 'district:162', sensitive = 1 WHERE id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		hq := f.session(t, f.users[shikayat.RoleHQOperator])
		if rec := f.do("GET", "/api/v1/complaints/"+c.Code, "", "", hq); rec.Code != http.StatusNotFound {
			t.Fatalf("HQ reads complaint: %d", rec.Code)
		}
		rec := f.do("GET", "/api/v1/posts?q=secretvictim", "", "", hq)
		t.Logf("%d %s", rec.Code, rec.Body)
		if strings.Contains(rec.Body.String(), "secretvictimname") {
			t.Errorf("HQ reads the text of a district's sensitive complaint through /api/v1/posts")
		}
		rec = f.do("POST", "/api/v1/posts/3001/actions", "application/json", `{"action":"make_complaint"}`, hq)
		t.Logf("make_complaint: %d %.200s", rec.Code, rec.Body)
		if strings.Contains(rec.Body.String(), `"sensitive":true`) && strings.Contains(rec.Body.String(), c.Code) {
			t.Errorf("HQ gets the sensitive complaint itself through POST /api/v1/posts/{id}/actions make_complaint")
		}
		rec = f.do("GET", "/desk/review?q=3001", "", "", hq)
		if strings.Contains(rec.Body.String(), "secretvictimname") {
			t.Errorf("HQ reads it through /desk/review?q=")
		}
	})
}
