package store

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/store/migrations"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Migration 00053 recounts stats_events and acted_at while, in a rolling
// upgrade, other nodes may be writing events. On PostgreSQL it waits for a
// writer whose event is under way and keeps others out until it commits:
// it does not finish while the writer's transaction is open, and after
// both the rows are the recount of every event, the writer's counted once.
// SQLite runs one writer at a time, so no event is written meanwhile.
func TestLeagueFactsRecountWaitsForWriters(t *testing.T) {
	t.Parallel()
	storetest.EachEmpty(t, func(t *testing.T, dsn func() string) {
		d := dsn()
		engine, driverDSN, err := ParseDSN(d)
		if err != nil {
			t.Fatal(err)
		}
		if engine != Postgres {
			t.Skip("SQLite has one writer at a time: no event is written during a migration")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		old, err := sql.Open("pgx", driverDSN)
		if err != nil {
			t.Fatal(err)
		}
		defer old.Close()
		p, err := migrations.Provider(old, string(engine))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.UpTo(ctx, 52); err != nil {
			t.Fatal(err)
		}
		exec := func(q querier, s string, args ...any) {
			t.Helper()
			if _, err := q.ExecContext(ctx, s, args...); err != nil {
				t.Fatalf("%v\n%s", err, s)
			}
		}
		day := int64(24 * time.Hour / time.Millisecond)
		at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC).UnixMilli()
		exec(old, `INSERT INTO units (id, kind, name, path, lgd, updated_at) VALUES ('hq', 'hq', 'HQ', 'hq/', 0, 0),
			('district:162', 'district', 'Lucknow', 'hq/district:162/', 162, 0), ('district:157', 'district', 'Kanpur', 'hq/district:157/', 157, 0)`)
		for i, code := range []string{"UP26-0000000001", "UP26-0000000002"} {
			exec(old, `INSERT INTO complaints (id, code, source, source_post_id, text, stage, district, unit_id, suggested_class, received_at, unit_since, updated_at)
				VALUES ($1, $2, 'x', $3, 'text', 'forwarded', 162, 'district:162', 'mid_term', $4, $4, $4)`, i+1, code, code, at-day)
		}
		bounce := `INSERT INTO events (complaint_id, at, actor, user_id, action, from_stage, to_stage, from_unit, to_unit)
			VALUES ($1, $2, 'op162', 1, 'forward', 'forwarded', 'forwarded', 'district:162', 'district:157')`
		exec(old, bounce, 1, at)

		// A node's writer, as every writer of an event: the complaint's row,
		// then the event, in a transaction still open.
		w, err := old.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Rollback()
		exec(w, `UPDATE complaints SET version = version WHERE id = 2`)
		exec(w, bounce, 2, at+day)

		done := make(chan error, 1)
		go func() {
			_, err := p.UpTo(ctx, 53)
			done <- err
		}()
		for waiting := false; !waiting; {
			select {
			case err := <-done:
				t.Fatalf("the recount finished (error %v) while a writer's event was under way", err)
			default:
			}
			var n int
			if err := old.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			waiting = n > 0
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		rows, err := old.QueryContext(ctx, `SELECT day, n FROM stats_events WHERE kind = 'bounce' ORDER BY day`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got [][2]int64
		for rows.Next() {
			var r [2]int64
			if err := rows.Scan(&r[0], &r[1]); err != nil {
				t.Fatal(err)
			}
			got = append(got, r)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		first := (at + 19800000) / day
		if want := [][2]int64{{first, 1}, {first + 1, 1}}; !reflect.DeepEqual(got, want) {
			t.Errorf("bounces per day after the recount: %v, want %v", got, want)
		}
	})
}
