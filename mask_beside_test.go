package shikayat

import "testing"

// A time right before a phone number stays as written, and only the
// number is masked; a number after a time is found however many digits
// follow it.
func TestMaskContactsBesideNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"10:30 9876543210", "10:30 98XXXXXX10"},
		{"at 10:30, 98765 43210", "at 10:30, 98XXXXXX10"},
		{"CCTV 10:31:05 9876543210", "CCTV 10:31:05 98XXXXXX10"},
		{"on 12.03.2026 at 10:30 98765 43210", "on 12.03.2026 at 10:30 98XXXXXX10"},
		{"10:30 0522;2234567", "10:30 52XXXXXX67"},
		{"10:30 9876543210 1", "10:30 98XXXXXXX01"},
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
