package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// The daily roll-ups of migration 00029 (stats_days) hold, per IST day,
// owning unit (a station itself since 00035), district, class and type, the
// complaints received, disposed (with how many met the citizen's deadline
// and the histogram of hours to disposal) and rated. Triggers on
// complaints keep them in the transaction of each change, so a count read
// from them equals a recount of the complaints; the dashboard reads them
// instead of the complaints when the filter allows (see rollupFilter).

// syncStatsRules writes the citizen's deadlines that decide "met" into
// stats_rules and, when they were not those already there (the first start
// after the migration, or a changed setting), rebuilds the roll-ups from
// the complaints in the same transaction, so that the rules and the rows
// counted by them change together. Open runs it in the background: the
// rebuild holds off writers to complaints while it runs (see
// rebuildRollups) and must not hold up a node's start; until it commits,
// the roll-ups and rules are the old ones, consistent with each other, and
// the dashboard recounts while the rules were never written (rulesSet).
func (s *DB) syncStatsRules(ctx context.Context) error {
	sla := s.opts.SLA
	long, mid, first := sla.LongTermClose.Milliseconds(), sla.MidTermClose.Milliseconds(), sla.ImmediateFirstAction.Milliseconds()
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM stats_rules WHERE long_ms = $1 AND mid_ms = $2 AND first_ms = $3`, long, mid, first).Scan(&n); err != nil {
		return fmt.Errorf("stats rules: %w", err)
	}
	if n == 1 {
		return nil
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockComplaints(ctx, tx); err != nil {
			return err
		}
		r, err := tx.ExecContext(ctx, `UPDATE stats_rules SET long_ms = $1, mid_ms = $2, first_ms = $3
			WHERE long_ms IS NULL OR long_ms <> $1 OR mid_ms <> $2 OR first_ms <> $3`, long, mid, first)
		if err != nil {
			return fmt.Errorf("stats rules: %w", err)
		}
		if changed, err := r.RowsAffected(); err != nil || changed == 0 {
			return err
		}
		return s.rebuildRollups(ctx, tx)
	})
}

// checkStatsRules refuses deadlines that decide "met" other than those in
// stats_rules, unless opts.ChangeSLA: each node started with its own would
// rewrite the rules and rebuild the roll-ups at every restart, and count
// its own way meanwhile.
func (s *DB) checkStatsRules(ctx context.Context) error {
	var long, mid, first sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT long_ms, mid_ms, first_ms FROM stats_rules`).Scan(&long, &mid, &first); err != nil {
		return fmt.Errorf("stats rules: %w", err)
	}
	if !long.Valid || s.opts.ChangeSLA {
		return nil
	}
	sla := &s.opts.SLA
	if s.opts.StoredSLA {
		sla.LongTermClose, sla.MidTermClose = time.Duration(long.Int64)*time.Millisecond, time.Duration(mid.Int64)*time.Millisecond
		sla.ImmediateFirstAction = time.Duration(first.Int64) * time.Millisecond
		return nil
	}
	if long.Int64 == sla.LongTermClose.Milliseconds() && mid.Int64 == sla.MidTermClose.Milliseconds() && first.Int64 == sla.ImmediateFirstAction.Milliseconds() {
		return nil
	}
	return shikayat.Errorf(shikayat.EINVALID, "The deadlines differ from those this database's statistics are counted by "+
		"(--sla-long-term %v, --sla-mid-term %v, --sla-immediate-action %v): start every node with those, "+
		"or add --sla-change to make these the database's (the statistics are recounted).",
		time.Duration(long.Int64)*time.Millisecond, time.Duration(mid.Int64)*time.Millisecond, time.Duration(first.Int64)*time.Millisecond)
}

// syncStatsRulesInBackground runs syncStatsRules off the start path; Close
// stops and waits for it. A failure is logged (unless Close stopped it),
// and the next start tries again; until then the dashboard reads the
// roll-ups as they were, or recounts while the rules are empty.
func (s *DB) syncStatsRulesInBackground() {
	ctx, cancel := context.WithCancel(context.Background())
	s.bg.cancel = cancel
	s.bg.wg.Add(1)
	go func() {
		defer s.bg.wg.Done()
		s.bg.err = s.syncStatsRules(ctx)
		if s.bg.err != nil && ctx.Err() == nil && s.opts.Logger != nil {
			s.opts.Logger.Error("statistics: the roll-ups' rebuild failed; the next start tries again", slog.Any("err", s.bg.err))
		}
	}()
}

