package shikayat

import (
	"math"
	"sort"
	"time"
)

// StatsFilter selects what HQ's dashboard counts. Days are IST days: From
// is the start of the first day, To the start of the day after the last.
type StatsFilter struct {
	Scope    Scope
	From, To time.Time
	// Under limits the count to the districts under a zone or range
	// ("zone:lucknow", "range:kanpur"); "" for the whole scope.
	Under    string
	Class    Class // the class a person set, else the model's suggestion
	Type     Type
	District int
}

// DistrictStats is one row of the dashboard's district table (or its
// totals). Received and Disposed count the period; Pending and Overdue are
// as of now, for the complaints received up to the period's end.
type DistrictStats struct {
	District int    `json:"district"` // LGD code; 0 for complaints no district owns
	Name     string `json:"name"`
	NameHi   string `json:"name_hi"`
	Received int    `json:"received"`
	Disposed int    `json:"disposed"`
	Pending  int    `json:"pending"`
	// Overdue is on the unit's clock, like every other overdue count.
	Overdue int `json:"overdue"`
	// MedianHours is the median time from receipt to disposal of the
	// complaints disposed in the period, in hours, from a histogram (see
	// DisposalHistogram); MedianErrorHours bounds its error. Null when
	// nothing was disposed.
	MedianHours      *float64 `json:"median_hours_to_disposal"`
	MedianErrorHours float64  `json:"median_error_hours"`
	// WithinSLA is the share (0–1) of the complaints disposed in the period
	// that were closed within their deadline on the citizen's clock.
	WithinSLA *float64 `json:"within_sla"`
	// Bounces counts the complaints the district's units forwarded away in
	// the period.
	Bounces int `json:"bounces"`
	// Reopened counts the complaints reopened in the period (appeals)
	// that the district had closed, whoever holds them now; ReopenRate is
	// Reopened over Disposed. In the totals, a complaint that two districts
	// bounced (or closed and saw reopened) counts once.
	Reopened   int      `json:"reopened"`
	ReopenRate *float64 `json:"reopen_rate"`
	// MeanRating is the citizens' mean rating (1–5) of the complaints
	// closed in the period that their authors rated (each complaint's last
	// rating); null when none was rated.
	MeanRating *float64 `json:"mean_rating"`
	// RatingSum and Rated are its raw material, summed into totals.
	RatingSum int `json:"-"`
	Rated     int `json:"-"`

	// Hist and Met are the raw material of MedianHours and WithinSLA, kept
	// so that totals can be summed from rows.
	Hist DisposalHistogram `json:"-"`
	Met  int               `json:"-"`
}

// DayCount is one IST day of the dashboard's chart.
type DayCount struct {
	Day      string `json:"day"` // YYYY-MM-DD, IST
	Received int    `json:"received"`
	Disposed int    `json:"disposed"`
}

// Stats is the dashboard: totals, one row per district, and the days.
type Stats struct {
	From      time.Time        `json:"from"`
	To        time.Time        `json:"to"`
	Totals    DistrictStats    `json:"totals"`
	Districts []*DistrictStats `json:"data"`
	Days      []DayCount       `json:"days"`
}

// DisposalHistogram counts disposals by the time they took, in buckets
// whose lower edge is in hours: one bucket per hour under 48 hours, per six
// hours under 10 days, per day after. The store fills it with one grouped
// query, so that the median needs no sort of every row.
type DisposalHistogram map[int]int

// DisposalBucket returns the lower edge, in hours, of the bucket of a
// disposal that took h whole hours; the store computes the same in SQL.
func DisposalBucket(h int) int {
	switch {
	case h < 0:
		return 0
	case h < 48:
		return h
	case h < 240:
		return h / 6 * 6
	}
	return h / 24 * 24
}

func bucketWidth(lo int) int {
	switch {
	case lo < 48:
		return 1
	case lo < 240:
		return 6
	}
	return 24
}

// Add adds another histogram's counts.
func (h DisposalHistogram) Add(o DisposalHistogram) {
	for k, n := range o {
		h[k] += n
	}
}

// Median returns the median hours to disposal, taken as the middle of the
// bucket that holds the middle disposal, and the error bound: half that
// bucket's width (±0.5 h under two days, ±3 h under ten, ±12 h after),
// since the true median lies in the same bucket. ok is false when empty.
func (h DisposalHistogram) Median() (median, errBound float64, ok bool) {
	total := 0
	for _, n := range h {
		total += n
	}
	if total == 0 {
		return 0, 0, false
	}
	keys := make([]int, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	// the lower middle element, counted from 1
	mid, seen := (total+1)/2, 0
	for _, k := range keys {
		seen += h[k]
		if seen >= mid {
			w := float64(bucketWidth(k))
			return float64(k) + w/2, w / 2, true
		}
	}
	return 0, 0, false
}

// Finish fills the derived fields (median, shares) from the counts.
func (d *DistrictStats) Finish() {
	if m, e, ok := d.Hist.Median(); ok {
		d.MedianHours, d.MedianErrorHours = &m, e
	}
	if d.Disposed > 0 {
		w := float64(d.Met) / float64(d.Disposed)
		r := float64(d.Reopened) / float64(d.Disposed)
		d.WithinSLA, d.ReopenRate = &w, &r
	}
	if d.Rated > 0 {
		m := float64(d.RatingSum) / float64(d.Rated)
		d.MeanRating = &m
	}
	if d.Name == "" {
		if dd, ok := DistrictByLGD(d.District); ok {
			d.Name, d.NameHi = dd.Name, dd.NameHi
		}
	}
}

// Total sums rows into totals.
func Total(rows []*DistrictStats) DistrictStats {
	t := DistrictStats{Hist: DisposalHistogram{}}
	for _, r := range rows {
		t.Received += r.Received
		t.Disposed += r.Disposed
		t.Pending += r.Pending
		t.Overdue += r.Overdue
		t.Bounces += r.Bounces
		t.Reopened += r.Reopened
		t.Met += r.Met
		t.RatingSum += r.RatingSum
		t.Rated += r.Rated
		t.Hist.Add(r.Hist)
	}
	t.Finish()
	t.Name, t.NameHi = "", ""
	return t
}

// WilsonLower is the lower bound of the 95 % Wilson score interval of
// good successes in n trials: a share that small numbers cannot inflate.
func WilsonLower(good, n int) float64 {
	if n <= 0 {
		return 0
	}
	const z = 1.96
	nf, p := float64(n), float64(good)/float64(n)
	d := 1 + z*z/nf
	c := p + z*z/(2*nf)
	m := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf))
	// Rounding can leave a hair below zero when good is 0.
	return max(0, (c-m)/d)
}
