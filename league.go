package shikayat

import (
	"sort"
	"time"
)

// LeagueRules are the league table's settings.
//
// The formula, on the citizen's clock (the clock that never restarts):
// over the recency Window ending today, for each district,
//
//	decided  = complaints it owns that were received in the window and are
//	           closed, or past their citizen's deadline, at the window's end
//	           (a complaint still within its deadline counts neither way;
//	           a complaint merged into another, a duplicate, is decided
//	           from its merge and never good: a duplicate is not rewarded,
//	           and a merge neither hides a late case nor borrows the quick
//	           closure of the one it was merged into; while the one it went
//	           into is open and within its deadline, and the duplicate
//	           within its own, the duplicate counts neither way)
//	good     = decided complaints closed within the citizen's deadline (for
//	           an immediate one also first acted on within the hour), after
//	           an action, and never reopened while the district held them;
//	           an action is the station's recorded action (its note that
//	           moved the complaint to in_progress) or a reply to the citizen,
//	           while a station holds the complaint, by an officer of that
//	           station or of a unit under it (the officer's unit when the
//	           reply was written; a reply recorded before the unit was, by
//	           any officer while a station held it) — a note or reply of the
//	           district office's own, even while its station holds the
//	           complaint, or the closing note, is none
//	no action = decided complaints closed without an action, duplicates
//	           too unless the station acted on them before the merge or the
//	           complaint they were merged into had an action and was closed
//	           within its own deadline (so that merging hard cases into a
//	           complaint closed with nothing done is no cheaper than closing
//	           them so)
//	bounces  = complaints its units forwarded away in the window (against
//	           the unit that sent them away, not the one that got them)
//	reopened = complaints reopened in the window that it had closed
//	           (appeals; against the district that closed the complaint,
//	           not the one holding it now)
//	share    = good / (decided + no action + bounces + reopened)
//	score    = the lower bound of the 95 % Wilson interval of that share
//
// Districts with fewer than MinVolume decided complaints are listed but not
// ranked. So three quick closures rank nowhere (and would score low), a
// bounced hard case counts as a failure, and a closure with nothing done
// counts twice against the district (never good, and once more as a
// failure) — as does one the citizen reopens. Movement compares with the
// table as it stood Step earlier.
type LeagueRules struct {
	Window    time.Duration
	Step      time.Duration
	MinVolume int
}

// DefaultLeague: a 90-day window, compared month on month, from 20 decided
// complaints.
var DefaultLeague = LeagueRules{Window: 90 * 24 * time.Hour, Step: 30 * 24 * time.Hour, MinVolume: 20}

// LeaguePublishDelay is how long after an IST midnight the day just ended
// may be published: by then the day is over on every node's clock. The
// publishing job runs a minute after that, and the store refuses to
// publish earlier; a post ingested later than that is not in that day's
// table (it counts in the next day's).
const LeaguePublishDelay = 20 * time.Minute

// LeagueCounts is what the store counts for one district in a window.
type LeagueCounts struct {
	District int `json:"district"`
	Decided  int `json:"decided"`
	Good     int `json:"good"`
	// NoAction counts the decided complaints closed without an action (they
	// are never good), duplicates among them unless the station acted on
	// them before the merge or the complaint they were merged into was
	// acted on and closed within its deadline.
	NoAction int `json:"closed_without_action"`
	Bounces  int `json:"bounces"`
	Reopened int `json:"reopened"`
}

// LeagueRow is one district in the league table.
type LeagueRow struct {
	LeagueCounts
	Name   string  `json:"name"`
	NameHi string  `json:"name_hi"`
	Share  float64 `json:"share"`
	Score  float64 `json:"score"`
	// Rank is 1 for the top; 0 when the district is below the minimum
	// volume. PrevRank is its rank Step earlier (0: unranked then), Move
	// how many places it rose (negative: fell) when both are ranked.
	Rank     int `json:"rank"`
	PrevRank int `json:"prev_rank"`
	Move     int `json:"move"`
}

// Score returns the district's share and score under the formula above.
func (c LeagueCounts) Score() (share, score float64) {
	n := c.Decided + c.NoAction + c.Bounces + c.Reopened
	if n == 0 {
		return 0, 0
	}
	return float64(c.Good) / float64(n), WilsonLower(c.Good, n)
}

// RankLeague ranks the districts of now, with their movement since prev:
// ranked districts first, best score first (ties: more decided, then LGD
// code), then the unranked by volume.
func RankLeague(now, prev []LeagueCounts, r LeagueRules) []LeagueRow {
	prevRank := map[int]int{}
	for _, row := range rank(prev, r) {
		prevRank[row.District] = row.Rank
	}
	rows := rank(now, r)
	for i := range rows {
		rows[i].PrevRank = prevRank[rows[i].District]
		if rows[i].Rank > 0 && rows[i].PrevRank > 0 {
			rows[i].Move = rows[i].PrevRank - rows[i].Rank
		}
	}
	return rows
}

func rank(counts []LeagueCounts, r LeagueRules) []LeagueRow {
	rows := make([]LeagueRow, 0, len(counts))
	for _, c := range counts {
		if c.District == 0 {
			continue
		}
		row := LeagueRow{LeagueCounts: c}
		row.Share, row.Score = c.Score()
		if d, ok := DistrictByLGD(c.District); ok {
			row.Name, row.NameHi = d.Name, d.NameHi
		}
		rows = append(rows, row)
	}
	ranked := func(x LeagueRow) bool { return x.Decided >= r.MinVolume }
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if ranked(a) != ranked(b) {
			return ranked(a)
		}
		if ranked(a) && a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Decided != b.Decided {
			return a.Decided > b.Decided
		}
		return a.District < b.District
	})
	for i := range rows {
		if ranked(rows[i]) {
			rows[i].Rank = i + 1
		}
	}
	return rows
}

// LeagueTable is a league table as the desk shows it. A published table
// (PublishedAt set) was counted once for the whole state and is never
// counted again; its rows carry the state's ranks even when a reader sees
// only some of its districts.
type LeagueTable struct {
	// End is the start of the IST day after the last day counted.
	End  time.Time
	Rows []LeagueRow
	// PublishedAt is when the table was published; zero for a table
	// counted live (its end not yet past).
	PublishedAt time.Time
	// PrevPublishedAt is when the table Step earlier, the one movement
	// compares with, was published; zero when none was published for that
	// day, and then the rows carry no movement (PrevRank and Move zero).
	PrevPublishedAt time.Time
	// NoDistricts says that the reader's scope holds no district (a
	// station's): the league ranks districts, so it has no rows.
	NoDistricts bool
}
