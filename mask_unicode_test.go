package shikayat

import "testing"

// Contacts written to slip past a mask that knows ASCII only — other
// scripts' digits, fullwidth forms, Unicode spaces, dashes and invisible
// characters between the digits, an "@" spelled out — are masked too;
// docket codes, dates, times and amounts are not contacts.
func TestMaskContactsUnicode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"call ９８７６５４３２１０ now", "call 98XXXXXX10 now"},
		{"call ＋９１ ９８７６５ ４３２１０", "call 98XXXXXX10"},
		{"ফোন ৯৮৭৬৫৪৩২১০", "ফোন 98XXXXXX10"},
		{"ਫ਼ੋਨ ੯੮੭੬੫੪੩੨੧੦", "ਫ਼ੋਨ 98XXXXXX10"},
		{"رقم ٩٨٧٦٥٤٣٢١٠", "رقم 98XXXXXX10"},
		{"mixed 98७६५43210", "mixed 98XXXXXX10"},
		{"nbsp 98765\u00a043210", "nbsp 98XXXXXX10"},
		{"thin 98\u2009765\u2009432\u200910", "thin 98XXXXXX10"},
		{"narrow +91\u202f98765\u202f43210", "narrow 98XXXXXX10"},
		{"en 98765–43210", "en 98XXXXXX10"},
		{"em 98765—43210", "em 98XXXXXX10"},
		{"minus 98765−43210", "minus 98XXXXXX10"},
		{"dots 98.76.54.32.10", "dots 98XXXXXX10"},
		{"zwsp 98\u200b765\u200c43210", "zwsp 98XXXXXX10"},
		{"after a date 12-03-2026 9876543210", "after a date 12-03-2026 98XXXXXX10"},
		{"mail ram＠example.com", "mail r***@example.com"},
		{"mail ram at example dot com please", "mail r***@example.com please"},
		{"mail ram AT example DOT com", "mail r***@example.com"},
		{"mail ram [at] example [dot] com", "mail r***@example.com"},
		{"mail ram.kumar(at)gmail(dot)co(dot)in", "mail r***@gmail.co.in"},
		{"mail ram {at} gmail.com", "mail r***@gmail.com"},
		{"mail ram @ gmail.com", "mail r***@gmail.com"},
		{"ｒａｍ＠ｅｘａｍｐｌｅ．ｃｏｍ", "r***@example.com"},
		{"SHO ＠sho_hazratganj", "SHO @***"},
		{"mail ram@9876543210.in", "mail r***@98XXXXXX10.in"},

		{"docket UP26-7K3QM9XD4P", "docket UP26-7K3QM9XD4P"},
		{"fine ₹5000 on 12/03/2026", "fine ₹5000 on 12/03/2026"},
		{"on 12.03.2026 10:30 at the thana", "on 12.03.2026 10:30 at the thana"},
		{"on 2026-03-12 1030 hrs", "on 2026-03-12 1030 hrs"},
		{"₹ 1,50,000 returned on 30-11-2026", "₹ 1,50,000 returned on 30-11-2026"},
		{"he was at home. Then police came", "he was at home. Then police came"},
		{"FIR १२३/२०२६ दर्ज", "FIR १२३/२०२६ दर्ज"},
		{"ফোন", "ফোন"},
	} {
		if got := MaskContacts(tc.in); got != tc.want {
			t.Errorf("MaskContacts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
