package shikayat

import "testing"

// Numbers and addresses written to slip between the rules: digit groups
// split by "/", "," or a run of spaces, a date with more digits glued on,
// an address with spaces around its dots or "at the rate" for "@". Dates,
// times, amounts and docket codes that are no contact stay as written.
func TestMaskContactsLeaks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"call 98765/43210", "call 98XXXXXX10"},
		{"call 98765 , 43210", "call 98XXXXXX10"},
		{"call 98765   43210", "call 98XXXXXX10"},
		{"call ９８７６５/４３２１０", "call 98XXXXXX10"},
		{"call 98765\u3000\u3000\u300043210", "call 98XXXXXX10"},
		{"call 98765,43210 now", "call 98XXXXXX10 now"},

		{"call 9.8.2012.3456", "call 98XXXXXX56"},
		{"call 1/1/2098765432", "call 11XXXXXXXX32"},
		{"call 12-03-2026-9876543210", "call 12XXXXXXXXXXXXXX10"},

		// A number split so that its first part reads as a date, the rest
		// after a space: "98 2012 3456" written 9.8.2012 3456.
		{"call 9.8.2012 3456", "call 98XXXXXX56"},
		{"call 9/8/2012 3456 now", "call 98XXXXXX56 now"},
		{"call 9-12-2012 345", "call 91XXXXXX45"},
		{"call 9.8.2012 34 56", "call 98XXXXXX56"},
		{"call 09.8.2012 - 3456", "call 98XXXXXX56"},
		{"call ९.८.२०१२ ३४५६", "call 98XXXXXX56"},
		{"call ９.８.２０１２　３４５６", "call 98XXXXXX56"},
		{"call 9.8.2012 3456, 15/03/2026", "call 98XXXXXXXXXXXXXX26"},
		{"call 9.8.2012 3456; 15/03/2026", "call 98XXXXXX56; 15/03/2026"},
		{"call 9.8.2012 3456;15/03/2026", "call 98XXXXXXXXXXXXXX26"},

		{"mail ram.kumar1987 @ gmail . com", "mail r***@gmail.com"},
		{"mail ram@gmail . com", "mail r***@gmail.com"},
		{"mail ram@gmail,com", "mail r***@gmail.com"},
		{"mail ram at the rate gmail dot com", "mail r***@gmail.com"},
		{"mail ram attherate gmail dot com", "mail r***@gmail.com"},
		{"mail ram At The Rate gmail.com", "mail r***@gmail.com"},
		{"mail ram＠gmail。com", "mail r***@gmail.com"},

		{"fine ₹5000 on 12/03/2026", "fine ₹5000 on 12/03/2026"},
		{"paid Rs. 12,500 on 9.8.2012 at 10.30", "paid Rs. 12,500 on 9.8.2012 at 10.30"},
		{"on 12/03/2026, 10.30 baje", "on 12/03/2026, 10.30 baje"},
		{"from 12/03/2026 to 15/03/2026", "from 12/03/2026 to 15/03/2026"},
		{"dates 12/03/2026, 15/03/2026", "dates 12/03/2026, 15/03/2026"},
		{"FIR 0123/2026 on 30-11-2026", "FIR 0123/2026 on 30-11-2026"},
		{"docket UP26-7K3QM9XD4P, UP26-7K3QM9XD4Q", "docket UP26-7K3QM9XD4P, UP26-7K3QM9XD4Q"},
		{"Rs. 1,50,000 and 2,000", "Rs. 1,50,000 and 2,000"},
		{"on 12.03.2026 12 baje", "on 12.03.2026 12 baje"},
		{"on 12.03.2026 1530 hrs", "on 12.03.2026 1530 hrs"},
		{"dinank 12.03.2026 123/2026", "dinank 12.03.2026 123/2026"},
		{"on 9.8.2012 5 log", "on 9.8.2012 5 log"},
	} {
		if got := MaskContacts(tc.in); got != tc.want {
			t.Errorf("MaskContacts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
