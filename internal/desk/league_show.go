package desk

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
)

// leaguePage is the league table for rewarding districts, with its formula
// explained.
type leaguePage struct {
	Page
	From, To   string // the window's IST days, inclusive
	WindowDays int
	StepDays   int
	MinVolume  int
	Rows       []leagueRow
	// Shown is false when the request was refused or the reader's scope
	// holds no district (NoDistricts): no table at all.
	Shown       bool
	NoDistricts bool
	// Provisional marks a table counted live: its last day is today, not
	// over (Today true), or a past day with no published table.
	// Otherwise PublishedAt says when the table was published.
	Provisional bool
	Today       bool
	PublishedAt time.Time
	// NoPrev says that no table was published Step earlier: the Move
	// column is blank.
	NoPrev bool
	// StateRanks says that the reader sees some of the state's districts,
	// ranked in the state's table (a published table); ScopeRanks that a
	// provisional table ranks the districts of the reader's scope among
	// themselves.
	StateRanks, ScopeRanks bool
	TodayDay               string // today's IST day, for the provisional table's link
}

type leagueRow struct {
	shikayat.LeagueRow
	Label        string
	Move         string // ▲2, ▼1, =, "new", or blank with no earlier table
	Score, Share string
}

// League serves GET /desk/league?to=YYYY-MM-DD: the state's table for the
// window ending that IST day, yesterday by default, with the districts of
// the user's scope. It never publishes (the publish_league job does): a
// day with a published table shows it, which never changes afterwards; a
// day without one (today, or a day not yet published) is counted live and
// marked provisional, no further back than the days the job makes up
// (leagueLiveDays), one such count at a time.
// A day still to come is refused.
func (h *Handler) League(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	rules := h.LeagueRules
	if rules == (shikayat.LeagueRules{}) {
		rules = shikayat.DefaultLeague
	}
	page := &leaguePage{Page: Page{Lang: pageLang(w, r), Staff: s, Path: "/desk/league"},
		WindowDays: int(rules.Window / (24 * time.Hour)), StepDays: int(rules.Step / (24 * time.Hour)), MinVolume: rules.MinVolume}
	clock := h.now()
	now := clock.In(shikayat.IST)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, shikayat.IST)
	page.TodayDay = api.Day(today)
	last := today.AddDate(0, 0, -1)
	if v := r.URL.Query().Get("to"); v != "" {
		t, err := api.ParseDay("to", v)
		switch {
		case err != nil:
			page.ErrorText = errorText(page.Lang, err)
		case t.After(today):
			page.ErrorText = page.T("league_future")
		default:
			last = t
		}
	}
	end := last.AddDate(0, 0, 1)
	page.From, page.To = api.Day(end.Add(-rules.Window)), api.Day(last)
	if page.ErrorText != "" {
		h.render(w, r, http.StatusBadRequest, "league", page)
		return
	}
	var t *shikayat.LeagueTable
	var err error
	if end.After(clock) {
		page.Provisional, page.Today = true, true
	} else {
		t, err = h.Store.PublishedLeague(r.Context(), s.Scope, end, rules)
		switch {
		case shikayat.ErrorCode(err) == shikayat.ENOTFOUND:
			// The job publishes each day and makes up the last few it
			// missed; a day older than that was never published (before
			// the desk ran, or under other closing periods) and is not
			// counted live on a page's request.
			if last.Before(today.AddDate(0, 0, -leagueLiveDays)) {
				page.ErrorText = strings.Replace(page.T("league_too_old"), "%d", fmt.Sprint(leagueLiveDays), 1)
				h.render(w, r, http.StatusBadRequest, "league", page)
				return
			}
			page.Provisional = true
		case err != nil:
			h.problem(w, r, err)
			return
		default:
			page.PublishedAt, page.StateRanks = t.PublishedAt, !s.Scope.All()
		}
	}
	if page.Provisional {
		release, err := h.liveLeagueTurn(r.Context())
		if err != nil {
			h.problem(w, r, err)
			return
		}
		t, err = h.Store.ProvisionalLeague(r.Context(), s.Scope, end, rules)
		release()
		if err != nil {
			h.problem(w, r, err)
			return
		}
		page.ScopeRanks = !s.Scope.All()
	}
	if t.NoDistricts {
		page.NoDistricts, page.StateRanks, page.ScopeRanks = true, false, false
		h.render(w, r, http.StatusOK, "league", page)
		return
	}
	page.Shown = true
	page.NoPrev = t.PrevPublishedAt.IsZero()
	for _, lr := range t.Rows {
		row := leagueRow{LeagueRow: lr, Label: districtName(page.Lang, lr.District),
			Score: fmt.Sprintf("%.2f", lr.Score), Share: fmt.Sprintf("%.0f%%", lr.Share*100)}
		switch {
		case lr.Rank == 0 || page.NoPrev:
			row.Move = ""
		case lr.PrevRank == 0:
			row.Move = page.T("league_new")
		case lr.Move > 0:
			row.Move = fmt.Sprintf("▲%d", lr.Move)
		case lr.Move < 0:
			row.Move = fmt.Sprintf("▼%d", -lr.Move)
		default:
			row.Move = "="
		}
		page.Rows = append(page.Rows, row)
	}
	if len(page.Rows) == 0 {
		page.StateRanks, page.ScopeRanks = false, false
	}
	h.render(w, r, http.StatusOK, "league", page)
}

// leagueLiveDays is how far back a day without a published table is
// counted live: today, and the days the publish_league job makes up.
const leagueLiveDays = 3

// liveLeagueTurn waits for the turn to count the league live (one at a
// time in this process: each count reads the whole window) and returns its
// release, or the request's error when it is given up first.
func (h *Handler) liveLeagueTurn(ctx context.Context) (func(), error) {
	h.liveLeagueOnce.Do(func() { h.liveLeague = make(chan struct{}, 1) })
	select {
	case h.liveLeague <- struct{}{}:
		return func() { <-h.liveLeague }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
