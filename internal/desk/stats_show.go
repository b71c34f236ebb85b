package desk

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
)

// DistrictMap draws the state's districts as inline SVG, each shaded by
// shade (fill colour, link, tooltip); title names the map for screen
// readers. The serve command makes one from --boundaries.
type DistrictMap func(w io.Writer, title string, shade func(lgd int) (fill, href, tip string)) error

// statsPage is HQ's dashboard: totals and a row per district for a period,
// a daily chart, and the map. Every number links to the list behind it.
type statsPage struct {
	Page
	From, To   string // IST days, inclusive
	Filter     shikayat.StatsFilter
	Zone       string
	Range      string
	Totals     statsRow
	Rows       []statsRow
	Chart      template.HTML
	Map        template.HTML
	MapBy      string // "pending" or "overdue"
	MapOther   string // the link that shades the map by the other
	ExportLink string
	APILink    string
	// Hidden: the counts include sensitive complaints the user's lists
	// leave out (HQ's scope).
	Hidden bool

	Classes []shikayat.Class
	Types   []shikayat.Type
	Zones   []shikayat.PoliceZone
}

// statsRow is one row of the table, its numbers formatted and linked.
type statsRow struct {
	*shikayat.DistrictStats
	Label                                     string
	Received, Disposed, Pending, Overdue      string // links
	Bounced, Reopened, Rated                  string // links
	Median, WithinSLA, ReopenRate, MeanRating string
}

// Stats serves GET /desk/stats: the dashboard for the user's subtree.
func (h *Handler) Stats(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	page := &statsPage{Page: Page{Lang: pageLang(w, r), Staff: s, Path: "/desk/stats"},
		Classes: shikayat.Classes, Types: shikayat.Types, Zones: shikayat.DefaultPoliceZones}
	q := r.URL.Query()
	f, err := api.ParseStatsFilter(q, h.now())
	code := http.StatusOK
	if err != nil {
		// A filter that cannot be read shows the default period, with why.
		page.ErrorText, code = errorText(page.Lang, err), http.StatusBadRequest
		q = url.Values{}
		f, _ = api.ParseStatsFilter(q, h.now())
	}
	f.Scope = s.Scope
	st, err := h.Store.DistrictStats(r.Context(), f)
	if err != nil {
		h.problem(w, r, err)
		return
	}
	page.Filter, page.From, page.To = f, api.Day(f.From), api.Day(f.To.AddDate(0, 0, -1))
	page.Hidden = s.Scope.HidesSensitive()
	page.Zone, page.Range = q.Get("zone"), q.Get("range")
	base := url.Values{}
	for _, k := range []string{"zone", "range", "class", "type"} {
		if v := q.Get(k); v != "" {
			base.Set(k, v)
		}
	}
	page.Totals = h.statsRow(page.Lang, &st.Totals, true, s.Scope.All(), base, page.From, page.To)
	page.Totals.Label = page.T("total")
	for _, d := range st.Districts {
		page.Rows = append(page.Rows, h.statsRow(page.Lang, d, false, s.Scope.All(), base, page.From, page.To))
	}
	page.Chart = dayChart(page.Lang, st.Days)

	period := url.Values{}
	for k, vs := range base {
		period[k] = vs
	}
	period.Set("from", page.From)
	period.Set("to", page.To)
	if f.District != 0 {
		period.Set("district", strconv.Itoa(f.District))
	}
	page.ExportLink = "/desk/export/districts.csv?" + period.Encode()
	page.APILink = "/api/v1/stats/districts?" + period.Encode()
	page.MapBy = "pending"
	if q.Get("map") == "overdue" {
		page.MapBy = "overdue"
	}
	other := url.Values{}
	for k, vs := range period {
		other[k] = vs
	}
	if page.MapBy == "pending" {
		other.Set("map", "overdue")
	}
	page.MapOther = "/desk/stats?" + other.Encode()
	if h.Map != nil {
		page.Map, err = h.mapOf(page, st.Districts, base)
		if err != nil {
			h.problem(w, r, err)
			return
		}
	}
	h.render(w, r, code, "stats", page)
}

