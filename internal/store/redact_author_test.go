package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestDeletedPostsLeaveNoAuthorID: once every post of an author is
// deleted on X and redacted, nothing keeps the author's X id (no handle is
// left to find it by); an erasure by the handle then says clearly that
// nothing is held.
func TestDeletedPostsLeaveNoAuthorID(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		if _, err := d.db.RedactDeletedPosts(ctx, []string{"101", "102"}); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := d.db.SQL().QueryRow(`SELECT count(*) FROM posts WHERE author_id = '7' AND redacted_at IS NOT NULL`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("%d redacted posts keep author id 7 while the author's other posts are held, want 2", n)
		}
		if _, err := d.db.RedactDeletedPosts(ctx, []string{"110", "120"}); err != nil {
			t.Fatal(err)
		}
		var posts, complaints int
		d.db.SQL().QueryRow(`SELECT count(*) FROM posts WHERE author_id = '7'`).Scan(&posts)
		d.db.SQL().QueryRow(`SELECT count(*) FROM complaints WHERE author_id = '7'`).Scan(&complaints)
		if posts+complaints > 0 {
			t.Errorf("with all of the author's posts deleted: %d posts and %d complaints keep X author id 7", posts, complaints)
		}
		_, err := d.db.ErasePerson(ctx, "user7", "DPO", true)
		if shikayat.ErrorCode(err) != shikayat.ENOTFOUND || !strings.Contains(shikayat.ErrorMessage(err), "Nothing held about @user7") {
			t.Errorf("erasure of a person nothing is held about: %v, want not found, saying so", err)
		}
		if rep := verify(t, d.db); rep.Failure != nil {
			t.Fatalf("verify: %v", rep.Failure)
		}
	})
}
