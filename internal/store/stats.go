package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/shikayat/shikayat"
)

// istOffsetMS shifts a UTC time in milliseconds to India time, so that an
// integer division by dayMS numbers IST days.
const (
	istOffsetMS = 19800000
	dayMS       = 86400000
	hourMS      = 3600000
)

// districtKey groups by district. It is an expression, not the bare
// column, so that SQLite's planner does not walk the whole of index
// complaints_district to save a sort, but takes the period's range of the
// index that covers the query (migration 00024).
const districtKey = `(c.district + 0)`

// effectiveClass is the class a person set, else the model's suggestion.
const effectiveClass = `(CASE WHEN c.class <> '' THEN c.class ELSE c.suggested_class END)`

// disposalBucket is shikayat.DisposalBucket in SQL: the lower edge, in
// hours, of the histogram bucket of a closed complaint's time to disposal.
const disposalBucket = `(CASE WHEN c.closed_at < c.received_at THEN 0
	WHEN (c.closed_at - c.received_at) / 3600000 < 48 THEN (c.closed_at - c.received_at) / 3600000
	WHEN (c.closed_at - c.received_at) / 3600000 < 240 THEN (c.closed_at - c.received_at) / 21600000 * 6
	ELSE (c.closed_at - c.received_at) / 86400000 * 24 END)`

// metSLA is the SQL that is 1 when a closed complaint was closed within
// its deadline on the citizen's clock (from received_at, which never
// restarts): long_term within LongTermClose, any other within MidTermClose,
// and an immediate one also first acted on by a person within
// ImmediateFirstAction. $long, $mid and $first name the placeholders.
func metSLA(long, mid, first string) string {
	return `(CASE WHEN (CASE WHEN ` + effectiveClass + ` = 'long_term' THEN c.closed_at - c.received_at <= ` + long +
		` ELSE c.closed_at - c.received_at <= ` + mid + ` END)
		AND (` + effectiveClass + ` <> 'immediate' OR (c.first_action_at IS NOT NULL AND c.first_action_at - c.received_at <= ` + first + `))
		THEN 1 ELSE 0 END)`
}

// statsWhere limits a dashboard query to the filter: units of the scope
// (the complaint's owner, or the column unitCol names), under a zone or
// range, of a class, type and district. Sensitive complaints count: a count
// tells their number and nothing else.
//
// The zone or range is read through q, the caller's read transaction: a
// lookup on the pool would ask for a second connection while the
// transaction holds one, and many dashboards at once would wait on each
// other. Only a unit that does not exist or is of another kind is the
// caller's mistake; a failure to read it passes through.
func (s *DB) statsWhere(ctx context.Context, q querier, f shikayat.StatsFilter, unitCol, districtCol string) (*where, error) {
	w := &where{}
	switch {
	case f.Scope.IsZero():
		return nil, shikayat.ErrNoScope()
	case !f.Scope.All():
		w.add(unitCol+` IN (SELECT id FROM units WHERE path LIKE ? ESCAPE '\')`, likePrefix(f.Scope.Path()))
	}
	if f.Under != "" {
		u, err := findUnit(ctx, q, f.Under)
		if err != nil && shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
			return nil, fmt.Errorf("district stats: %w", err)
		}
		if err != nil || (u.Kind != shikayat.UnitZone && u.Kind != shikayat.UnitRange) {
			return nil, shikayat.Errorf(shikayat.EINVALID, "%q is not a zone or range.", f.Under)
		}
		w.add(unitCol+` IN (SELECT id FROM units WHERE path LIKE ? ESCAPE '\')`, likePrefix(u.Path))
	}
	if f.Class != "" {
		if !f.Class.Valid() {
			return nil, shikayat.Errorf(shikayat.EINVALID, "Unknown class %q.", f.Class)
		}
		w.add("(c.class = ? OR (c.class = '' AND c.suggested_class = ?))", string(f.Class), string(f.Class))
	}
	if f.Type != "" {
		if !f.Type.Valid() {
			return nil, shikayat.Errorf(shikayat.EINVALID, "Unknown type %q.", f.Type)
		}
		w.add("(c.type = ? OR (c.type = '' AND c.suggested_type = ?))", string(f.Type), string(f.Type))
	}
	if f.District != 0 {
		w.add(districtCol+" = ?", f.District)
	}
	return w, nil
}

