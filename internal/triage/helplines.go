package triage

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/shikayat/shikayat"
)

// Helpline is where a citizen is sent for another department's matter, or
// told to call at once (cyber fraud).
type Helpline struct {
	Department string // as triage names it: electricity, water, municipal, roads, cm_helpline, cyber_fraud
	Number     string
	Name       string
	Source     string // where the number is published
}

// DefaultHelplines is the table for Uttar Pradesh. A deployment edits its
// own copy (ParseHelplines) and names its sources the same way.
func DefaultHelplines() []Helpline {
	cm := "Jansunwai — CM Helpline 1076, Government of Uttar Pradesh (jansunwai.up.nic.in; cmhelpline.up.gov.in)"
	return []Helpline{
		{"electricity", "1912", "UPPCL electricity complaints", "Uttar Pradesh Power Corporation Ltd., consumer helpline 1912 (uppcl.org)"},
		{"water", "1076", "CM Helpline (water supply: Jal Nigam, Jal Kal)", cm},
		{"municipal", "1076", "CM Helpline (municipal services)", cm},
		{"roads", "1076", "CM Helpline (roads: PWD)", cm},
		{"cm_helpline", "1076", "CM Helpline", cm},
		{"cyber_fraud", "1930", "National Cyber Crime Helpline; report at cybercrime.gov.in",
			"Ministry of Home Affairs, Indian Cyber Crime Coordination Centre (cybercrime.gov.in)"},
	}
}

// HelplineFor returns the helpline of a department in table, if any.
func HelplineFor(table []Helpline, department string) (Helpline, bool) {
	for _, h := range table {
		if h.Department == department {
			return h, true
		}
	}
	return Helpline{}, false
}

// ParseHelplines reads a helpline table as CSV with a header line:
// department,number,name,source. Every row must name its source.
func ParseHelplines(r io.Reader) ([]Helpline, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 4
	cr.Comment = '#'
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, shikayat.Errorf(shikayat.EINVALID, "helplines: %v", err)
	}
	if len(rows) == 0 || strings.TrimSpace(rows[0][0]) != "department" {
		return nil, shikayat.Errorf(shikayat.EINVALID, "helplines: want a header line department,number,name,source")
	}
	var out []Helpline
	for i, row := range rows[1:] {
		h := Helpline{strings.TrimSpace(row[0]), strings.TrimSpace(row[1]), strings.TrimSpace(row[2]), strings.TrimSpace(row[3])}
		if h.Department == "" || h.Number == "" || h.Source == "" {
			return nil, shikayat.Errorf(shikayat.EINVALID, "helplines: row %d: department, number and source are required", i+2)
		}
		out = append(out, h)
	}
	return out, nil
}
