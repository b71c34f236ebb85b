package store

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// League returns the league table at end (the start of the IST day after
// the last one counted) within scope: each district's counts over the
// recency window, ranked by shikayat.RankLeague with the movement since the
// table Step earlier. shikayat.LeagueRules documents the formula.
//
// The earlier table is counted from today's rows as they bear on that
// moment (closed before it, reopened before it); a complaint closed then
// and reopened since counts with its latest closure.
func (s *DB) League(ctx context.Context, scope shikayat.Scope, end time.Time, r shikayat.LeagueRules) ([]shikayat.LeagueRow, error) {
	var now, prev []shikayat.LeagueCounts
	sla := s.sla()
	err := s.readTx(ctx, func(q querier) (err error) {
		if now, err = s.leagueCounts(ctx, q, scope, sla, end.Add(-r.Window), end); err != nil {
			return err
		}
		prevEnd := end.Add(-r.Step)
		prev, err = s.leagueCounts(ctx, q, scope, sla, prevEnd.Add(-r.Window), prevEnd)
		return err
	})
	if err != nil {
		return nil, err
	}
	return shikayat.RankLeague(now, prev, r), nil
}

// leagueCounts counts the league's numbers per district for [start, end)
// with the closing periods sla.
func (s *DB) leagueCounts(ctx context.Context, db querier, scope shikayat.Scope, sla shikayat.SLA, start, end time.Time) ([]shikayat.LeagueCounts, error) {
	f := shikayat.StatsFilter{Scope: scope, From: start, To: end}
	by := map[int]*shikayat.LeagueCounts{}
	row := func(d int) *shikayat.LeagueCounts {
		if by[d] == nil {
			by[d] = &shikayat.LeagueCounts{District: d}
		}
		return by[d]
	}
	err := s.statsQuery(ctx, db, f, "c.unit_id", "c.district", func(w *where) string {
		long, mid, first := w.arg(sla.LongTermClose.Milliseconds()), w.arg(sla.MidTermClose.Milliseconds()), w.arg(sla.ImmediateFirstAction.Milliseconds())
		e := w.arg(ms(end))
		// A merged complaint (a duplicate) counts as decided from its
		// merge (the merge closes it) or when late, and never good: a
		// duplicate is not rewarded, and a merge can neither hide a late
		// case nor borrow the quick closure of the complaint it was merged
		// into. It counts as closed without action too, unless the
		// station acted on it before the merge, or the complaint it was
		// merged into had the station's action and was closed within its
		// own deadline by the end: else merging hard cases into any
		// complaint closed quickly would dodge the no-action count that
		// closing them would bring. While the complaint it went into is
		// still open and within its deadline at the end, and the duplicate
		// within its own, the duplicate is not counted at all (neither
		// decided nor without action): an honest merge into a case being
		// worked costs the district nothing, and is judged with that case;
		// merging into a long-term case does not stretch a duplicate's own
		// deadline.
		closedAt := "c.closed_at"
		closed := `(` + closedAt + ` IS NOT NULL AND ` + closedAt + ` < ` + e + `)`
		// An action: the station recorded one (its note moved the complaint
		// to in_progress, DESIGN's "the station recorded an action"), or an
		// officer of the station holding the complaint (or of a unit under
		// it) replied to the citizen, before the closure. A note or a reply
		// of the district office's own (a canned line), even while its
		// station holds the complaint, or a closing note, is not one.
		// acted_at is the first such action's time (migrations 00045,
		// 00052; actedEvent).
		actedAt := "c.acted_at"
		acted := `(` + actedAt + ` IS NOT NULL AND ` + actedAt + ` <= ` + closedAt + `)`
		// Reopened while this district held it: a reopening is counted
		// against the district that closed the complaint, not the one that
		// holds it after. Asked only of the complaints that would count as
		// good, from the index of reopenings.
		reopened := `EXISTS (SELECT 1 FROM events o` + s.indexedBy("events_reopen") + ` JOIN units ou ON ou.id = o.from_unit
			WHERE o.complaint_id = c.id AND o.action = 'reopen' AND o.at < ` + e + ` AND ou.lgd = c.district)`
		// Past the citizen's deadline at the end: the close deadline, or
		// an immediate complaint's first hour gone without a person's act.
		late := `(c.received_at + (CASE WHEN ` + effectiveClass + ` = 'long_term' THEN ` + long + ` ELSE ` + mid + ` END) < ` + e + `
			OR (` + effectiveClass + ` = 'immediate' AND c.received_at + ` + first + ` < ` + e + `
				AND (c.first_action_at IS NULL OR c.first_action_at - c.received_at > ` + first + `)))`
		flag := func(cond string) string { return `(CASE WHEN ` + cond + ` THEN 1 ELSE 0 END)` }
		met := strings.ReplaceAll(metSLA(long, mid, first), "c.closed_at", closedAt)
		// The complaint a duplicate was merged into (alias m): acted on,
		// and closed within its deadline, by the end.
		intoDone := `EXISTS (SELECT 1 FROM complaints m WHERE m.code = c.merged_into
			AND m.closed_at IS NOT NULL AND m.closed_at < ` + e + ` AND m.acted_at IS NOT NULL AND m.acted_at <= m.closed_at
			AND ` + strings.ReplaceAll(metSLA(long, mid, first), "c.", "m.") + ` = 1)`
		// The complaint a duplicate was merged into is still open (or
		// closed only after the end) and not late at the end.
		intoPending := `EXISTS (SELECT 1 FROM complaints m WHERE m.code = c.merged_into
			AND (m.closed_at IS NULL OR m.closed_at >= ` + e + `) AND NOT ` + strings.ReplaceAll(late, "c.", "m.") + `)`
		// Each complaint's facts once, then the sums per district.
		return `SELECT d, count(*), coalesce(sum(good), 0), coalesce(sum(CASE WHEN closed = 1 AND acted = 0 AND merged_into = '' THEN 1 ELSE 0 END), 0)
				+ coalesce(sum(merged_none), 0)
			FROM (SELECT d, closed, acted, merged_into,
					(CASE WHEN closed = 1 AND merged_into <> '' AND acted = 0 THEN 1 - ` + flag(intoDone) + ` ELSE 0 END) AS merged_none,
					(CASE WHEN closed = 1 AND met = 1 AND acted = 1 AND merged_into = '' THEN ` + flag(`NOT `+reopened) + ` ELSE 0 END) AS good
				FROM (SELECT c.id, c.district, c.merged_into, ` + districtKey + ` AS d, ` + flag(closed) + ` AS closed, ` + met + ` AS met, ` + flag(acted) + ` AS acted
					FROM complaints c` + s.indexedBy("complaints_league") + `
					WHERE ` + w.String() + ` AND c.received_at >= ` + w.arg(ms(start)) + ` AND c.received_at < ` + e + `
						AND (` + closed + ` OR ` + late + `)
						AND (c.merged_into = '' OR ` + late + ` OR NOT ` + intoPending + `)) c) x
			GROUP BY d`
	}, func(scan func(...any) error) error {
		var d, n, good, none int
		if err := scan(&d, &n, &good, &none); err != nil {
			return err
		}
		r := row(d)
		r.Decided, r.Good, r.NoAction = n, good, none
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Every bounce and reopening of the window: from stats_events for
	// whole IST days, else from the events.
	if ok, _ := eventsRollupFilter(f); ok {
		for kind, add := range map[string]func(r *shikayat.LeagueCounts, n int){
			"reopen": func(r *shikayat.LeagueCounts, n int) { r.Reopened += n },
			"bounce": func(r *shikayat.LeagueCounts, n int) { r.Bounces += n },
		} {
			by, _, err := s.rollupEvents(ctx, db, f, kind)
			if err != nil {
				return nil, err
			}
			for d, c := range by {
				add(row(d), c.events)
			}
		}
	} else {
		if err := s.eachDistrictCount(ctx, db, f, reopenedSQL, func(d, n int) { row(d).Reopened += n }); err != nil {
			return nil, err
		}
		if err := s.eachDistrictCount(ctx, db, f, bouncesSQL, func(d, n int) { row(d).Bounces += n }); err != nil {
			return nil, err
		}
	}
	out := make([]shikayat.LeagueCounts, 0, len(by))
	for _, c := range by {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].District < out[j].District })
	return out, nil
}