// WaitStatsRules waits for the rules written at Open (and the rebuild they
// needed) and returns what that failed with.
func (s *DB) WaitStatsRules() error {
	s.bg.wg.Wait()
	return s.bg.err
}

// rulesSet reports whether stats_rules holds rules: before the first
// rebuild commits, the roll-ups do not count the complaints yet.
func (s *DB) rulesSet(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM stats_rules WHERE long_ms IS NOT NULL`).Scan(&n); err != nil {
		return false, fmt.Errorf("stats rules: %w", err)
	}
	return n == 1, nil
}

// lockComplaints holds off every other writer to complaints (and so their
// triggers, the only other writers of the roll-ups) until tx ends, and
// every other rebuild: SHARE ROW EXCLUSIVE conflicts with the ROW
// EXCLUSIVE of a write and with itself, and waits for the writes under way
// to commit. SQLite has one writer at a time already.
func (s *DB) lockComplaints(ctx context.Context, tx *sql.Tx) error {
	if s.engine != Postgres {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `LOCK TABLE complaints IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		return fmt.Errorf("rebuild stats roll-ups: %w", err)
	}
	return nil
}

// actedEvent is the events (alias a) that count as the league's action on
// a complaint, as the trigger of migration 00053 keeps acted_at: a person's
// note that moved it to in_progress, or a person's reply while a station
// held it (the unit on the event, as it was written; never the replying
// officer's unit now, which a later move would change) written by a member
// of that station or of a unit under it (the replier's unit recorded with
// the event, by_unit). A reply written before by_unit was recorded has
// none and counts by the station alone, as it did.
const actedEvent = `a.user_id IS NOT NULL AND ((a.action = 'note' AND a.to_stage = 'in_progress')
	OR (a.action = 'reply' AND a.from_unit IN (SELECT id FROM units WHERE kind = 'station')
		AND (a.by_unit = '' OR EXISTS (SELECT 1 FROM units fu JOIN units bu ON substr(bu.path, 1, length(fu.path)) = fu.path
			WHERE fu.id = a.from_unit AND bu.id = a.by_unit))))`

// rebuildRollups recounts stats_days from the complaints, through the same
// view of facts the triggers use, stats_open (migration 00038), and from
// the events the complaints' acted_at and stats_events (00045). tx must hold
// lockComplaints.
func (s *DB) rebuildRollups(ctx context.Context, tx *sql.Tx) error {
	agg := `json_group_object(CAST(bucket AS TEXT), n)`
	if s.engine == Postgres {
		agg = `jsonb_object_agg(bucket::text, n)`
	}
	const key = `day, class, type, unit_id, district`
	qs := []string{
		`DELETE FROM stats_pending`,
		`INSERT INTO stats_pending (unit_id, district, class, suggested_class, type, suggested_type, received_at, closed_at, first_action_at, rating, last_closed_at, d)
			SELECT unit_id, district, class, suggested_class, type, suggested_type, received_at, closed_at, first_action_at, rating, last_closed_at, 1 FROM complaints`,
	}
	// The days, and the blocks of days (migration 00056) from the same facts.
	for _, t := range []struct{ table, facts string }{{"stats_days", "stats_pending_facts"}, {"stats_blocks", "stats_pending_blocks"}} {
		qs = append(qs,
			`DELETE FROM `+t.table,
			`INSERT INTO `+t.table+` (`+key+`, received, disposed, met, rated, rating_sum)
			SELECT `+key+`, sum(received), sum(disposed), sum(met), sum(rated), sum(rating_sum)
			FROM `+t.facts+` GROUP BY `+key,
			`UPDATE `+t.table+` SET hist = f.hist
			FROM (SELECT `+key+`, `+agg+` AS hist
				FROM (SELECT `+key+`, bucket, sum(disposed) AS n FROM `+t.facts+` WHERE bucket IS NOT NULL GROUP BY `+key+`, bucket) b
				GROUP BY `+key+`) f
			WHERE `+t.table+`.day = f.day AND `+t.table+`.class = f.class AND `+t.table+`.type = f.type
				AND `+t.table+`.unit_id = f.unit_id AND `+t.table+`.district = f.district`)
	}
	for _, q := range append(qs,
		`DELETE FROM stats_pending`,
		`DELETE FROM stats_open`,
		`INSERT INTO stats_open (class, type, unit_id, district, due_day, n)
			SELECT class, type, unit_id, district, due_day, count(*) FROM (
				SELECT CASE WHEN v.k IN (1, 3) THEN '*' WHEN c.class <> '' THEN c.class ELSE c.suggested_class END AS class,
					CASE WHEN v.k >= 2 THEN '*' WHEN c.type <> '' THEN c.type ELSE c.suggested_type END AS type,
					c.unit_id, c.district, coalesce((c.due_at + 19800000) / 86400000, 2147483647) AS due_day
				FROM complaints c CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) v
				WHERE c.stage <> 'closed') o
			GROUP BY class, type, unit_id, district, due_day`,
		`UPDATE complaints SET acted_at = NULL WHERE acted_at IS NOT NULL
			AND id NOT IN (SELECT a.complaint_id FROM events a WHERE `+actedEvent+`)`,
		`UPDATE complaints SET acted_at = a.at
			FROM (SELECT a.complaint_id, min(a.at) AS at FROM events a WHERE `+actedEvent+` GROUP BY a.complaint_id) a
			WHERE complaints.id = a.complaint_id AND complaints.acted_at IS DISTINCT FROM a.at`,
		`DELETE FROM stats_events`,
		fillStatsEvents,
	) {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuild stats roll-ups: %w", err)
		}
	}
	return nil
}

