package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// waitFor polls cond until it holds, for at most a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestFeedbackAgainstXsim: closing a complaint replies to the citizen in
// their language with an invitation to rate it 1–5; the author's "2" in the
// thread reopens it as an appeal counted against it; another user's "1"
// changes nothing; the author's later "5" replaces the rating. The tracking
// page, limited for an address that guessed codes, still leaves the status
// question on X its status reply.
func TestFeedbackAgainstXsim(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		sim := xsim.New(xsim.Options{Account: "Uppolice"})
		ts := httptest.NewServer(sim)
		defer ts.Close()
		x := simClient{t, ts.URL}
		m := startDesk(t, dsn(), ts.URL)
		ctx := context.Background()
		find := func(code string) *shikayat.Complaint {
			t.Helper()
			c, err := m.DB.FindComplaint(ctx, code, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		recorded := func(id string) func() bool {
			return func() bool { _, _, _, err := m.DB.FindPost(ctx, id); return err == nil }
		}

		id := x.mention(map[string]string{"username": "ramesh_lko", "text": "@Uppolice लखनऊ के हजरतगंज में कल रात मेरी बाइक चोरी हो गई, कृपया मदद करें"})
		ack := x.waitReplies(id, 1)
		codes, _ := shikayat.FindDockets(ack[0].Text)
		if len(codes) != 1 {
			t.Fatalf("acknowledgement %q has no docket", ack[0].Text)
		}
		code := codes[0]

		// Closing queues the closing reply: how it ended, the public note
		// masked, and the invitation to rate, in Hindi.
		if _, _, err := m.DB.ApplyAction(ctx, code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken,
			Note: "बाइक बरामद, थाना हजरतगंज 0522-2234567", Public: true}, shikayat.SystemActor, ""); err != nil {
			t.Fatal(err)
		}
		got := x.waitReplies(id, 2)
		if len(got) != 2 {
			t.Fatalf("%d replies after closing, want 2", len(got))
		}
		closing := got[1]
		for _, want := range []string{code, "कार्यवाही की गई", "1–5", "रेटिंग", "52XXXXXX67"} {
			if !strings.Contains(closing.Text, want) {
				t.Fatalf("closing reply %q lacks %q", closing.Text, want)
			}
		}
		if strings.Contains(closing.Text, "2234567") {
			t.Fatalf("closing reply %q shows the phone number", closing.Text)
		}

		// The author's 2, in reply to the closing reply: an appeal.
		two := x.mention(map[string]string{"username": "ramesh_lko", "in_reply_to": closing.ID, "text": "@Uppolice 2"})
		waitFor(t, "the appeal", func() bool { return find(code).Stage != shikayat.StageClosed })
		c := find(code)
		if c.Rating != 2 || c.Appeals != 1 || c.Stage != shikayat.StageReceived && c.Stage != shikayat.StageForwarded {
			t.Fatalf("after the author's 2: stage %s, rating %d, appeals %d", c.Stage, c.Rating, c.Appeals)
		}
		var ratings, appeals int
		for _, e := range c.Events {
			if e.Action == shikayat.EventRating && e.Detail["rating"] == "2" && e.Detail["post_id"] == two {
				ratings++
			}
			if e.Action == string(shikayat.ActionReopen) && e.Detail["appeal"] == shikayat.AppealRating {
				appeals++
			}
		}
		if ratings != 1 || appeals != 1 {
			t.Fatalf("trail has %d rating events and %d appeals, want 1 and 1", ratings, appeals)
		}

		// Someone else's 1 in the thread counts for nothing.
		other := x.mention(map[string]string{"username": "troll_99", "in_reply_to": closing.ID, "text": "@Uppolice 1"})
		waitFor(t, "the other user's post", recorded(other))
		if c := find(code); c.Rating != 2 || c.Appeals != 1 || len(c.Events) != len(find(code).Events) {
			t.Fatalf("another user's 1 changed the complaint: rating %d, appeals %d", c.Rating, c.Appeals)
		}
		if _, kind, _, _ := m.DB.FindPost(ctx, other); kind == shikayat.RecordAttachment {
			t.Fatal("another user's rating was attached to the complaint")
		}

		// The author's later 5 replaces the rating; the complaint stays open.
		five := x.mention(map[string]string{"username": "ramesh_lko", "in_reply_to": closing.ID, "text": "@Uppolice 5 ⭐"})
		waitFor(t, "the author's 5", recorded(five))
		if c := find(code); c.Rating != 5 || c.Appeals != 1 || c.Stage == shikayat.StageClosed {
			t.Fatalf("after the author's 5: stage %s, rating %d, appeals %d", c.Stage, c.Rating, c.Appeals)
		}
		if n := len(x.replies(two)) + len(x.replies(five)) + len(x.replies(other)); n != 0 {
			t.Fatalf("%d replies to ratings, want none", n)
		}

		// The citizen's tracking shows the appeal; an address that guessed
		// codes is refused, and a status question on X is still answered.
		base := "http://" + m.Addr
		get := func(path string) (int, string) {
			resp, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(b)
		}
		if status, body := get("/api/v1/track/" + code); status != 200 || !strings.Contains(body, `"step":"appeal"`) {
			t.Fatalf("tracking: %d %s", status, body)
		}
		limited := false
		for i := 0; i < 40 && !limited; i++ {
			status, _ := get("/t/UP26-0000000000")
			limited = status == http.StatusTooManyRequests
		}
		if status, _ := get("/api/v1/track/" + code); !limited || status != http.StatusTooManyRequests {
			t.Fatalf("tracking from a guessing address: limited %v, then %d", limited, status)
		}
		ask := x.mention(map[string]string{"username": "ramesh_lko", "text": "@Uppolice " + code + " ka status kya hai?"})
		if status := x.waitReplies(ask, 1); len(status) != 1 || !strings.Contains(status[0].Text, code) {
			t.Fatalf("status replies while the tracking page is limited: %+v", status)
		}
	})
}
