package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A post that a spreadsheet would run as a formula is exported as text
// (an apostrophe first), whatever spaces or fullwidth signs hide it; the
// numbers of both exports stay numbers.
func TestExportsNeutraliseFormulas(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f, _ := statsFixture(t, dsn())
		ctx := context.Background()
		texts := []string{"=HYPERLINK(\"http://evil\",\"x\")", " =1+1", "\u00a0+1", "\t@SUM(A1)", "\r-1", "＝cmd|'/C calc'!A0", "  ＠x", "－2", "＋3"}
		want := map[string]string{}
		for i, text := range texts {
			c, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: fmt.Sprint(7700 + i), Text: text, AuthorUsername: "nagrik",
				Triage: &shikayat.Triage{Actionable: true, District: 162, Urgency: shikayat.ClassMidTerm, Confidence: 0.95}, Forward: true})
			if err != nil {
				t.Fatal(err)
			}
			want[c.Code] = text
		}
		rec := f.do("GET", "/desk/export/complaints.csv", "", "", f.session(t, f.users[shikayat.RoleHQOperator]))
		rows := readCSV(t, rec.Body.Bytes())
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		found := 0
		for _, r := range rows[1:] {
			for i, v := range r {
				if v != "" && strings.ContainsRune("=+-@\t\r＝＋－＠", []rune(strings.TrimLeft(v, " \u00a0"))[0]) {
					t.Errorf("%s: column %s is %q, a formula", r[0], rows[0][i], v)
				}
			}
			text, ok := want[r[col["code"]]]
			if !ok {
				continue
			}
			found++
			if got := r[col["text"]]; got != "'"+text {
				t.Errorf("text %q exported as %q, want %q", text, got, "'"+text)
			}
			if r[col["district"]] != "162" || r[col["bounces"]] != "0" {
				t.Errorf("numbers are no longer numbers: district %q, bounces %q", r[col["district"]], r[col["bounces"]])
			}
		}
		if found != len(texts) {
			t.Fatalf("exported %d of the %d complaints", found, len(texts))
		}
		rec = f.do("GET", "/desk/export/districts.csv?from=2026-03-01&to=2026-03-10", "", "", f.session(t, f.users[shikayat.RoleHQOperator]))
		for _, r := range readCSV(t, rec.Body.Bytes())[1:] {
			for i, v := range r {
				if strings.HasPrefix(v, "'") {
					t.Errorf("district table: column %d = %q is guarded, but it is a name or a number", i, v)
				}
			}
		}
	})
}
