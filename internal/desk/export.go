package desk

import (
	"bufio"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
)

// utf8BOM starts every export, so that Excel reads the Hindi as UTF-8.
const utf8BOM = "\ufeff"

// csvHeaders sends the headers of a CSV download named name.
func csvHeaders(w http.ResponseWriter, name string) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/csv; charset=utf-8")
	hdr.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Cache-Control", "no-store")
}

// cell makes a text value safe for a spreadsheet: text that a spreadsheet
// would take for a formula — =, +, -, @, a tab or a carriage return first,
// after any spaces, or their fullwidth forms (＝＋－＠, which some
// spreadsheets fold to ASCII) — is prefixed with an apostrophe. Posts are
// outside input, and so are the station ids and names imported from a
// file. Numbers are written without it: they never pass through here.
func cell(s string) string {
	t := strings.TrimLeftFunc(s, func(r rune) bool {
		return r != '\t' && r != '\r' && unicode.IsSpace(r)
	})
	r, _ := utf8.DecodeRuneInString(t)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}

// ExportComplaints serves GET /desk/export/complaints.csv with the inbox's
// filters: the complaints of the user's subtree that the inbox would list,
// streamed row by row. A sensitive complaint's post text is never written:
// the export leaves the desk, where its views are recorded.
func (h *Handler) ExportComplaints(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	q := r.URL.Query()
	f, err := api.ParseFilter(q)
	if err != nil {
		h.problem(w, r, err)
		return
	}
	f.Station = strings.TrimSpace(q.Get("station"))
	f.Scope = s.Scope
	csvHeaders(w, "complaints.csv")
	bw := bufio.NewWriterSize(w, 32<<10)
	bw.WriteString(utf8BOM)
	cw := csv.NewWriter(bw)
	cw.Write([]string{"code", "received_at", "stage", "status", "district", "district_name", "district_name_hi",
		"unit_id", "station_id", "class", "type", "resolution", "bounces", "overdue", "due_at", "closed_at", "sensitive", "text"})
	now := h.now()
	wrote := false
	err = h.Store.EachComplaint(r.Context(), f, func(c *shikayat.Complaint) error {
		wrote = true
		name, nameHi := "", ""
		if d, ok := shikayat.DistrictByLGD(c.District); ok {
			name, nameHi = d.Name, d.NameHi
		}
		text := c.Text
		if c.Sensitive {
			text = ""
		}
		overdue := c.Stage != shikayat.StageClosed && c.DueAt != nil && !now.Before(*c.DueAt)
		// The district and the bounces are numbers; every other cell is
		// text, guarded whatever its source.
		cw.Write([]string{cell(c.Code), cell(istTime(c.ReceivedAt)), cell(string(c.Stage)), cell(string(c.Status)),
			strconv.Itoa(c.District), cell(name), cell(nameHi), cell(c.UnitID), cell(c.StationID),
			cell(string(c.EffectiveClass())), cell(string(c.EffectiveType())), cell(string(c.Resolution)),
			strconv.Itoa(c.Bounces), cell(strconv.FormatBool(overdue)), cell(istTimePtr(c.DueAt)), cell(istTimePtr(c.ClosedAt)),
			cell(strconv.FormatBool(c.Sensitive)), cell(text)})
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		if !wrote {
			// Nothing sent yet but the headers in the buffer: answer the
			// error instead.
			w.Header().Del("Content-Disposition")
			h.problem(w, r, err)
			return
		}
		// Too late for a status: the download ends short, and the log
		// says why.
		h.Logger.ErrorContext(r.Context(), "export complaints", "error", err)
		return
	}
	cw.Flush()
	bw.Flush()
}

// ExportDistricts serves GET /desk/export/districts.csv with the
// dashboard's filters: its district table and totals.
func (h *Handler) ExportDistricts(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	f, err := api.ParseStatsFilter(r.URL.Query(), h.now())
	if err != nil {
		h.problem(w, r, err)
		return
	}
	f.Scope = s.Scope
	st, err := h.Store.DistrictStats(r.Context(), f)
	if err != nil {
		h.problem(w, r, err)
		return
	}
	csvHeaders(w, "districts-"+api.Day(f.From)+"-"+api.Day(f.To.AddDate(0, 0, -1))+".csv")
	bw := bufio.NewWriter(w)
	bw.WriteString(utf8BOM)
	cw := csv.NewWriter(bw)
	cw.Write([]string{"district", "name", "name_hi", "received", "disposed", "pending", "overdue",
		"median_hours_to_disposal", "median_error_hours", "within_sla", "bounces", "reopened", "reopen_rate", "mean_rating"})
	row := func(d *shikayat.DistrictStats, lgd string) {
		cw.Write([]string{cell(lgd), cell(d.Name), cell(d.NameHi), strconv.Itoa(d.Received), strconv.Itoa(d.Disposed),
			strconv.Itoa(d.Pending), strconv.Itoa(d.Overdue), num(d.MedianHours), strconv.FormatFloat(d.MedianErrorHours, 'f', -1, 64),
			num(d.WithinSLA), strconv.Itoa(d.Bounces), strconv.Itoa(d.Reopened), num(d.ReopenRate), num(d.MeanRating)})
		cw.Flush()
	}
	for _, d := range st.Districts {
		row(d, strconv.Itoa(d.District))
	}
	row(&st.Totals, "total")
	bw.Flush()
}

func num(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', 4, 64)
}

// istTime writes a time in India time, as a spreadsheet reads it.
func istTime(t time.Time) string { return t.In(shikayat.IST).Format("2006-01-02 15:04:05") }

func istTimePtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return istTime(*t)
}
