package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// PublishedLeague returns the league table at end as published: the
// state's counts for the window ending at end, read from its published
// table (league_published, migration 00051), ranked by shikayat.RankLeague
// over all the state's districts with the movement since the table
// published Step earlier (none when none was published for that day:
// movement is never counted back). It only reads: a table is published by
// PublishLeague (the publish_league job), and a day with none is an
// ENOTFOUND error. A reader whose scope is narrower than the state gets
// the rows of the districts in its scope with their state ranks and
// movement: the league is one state table.
func (s *DB) PublishedLeague(ctx context.Context, scope shikayat.Scope, end time.Time, r shikayat.LeagueRules) (*shikayat.LeagueTable, error) {
	if err := leagueReadable(scope, end, r); err != nil {
		return nil, err
	}
	key, _ := leagueKey(r, s.sla())
	now, at, ok, err := s.readPublishedLeague(ctx, end, key)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, shikayat.Errorf(shikayat.ENOTFOUND, "The league table through %s has not been published.", shikayat.ISTDay(end.Add(-time.Minute)))
	}
	prev, prevAt, _, err := s.readPublishedLeague(ctx, end.Add(-r.Step), key)
	if err != nil {
		return nil, err
	}
	t := &shikayat.LeagueTable{End: end, PublishedAt: at, PrevPublishedAt: prevAt}
	in, err := s.scopeDistricts(ctx, scope)
	if err != nil {
		return nil, err
	}
	t.NoDistricts = in != nil && len(in) == 0
	t.Rows = keepDistricts(shikayat.RankLeague(now, prev, r), in)
	return t, nil
}

// ProvisionalLeague counts the league table at end live, as things stand
// now, for a day whose table is not published (today's, or one the job has
// not published yet), within scope: the districts of the scope are ranked
// among themselves. Movement compares with the table published Step
// earlier, its rows of the same districts ranked among themselves; when
// none was published for that day the rows carry no movement. It writes
// nothing. A scope holding no district (a station's) counts nothing: the
// table says so (NoDistricts).
func (s *DB) ProvisionalLeague(ctx context.Context, scope shikayat.Scope, end time.Time, r shikayat.LeagueRules) (*shikayat.LeagueTable, error) {
	if err := leagueReadable(scope, end, r); err != nil {
		return nil, err
	}
	in, err := s.scopeDistricts(ctx, scope)
	if err != nil {
		return nil, err
	}
	t := &shikayat.LeagueTable{End: end}
	if in != nil && len(in) == 0 {
		t.NoDistricts = true
		return t, nil
	}
	// One snapshot of the closing periods for the counts and the key of
	// the earlier table they are compared with.
	key, sla := leagueKey(r, s.sla())
	prev, prevAt, _, err := s.readPublishedLeague(ctx, end.Add(-r.Step), key)
	if err != nil {
		return nil, err
	}
	t.PrevPublishedAt = prevAt
	// A day not over yet is counted as things stand now: a complaint due
	// later in the day is not late yet, a closure can only be one made.
	cutoff := end
	if now := s.now(); now.Before(cutoff) {
		cutoff = now
	}
	var now []shikayat.LeagueCounts
	err = s.readTx(ctx, func(q querier) (err error) {
		now, err = s.leagueCounts(ctx, q, scope, sla, end.Add(-r.Window), cutoff)
		return err
	})
	if err != nil {
		return nil, err
	}
	if in != nil {
		kept := prev[:0:0]
		for _, c := range prev {
			if in[c.District] {
				kept = append(kept, c)
			}
		}
		prev = kept
	}
	t.Rows = shikayat.RankLeague(now, prev, r)
	return t, nil
}

// leagueReadable checks a league reader's scope and rules.
func leagueReadable(scope shikayat.Scope, end time.Time, r shikayat.LeagueRules) error {
	switch {
	case scope.IsZero():
		return shikayat.ErrNoScope()
	case r.Window <= 0:
		return shikayat.Errorf(shikayat.EINVALID, "The league's window must be longer than nothing; it is %s.", r.Window)
	case r.Step <= 0 || r.Step%(24*time.Hour) != 0:
		return shikayat.Errorf(shikayat.EINVALID, "The league's step must be a whole number of days to compare published tables; it is %s.", r.Step)
	}
	return nil
}

