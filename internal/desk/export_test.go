package desk

import "testing"

// Every text cell that a spreadsheet would read as a formula (= + - @, a
// tab or a carriage return first, after any spaces, in ASCII or fullwidth)
// starts with an apostrophe; other text is left as it is.
func TestCellNeutralisesFormulas(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+91 98XXXXXX10", "'+91 98XXXXXX10"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{" =1+1", "' =1+1"},
		{"   @cmd", "'   @cmd"},
		{"\u00a0=1", "'\u00a0=1"},
		{"\u3000=1", "'\u3000=1"},
		{"＝1+1", "'＝1+1"},
		{"＋1", "'＋1"},
		{"－1", "'－1"},
		{"＠x", "'＠x"},
		{"  ＝1", "'  ＝1"},
		{"", ""},
		{"   ", "   "},
		{"हज़रतगंज = 1", "हज़रतगंज = 1"},
		{"phone stolen", "phone stolen"},
		{"'=1", "'=1"},
	} {
		if got := cell(tc.in); got != tc.want {
			t.Errorf("cell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
