package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Merges race what they check on PostgreSQL, where statements in one
// transaction see others' commits: a merge reads the complaint it merges
// into, then writes the complaint it merges. These tests line the
// competing transactions up behind a row lock held by a plain connection,
// release it, and look at what committed. SQLite runs one writer at a time,
// so only PostgreSQL is tested.

// mergeRace is a store on PostgreSQL with three complaints in Lucknow
// and an operator there.
type mergeRace struct {
	db      *store.DB
	raw     *sql.DB
	op      shikayat.Actor
	a, b, c string
}

func newMergeRace(t *testing.T) *mergeRace {
	t.Helper()
	if !slices.Contains(storetest.Engines(), "postgres") {
		t.Skip(storetest.EnvPostgres + " is not set: SQLite runs one writer at a time")
	}
	db := open(t, storetest.DSN(t, "postgres"), store.Options{})
	r := &mergeRace{db: db, raw: db.SQL(), op: actorIn(t, db, lucknow)}
	codes := make([]string, 3)
	for i := range codes {
		in := post(fmt.Sprintf("m%d", i), "मेरी बाइक चोरी हो गई, थाने में कोई नहीं सुन रहा")
		in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, District: 162, Confidence: 0.95}
		in.Forward = true
		c, _, err := db.CreateComplaint(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		codes[i] = c.Code
	}
	r.a, r.b, r.c = codes[0], codes[1], codes[2]
	return r
}

// hold locks the rows of the complaints with the given codes in a
// transaction of its own and returns its release.
func (r *mergeRace) hold(t *testing.T, codes ...string) (release func()) {
	t.Helper()
	tx, err := r.raw.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range codes {
		if _, err := tx.Exec(`SELECT id FROM complaints WHERE code = $1 FOR UPDATE`, code); err != nil {
			tx.Rollback()
			t.Fatal(err)
		}
	}
	return func() { tx.Rollback() }
}

// start runs an action in the background; its result comes on the channel.
func (r *mergeRace) start(code string, a shikayat.Action) chan error {
	done := make(chan error, 1)
	go func() {
		_, _, err := r.db.ApplyAction(context.Background(), code, a, r.op, "")
		done <- err
	}()
	return done
}

// queued waits until n sessions of the test database wait for a lock, or
// until done reports that an action did not wait at all (it is put back
// for the caller).
func (r *mergeRace) queued(t *testing.T, n int, done ...chan error) {
	t.Helper()
	for {
		for _, d := range done {
			select {
			case err := <-d:
				d <- err
				return
			default:
			}
		}
		var waiting int
		if err := r.raw.QueryRow(`SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
			t.Fatalf("read lock waits: %v", err)
		}
		if waiting >= n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (r *mergeRace) complaint(t *testing.T, code string) (stage, mergedInto string) {
	t.Helper()
	if err := r.raw.QueryRow(`SELECT stage, merged_into FROM complaints WHERE code = $1`, code).Scan(&stage, &mergedInto); err != nil {
		t.Fatal(err)
	}
	return stage, mergedInto
}

// A close of B that has read B and waits to write it, and a merge of A
// into B that comes after: the merge must not read B open and commit under
// the close. The close goes first, and the merge then finds B closed.
func TestMergeIntoComplaintBeingClosed(t *testing.T) {
	t.Parallel()
	r := newMergeRace(t)
	release := r.hold(t, r.b)
	closed := r.start(r.b, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "done"})
	r.queued(t, 1, closed)
	merged := r.start(r.a, shikayat.Action{Kind: shikayat.ActionMerge, Into: r.b})
	r.queued(t, 2, closed, merged)
	release()
	closeErr, mergeErr := <-closed, <-merged
	if closeErr != nil {
		t.Fatalf("close: %v", closeErr)
	}
	stageA, intoA := r.complaint(t, r.a)
	stageB, _ := r.complaint(t, r.b)
	if mergeErr == nil || intoA != "" {
		t.Fatalf("merge committed while B closed (merge error %v): A %s merged into %q, B %s", mergeErr, stageA, intoA, stageB)
	}
	wantCode(t, mergeErr, shikayat.EINVALID)
	if stageA == string(shikayat.StageClosed) || stageB != string(shikayat.StageClosed) {
		t.Errorf("A %s, B %s: want A open and B closed", stageA, stageB)
	}
}

// A into B and B into A at once: each reads the other unmerged, and
// without a lock on both they commit a cycle. One must win and the other
// find its target merged; neither may deadlock.
func TestMergeEachIntoTheOtherAtOnce(t *testing.T) {
	t.Parallel()
	r := newMergeRace(t)
	release := r.hold(t, r.a, r.b)
	ab := r.start(r.a, shikayat.Action{Kind: shikayat.ActionMerge, Into: r.b})
	ba := r.start(r.b, shikayat.Action{Kind: shikayat.ActionMerge, Into: r.a})
	r.queued(t, 2, ab, ba)
	release()
	errAB, errBA := <-ab, <-ba
	_, intoA := r.complaint(t, r.a)
	_, intoB := r.complaint(t, r.b)
	if intoA != "" && intoB != "" {
		t.Fatalf("A merged into %s and B into %s: a cycle (errors %v, %v)", intoA, intoB, errAB, errBA)
	}
	if (errAB == nil) == (errBA == nil) {
		t.Fatalf("errors %v and %v: want exactly one merge to fail", errAB, errBA)
	}
	for _, err := range []error{errAB, errBA} {
		if err != nil {
			wantCode(t, err, shikayat.EINVALID)
		}
	}
}

// C into A while A is being merged into B: the merge of C must not read A
// unmerged and commit a chain C → A → B.
func TestMergeIntoComplaintBeingMerged(t *testing.T) {
	t.Parallel()
	r := newMergeRace(t)
	release := r.hold(t, r.a)
	ab := r.start(r.a, shikayat.Action{Kind: shikayat.ActionMerge, Into: r.b})
	r.queued(t, 1, ab)
	ca := r.start(r.c, shikayat.Action{Kind: shikayat.ActionMerge, Into: r.a})
	r.queued(t, 2, ab, ca)
	release()
	errAB, errCA := <-ab, <-ca
	if errAB != nil {
		t.Fatalf("merge A into B: %v", errAB)
	}
	if _, intoC := r.complaint(t, r.c); errCA == nil || intoC != "" {
		t.Fatalf("C merged into %q (error %v) while A merged into B: a chain", intoC, errCA)
	}
	wantCode(t, errCA, shikayat.EINVALID)
}