// scopeDistricts returns the districts of scope; nil for the whole state.
func (s *DB) scopeDistricts(ctx context.Context, scope shikayat.Scope) (map[int]bool, error) {
	if scope.All() {
		return nil, nil
	}
	return s.districtsIn(ctx, scope)
}

// keepDistricts keeps the rows of the districts in in (all when nil).
func keepDistricts(rows []shikayat.LeagueRow, in map[int]bool) []shikayat.LeagueRow {
	if in == nil {
		return rows
	}
	kept := rows[:0]
	for _, row := range rows {
		if in[row.District] {
			kept = append(kept, row)
		}
	}
	return kept
}

// PublishLeague returns the state's league counts for the window of r
// ending at end, and when they were published: the published table when
// there is one for end and the settings it depends on (the window and the
// closing periods, leagueKey), else counted now from the complaints as
// they bear on end (as League counts them) and published. Counting happens
// outside the transaction that writes; that transaction writes the
// completion row first, with ON CONFLICT DO NOTHING, and the table only
// when the row is its own: of two nodes publishing at once the second
// writes nothing and reads the first one's table, so there is never a mix.
func (s *DB) PublishLeague(ctx context.Context, end time.Time, r shikayat.LeagueRules) ([]shikayat.LeagueCounts, time.Time, error) {
	if err := s.publishableEnd(end, r); err != nil {
		return nil, time.Time{}, err
	}
	// One snapshot of the closing periods: the counts are made with the
	// periods their key names, even when they change meanwhile.
	key, sla := leagueKey(r, s.sla())
	s.lockHeld("league key")
	counts, at, ok, err := s.readPublishedLeague(ctx, end, key)
	if err != nil || ok {
		return counts, at, err
	}
	err = s.readTx(ctx, func(q querier) (err error) {
		counts, err = s.leagueCounts(ctx, q, shikayat.SystemScope(), sla, end.Add(-r.Window), end)
		return err
	})
	if err != nil {
		return nil, time.Time{}, err
	}
	s.lockHeld("league counted")
	at = fromMS(ms(s.now()))
	won := false
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO league_published (end_ms, rules_key, window_ms, long_ms, mid_ms, first_ms, published_ms)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (end_ms, rules_key) DO NOTHING`,
			ms(end), key, r.Window.Milliseconds(), sla.LongTermClose.Milliseconds(), sla.MidTermClose.Milliseconds(),
			sla.ImmediateFirstAction.Milliseconds(), ms(at))
		if err != nil {
			return fmt.Errorf("publish the league of %s: %w", shikayat.ISTDay(end.Add(-time.Minute)), err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("publish the league of %s: %w", shikayat.ISTDay(end.Add(-time.Minute)), err)
		}
		if won = n == 1; !won || len(counts) == 0 {
			return nil
		}
		var b strings.Builder
		b.WriteString(`INSERT INTO league_tables (end_ms, rules_key, district, decided, good, no_action, reopened, bounces) VALUES `)
		args := []any{ms(end), key}
		for i, c := range counts {
			if i > 0 {
				b.WriteString(", ")
			}
			p := len(args)
			fmt.Fprintf(&b, "($1, $2, $%d, $%d, $%d, $%d, $%d, $%d)", p+1, p+2, p+3, p+4, p+5, p+6)
			args = append(args, c.District, c.Decided, c.Good, c.NoAction, c.Reopened, c.Bounces)
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("publish the league of %s: %w", shikayat.ISTDay(end.Add(-time.Minute)), err)
		}
		return nil
	})
	if err != nil {
		return nil, time.Time{}, err
	}
	if won {
		return counts, at, nil
	}
	// Another node published it first: its table is the one.
	counts, at, ok, err = s.readPublishedLeague(ctx, end, key)
	if err == nil && !ok {
		err = fmt.Errorf("publish the league of %s: another node's table is not there", shikayat.ISTDay(end.Add(-time.Minute)))
	}
	return counts, at, err
}

// publishableEnd checks that the table ending at end may be published:
// end is the start of an IST day, past by shikayat.LeaguePublishDelay by
// the store's clock, so that the day is over on every node's clock.
func (s *DB) publishableEnd(end time.Time, r shikayat.LeagueRules) error {
	ist := end.In(shikayat.IST)
	switch {
	case r.Window <= 0:
		return shikayat.Errorf(shikayat.EINVALID, "The league's window must be longer than nothing; it is %s.", r.Window)
	case ist.Hour() != 0 || ist.Minute() != 0 || ist.Second() != 0 || ist.Nanosecond() != 0:
		return shikayat.Errorf(shikayat.EINVALID, "A published league table ends at the start of an IST day, not at %s.", ist.Format(time.RFC3339))
	case end.Add(shikayat.LeaguePublishDelay).After(s.now()):
		return shikayat.Errorf(shikayat.EINVALID, "The league table through %s cannot be published before %s after that day is over.",
			shikayat.ISTDay(end.Add(-time.Minute)), shikayat.LeaguePublishDelay)
	}
	return nil
}

// leagueKey names what a published table's numbers depend on besides its
// end: the league's window and the closing periods the store counts with
// (sla, one snapshot: the caller counts with the periods returned). Step
// and MinVolume only rank the counts, so they are not in it.
func leagueKey(r shikayat.LeagueRules, sla shikayat.SLA) (string, shikayat.SLA) {
	sum := sha256.Sum256(fmt.Appendf(nil, "league/1 window=%d long=%d mid=%d first=%d", r.Window.Milliseconds(),
		sla.LongTermClose.Milliseconds(), sla.MidTermClose.Milliseconds(), sla.ImmediateFirstAction.Milliseconds()))
	return hex.EncodeToString(sum[:8]), sla
}

// readPublishedLeague reads the table published for end and key; ok is
// false when there is none. The completion row is read first: the rows
// committed with it are there when it is.
func (s *DB) readPublishedLeague(ctx context.Context, end time.Time, key string) (counts []shikayat.LeagueCounts, at time.Time, ok bool, err error) {
	var published int64
	err = s.db.QueryRowContext(ctx, `SELECT published_ms FROM league_published WHERE end_ms = $1 AND rules_key = $2`, ms(end), key).Scan(&published)
	switch {
	case isNoRows(err):
		return nil, time.Time{}, false, nil
	case err != nil:
		return nil, time.Time{}, false, fmt.Errorf("read the published league: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT district, decided, good, no_action, reopened, bounces FROM league_tables
		WHERE end_ms = $1 AND rules_key = $2 ORDER BY district`, ms(end), key)
	if err != nil {
		return nil, time.Time{}, false, fmt.Errorf("read the published league: %w", err)
	}
	defer rows.Close()
	counts = []shikayat.LeagueCounts{}
	for rows.Next() {
		var c shikayat.LeagueCounts
		if err := rows.Scan(&c.District, &c.Decided, &c.Good, &c.NoAction, &c.Reopened, &c.Bounces); err != nil {
			return nil, time.Time{}, false, fmt.Errorf("read the published league: %w", err)
		}
		counts = append(counts, c)
	}
	if err := rows.Err(); err != nil {
		return nil, time.Time{}, false, fmt.Errorf("read the published league: %w", err)
	}
	return counts, fromMS(published), true, nil
}

// districtsIn returns the LGD codes of the districts whose units lie in
// scope.
func (s *DB) districtsIn(ctx context.Context, scope shikayat.Scope) (map[int]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT lgd FROM units WHERE kind = 'district' AND path LIKE $1 ESCAPE '\'`, likePrefix(scope.Path()))
	if err != nil {
		return nil, fmt.Errorf("league: the scope's districts: %w", err)
	}
	defer rows.Close()
	in := map[int]bool{}
	for rows.Next() {
		var lgd sql.NullInt64
		if err := rows.Scan(&lgd); err != nil {
			return nil, fmt.Errorf("league: the scope's districts: %w", err)
		}
		if lgd.Valid {
			in[int(lgd.Int64)] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("league: the scope's districts: %w", err)
	}
	return in, nil
}
