package shikayat

import "testing"

// A time right before a phone number stays as written, and only the
// number is masked; a case number or a date beside a number is masked with
// it (a number can hide behind a list of them), as is a list of case
// numbers whose digits could make a phone number's.
func TestMaskContactsBesideNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"10:30 9876543210", "10:30 98XXXXXX10"},
		{"at 10:30, 98765 43210", "at 10:30, 98XXXXXX10"},
		{"CCTV 10:31:05 9876543210", "CCTV 10:31:05 98XXXXXX10"},
		{"on 12.03.2026 at 10:30 98765 43210", "on 12.03.2026 at 10:30 98XXXXXX10"},
		{"10:30 0522;2234567", "10:30 52XXXXXX67"},
		{"10:30 9876543210 1", "10:30 98XXXXXXX01"},
		{"0:1000000000 0", "0:10XXXXXXX00"},

		{"FIR 9/2026, 8/2026", "FIR 92XXXXXX26"},
		{"987/2012, 345", "98XXXXXX45"},
		{"9.8.20 123456", "98XXXXXX56"},
		{"123/2026, 98/2012 3456", "12XXXXXXXXXXXXX56"},
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
