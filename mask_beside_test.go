package shikayat

import "testing"

// A time, a date or a case number right before or after a phone number
// stays as written, and only the number is masked; a list of case numbers
// or a date whose digits would make a mobile number with what is next to
// it is masked whole, as a number hidden behind a list.
func TestMaskContactsBesideNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"10:30 9876543210", "10:30 98XXXXXX10"},
		{"at 10:30, 98765 43210", "at 10:30, 98XXXXXX10"},
		{"CCTV 10:31:05 9876543210", "CCTV 10:31:05 98XXXXXX10"},
		{"on 12.03.2026 at 10:30 98765 43210", "on 12.03.2026 at 10:30 98XXXXXX10"},
		{"10:30 0522;2234567", "10:30 52XXXXXX67"},
		{"10:30 9876543210 1", "10:30 98XXXXXXX01"},
		{"0:1000000000 0", "0:10XXXXXXX00"},
		{"on 12.03.26 9876543210", "on 12.03.26 98XXXXXX10"},
		{"on 12.03.26, 98765 43210 ko", "on 12.03.26, 98XXXXXX10 ko"},
		{"FIR 123/2026, 9876543210", "FIR 123/2026, 98XXXXXX10"},
		{"FIR 123/2026 98765-43210 par", "FIR 123/2026 98XXXXXX10 par"},
		{"98765 43210, 123/2026, 124/2026", "98XXXXXX10, 123/2026, 124/2026"},
		{"FIR 1234/2026, 9876543210", "FIR 1234/2026, 98XXXXXX10"},

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
