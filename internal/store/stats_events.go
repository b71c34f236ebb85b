package store

import (
	"context"
	"fmt"

	"github.com/shikayat/shikayat"
)

// fillStatsEvents recounts stats_events (migration 00045) from the events,
// as the migration fills it and its trigger keeps it.
const fillStatsEvents = `INSERT INTO stats_events (kind, day, from_unit, prev_district_day, prev_day, n)
SELECT kind, day, from_unit, pd, pa, count(*) FROM (
	SELECT kind, (at + 19800000) / 86400000 AS day, from_unit,
		coalesce((lag(at) OVER (PARTITION BY kind, complaint_id, lgd ORDER BY at, id) + 19800000) / 86400000, -1) AS pd,
		coalesce((lag(at) OVER (PARTITION BY kind, complaint_id ORDER BY at, id) + 19800000) / 86400000, -1) AS pa
	FROM (SELECT CASE WHEN e.action = 'reopen' THEN 'reopen' ELSE 'bounce' END AS kind, e.id, e.complaint_id, e.at, e.from_unit, u.lgd
		FROM events e JOIN units u ON u.id = e.from_unit
		WHERE e.action = 'reopen' OR (e.action = 'forward' AND e.from_stage <> 'received' AND e.from_unit <> 'hq' AND e.from_unit <> e.to_unit)) k
) x
GROUP BY kind, day, from_unit, pd, pa`

// eventCounts are one kind's numbers for a period per district: events,
// and complaints with such events (each once per district).
type eventCounts struct{ events, complaints int }

// rollupEvents reads from stats_events the bounces or reopenings (kind) of
// f's period per district: the events and the complaints they concern,
// each complaint once per district; and the complaints in all, each once,
// which is exact only when every unit counts (eventsRollupFilter). f's period must be whole IST days and carry no class or
// type filter (stats_events has neither); the scope is the unit's.
func (s *DB) rollupEvents(ctx context.Context, db querier, f shikayat.StatsFilter, kind string) (map[int]eventCounts, int, error) {
	from, _ := istDay(f.From)
	to, _ := istDay(f.To)
	w, err := s.statsWhere(ctx, db, f, "r.from_unit", "u.lgd")
	if err != nil {
		return nil, 0, err
	}
	fromArg := w.arg(from)
	q := `SELECT u.lgd, sum(r.n), sum(CASE WHEN r.prev_district_day < ` + fromArg + ` THEN r.n ELSE 0 END),
			sum(CASE WHEN r.prev_day < ` + fromArg + ` THEN r.n ELSE 0 END)
		FROM stats_events r JOIN units u ON u.id = r.from_unit
		WHERE r.kind = ` + w.arg(kind) + ` AND r.day >= ` + fromArg + ` AND r.day < ` + w.arg(to) + ` AND ` + w.String() + `
		GROUP BY u.lgd`
	rows, err := db.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("district stats: %w", err)
	}
	defer rows.Close()
	out := map[int]eventCounts{}
	all := 0
	for rows.Next() {
		var d, n, complaints, first int
		if err := rows.Scan(&d, &n, &complaints, &first); err != nil {
			return nil, 0, fmt.Errorf("district stats: %w", err)
		}
		out[d] = eventCounts{n, complaints}
		all += first
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("district stats: %w", err)
	}
	return out, all, nil
}

// eventsRollupFilter reports whether stats_events can answer f's bounces
// and reopenings: whole IST days, no class or type filter, and whether it
// can also answer the totals (each complaint once in all), which it can
// when every unit counts: a previous event outside a scope would hide a
// complaint's first event in it. (When one district answers, its count is
// the total.)
func eventsRollupFilter(f shikayat.StatsFilter) (ok, totals bool) {
	_, fromOK := istDay(f.From)
	_, toOK := istDay(f.To)
	if !fromOK || !toOK || f.Class != "" || f.Type != "" {
		return false, false
	}
	return true, f.Scope.All() && f.Under == "" && f.District == 0
}

// recountStatsEvents recounts stats_events in tx after a station moved to
// another district: its rows carry, for each bounce and reopening, the day
// of the complaint's previous one from a unit of the same district, and the
// dashboard, the recount and the list of bounces it links to all read a
// unit's district as it is now. A station moves rarely; the recount reads
// every bounce and reopening once.
//
// On PostgreSQL it locks stats_events alone (SHARE ROW EXCLUSIVE: readers
// go on, writers wait), not the events: no event is kept from being
// written but a bounce or a reopening, whose trigger adds to stats_events,
// and that one only until tx ends. Such a trigger that ran before the lock
// has its transaction commit before the lock is granted, so the refill
// reads its event; one that runs after waits for the lock before it reads
// (a statement takes its snapshot once it holds its locks), so it counts
// its event with the units as tx left them. SQLite has one writer at a
// time.
func (s *DB) recountStatsEvents(ctx context.Context, tx querier) error {
	q := []string{`DELETE FROM stats_events`, fillStatsEvents}
	if s.engine == Postgres {
		q = append([]string{`LOCK TABLE stats_events IN SHARE ROW EXCLUSIVE MODE`}, q...)
	}
	for i, q := range q {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("recount stats events: %w", err)
		}
		if i == 0 && s.engine == Postgres {
			s.lockHeld("recount")
		}
	}
	return nil
}
