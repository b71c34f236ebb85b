package shikayat

import "testing"

// Contacts that slipped past the rules: digit groups split by "--", "_",
// ":", "|" or a line break and its indentation; addresses whose name or
// domain is not ASCII; a number written as a date and a short group after
// it. (A number that would begin inside a date, 1.1.2098 765432, is left
// as written: see TestMaskContactsKeep.) Each is masked in full, and masking again changes nothing.
func TestMaskContactsReview(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"98765\n    43210", "98XXXXXX10"},
		{"mob:\n\t\t98765\n\t\t43210\nthanks", "mob:\n\t\t98XXXXXX10\nthanks"},
		{"98765 -- 43210", "98XXXXXX10"},
		{"98765--43210", "98XXXXXX10"},
		{"98765 - - 43210", "98XXXXXX10"},
		{"98_765_43210", "98XXXXXX10"},
		{"98765:43210", "98XXXXXX10"},
		{"98765 : 43210", "98XXXXXX10"},
		{"98765|43210", "98XXXXXX10"},
		{"98765 | 43210", "98XXXXXX10"},
		{"98765 \u200b 43210", "98XXXXXX10"},

		{"mail राम@उदाहरण.भारत now", "mail र***@उदाहरण.भारत now"},
		{"mail rām@gmail.com", "mail r***@gmail.com"},
		{"mail user@exämple.com", "mail u***@exämple.com"},

		{"call 9.8.2012    3456", "call 98XXXXXX56"},
		{"call 9.8.2012\n    3456", "call 98XXXXXX56"},
	} {
		got := MaskContacts(tc.in)
		if got != tc.want {
			t.Errorf("MaskContacts(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if again := MaskContacts(got); again != got {
			t.Errorf("MaskContacts(%q) = %q, masked again %q", tc.in, got, again)
		}
	}
}

// Dates stay as written when what follows them is a time, a count, an
// FIR number or text, however it is spaced.
func TestMaskContactsReviewDatesKept(t *testing.T) {
	for _, in := range []string{
		"on 12.03.2026    1530 hrs",
		"on 12.03.2026\n    12 baje",
		"on 9.8.2012 10:30 baje",
		"on 12.03.2026 10:30 at the thana",
		"dinank 1.3.2026 123/2026",
		"FIR 123/2026 dinank 1.3.2026",
		"from 12/03/2026 | to 15/03/2026",
		"on 9.8.2012 -- 5 log",
		"समय 10:30, दिनांक 12.03.2026",
		"ram_kumar ne kaha",
		"he was at home. Then police came",
	} {
		if got := MaskContacts(in); got != in {
			t.Errorf("MaskContacts(%q) = %q, want it as written", in, got)
		}
	}
}
