package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// recordUnreadable records a post X sent that could not be decoded.
func recordUnreadable(t *testing.T, db *store.DB, id, raw string) {
	t.Helper()
	u := shikayat.UnreadablePost{ID: id, Raw: raw, Error: "bad created_at"}
	if _, err := db.RecordPosts(context.Background(), store.Fence{}, "", "", []shikayat.Incoming{{Unreadable: &u}}); err != nil {
		t.Fatal(err)
	}
}

// TestErasureFindsUnreadablePosts: a post of the person kept undecoded,
// raw JSON and all, is found by the ids and handles in its raw body and
// erased.
func TestErasureFindsUnreadablePosts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		recordUnreadable(t, d.db, "140", `{"id":"140","text":"Magentawhale at my door","author_id":"7","username":"user7","created_at":12}`)
		recordUnreadable(t, d.db, "141", `{"id":"141","text":"Cobaltheron by the gate","author_id": "8","username":"USER7"}`)
		recordUnreadable(t, d.db, "142", `{"id":"142","text":"Saffronmoth, someone else","author_id":"77","username":"user77"}`)
		p, err := d.db.ExportPerson(ctx, "user7")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, post := range p.Posts {
			got = append(got, post.ID)
		}
		if !slices.Contains(got, "140") || !slices.Contains(got, "141") || slices.Contains(got, "142") {
			t.Errorf("export holds posts %v, want the unreadable 140 and 141, not 142", got)
		}
		if _, err := d.db.ErasePerson(ctx, "user7", "DPO", true); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"Magentawhale", "Cobaltheron"} {
			if found := columnsHolding(t, d.db, s); len(found) > 0 {
				t.Errorf("erased person's words %q still held in %v", s, found)
			}
		}
		if found := columnsHolding(t, d.db, "Saffronmoth"); len(found) == 0 {
			t.Error("another person's unreadable post was erased")
		}
	})
}

// TestUnreadablePostsAreChecked: the compliance check names unreadable
// posts to X too.
func TestUnreadablePostsAreChecked(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{})
		recordUnreadable(t, db, "150", `{"id":"150","text":"Magentawhale"}`)
		ids, err := db.UnredactedPostIDs(ctx, time.Time{}, "", 100)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(ids, "150") {
			t.Errorf("posts to check = %v, want the unreadable 150", ids)
		}
		if n, err := db.RedactDeletedPosts(ctx, []string{"150"}); err != nil || n != 1 {
			t.Fatalf("redact: %d, %v", n, err)
		}
		if found := columnsHolding(t, db, "Magentawhale"); len(found) > 0 {
			t.Errorf("the deleted post's words still held in %v", found)
		}
	})
}

// TestRetweetsFollowTheirOriginal: a retweet, by anyone, holds its
// original's full text: it is redacted with it, on erasure and on deletion.
func TestRetweetsFollowTheirOriginal(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, how := range []string{"erasure", "deletion"} {
		t.Run(how, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, dsn func() string) {
				d := newPrivacyDesk(t, dsn())
				rt := incoming("160", "160", "8", "my phone was stolen at Zebracrossing, call me", false)
				rt.Post.RetweetOf = "101"
				if _, err := d.db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{rt}); err != nil {
					t.Fatal(err)
				}
				var err error
				if how == "erasure" {
					_, err = d.db.ErasePerson(ctx, "user7", "DPO", true)
				} else {
					_, err = d.db.RedactDeletedPosts(ctx, []string{"101"})
				}
				if err != nil {
					t.Fatal(err)
				}
				if found := columnsHolding(t, d.db, "Zebracrossing"); len(found) > 0 {
					t.Errorf("the redacted post's words still held in %v", found)
				}
				if rep := verify(t, d.db); rep.Failure != nil {
					t.Fatalf("verify: %v", rep.Failure)
				}
			})
		})
	}
}