// statsRow formats d and links each number to the inbox list behind it;
// events says whether the bounces and reopenings are linked too.
func (h *Handler) statsRow(lang Lang, d *shikayat.DistrictStats, total, events bool, base url.Values, from, to string) statsRow {
	row := statsRow{DistrictStats: d, Label: T(lang, "no_district")}
	if d.District != 0 {
		row.Label = districtName(lang, d.District)
	}
	link := func(kv ...string) string {
		if d.District == 0 && !total {
			// The inbox cannot select the complaints no district owns.
			return ""
		}
		v := url.Values{}
		for k, vs := range base {
			v[k] = vs
		}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		if d.District != 0 {
			v.Set("district", strconv.Itoa(d.District))
		}
		return "/desk/?" + v.Encode()
	}
	row.Received = link("received_from", from, "received_to", to)
	row.Disposed = link("closed_from", from, "closed_to", to, "stage", "closed")
	row.Pending = link("open", "true", "received_to", to)
	row.Overdue = link("overdue", "true", "received_to", to)
	// The mean rating is of the complaints rated whose latest closure is
	// in the period (reopened since or not).
	row.Rated = link("rated", "true", "closed_from", from, "closed_to", to)
	// Bounces and reopenings are counted against the unit that sent the
	// complaint away or had closed it, wherever the complaint is now; a
	// list shows only what the user's unit holds now, so only a scope
	// that holds every complaint (HQ) gets the list behind the number.
	// Elsewhere the number stands alone, a count without codes.
	if events {
		row.Reopened = link("reopened", "true", "acted_from", from, "acted_to", to)
		row.Bounced = link("bounced", "true", "acted_from", from, "acted_to", to)
	}
	row.Median, row.WithinSLA, row.ReopenRate, row.MeanRating = "—", "—", "—", "—"
	if d.MedianHours != nil {
		row.Median = fmt.Sprintf("%.1f ± %.1f", *d.MedianHours, d.MedianErrorHours)
	}
	if d.WithinSLA != nil {
		row.WithinSLA = fmt.Sprintf("%.0f%%", *d.WithinSLA*100)
	}
	if d.ReopenRate != nil {
		row.ReopenRate = fmt.Sprintf("%.0f%%", *d.ReopenRate*100)
	}
	if d.MeanRating != nil {
		row.MeanRating = fmt.Sprintf("%.1f", *d.MeanRating)
	}
	return row
}

// mapShades are the map's colours, light to dark, for a share of the
// largest count; a district with none is pale green.
var mapShades = []string{"#fde0dd", "#fcbba1", "#fc9272", "#ef3b2c", "#a50f15"}

func (h *Handler) mapOf(page *statsPage, rows []*shikayat.DistrictStats, base url.Values) (template.HTML, error) {
	by, most := map[int]int{}, 0
	for _, d := range rows {
		n := d.Pending
		if page.MapBy == "overdue" {
			n = d.Overdue
		}
		by[d.District] = n
		if d.District != 0 {
			most = max(most, n)
		}
	}
	key := "map_pending"
	if page.MapBy == "overdue" {
		key = "map_overdue"
	}
	var buf bytes.Buffer
	err := h.Map(&buf, page.T(key), func(lgd int) (string, string, string) {
		if _, ok := shikayat.DistrictByLGD(lgd); !ok {
			return "", "", ""
		}
		n := by[lgd]
		fill := "#e5f5e0"
		if n > 0 && most > 0 {
			fill = mapShades[min(len(mapShades)-1, (n*len(mapShades)-1)/most)]
		}
		v := url.Values{}
		for k, vs := range base {
			v[k] = vs
		}
		v.Set("district", strconv.Itoa(lgd))
		if page.MapBy == "overdue" {
			v.Set("overdue", "true")
		} else {
			v.Set("open", "true")
		}
		v.Set("received_to", page.To)
		return fill, "/desk/?" + v.Encode(), fmt.Sprintf("%s: %d", districtName(page.Lang, lgd), n)
	})
	// The map is built by this program from the boundary file's numbers;
	// every text in it (names, links) was escaped by the renderer.
	return template.HTML(buf.String()), err
}