// indexedBy names the index SQLite must use for the table before it
// (PostgreSQL's planner chooses well on its own).
func (s *DB) indexedBy(index string) string {
	if s.engine == SQLite {
		return " INDEXED BY " + index
	}
	return ""
}

// arg appends a value to w's arguments and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return fmt.Sprintf("$%d", len(w.args))
}

// DistrictStats counts HQ's dashboard for the filter: per district, the
// complaints received and disposed in the period, those pending and overdue
// now, the median time to disposal (from an hourly histogram, see
// shikayat.DisposalHistogram), the share disposed within the citizen's
// deadline, bounces, reopenings and the mean rating; and per IST day,
// received and disposed.
//
// Received, disposed, the median's histogram, the deadline met and the
// ratings come from the daily roll-ups (migration 00029, summed by blocks
// of 16 days in 00056 for long periods) when the period is
// whole IST days and the scope a district or wider, else from the
// complaints (RecountDistrictStats); pending and overdue (as of now),
// bounces and reopenings are counted from the complaints and events, each
// from one index of migration 00024.
func (s *DB) DistrictStats(ctx context.Context, f shikayat.StatsFilter) (*shikayat.Stats, error) {
	rollups := rollupFilter(f)
	if rollups {
		set, err := s.rulesSet(ctx)
		if err != nil {
			return nil, err
		}
		rollups = set
	}
	return s.districtStats(ctx, f, rollups)
}

// RecountDistrictStats is DistrictStats counted from the complaints
// themselves, never from the daily roll-ups: what the roll-ups must equal.
func (s *DB) RecountDistrictStats(ctx context.Context, f shikayat.StatsFilter) (*shikayat.Stats, error) {
	return s.districtStats(ctx, f, false)
}

func (s *DB) districtStats(ctx context.Context, f shikayat.StatsFilter, rollups bool) (st *shikayat.Stats, err error) {
	if !f.From.Before(f.To) {
		return nil, shikayat.Errorf(shikayat.EINVALID, "The period must end after it starts.")
	}
	err = s.readTx(ctx, func(q querier) error {
		st, err = s.districtStatsIn(ctx, q, f, rollups)
		return err
	})
	return st, err
}

