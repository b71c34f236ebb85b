package store_test

import (
	"context"
	"database/sql"
	"slices"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestSettleWaitsForErasure: a try X refused for now puts its reply back to
// pending while an erasure of its complaint is under way: the reply is
// either settled before the erasure reads it or sees the erasure when it
// settles, and is never left pending (to be sent) with its text on an
// erased complaint. Here the reply's own row, which the erasure holds
// once it has masked it, is what makes the settle wait; the complaint
// lock both take first orders the paths that do not touch that row.
// PostgreSQL only: SQLite lets one writer in at a time.
func TestSettleWaitsForErasure(t *testing.T) {
	t.Parallel()
	if !slices.Contains(storetest.Engines(), "postgres") {
		t.Skip("needs PostgreSQL (SHIKAYAT_TEST_POSTGRES)")
	}
	ctx := context.Background()
	d := newPrivacyDesk(t, storetest.DSN(t, "postgres"))
	db := d.db
	cid := complaintID(t, db, d.mine[0])
	r, err := db.ClaimReply(ctx, &shikayat.Reply{Key: "race:1", ComplaintID: cid, InReplyTo: "101",
		Text: "@user7 we called you on 9876543210", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MarkReplySending(ctx, r.ID, "", 0, 35*time.Second, 100); err != nil {
		t.Fatal(err)
	}
	// A staff action holds the complaint's row while both start.
	lock, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	if _, err := lock.Exec(`SELECT id FROM complaints WHERE id = $1 FOR UPDATE`, cid); err != nil {
		t.Fatal(err)
	}
	erased := make(chan error, 1)
	go func() { _, err := db.ErasePerson(ctx, "user7", "DPO", true); erased <- err }()
	waitLockWaiters(t, db.SQL(), 1, nil)
	settled := make(chan error, 1)
	go func() { _, err := db.MarkReplyPending(ctx, r.ID, 1, "rate limited"); settled <- err }()
	waitLockWaiters(t, db.SQL(), 2, settled)
	if err := lock.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := <-erased; err != nil {
		t.Fatal(err)
	}
	if err := <-settled; err != nil {
		t.Fatal(err)
	}
	got, err := db.FindReply(ctx, "race:1")
	if err != nil {
		t.Fatal(err)
	}
	if got.State == shikayat.ReplyPending {
		t.Errorf("reply left pending (to be sent) on an erased complaint: %q", got.Text)
	}
	if found := columnsHolding(t, db, "9876543210"); len(found) > 0 {
		t.Errorf("the erased citizen's number is held in %v (reply %s)", found, got.State)
	}
	if rep := verify(t, db); rep.Failure != nil {
		t.Fatalf("verify: %+v", rep.Failure)
	}
}

// waitLockWaiters waits until n sessions of the test's database wait for
// a lock, or done has a value (put back for its reader).
func waitLockWaiters(t *testing.T, db *sql.DB, n int, done chan error) {
	t.Helper()
	for range 3000 {
		var waiting int
		if err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting >= n {
			return
		}
		if done != nil {
			select {
			case err := <-done:
				done <- err
				return
			default:
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("fewer than %d sessions ever waited for a lock", n)
}
