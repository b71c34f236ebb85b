package store

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// LeagueRecount is League counted by leagueRecount.
func (s *DB) LeagueRecount(ctx context.Context, scope shikayat.Scope, end time.Time, r shikayat.LeagueRules) ([]shikayat.LeagueRow, error) {
	now, err := s.leagueRecount(ctx, s.db, scope, end.Add(-r.Window), end)
	if err != nil {
		return nil, err
	}
	prevEnd := end.Add(-r.Step)
	prev, err := s.leagueRecount(ctx, s.db, scope, prevEnd.Add(-r.Window), prevEnd)
	if err != nil {
		return nil, err
	}
	return shikayat.RankLeague(now, prev, r), nil
}

// leagueRecount is leagueCounts as it was before migration 00045: each
// complaint's facts from its events, with correlated EXISTS. The league
// from the columns and indexes must equal it.
func (s *DB) leagueRecount(ctx context.Context, db querier, scope shikayat.Scope, start, end time.Time) ([]shikayat.LeagueCounts, error) {
	f := shikayat.StatsFilter{Scope: scope, From: start, To: end}
	by := map[int]*shikayat.LeagueCounts{}
	row := func(d int) *shikayat.LeagueCounts {
		if by[d] == nil {
			by[d] = &shikayat.LeagueCounts{District: d}
		}
		return by[d]
	}
	sla := s.sla()
	err := s.statsQuery(ctx, db, f, "c.unit_id", "c.district", func(w *where) string {
		long, mid, first := w.arg(sla.LongTermClose.Milliseconds()), w.arg(sla.MidTermClose.Milliseconds()), w.arg(sla.ImmediateFirstAction.Milliseconds())
		e := w.arg(ms(end))
		// A merged complaint counts as decided and never good.
		closedAt := "c.closed_at"
		settled := "c.id"
		closed := `(` + closedAt + ` IS NOT NULL AND ` + closedAt + ` < ` + e + `)`
		// An action: the station recorded one (its note moved the complaint
		// to in_progress, DESIGN's "the station recorded an action"), or a
		// station officer replied to the citizen, before the closure. A
		// note or a reply of the district office's own (a canned line), or
		// a closing note, is not one.
		actedOn := func(id, closedAt string) string {
			return `EXISTS (SELECT 1 FROM events a WHERE a.complaint_id = ` + id + ` AND a.user_id IS NOT NULL
			AND ((a.action = 'note' AND a.to_stage = 'in_progress')
				OR (a.action = 'reply' AND a.from_unit IN (SELECT id FROM units WHERE kind = 'station')
					AND (a.by_unit = '' OR a.by_unit IN (SELECT bu.id FROM units bu JOIN units fu ON fu.id = a.from_unit
						WHERE bu.path LIKE fu.path || '%'))))
			AND a.at <= ` + closedAt + `)`
		}
		acted := actedOn(settled, closedAt)
		// Reopened while this district held it: a reopening is counted
		// against the district that closed the complaint, not the one that
		// holds it after.
		reopened := `EXISTS (SELECT 1 FROM events o JOIN units ou ON ou.id = o.from_unit WHERE o.complaint_id = ` + settled + `
			AND o.action = 'reopen' AND o.at < ` + e + ` AND ou.lgd = c.district)`
		// Past the citizen's deadline at the end: the close deadline, or
		// an immediate complaint's first hour gone without a person's act.
		late := `(c.received_at + (CASE WHEN ` + effectiveClass + ` = 'long_term' THEN ` + long + ` ELSE ` + mid + ` END) < ` + e + `
			OR (` + effectiveClass + ` = 'immediate' AND c.received_at + ` + first + ` < ` + e + `
				AND (c.first_action_at IS NULL OR c.first_action_at - c.received_at > ` + first + `)))`
		flag := func(cond string) string { return `(CASE WHEN ` + cond + ` THEN 1 ELSE 0 END)` }
		met := strings.ReplaceAll(metSLA(long, mid, first), "c.closed_at", closedAt)
		// A duplicate is closed without action unless the station acted on
		// it, or the complaint it was merged into was acted on and closed
		// in time by the end; it is left out while that complaint is open
		// (or closed after the end) and not late.
		intoDone := `EXISTS (SELECT 1 FROM complaints m WHERE m.code = c.merged_into AND m.closed_at < ` + e + `
			AND ` + actedOn("m.id", "m.closed_at") + ` AND ` + strings.ReplaceAll(metSLA(long, mid, first), "c.", "m.") + ` = 1)`
		intoPending := `EXISTS (SELECT 1 FROM complaints m WHERE m.code = c.merged_into
			AND (m.closed_at IS NULL OR m.closed_at >= ` + e + `) AND NOT ` + strings.ReplaceAll(late, "c.", "m.") + `)`
		// Each complaint's facts once, then the sums per district.
		return `SELECT d, count(*),
				coalesce(sum(CASE WHEN closed = 1 AND met = 1 AND acted = 1 AND reopened = 0 AND merged = 0 THEN 1 ELSE 0 END), 0),
				coalesce(sum(CASE WHEN closed = 1 AND acted = 0 AND (merged = 0 OR into_done = 0) THEN 1 ELSE 0 END), 0)
			FROM (SELECT ` + districtKey + ` AS d, ` + flag(closed) + ` AS closed, ` + met + ` AS met,
					` + flag(acted) + ` AS acted, ` + flag(reopened) + ` AS reopened, ` + flag("c.merged_into <> ''") + ` AS merged,
					` + flag(intoDone) + ` AS into_done
				FROM complaints c
				WHERE ` + w.String() + ` AND c.received_at >= ` + w.arg(ms(start)) + ` AND c.received_at < ` + e + `
					AND (` + closed + ` OR ` + late + `)
					AND (c.merged_into = '' OR ` + late + ` OR NOT ` + intoPending + `)) x
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
	if err := s.eachDistrictCount(ctx, db, f, reopenedSQL, func(d, n int) { row(d).Reopened += n }); err != nil {
		return nil, err
	}
	if err := s.eachDistrictCount(ctx, db, f, bouncesSQL, func(d, n int) { row(d).Bounces += n }); err != nil {
		return nil, err
	}
	out := make([]shikayat.LeagueCounts, 0, len(by))
	for _, c := range by {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].District < out[j].District })
	return out, nil
}
