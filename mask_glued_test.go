package shikayat

import (
	"strings"
	"testing"
)

// A phone number with an address glued onto its end (the address's local
// part begins with the number's last digits) is masked as a number, and
// the address after it as an address: no digit of the number shows beyond
// the two and two that a masked number keeps.
func TestMaskContactsGluedAddress(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"call 98765 43210ram@gmail.com", "call 98XXXXXX10r***@gmail.com"},
		{"98765 43210; 9.8.2012 3456x@y.in", "98XXXXXX10; 98XXXXXX56x***@y.in"},
		{"call 9.8.2012.3456x@y.in", "call 98XXXXXX56x***@y.in"},
		{"call +91 98765 43210ram.k@gmail.com now", "call 98XXXXXX10r***@gmail.com now"},
		{"call 98765 43210@gmail.com", "call 98XXXXXX10***@gmail.com"},
		{"call 98765 43210 at gmail dot com", "call 98XXXXXX10***@gmail.com"},
		{"call 98765-43210.ram@gmail.com", "call 9***@gmail.com"},
		{"call ९८७६५ ४३२१०ram@gmail.com", "call 98XXXXXX10r***@gmail.com"},
		// Masked, it stays as it is.
		{"call 98XXXXXX10r***@gmail.com", "call 98XXXXXX10r***@gmail.com"},
		{"call 98XXXXXX10***@gmail.com", "call 98XXXXXX10***@gmail.com"},
		{"call 98XXXXXX10@gmail.com", "call 98XXXXXX10***@gmail.com"},
		// The whole number inside the address's local part: an address.
		{"mail 9876543210ram@gmail.com", "mail 9***@gmail.com"},
	} {
		if got := MaskContacts(tc.in); got != tc.want {
			t.Errorf("MaskContacts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Masking a masked text changes nothing, also where masking a number
// makes what is around it an address (the number, its separators gone,
// becomes the address's domain): that address is masked too.
func TestMaskContactsTwice(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0@ 0 000000000,AA", "0***@00XXXXXX00.AA"},
		{"ram@ 98765 43210,in", "r***@98XXXXXX10.in"},
		{"ram at 98765 43210 dot in", "r***@98XXXXXX10.in"},
		{"call 98765 43210ram@gmail.com", "call 98XXXXXX10r***@gmail.com"},
		{"98765 43210; 9.8.2012 3456x@y.in", "98XXXXXX10; 98XXXXXX56x***@y.in"},
		{"call 98XXXXXX10*a@gmail.com", "call 98XXXXXX10****@gmail.com"},
		{strings.Repeat("a", 70) + "@gmail.com", "a***@gmail.com"},
	} {
		once := MaskContacts(tc.in)
		if once != tc.want {
			t.Errorf("MaskContacts(%q) = %q, want %q", tc.in, once, tc.want)
		}
		if twice := MaskContacts(once); twice != once {
			t.Errorf("MaskContacts(%q) = %q, masked again %q", tc.in, once, twice)
		}
	}
}

// A long note of numbers, as many as fit in 100 KB, is masked whole; the
// same with letters (of any script) between the numbers, so that each
// number begins a would-be address that never finds its "@".
func TestMaskContactsLongNote(t *testing.T) {
	for _, tc := range []struct{ unit, want string }{
		{"98765 43210; ", "98XXXXXX10; "},
		{"9876543210a", "98XXXXXX10a"},
		{"9.8.2012 3456; ", "98XXXXXX56; "},
		{"98765 --\n    43210; ", "98XXXXXX10; "},
		{"9876543210राम", "98XXXXXX10राम"},
		{"राम@उदाहरण.भारत ", "र***@उदाहरण.भारत "},
		{"98765:43210 ", "98XXXXXX10 "},
		{"98765 . . . . 43210; ", "98XXXXXX10; "},
		{"⑨⑧⑦⑥⑤④③②①⓪; ", "98XXXXXX10; "},
		{"10:30 | 11:45 ", "10:30 | 11:45 "},
		{"GD 12 | 34 | 56 | 78 | 90 ", "GD 12 | 34 | 56 | 78 | 90 "},
		{"01.03.2026 50000 रुपये ", "01.03.2026 50000 रुपये "},
	} {
		n := 100<<10/len(tc.unit) + 1
		in := strings.Repeat(tc.unit, n)
		if got, want := MaskContacts(in), strings.Repeat(tc.want, n); got != want {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%d × %q: masked text differs at byte %d: %q, want %q", n, tc.unit, i, got[i:min(i+40, len(got))], want[i:min(i+40, len(want))])
		}
	}
}

// BenchmarkMaskContacts masks a long note: 2,000 phone numbers (26 KB).
func BenchmarkMaskContacts(b *testing.B) {
	for _, bc := range []struct{ name, unit string }{
		{"numbers", "98765 43210; "},
		{"glued", "9876543210a"},
		{"text", "thana mein koi sunwai nahi hui, 12.03.2026 ko FIR di. "},
		{"devanagari", "थाने में कोई सुनवाई नहीं हुई, राम ने १२.०३.२०२६ को FIR दी।\n    "},
	} {
		s := strings.Repeat(bc.unit, 2000)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				MaskContacts(s)
			}
		})
	}
}
