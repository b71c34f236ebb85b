package desk

import (
	"fmt"
	"net/http"
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
	// Provisional marks a table counted live: its last day (today) is not
	// over. Otherwise PublishedAt says when the table was published.
	Provisional bool
	PublishedAt time.Time
	// StateRanks says that the reader sees some of the state's districts,
	// ranked in the state's table (a published table; the provisional one
	// ranks the districts of the reader's scope, as counted).
	StateRanks bool
	Today      string // today's IST day, for the provisional table's link
}

type leagueRow struct {
	shikayat.LeagueRow
	Label        string
	Move         string // ▲2, ▼1, =, or "new"
	Score, Share string
}

// League serves GET /desk/league?to=YYYY-MM-DD: the state's table for the
// window ending that IST day, yesterday by default, with the districts of
// the user's scope. A day that is over reads the table published for it
// (publishing it when missing), which never changes afterwards; today's is
// counted live and marked provisional.
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
	code := http.StatusOK
	clock := h.now()
	now := clock.In(shikayat.IST)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, shikayat.IST)
	page.Today = api.Day(today)
	last := today.AddDate(0, 0, -1)
	if v := r.URL.Query().Get("to"); v != "" {
		t, err := api.ParseDay("to", v)
		if err != nil {
			page.ErrorText, code = errorText(page.Lang, err), http.StatusBadRequest
		} else {
			last = t
		}
	}
	end := last.AddDate(0, 0, 1)
	page.From, page.To = api.Day(end.Add(-rules.Window)), api.Day(last)
	var rows []shikayat.LeagueRow
	if end.After(clock) {
		var err error
		if rows, err = h.Store.League(r.Context(), s.Scope, end, rules); err != nil {
			h.problem(w, r, err)
			return
		}
		page.Provisional = true
	} else {
		t, err := h.Store.PublishedLeague(r.Context(), s.Scope, end, rules)
		if err != nil {
			h.problem(w, r, err)
			return
		}
		rows, page.PublishedAt, page.StateRanks = t.Rows, t.PublishedAt, !s.Scope.All()
	}
	for _, lr := range rows {
		row := leagueRow{LeagueRow: lr, Label: districtName(page.Lang, lr.District),
			Score: fmt.Sprintf("%.2f", lr.Score), Share: fmt.Sprintf("%.0f%%", lr.Share*100)}
		switch {
		case lr.Rank == 0:
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
	h.render(w, r, code, "league", page)
}