// istDay numbers the IST day that starts at t; ok is false when t is not
// the start of an IST day.
func istDay(t time.Time) (int64, bool) {
	n := ms(t) + istOffsetMS
	return n / dayMS, n%dayMS == 0
}

// rollupFilter reports whether the roll-ups can answer f: a period of
// whole IST days and a scope from a district up (a station's scope would
// need the stations the roll-ups fold into their districts).
func rollupFilter(f shikayat.StatsFilter) bool {
	_, fromOK := istDay(f.From)
	_, toOK := istDay(f.To)
	if !fromOK || !toOK {
		return false
	}
	p := strings.TrimSuffix(f.Scope.Path(), "/")
	last := p[strings.LastIndex(p, "/")+1:]
	return !strings.HasPrefix(last, "station:")
}

// rollupWhere is statsWhere for a roll-up table (alias r): the scope on its
// owning unit and district, and the class and type filters as the
// roll-up's own columns, "*" standing for every class or type.
func (s *DB) rollupWhere(ctx context.Context, q querier, f shikayat.StatsFilter) (w *where, class, typ string, err error) {
	if f.Class != "" && !f.Class.Valid() {
		return nil, "", "", shikayat.Errorf(shikayat.EINVALID, "Unknown class %q.", f.Class)
	}
	if f.Type != "" && !f.Type.Valid() {
		return nil, "", "", shikayat.Errorf(shikayat.EINVALID, "Unknown type %q.", f.Type)
	}
	class, typ = string(f.Class), string(f.Type)
	if class == "" {
		class = "*"
	}
	if typ == "" {
		typ = "*"
	}
	g := f
	g.Class, g.Type = "", ""
	w, err = s.statsWhere(ctx, q, g, "r.unit_id", "r.district")
	return w, class, typ, err
}

// blockDays is the length in IST days of a block of stats_blocks
// (migration 00056): its rows sum stats_days over days d with
// d - d % blockDays the same.
const blockDays = 16

