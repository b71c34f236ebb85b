package api

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"time"

	"github.com/shikayat/shikayat"
)

// StatsAnswer is the answer of GET /api/v1/stats/districts: DESIGN's
// {"data": [district row…]}, with the totals, the days and the period.
type StatsAnswer struct {
	From   string                    `json:"from"` // first IST day, YYYY-MM-DD
	To     string                    `json:"to"`   // last IST day, inclusive
	Data   []*shikayat.DistrictStats `json:"data"`
	Totals shikayat.DistrictStats    `json:"totals"`
	Days   []shikayat.DayCount       `json:"days"`
}

// DistrictStats serves GET /api/v1/stats/districts?from=&to=&zone=&range=&class=&type=&district=,
// the dashboard's numbers within the user's scope.
func (h *Handler) DistrictStats(w http.ResponseWriter, r *http.Request) {
	s := h.staff(w, r)
	if s == nil {
		return
	}
	f, err := ParseStatsFilter(r.URL.Query(), h.now())
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	f.Scope = s.Scope
	st, err := h.Store.DistrictStats(r.Context(), f)
	if err != nil {
		WriteError(w, r, h.Logger, err)
		return
	}
	WriteJSON(w, http.StatusOK, StatsAnswer{From: Day(f.From), To: Day(f.To.AddDate(0, 0, -1)),
		Data: st.Districts, Totals: st.Totals, Days: st.Days})
}

// DefaultStatsDays is the dashboard's default period: the last 30 IST days
// up to and including today.
const DefaultStatsDays = 30

// MaxStatsDays bounds a period, and how far back the league counts a day
// live: a little over a year.
const MaxStatsDays = 400

// Day formats the IST day of t as YYYY-MM-DD.
func Day(t time.Time) string { return t.In(shikayat.IST).Format("2006-01-02") }

// ParseDay reads an IST day (YYYY-MM-DD) and returns its start.
func ParseDay(name, v string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02", v, shikayat.IST)
	if err != nil || t.Year() < 2000 || t.Year() > 2999 {
		return time.Time{}, shikayat.Errorf(shikayat.EINVALID, "%s must be a day as YYYY-MM-DD.", name)
	}
	return t, nil
}

// startOfDay is the start of t's IST day.
func startOfDay(t time.Time) time.Time {
	y, m, d := t.In(shikayat.IST).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, shikayat.IST)
}

var unitSlug = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// ParseStatsFilter reads the dashboard's filter: from and to (IST days,
// inclusive; by default the last 30 days up to today, now's day), zone or
// range (a slug), class, type and district. It does not set the scope.
func ParseStatsFilter(q url.Values, now time.Time) (shikayat.StatsFilter, error) {
	f := shikayat.StatsFilter{Class: shikayat.Class(q.Get("class")), Type: shikayat.Type(q.Get("type"))}
	last := startOfDay(now)
	if v := q.Get("to"); v != "" {
		t, err := ParseDay("to", v)
		if err != nil {
			return f, err
		}
		last = t
	}
	first := last.AddDate(0, 0, -(DefaultStatsDays - 1))
	if v := q.Get("from"); v != "" {
		t, err := ParseDay("from", v)
		if err != nil {
			return f, err
		}
		first = t
	}
	f.From, f.To = first, last.AddDate(0, 0, 1)
	switch {
	case f.To.Before(f.From.AddDate(0, 0, 1)):
		return f, shikayat.Errorf(shikayat.EINVALID, "from must not come after to.")
	case f.To.After(f.From.AddDate(0, 0, MaxStatsDays)):
		return f, shikayat.Errorf(shikayat.EINVALID, "A period is at most %d days.", MaxStatsDays)
	}
	if f.Class != "" && !f.Class.Valid() {
		return f, shikayat.Errorf(shikayat.EINVALID, "Unknown class %q.", f.Class)
	}
	if f.Type != "" && !f.Type.Valid() {
		return f, shikayat.Errorf(shikayat.EINVALID, "Unknown type %q.", f.Type)
	}
	under, err := parseUnder(q)
	if err != nil {
		return f, err
	}
	f.Under = under
	if v := q.Get("district"); v != "" {
		d, err := strconv.Atoi(v)
		if _, ok := shikayat.DistrictByLGD(d); err != nil || !ok {
			return f, shikayat.Errorf(shikayat.EINVALID, "District %q is not the LGD code of a district of the state.", v)
		}
		f.District = d
	}
	return f, nil
}

// parseUnder reads zone= or range= (a slug) as a unit id; range wins.
func parseUnder(q url.Values) (string, error) {
	under := ""
	for _, k := range []string{"zone", "range"} {
		if v := q.Get(k); v != "" {
			if !unitSlug.MatchString(v) {
				return "", shikayat.Errorf(shikayat.EINVALID, "%s %q is not a %s's name.", k, v, k)
			}
			under = k + ":" + v
		}
	}
	return under, nil
}

// parsePeriods reads the complaint list's received_from/received_to,
// closed_from/closed_to and acted_from/acted_to (IST days, inclusive) into
// f, with bounced (or bounced_from, a district's LGD code) and reopened,
// which the acted period bounds: then zone, range and district select the
// unit that sent the complaint away or had closed it, not its owner now.
func parsePeriods(q url.Values, f *shikayat.ComplaintFilter) error {
	for _, p := range []struct {
		name string
		at   *time.Time
		end  bool
	}{{"received_from", &f.ReceivedFrom, false}, {"received_to", &f.ReceivedTo, true},
		{"closed_from", &f.ClosedFrom, false}, {"closed_to", &f.ClosedTo, true},
		{"acted_from", &f.ActedFrom, false}, {"acted_to", &f.ActedTo, true}} {
		if v := q.Get(p.name); v != "" {
			t, err := ParseDay(p.name, v)
			if err != nil {
				return err
			}
			if p.end {
				t = t.AddDate(0, 0, 1)
			}
			*p.at = t
		}
	}
	if v := q.Get("bounced_from"); v != "" {
		d, err := strconv.Atoi(v)
		if _, ok := shikayat.DistrictByLGD(d); err != nil || !ok {
			return shikayat.Errorf(shikayat.EINVALID, "District %q is not the LGD code of a district of the state.", v)
		}
		f.BouncedFrom = d
	}
	for _, b := range []struct {
		name string
		to   *bool
	}{{"bounced", &f.Bounced}, {"reopened", &f.Reopened}, {"rated", &f.Rated}} {
		switch q.Get(b.name) {
		case "", "false", "0":
		case "true", "1":
			*b.to = true
		default:
			return shikayat.Errorf(shikayat.EINVALID, "%s must be true or false.", b.name)
		}
	}
	return nil
}

func (h *Handler) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}