// dayChart draws received and disposed per day as two lines in an inline
// SVG; its only texts are numbers, dates and the legend.
func dayChart(lang Lang, days []shikayat.DayCount) template.HTML {
	const w, hgt, left, bottom = 640.0, 180.0, 36.0, 20.0
	most := 1
	for _, d := range days {
		most = max(most, d.Received, d.Disposed)
	}
	step := 0.0
	if len(days) > 1 {
		step = (w - left - 8) / float64(len(days)-1)
	}
	y := func(n int) float64 { return 8 + (hgt-bottom-8)*(1-float64(n)/float64(most)) }
	line := func(get func(shikayat.DayCount) int) string {
		var sb strings.Builder
		for i, d := range days {
			fmt.Fprintf(&sb, "%.1f,%.1f ", left+float64(i)*step, y(get(d)))
		}
		return sb.String()
	}
	var sb strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&sb, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" class="chart"><title>%s</title>`, w, hgt, esc(T(lang, "chart_title")))
	fmt.Fprintf(&sb, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#999"/>`, left, y(0), w-8, y(0))
	fmt.Fprintf(&sb, `<text x="%.0f" y="%.1f" font-size="11" text-anchor="end">%d</text><text x="%.0f" y="%.1f" font-size="11" text-anchor="end">0</text>`, left-4, y(most)+4, most, left-4, y(0)+4)
	if len(days) > 0 {
		fmt.Fprintf(&sb, `<text x="%.0f" y="%.0f" font-size="11">%s</text><text x="%.0f" y="%.0f" font-size="11" text-anchor="end">%s</text>`,
			left, hgt-4, esc(days[0].Day), w-8, hgt-4, esc(days[len(days)-1].Day))
	}
	fmt.Fprintf(&sb, `<polyline fill="none" stroke="#1d4ed8" stroke-width="2" points="%s"/>`, line(func(d shikayat.DayCount) int { return d.Received }))
	fmt.Fprintf(&sb, `<polyline fill="none" stroke="#15803d" stroke-width="2" stroke-dasharray="5 3" points="%s"/>`, line(func(d shikayat.DayCount) int { return d.Disposed }))
	fmt.Fprintf(&sb, `<text x="%.0f" y="14" font-size="12" fill="#1d4ed8">— %s</text><text x="%.0f" y="28" font-size="12" fill="#15803d">- - %s</text>`,
		left+6, esc(T(lang, "received")), left+6, esc(T(lang, "disposed")))
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// narrowed describes the dashboard's filters that narrow the inbox, in
// lang, "" when none does.
func narrowed(lang Lang, q url.Values) string {
	var parts []string
	period := func(key, from, to string) {
		if q.Get(from) != "" || q.Get(to) != "" {
			parts = append(parts, T(lang, key)+": "+orDash(q.Get(from))+" – "+orDash(q.Get(to)))
		}
	}
	period("received", "received_from", "received_to")
	period("disposed", "closed_from", "closed_to")
	if v := q.Get("zone"); v != "" {
		parts = append(parts, T(lang, "zone")+": "+v)
	}
	if v := q.Get("range"); v != "" {
		parts = append(parts, T(lang, "range")+": "+v)
	}
	if q.Get("open") == "true" {
		parts = append(parts, T(lang, "pending"))
	}
	if q.Get("bounced") == "true" {
		parts = append(parts, T(lang, "bounces"))
	}
	if v := q.Get("bounced_from"); v != "" {
		d, _ := strconv.Atoi(v)
		parts = append(parts, T(lang, "bounced_from")+": "+districtName(lang, d))
	}
	if q.Get("reopened") == "true" {
		parts = append(parts, T(lang, "reopened"))
	}
	if q.Get("rated") == "true" {
		parts = append(parts, T(lang, "mean_rating"))
	}
	if len(parts) > 0 && (q.Get("bounced_from") != "" || q.Get("bounced") == "true" || q.Get("reopened") == "true") {
		period("acted", "acted_from", "acted_to")
	}
	return strings.Join(parts, "; ")
}

func orDash(s string) string {
	if s == "" {
		return "…"
	}
	return s
}