// rollupCounts adds to rows and days what the roll-ups count for f:
// received, disposed, met, the disposal histogram and ratings, per
// district, and received and disposed per day. The districts' numbers come
// from stats_blocks for the blocks inside the period and from stats_days
// for the days at its ends (fewer than blockDays at each); the days' from
// stats_days summed by the database, one row per day.
func (s *DB) rollupCounts(ctx context.Context, db querier, f shikayat.StatsFilter, row func(int) *shikayat.DistrictStats, day func(int64) *shikayat.DayCount) error {
	from, _ := istDay(f.From)
	to, _ := istDay(f.To)
	first, end := from+(blockDays-from%blockDays)%blockDays, to-to%blockDays
	if first >= end || from <= 0 {
		// No whole block (or a period from 1970 or before: SQL's
		// division files the days before 1970 in block 0): every day
		// from stats_days.
		first, end = to, to
	}
	for _, r := range []struct {
		table    string
		from, to int64
	}{{"stats_days", from, first}, {"stats_blocks", first, end}, {"stats_days", end, to}} {
		if r.from < r.to {
			if err := s.rollupDistricts(ctx, db, f, r.table, r.from, r.to, row); err != nil {
				return err
			}
		}
	}
	w, class, typ, err := s.rollupWhere(ctx, db, f)
	if err != nil {
		return err
	}
	q := `SELECT r.day, sum(r.received), sum(r.disposed)
		FROM stats_days r` + s.indexedBy("stats_days_chart") + ` WHERE r.class = ` + w.arg(class) + ` AND r.type = ` + w.arg(typ) + `
			AND r.day >= ` + w.arg(from) + ` AND r.day < ` + w.arg(to) + ` AND ` + w.String() + `
		GROUP BY r.day`
	rows, err := db.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("district stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var dn int64
		var received, disposed int
		if err := rows.Scan(&dn, &received, &disposed); err != nil {
			return fmt.Errorf("district stats: %w", err)
		}
		if received != 0 || disposed != 0 {
			dc := day(dn)
			dc.Received += received
			dc.Disposed += disposed
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("district stats: %w", err)
	}
	return nil
}

// rollupDistricts adds to rows what table (stats_days or stats_blocks)
// counts for f's filter from day from up to day to: received, disposed,
// met, the disposal histogram and ratings.
func (s *DB) rollupDistricts(ctx context.Context, db querier, f shikayat.StatsFilter, table string, from, to int64, row func(int) *shikayat.DistrictStats) error {
	w, class, typ, err := s.rollupWhere(ctx, db, f)
	if err != nil {
		return err
	}
	q := `SELECT r.district, r.received, r.disposed, r.met, r.rated, r.rating_sum, r.hist
		FROM ` + table + ` r WHERE r.class = ` + w.arg(class) + ` AND r.type = ` + w.arg(typ) + `
			AND r.day >= ` + w.arg(from) + ` AND r.day < ` + w.arg(to) + ` AND ` + w.String()
	rows, err := db.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("district stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d, received, disposed, met, rated, ratingSum int
		var hist string
		if err := rows.Scan(&d, &received, &disposed, &met, &rated, &ratingSum, &hist); err != nil {
			return fmt.Errorf("district stats: %w", err)
		}
		if received == 0 && disposed == 0 && rated == 0 {
			// What an update moved away leaves a row of zeros behind.
			continue
		}
		r := row(d)
		r.Received += received
		r.Disposed += disposed
		r.Met += met
		r.Rated += rated
		r.RatingSum += ratingSum
		if err := addHist(r.Hist, hist); err != nil {
			return fmt.Errorf("district stats: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("district stats: %w", err)
	}
	return nil
}

// addHist adds a roll-up's histogram ({"bucket": count}, as the triggers
// write it) to h. A year's dashboard reads tens of thousands of them, so
// the form both engines write ({"6":1,"12":-1} or {"6": 1, "12": -1}) is
// read by hand; anything else goes through encoding/json.
func addHist(h shikayat.DisposalHistogram, text string) error {
	if text == "" || text == "{}" {
		return nil
	}
	if addHistFast(h, text) {
		return nil
	}
	var m map[string]int
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		return fmt.Errorf("histogram %q: %w", text, err)
	}
	for k, n := range m {
		b, err := strconv.Atoi(k)
		if err != nil {
			return fmt.Errorf("histogram bucket %q: %w", k, err)
		}
		if n != 0 {
			h[b] += n
		}
	}
	return nil
}

// addHistFast adds text to h when it is an object of quoted decimal keys
// and integer values without duplicates, and reports whether it was; h is
// unchanged when it was not.
func addHistFast(h shikayat.DisposalHistogram, text string) bool {
	type kv struct{ k, v int }
	var pairs [64]kv
	got := pairs[:0]
	i := 0
	ws := func() {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
			i++
		}
	}
	num := func(value bool) (int, bool) {
		neg := i < len(text) && text[i] == '-'
		if neg {
			i++
		}
		start, n := i, 0
		for i < len(text) && text[i] >= '0' && text[i] <= '9' && i-start < 15 {
			n = n*10 + int(text[i]-'0')
			i++
		}
		if i == start || (i < len(text) && text[i] >= '0' && text[i] <= '9') {
			return 0, false
		}
		if text[start] == '0' && i-start > 1 && value {
			return 0, false // JSON numbers have no leading zeros
		}
		if neg {
			n = -n
		}
		return n, true
	}
	ws()
	if i >= len(text) || text[i] != '{' {
		return false
	}
	i++
	ws()
	if i < len(text) && text[i] == '}' {
		i++
		ws()
		return i == len(text)
	}
	for {
		if i >= len(text) || text[i] != '"' {
			return false
		}
		i++
		if i < len(text) && text[i] == '-' {
			return false // a key is the bucket's hours, never negative
		}
		k, ok := num(false)
		if !ok || i >= len(text) || text[i] != '"' {
			return false
		}
		i++
		ws()
		if i >= len(text) || text[i] != ':' {
			return false
		}
		i++
		ws()
		v, ok := num(true)
		if !ok {
			return false
		}
		for _, p := range got {
			if p.k == k {
				return false // a duplicate key: encoding/json keeps the last
			}
		}
		got = append(got, kv{k, v})
		ws()
		if i >= len(text) {
			return false
		}
		if text[i] == '}' {
			i++
			ws()
			if i != len(text) {
				return false
			}
			break
		}
		if text[i] != ',' {
			return false
		}
		i++
		ws()
	}
	for _, p := range got {
		if p.v != 0 {
			h[p.k] += p.v
		}
	}
	return true
}

// RebuildStatsRollups recounts the daily roll-ups from the complaints: for
// rows written behind the store's back with the triggers disabled (a bulk
// load).
func (s *DB) RebuildStatsRollups(ctx context.Context) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockComplaints(ctx, tx); err != nil {
			return err
		}
		return s.rebuildRollups(ctx, tx)
	})
}

