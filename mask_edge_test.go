package shikayat

import (
	"strings"
	"testing"
)

// Contacts written at the edges of the rules: a long name run glued before
// an address, a number written right after "@", digit groups split by
// line breaks, tabs or the punctuation of other scripts, and a small
// fullwidth "@". Each is masked in full, and masking again changes nothing.
func TestMaskContactsEdges(t *testing.T) {
	long := strings.Repeat("x", 330)
	for _, tc := range []struct{ in, want string }{
		{"ram.kumar." + long + "@gmail.com", "r***@gmail.com"},
		{strings.Repeat("a", 400) + "@gmail.com", "a***@gmail.com"},
		{"mail ram.kumar." + long + "@gmail.com now", "mail r***@gmail.com now"},

		{"mob@98765 43210", "mob@98XXXXXX10"},
		{"call@98 76 54 32 10", "call@98XXXXXX10"},
		{"@9876 543210", "@98XXXXXX10"},
		{"x@98765.43210", "x@98XXXXXX10"},
		{"SHO @sho_hazratganj will call", "SHO @*** will call"},

		{"98765\n43210", "98XXXXXX10"},
		{"98765\r\n43210", "98XXXXXX10"},
		{"98765\t43210", "98XXXXXX10"},
		{"98765\u202843210", "98XXXXXX10"},
		{"98765\u202943210", "98XXXXXX10"},
		{"mob:\n98765\n43210\nthanks", "mob:\n98XXXXXX10\nthanks"},
		{"call 9.8.2012\n3456", "call 98XXXXXX56"},
		{"98765।43210", "98XXXXXX10"},
		{"98765、43210", "98XXXXXX10"},
		{"98765،43210", "98XXXXXX10"},
		{"98765・43210", "98XXXXXX10"},
		{"mail ram﹫gmail.com", "mail r***@gmail.com"},
		{"mail ram @gmail .com", "mail r***@gmail.com"},
	} {
		got := MaskContacts(tc.in)
		if got != tc.want {
			t.Errorf("MaskContacts(%.60q) = %.80q, want %q", tc.in, got, tc.want)
		}
		if again := MaskContacts(got); again != got {
			t.Errorf("MaskContacts(%.60q) = %.80q, masked again %.80q", tc.in, got, again)
		}
	}
}

// A number glued onto an address whose domain is a number: nothing of the
// name or the numbers is left, in one call.
func TestMaskContactsNumberDomain(t *testing.T) {
	for _, in := range []string{"98765 43210ram@98765 43210.in", "9876543210 [at] 9876543210 3456 dot in, 34569876543210a+91"} {
		got := MaskContacts(in)
		if strings.Contains(got, "ram") || strings.Contains(got, "43210") || strings.Contains(got, "76543") {
			t.Errorf("MaskContacts(%q) = %q leaks", in, got)
		}
		if again := MaskContacts(got); again != got {
			t.Errorf("MaskContacts(%q) = %q, masked again %q", in, got, again)
		}
	}
}

// The pass cap is a guard: text still changing after it comes back with
// every digit and every address-like run masked, and masking that changes
// nothing.
func TestMaskContactsFailSafe(t *testing.T) {
	in := "ram@9876 and 98765 43210 x@y.in"
	got := failSafe(in)
	if strings.ContainsAny(got, "0123456789@") {
		t.Errorf("failSafe(%q) = %q keeps a digit or an address", in, got)
	}
	if again := MaskContacts(got); again != got {
		t.Errorf("failSafe(%q) = %q, masked again %q", in, got, again)
	}
}
