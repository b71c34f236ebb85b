package store_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestRedactionBeatsARacingAction: a staff action that read the complaint
// before a redaction committed must not write the erased text back (into
// the answer kept for its Idempotency-Key): the redaction moves the
// complaint's version on, so the action's compare-and-set fails.
// PostgreSQL only: SQLite serialises writers, so the race cannot happen.
func TestRedactionBeatsARacingAction(t *testing.T) {
	t.Parallel()
	if !slices.Contains(storetest.Engines(), "postgres") {
		t.Skip("needs PostgreSQL (SHIKAYAT_TEST_POSTGRES)")
	}
	ctx := context.Background()
	dsn := storetest.DSN(t, "postgres")
	var mu sync.Mutex
	armed := false
	var other *store.DB
	// The action's first reading of the clock comes after it read the
	// complaint: the redaction commits in that gap.
	now := func() time.Time {
		mu.Lock()
		fire := armed
		armed = false
		mu.Unlock()
		if fire {
			if n, err := other.RedactDeletedPosts(ctx, []string{"101"}); err != nil || n != 1 {
				t.Errorf("redaction in the gap: %d, %v", n, err)
			}
		}
		return time.Now()
	}
	db := open(t, dsn, store.Options{Now: now})
	other = open(t, dsn, store.Options{})
	in := incoming("101", "101", "7", "my phone was stolen at Zebracrossing, call me", true)
	in.Forward, in.Triage.District = true, 162
	if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in}); err != nil {
		t.Fatal(err)
	}
	var code string
	if err := db.SQL().QueryRow(`SELECT code FROM complaints WHERE source_post_id = '101'`).Scan(&code); err != nil {
		t.Fatal(err)
	}
	hq := actorIn(t, db, shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq"})
	mu.Lock()
	armed = true
	mu.Unlock()
	_, _, err := db.ApplyAction(ctx, code, shikayat.Action{Kind: shikayat.ActionNote, Text: "Called."}, hq, "k1")
	if err != nil && shikayat.ErrorCode(err) != shikayat.ECONFLICT {
		t.Fatalf("action: %v, want success or a conflict", err)
	}
	if found := columnsHolding(t, db, "Zebracrossing"); len(found) > 0 {
		t.Errorf("the deleted post's text survives its redaction in %v (action: %v)", found, err)
	}
}