// rollupOpen adds to rows the complaints pending and overdue now from
// stats_open (migration 00038): the open ones per district, overdue those
// due on a day before today, and from the index of deadlines those due
// today up to now. An open complaint received at or after the period's end
// (a period that ends before now) is not pending in it, so those are taken
// away again, counted from the index of the open complaints by receipt
// (migration 00044), which holds no closed complaint: the walk is bounded by
// the open complaints received since the end, not by all of them. The three
// reads run in the caller's read transaction (readTx), one snapshot.
func (s *DB) rollupOpen(ctx context.Context, db querier, f shikayat.StatsFilter, row func(int) *shikayat.DistrictStats) error {
	w, class, typ, err := s.rollupWhere(ctx, db, f)
	if err != nil {
		return err
	}
	now := ms(s.now())
	today := (now + istOffsetMS) / dayMS
	type open struct{ n, late int }
	by := map[int]*open{}
	at := func(d int) *open {
		if by[d] == nil {
			by[d] = &open{}
		}
		return by[d]
	}
	q := `SELECT r.district, coalesce(sum(r.n), 0), coalesce(sum(CASE WHEN r.due_day < ` + w.arg(today) + ` THEN r.n ELSE 0 END), 0)
		FROM stats_open r WHERE r.class = ` + w.arg(class) + ` AND r.type = ` + w.arg(typ) + ` AND ` + w.String() + `
		GROUP BY r.district`
	rows, err := db.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("district stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d, n, late int
		if err := rows.Scan(&d, &n, &late); err != nil {
			return fmt.Errorf("district stats: %w", err)
		}
		at(d).n += n
		at(d).late += late
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("district stats: %w", err)
	}
	// Due today, up to now.
	if err := s.statsQuery(ctx, db, f, "c.unit_id", "c.district", func(w *where) string {
		return `SELECT ` + districtKey + `, count(*) FROM complaints c` + s.indexedBy("complaints_due") + `
			WHERE ` + w.String() + ` AND c.stage <> 'closed' AND c.due_at >= ` + w.arg(today*dayMS-istOffsetMS) + ` AND c.due_at <= ` + w.arg(now) + `
			GROUP BY 1`
	}, func(scan func(...any) error) error {
		var d, n int
		if err := scan(&d, &n); err != nil {
			return err
		}
		at(d).late += n
		return nil
	}); err != nil {
		return err
	}
	// Received at or after the end.
	if err := s.statsQuery(ctx, db, f, "c.unit_id", "c.district", func(w *where) string {
		return `SELECT ` + districtKey + `, count(*), coalesce(sum(CASE WHEN c.due_at <= ` + w.arg(now) + ` THEN 1 ELSE 0 END), 0)
			FROM complaints c` + s.indexedBy("complaints_open_received") + `
			WHERE ` + w.String() + ` AND c.stage <> 'closed' AND c.received_at >= ` + w.arg(ms(f.To)) + `
			GROUP BY 1`
	}, func(scan func(...any) error) error {
		var d, n, late int
		if err := scan(&d, &n, &late); err != nil {
			return err
		}
		at(d).n -= n
		at(d).late -= late
		return nil
	}); err != nil {
		return err
	}
	for d, o := range by {
		if o.n > 0 {
			row(d).Pending += o.n
			row(d).Overdue += o.late
		}
	}
	return nil
}
