package store_test

import (
	"context"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// FuzzPostSearch: whatever HQ types in the posts search answers a page or
// EINVALID — never a database error from the trigram index's query syntax.
func FuzzPostSearch(f *testing.F) {
	for _, q := range []string{"बाइक", "bike stolen", `"`, `""x"`, "a*", "NEAR(a b)", "x OR y", "-", "1445078208190291968", "%_\\", "ab", "चो"} {
		f.Add(q)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, storetest.DSN(f, "sqlite"), store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	in := incoming("501", "501", "1", "मेरी बाइक चोरी हो गई \"quoted\" NEAR OR 50%_off", true)
	in.Triage.Handling = shikayat.HandlingReview
	if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, held := range []bool{false, true} {
			page, err := db.ListPosts(ctx, shikayat.PostFilter{Scope: shikayat.SystemScope(), Query: q, Held: held})
			if err != nil {
				if shikayat.ErrorCode(err) != shikayat.EINVALID {
					t.Fatalf("search %q: %v", q, err)
				}
				continue
			}
			if page.Total < 0 || page.Total > 1 || len(page.Posts) != page.Total {
				t.Fatalf("search %q: %+v", q, page)
			}
		}
	})
}
