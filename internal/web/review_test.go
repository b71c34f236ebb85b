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

// TestReviewQueuePage: HQ's review queue shows held posts, the immediate
// one first and marked, each with its two forms; its search finds any
// recorded post in Devanagari; the forms act as the API does; the text of
// a post stays text; other staff are refused.
func TestReviewQueuePage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		ctx := context.Background()
		urgent := shikayat.Incoming{Post: &shikayat.Post{ID: "2002", ConversationID: "2002", AuthorID: "78", AuthorUsername: "other",
			Text: `बच्चा स्कूल से नहीं लौटा <script>alert(1)</script>`, CreatedAt: f.clock.Now()}, MentionsAccount: true,
			Triage: &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassImmediate, Lang: "hi", Confidence: 0.4, Handling: shikayat.HandlingReview}}
		chatter := shikayat.Incoming{Post: &shikayat.Post{ID: "2003", ConversationID: "2003", AuthorID: "79", AuthorUsername: "fan",
			Text: "मैच बहुत अच्छा था", CreatedAt: f.clock.Now()},
			Triage: &shikayat.Triage{Intent: shikayat.IntentOther, Lang: "hi", Confidence: 0.01, Handling: shikayat.HandlingRecord}}
		if _, err := f.db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{urgent, chatter}); err != nil {
			t.Fatal(err)
		}
		hq := f.session(t, f.users[shikayat.RoleHQOperator])
		rec := f.do("GET", "/desk/review?lang=hi", "", "", hq)
		body := rec.Body.String()
		if rec.Code != http.StatusOK {
			t.Fatalf("%d %s", rec.Code, body)
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "'unsafe-inline' 'self'") {
			t.Errorf("CSP %q", csp)
		}
		i, j := strings.Index(body, "2002"), strings.Index(body, heldPostID)
		if i < 0 || j < 0 || i > j {
			t.Fatalf("the immediate held post does not come first: %s", body)
		}
		if strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("a post's markup is not inert")
		}
		for _, want := range []string{"समीक्षा कतार", "तत्काल", `action="/desk/review/posts/2002"`, `value="make_complaint"`, `value="not_complaint"`} {
			if !strings.Contains(body, want) {
				t.Errorf("the page lacks %q", want)
			}
		}
		if strings.Contains(body, "मैच") {
			t.Errorf("a post recorded as chatter shows in the held queue")
		}
		found := f.do("GET", "/desk/review?lang=en&q=मैच", "", "", hq).Body.String()
		if !strings.Contains(found, "मैच बहुत अच्छा था") || !strings.Contains(found, "Make it a complaint") {
			t.Errorf("the search does not find a recorded post by its Devanagari text: %s", found)
		}

		rec = f.do("POST", "/desk/review/posts/2002", "application/x-www-form-urlencoded", "action=make_complaint", hq)
		if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/desk/review") {
			t.Fatalf("make it a complaint: %d %s", rec.Code, rec.Body)
		}
		c, err := f.db.FindComplaintByPost(ctx, "2002")
		if err != nil || c.ReceivedAt.IsZero() {
			t.Fatalf("no complaint made from the held post: %v", err)
		}
		if body := f.do("GET", "/desk/review?lang=en&q=2002", "", "", hq).Body.String(); !strings.Contains(body, c.Code) {
			t.Errorf("the post found by id does not show its complaint %s", c.Code)
		}
		district := f.session(t, f.users[shikayat.RoleDistrictOperator])
		if rec := f.do("GET", "/desk/review", "", "", district); rec.Code != http.StatusForbidden {
			t.Errorf("a district operator opens the review queue: %d", rec.Code)
		}
		if rec := f.do("POST", "/desk/review/posts/"+heldPostID, "application/x-www-form-urlencoded", "action=make_complaint", district); rec.Code != http.StatusForbidden {
			t.Errorf("a district operator makes a complaint: %d", rec.Code)
		}
		if rec := f.do("POST", "/desk/review/posts/"+heldPostID, "application/x-www-form-urlencoded", "action=make_complaint", hq, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"); rec.Code != http.StatusForbidden {
			t.Errorf("a cross-site form post: %d", rec.Code)
		}
	})
}
