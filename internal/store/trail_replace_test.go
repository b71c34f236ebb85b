package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// forgeReplace rewrites the complaint's text behind the store's back, with
// a post_replaced event at the clock's time that moves its digests on, as
// intake's would, hashed into the chain: postID is the post it names.
func forgeReplace(t *testing.T, db *store.DB, c *shikayat.Complaint, at time.Time, postID, text string) int64 {
	t.Helper()
	ctx := context.Background()
	var salt, textDigest, authorDigest string
	if err := db.SQL().QueryRow(`SELECT digest_salt, text_digest, author_digest FROM complaints WHERE id = $1`, c.ID).
		Scan(&salt, &textDigest, &authorDigest); err != nil {
		t.Fatal(err)
	}
	td := shikayat.PersonalDigest(salt, text)
	ev := &shikayat.Event{At: at, Actor: shikayat.SystemActor.Name(), Action: store.ReplacedAction,
		FromStage: c.Stage, ToStage: c.Stage, Note: "X's own read of the post differed.",
		Detail: map[string]string{"post_id": postID, "differed": "text",
			"from_text_digest": textDigest, "from_author_digest": authorDigest, "text_digest": td, "author_digest": authorDigest}}
	if err := db.ForgeEvent(ctx, c.ID, ev); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(`UPDATE complaints SET text = $1, text_digest = $2 WHERE id = $3`, text, td, c.ID); err != nil {
		t.Fatal(err)
	}
	return ev.ID
}

// A post_replaced event may move a complaint's text only as intake does:
// naming the complaint's source post, within the replace window after the
// complaint was opened, and before the seal that covers it. A forged one,
// hashed into the chain, is named by audit verify.
func TestVerifyRefusesAForgedReplacement(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		for _, tc := range []struct {
			name  string
			later time.Duration // after the complaint was opened
			post  string        // "" for the source post
			seal  bool
		}{
			{"within the window, naming the source post", time.Hour, "", false},
			{"naming another post", time.Hour, "999", false},
			{"naming no post", time.Hour, "-", false},
			{"past the replace window", store.ReplaceWindow + time.Hour, "", false},
			{"after the seal that covers the complaint", 20 * time.Hour, "", true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				clk := newClock() // 12:00 IST
				db := open(t, dsn(), store.Options{Now: clk.Now})
				c, _, err := db.CreateComplaint(ctx, post("9301", "my bike was stolen in Aminabad"))
				if err != nil {
					t.Fatal(err)
				}
				if tc.seal {
					clk.Add(19 * time.Hour) // 07:00 IST the next day: the complaint's day is sealed
					if _, err := db.SealDays(ctx); err != nil {
						t.Fatal(err)
					}
				}
				postID := c.SourcePostID
				switch tc.post {
				case "-":
					postID = ""
				case "":
				default:
					postID = tc.post
				}
				id := forgeReplace(t, db, c, c.Events[0].At.Add(tc.later), postID, "nothing was stolen")
				rep := verify(t, db)
				if tc.later < store.ReplaceWindow && tc.post == "" && !tc.seal {
					if rep.Failure != nil {
						t.Fatalf("a replacement as intake makes it failed: %v", rep.Failure)
					}
					return
				}
				if rep.Failure == nil || rep.Failure.Code != c.Code || rep.Failure.EventID != id {
					t.Fatalf("verify = %v, want complaint %s, event %d named", rep.Failure, c.Code, id)
				}
			})
		}
	})
}

// Intake replaces a complaint's text only within the window: later, X's
// read is noted on the trail and the text stays.
func TestLateReplacementOnlyNotesXsRead(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		pushed := incoming("9302", "9302", "1", "my phone was stolen in Aminabad", true)
		pushed.Pushed = true
		first, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{pushed})
		if err != nil {
			t.Fatal(err)
		}
		clk.Add(store.ReplaceWindow + time.Hour)
		polled := incoming("9302", "9302", "1", "my phone was stolen in Aminabad, Lucknow", true)
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{polled}); err != nil {
			t.Fatal(err)
		}
		c, err := db.FindComplaintByID(ctx, first[0].ComplaintID, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		if c.Text != pushed.Post.Text {
			t.Errorf("text = %q, want the text kept past the replace window", c.Text)
		}
		verifyTrail(t, db)
	})
}

// A forger who dates a replacement back, into the replace window and before
// the day's seal, is judged at the time of the last event before it in the
// chain, so verify still refuses it.
func TestVerifyRefusesABackdatedReplacement(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clk := newClock() // 12:00 IST
		db := open(t, dsn(), store.Options{Now: clk.Now})
		c, _, err := db.CreateComplaint(ctx, post("9401", "my bike was stolen in Aminabad"))
		if err != nil {
			t.Fatal(err)
		}
		clk.Add(19 * time.Hour) // 07:00 IST the next day
		if _, err := db.SealDays(ctx); err != nil {
			t.Fatal(err)
		}
		clk.Add(3 * time.Hour) // 10:00: a later, honest event
		if err := db.ForgeEvent(ctx, c.ID, &shikayat.Event{At: clk.Now(), Actor: "op", Action: "note", FromStage: c.Stage, ToStage: c.Stage, Note: "called"}); err != nil {
			t.Fatal(err)
		}
		clk.Add(4 * time.Hour) // 14:00: the forger dates the replacement 06:00
		id := forgeReplace(t, db, c, c.Events[0].At.Add(18*time.Hour), c.SourcePostID, "nothing was stolen")
		rep := verify(t, db)
		if rep.Failure == nil || rep.Failure.EventID != id {
			t.Fatalf("a backdated replacement (event %d) after a 10:00 event and the seal: verify says %+v", id, rep.Failure)
		}
	})
}