// readTx runs fn in one read-only transaction, so that the several reads
// of a dashboard or league see one snapshot: a change committed between
// two of them (a complaint closed between the read of stats_open and the
// correction of those received after the end) cannot count twice or not
// at all. PostgreSQL's REPEATABLE READ gives the snapshot of the first
// read to all; SQLite's deferred read transaction keeps its snapshot of
// the WAL until it ends, and takes no write lock.
func (s *DB) readTx(ctx context.Context, fn func(q querier) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.engine == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("district stats: begin: %w", err)
	}
	defer tx.Rollback()
	if s.engine == Postgres {
		// The league's and dashboard's expressions make plans whose cost
		// passes jit_above_cost, and compiling them took seconds where
		// running them takes milliseconds.
		if _, err := tx.ExecContext(ctx, `SET LOCAL jit = off`); err != nil {
			return fmt.Errorf("district stats: %w", err)
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *DB) districtStatsIn(ctx context.Context, q querier, f shikayat.StatsFilter, rollups bool) (*shikayat.Stats, error) {
	rows := map[int]*shikayat.DistrictStats{}
	row := func(d int) *shikayat.DistrictStats {
		r := rows[d]
		if r == nil {
			r = &shikayat.DistrictStats{District: d, Hist: shikayat.DisposalHistogram{}}
			rows[d] = r
		}
		return r
	}
	days := map[int64]*shikayat.DayCount{}
	day := func(n int64) *shikayat.DayCount {
		d := days[n]
		if d == nil {
			d = &shikayat.DayCount{Day: time.UnixMilli(n * dayMS).UTC().Format("2006-01-02")}
			days[n] = d
		}
		return d
	}
	from, to := ms(f.From), ms(f.To)
	if rollups {
		if err := s.rollupCounts(ctx, q, f, row, day); err != nil {
			return nil, err
		}
	} else if err := s.baseCounts(ctx, q, f, row, day); err != nil {
		return nil, err
	}
	// Pending and overdue now (the unit's clock), received up to the end:
	// from stats_open, else from the index of open complaints (SQLite's
	// planner would rather walk a smaller partial index and read every row).
	if rollups {
		if err := s.rollupOpen(ctx, q, f, row); err != nil {
			return nil, err
		}
	} else if err := s.statsQuery(ctx, q, f, "c.unit_id", "c.district", func(w *where) string {
		now := w.arg(ms(s.now()))
		return `SELECT ` + districtKey + `, count(*), coalesce(sum(CASE WHEN c.due_at <= ` + now + ` THEN 1 ELSE 0 END), 0)
			FROM complaints c` + s.indexedBy("complaints_open_district_class") + ` WHERE ` + w.String() + ` AND c.stage <> 'closed' AND c.received_at + 0 < ` + w.arg(to) + `
			GROUP BY 1`
	}, func(scan func(...any) error) error {
		var d, n, late int
		if err := scan(&d, &n, &late); err != nil {
			return err
		}
		row(d).Pending += n
		row(d).Overdue += late
		return nil
	}); err != nil {
		return nil, err
	}
	// Complaints reopened in the period, against the district that closed
	// them (the unit that held it when it was reopened: a closed complaint
	// cannot be re-routed, whoever holds it now); complaints bounced in the
	// period, against the district of the unit that sent them away (a
	// station counts for its district). The totals count each complaint
	// once, as the lists do, though two districts may each have bounced it.
	bounced, reopened, err := s.eventTotals(ctx, q, f, rollups, row)
	if err != nil {
		return nil, err
	}

	st := &shikayat.Stats{From: f.From, To: f.To, Districts: []*shikayat.DistrictStats{}, Days: []shikayat.DayCount{}}
	for _, r := range rows {
		r.Finish()
		st.Districts = append(st.Districts, r)
	}
	sort.Slice(st.Districts, func(i, j int) bool {
		a, b := st.Districts[i], st.Districts[j]
		if (a.District == 0) != (b.District == 0) {
			return b.District == 0 // complaints no district owns come last
		}
		return a.Name < b.Name
	})
	st.Totals = shikayat.Total(st.Districts)
	st.Totals.Bounces, st.Totals.Reopened = bounced, reopened
	st.Totals.Finish()
	// Every day of the period, empty ones too.
	for n := (from + istOffsetMS) / dayMS; n <= (to-1+istOffsetMS)/dayMS; n++ {
		st.Days = append(st.Days, *day(n))
	}
	return st, nil
}

// baseCounts adds to rows and days what the complaints count for f:
// received, disposed (with the histogram and the citizen's deadline) and
// rated, per district and per day. Four grouped queries, each answered
// from one index of migration 00024 when no class or type filter applies.
func (s *DB) baseCounts(ctx context.Context, q querier, f shikayat.StatsFilter, row func(int) *shikayat.DistrictStats, day func(int64) *shikayat.DayCount) error {
	from, to := ms(f.From), ms(f.To)
	sla := s.sla()

	// Received, per district and IST day.
	if err := s.statsQuery(ctx, q, f, "c.unit_id", "c.district", func(w *where) string {
		return `SELECT ` + districtKey + `, (c.received_at + ` + fmt.Sprint(istOffsetMS) + `) / ` + fmt.Sprint(dayMS) + `, count(*)
			FROM complaints c WHERE ` + w.String() + ` AND c.received_at >= ` + w.arg(from) + ` AND c.received_at < ` + w.arg(to) + `
			GROUP BY 1, 2`
	}, func(scan func(...any) error) error {
		var d, n int
		var dn int64
		if err := scan(&d, &dn, &n); err != nil {
			return err
		}
		row(d).Received += n
		day(dn).Received += n
		return nil
	}); err != nil {
		return err
	}
	// Disposed, per district and bucket of time to disposal, with how many
	// met the citizen's deadline.
	if err := s.statsQuery(ctx, q, f, "c.unit_id", "c.district", func(w *where) string {
		met := metSLA(w.arg(sla.LongTermClose.Milliseconds()), w.arg(sla.MidTermClose.Milliseconds()), w.arg(sla.ImmediateFirstAction.Milliseconds()))
		return `SELECT ` + districtKey + `, ` + disposalBucket + `, count(*), coalesce(sum(` + met + `), 0)
			FROM complaints c WHERE ` + w.String() + ` AND c.closed_at >= ` + w.arg(from) + ` AND c.closed_at < ` + w.arg(to) + `
			GROUP BY 1, 2`
	}, func(scan func(...any) error) error {
		var d, bucket, n, met int
		if err := scan(&d, &bucket, &n, &met); err != nil {
			return err
		}
		r := row(d)
		r.Disposed += n
		r.Met += met
		r.Hist[bucket] += n
		return nil
	}); err != nil {
		return err
	}
	// Ratings: the last rating of each complaint closed in the period
	// (0: not rated).
	if err := s.statsQuery(ctx, q, f, "c.unit_id", "c.district", func(w *where) string {
		return `SELECT ` + districtKey + `, count(*), coalesce(sum(c.rating), 0)
			FROM complaints c WHERE ` + w.String() + ` AND c.rating > 0 AND c.last_closed_at >= ` + w.arg(from) + ` AND c.last_closed_at < ` + w.arg(to) + `
			GROUP BY 1`
	}, func(scan func(...any) error) error {
		var d, n, sum int
		if err := scan(&d, &n, &sum); err != nil {
			return err
		}
		row(d).Rated += n
		row(d).RatingSum += sum
		return nil
	}); err != nil {
		return err
	}
	// Disposed per IST day.
	if err := s.statsQuery(ctx, q, f, "c.unit_id", "c.district", func(w *where) string {
		return `SELECT (c.closed_at + ` + fmt.Sprint(istOffsetMS) + `) / ` + fmt.Sprint(dayMS) + `, count(*)
			FROM complaints c WHERE ` + w.String() + ` AND c.closed_at >= ` + w.arg(from) + ` AND c.closed_at < ` + w.arg(to) + `
			GROUP BY 1`
	}, func(scan func(...any) error) error {
		var dn int64
		var n int
		if err := scan(&dn, &n); err != nil {
			return err
		}
		day(dn).Disposed += n
		return nil
	}); err != nil {
		return err
	}
	return nil
}

// statsQuery runs one grouped query of the dashboard and scans its rows.
func (s *DB) statsQuery(ctx context.Context, q querier, f shikayat.StatsFilter, unitCol, districtCol string, query func(*where) string, scan func(func(...any) error) error) error {
	w, err := s.statsWhere(ctx, q, f, unitCol, districtCol)
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, query(w), w.args...)
	if err != nil {
		return fmt.Errorf("district stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows.Scan); err != nil {
			return fmt.Errorf("district stats: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("district stats: %w", err)
	}
	return nil
}

// eventTotals adds to rows the complaints bounced and reopened in f's
// period per district and returns those in all: from stats_events when
// rollups allows and f has no class or type filter, else from the events
// (the index of migration 00039).
func (s *DB) eventTotals(ctx context.Context, q querier, f shikayat.StatsFilter, rollups bool, row func(int) *shikayat.DistrictStats) (bounced, reopened int, err error) {
	evOK, evTotals := eventsRollupFilter(f)
	for _, k := range []struct {
		kind  string
		sql   eventCount
		add   func(r *shikayat.DistrictStats, n int)
		total *int
	}{
		{"reopen", reopenedSQL, func(r *shikayat.DistrictStats, n int) { r.Reopened += n }, &reopened},
		{"bounce", bouncesSQL, func(r *shikayat.DistrictStats, n int) { r.Bounces += n }, &bounced},
	} {
		if !rollups || !evOK {
			// One read of the period's events gives both: each complaint
			// once per district, and once in all.
			by := map[int]int{}
			all := map[int64]bool{}
			if err := s.eachDistrictComplaint(ctx, q, f, k.sql, func(d int, id int64) {
				by[d]++
				all[id] = true
			}); err != nil {
				return 0, 0, err
			}
			for d, n := range by {
				k.add(row(d), n)
			}
			*k.total = len(all)
			continue
		}
		by, all, err := s.rollupEvents(ctx, q, f, k.kind)
		if err != nil {
			return 0, 0, err
		}
		sum := 0
		for d, c := range by {
			k.add(row(d), c.complaints)
			sum += c.complaints
		}
		switch {
		case evTotals:
			*k.total = all
		case len(by) <= 1:
			// One district's complaints are each counted once already.
			*k.total = sum
		default:
			if err := s.eachDistrictComplaints(ctx, q, f, k.sql, "0", func(_, n int) { *k.total += n }); err != nil {
				return 0, 0, err
			}
		}
	}
	return bounced, reopened, nil
}

// reopenedSQL and bouncesSQL count events of a period per district.
type eventCount struct {
	unitCol, districtCol, where string
}

var (
	// A reopening counts against the district that closed the complaint:
	// the unit that held it when it was reopened (a closed complaint
	// cannot be re-routed), whoever holds it now.
	reopenedSQL = eventCount{"e.from_unit", "u.lgd", `e.action = 'reopen'`}
	// A bounce is a forward away from a unit that owned the complaint past
	// its receipt (shikayat.Apply counts the same).
	bouncesSQL = eventCount{"e.from_unit", "u.lgd",
		`e.action = 'forward' AND e.from_stage <> 'received' AND e.from_unit <> 'hq' AND e.from_unit <> e.to_unit`}
)

// eachDistrictCount counts q's events of the period per district (the
// league counts every bounce and reopening).
func (s *DB) eachDistrictCount(ctx context.Context, db querier, f shikayat.StatsFilter, q eventCount, add func(d, n int)) error {
	return s.eventCount(ctx, db, f, q, q.districtCol, "count(*)", add)
}

// eachDistrictComplaints counts the complaints with q's events in the
// period per district, and with group "0" the complaints in all: what the
// inbox lists behind the dashboard's number (a complaint bounced twice by
// one district is one complaint in its list).
func (s *DB) eachDistrictComplaints(ctx context.Context, db querier, f shikayat.StatsFilter, q eventCount, group string, add func(d, n int)) error {
	return s.eventCount(ctx, db, f, q, group, "count(DISTINCT e.complaint_id)", add)
}

// eachDistrictComplaint calls add once for each district and complaint
// with q's events in f's period: the pairs both of eachDistrictComplaints'
// counts are made of, read once.
func (s *DB) eachDistrictComplaint(ctx context.Context, db querier, f shikayat.StatsFilter, q eventCount, add func(d int, id int64)) error {
	return s.statsQuery(ctx, db, f, q.unitCol, q.districtCol, func(w *where) string {
		return `SELECT DISTINCT ` + q.districtCol + `, e.complaint_id FROM ` + s.eventsFrom(f) + ` WHERE ` + w.String() + ` AND ` + q.where +
			` AND e.at >= ` + w.arg(ms(f.From)) + ` AND e.at < ` + w.arg(ms(f.To))
	}, func(scan func(...any) error) error {
		var d int
		var id int64
		if err := scan(&d, &id); err != nil {
			return err
		}
		add(d, id)
		return nil
	})
}

// eventsFrom is the FROM of a count of events: the events of the period
// from the index that holds every column the counts read (migration
// 00039), their unit, and the complaint when f filters by class or type
// (the complaint's), read from the index of migration 00055 that holds
// those columns.
func (s *DB) eventsFrom(f shikayat.StatsFilter) string {
	from := `events e` + s.indexedBy("events_stats") + ` JOIN units u ON u.id = e.from_unit`
	if f.Class != "" || f.Type != "" {
		from += ` JOIN complaints c` + s.indexedBy("complaints_class_of") + ` ON c.id = e.complaint_id`
	}
	return from
}

func (s *DB) eventCount(ctx context.Context, db querier, f shikayat.StatsFilter, q eventCount, group, count string, add func(d, n int)) error {
	from := s.eventsFrom(f)
	return s.statsQuery(ctx, db, f, q.unitCol, q.districtCol, func(w *where) string {
		return `SELECT ` + group + `, ` + count + ` FROM ` + from + ` WHERE ` + w.String() + ` AND ` + q.where +
			` AND e.at >= ` + w.arg(ms(f.From)) + ` AND e.at < ` + w.arg(ms(f.To)) + ` GROUP BY 1`
	}, func(scan func(...any) error) error {
		var d, n int
		if err := scan(&d, &n); err != nil {
			return err
		}
		add(d, n)
		return nil
	})
}
