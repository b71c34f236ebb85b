package store_test

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// While a station import recounts the bounce statistics after a station
// moved district, the rest of the desk goes on writing: an action on a
// complaint of another district commits at once. Only a bounce or a
// reopening, which adds to the statistics being recounted, waits for the
// import, and is counted after it. (PostgreSQL: SQLite lets one writer in
// at a time, so an import there holds every writer anyway.)
func TestStationImportLeavesOtherWritesFree(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		if d.db.Engine() != store.Postgres {
			t.Skip("SQLite has one writer at a time")
		}
		lko, agra := d.op(t, lucknow162), d.op(t, agra118)
		sho := d.station(t, lucknow162)
		moving := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		d.at(time.Hour)
		d.act(t, moving, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, lko)
		d.act(t, moving, shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}, lko)
		d.act(t, moving, shikayat.Action{Kind: shikayat.ActionForward, District: kanpur157, Reason: "not ours"}, lko)
		other, bounced := d.complaint(t, agra118, shikayat.ClassMidTerm), d.complaint(t, agra118, shikayat.ClassMidTerm)

		held, release := make(chan struct{}), make(chan struct{})
		var once sync.Once
		free := func() { once.Do(func() { close(release) }) }
		t.Cleanup(free)
		d.db.OnLockHeld(func(step string) {
			if step == "recount" {
				close(held)
				<-release
			}
		})
		imported := make(chan error, 1)
		go func() {
			_, _, err := d.db.ImportStations(ctx, []*shikayat.Unit{{ID: sho.UnitID, Kind: shikayat.UnitStation, Name: "Kotwali 162", LGD: kanpur157}})
			imported <- err
		}()
		<-held

		// The import's transaction is open and holds its lock.
		wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		_, _, err := d.db.ApplyAction(wctx, other, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, agra, "")
		cancel()
		if err != nil {
			t.Fatalf("an action in another district during the import: %v", err)
		}
		wctx, cancel = context.WithTimeout(ctx, 5*time.Second)
		_, _, err = d.db.ApplyAction(wctx, other, shikayat.Action{Kind: shikayat.ActionNote, Text: "beat officer ne baat ki"}, agra, "")
		cancel()
		if err != nil {
			t.Fatalf("a note in another district during the import: %v", err)
		}
		wctx, cancel = context.WithTimeout(ctx, 300*time.Millisecond)
		_, _, err = d.db.ApplyAction(wctx, bounced, shikayat.Action{Kind: shikayat.ActionForward, District: lucknow162, Reason: "not ours"}, agra, "")
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("a bounce during the recount: %v, want it to wait for the import", err)
		}

		free()
		if err := <-imported; err != nil {
			t.Fatalf("import: %v", err)
		}
		d.act(t, bounced, shikayat.Action{Kind: shikayat.ActionForward, District: lucknow162, Reason: "not ours"}, agra)
		from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, shikayat.IST), time.Date(2026, 1, 31, 0, 0, 0, 0, shikayat.IST)
		sameAsRecount(t, d, "after the import", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to})
		sameAsRecount(t, d, "kanpur, after the import", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to, District: kanpur157})
		sameAsRecount(t, d, "agra, after the import", shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: to, District: agra118})
	})
}

// An import that cannot have the statistics' lock within its wait fails
// with a conflict and changes nothing, instead of hanging behind the
// writer that holds it; once the writer is done, it goes through.
func TestStationImportLockWait(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		if d.db.Engine() != store.Postgres {
			t.Skip("SQLite has one writer at a time")
		}
		sho := d.station(t, lucknow162)
		d.db.SetImportLockWait(200 * time.Millisecond)

		locked, release := make(chan struct{}), make(chan struct{})
		var once sync.Once
		free := func() { once.Do(func() { close(release) }) }
		t.Cleanup(free)
		writer := make(chan error, 1)
		go func() {
			writer <- d.db.WithTx(ctx, func(tx *sql.Tx) error {
				// What a bounce's trigger takes on the statistics.
				_, err := tx.ExecContext(ctx, `UPDATE stats_events SET n = n WHERE n < 0`)
				close(locked)
				<-release
				return err
			})
		}()
		<-locked

		ictx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		move := []*shikayat.Unit{{ID: sho.UnitID, Kind: shikayat.UnitStation, Name: "Kotwali 162", LGD: kanpur157}}
		if _, _, err := d.db.ImportStations(ictx, move); shikayat.ErrorCode(err) != shikayat.ECONFLICT {
			t.Fatalf("import behind a writer: %v, want a conflict", err)
		}
		if u, err := d.db.FindUnit(ctx, sho.UnitID); err != nil || u.LGD != lucknow162 {
			t.Fatalf("after the failed import: %+v, %v; want the station still in %d", u, err, lucknow162)
		}
		free()
		if err := <-writer; err != nil {
			t.Fatal(err)
		}
		if _, _, err := d.db.ImportStations(ictx, move); err != nil {
			t.Fatalf("import once the writer is done: %v", err)
		}
		if u, err := d.db.FindUnit(ctx, sho.UnitID); err != nil || u.LGD != kanpur157 {
			t.Fatalf("after the import: %+v, %v; want the station in %d", u, err, kanpur157)
		}
	})
}
