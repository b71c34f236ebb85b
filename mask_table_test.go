package shikayat

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// Contacts that must be masked: a handle glued to Hindi text, addresses
// in any script with "@" glued to the name, numbers split by ":" or "|"
// that hold no time, by ";", "~", "*", "#", "+", "•", "‧", "∕", "⁄" or
// square brackets, by long runs of separators, or written in circled or
// superscript digits.
func TestMaskContactsMustMask(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"शिकायतकर्ता @RameshKumar1987।धन्यवाद", "शिकायतकर्ता @***।धन्यवाद"},
		{"बात की @RameshKumar1987,आगे", "बात की @***,आगे"},
		{"mail राम@उदाहरण.भारत now", "mail र***@उदाहरण.भारत now"},
		{"mail rām@gmail.com", "mail r***@gmail.com"},
		{"mail user@exämple.com", "mail u***@exämple.com"},
		{"mail ram at gmail dot com", "mail r***@gmail.com"},
		{"mail ram @gmail .com", "mail r***@gmail.com"},

		{"call 9.8.2012    3456", "call 98XXXXXX56"},
		{"98765:43210", "98XXXXXX10"},
		{"98765|43210", "98XXXXXX10"},
		{"98765 | 43210", "98XXXXXX10"},
		{"+91 98765:43210", "+98XXXXXX10"},

		{"98765;43210", "98XXXXXX10"},
		{"98765~43210", "98XXXXXX10"},
		{"98765*43210", "98XXXXXX10"},
		{"98765#43210", "98XXXXXX10"},
		{"98765+43210", "98XXXXXX10"},
		{"98765 • 43210", "98XXXXXX10"},
		{"98765‧43210", "98XXXXXX10"},
		{"98765∕43210", "98XXXXXX10"},
		{"98765⁄43210", "98XXXXXX10"},
		{"98765[43210]", "98XXXXXX10]"},
		{"(98765) [43210]", "98XXXXXX10]"},
		{"98765----43210", "98XXXXXX10"},
		{"98765 . . . . 43210", "98XXXXXX10"},
		{"98765।।।।43210", "98XXXXXX10"},
		{"call ⑨⑧⑦⑥⑤④③②①⓪", "call 98XXXXXX10"},
		{"call ⁹⁸⁷⁶⁵⁴³²¹⁰", "call 98XXXXXX10"},
		{"call ₉₈₇₆₅ ₄₃₂₁₀", "call 98XXXXXX10"},
		{"call ❾❽❼❻❺❹❸❷❶0", "call 98XXXXXX10"},
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

// Ordinary police text that must stay as written: Hindi with "at" in it,
// a date followed by an amount, a PIN code or a case number, times and
// section lists joined by ":" or "|". And the numbers that would begin
// inside a date (the digits after it too few for a mobile number with the
// date's): left as written, knowingly (README).
func TestMaskContactsKeep(t *testing.T) {
	for _, in := range []string{
		"राम at घर,वहीं मिला",
		"आरोपी at थाना,लखनऊ",
		"mail राम.कुमार at उदाहरण dot भारत",
		"दिनांक 01.03.2026 50000 रुपये बरामद",
		"on 1.3.2026 25000 recovered",
		"1.3.2026 226001 Lucknow",
		"dated 01.03.2026 12345 (case no.)",
		"01.03.2026 12345/2026",
		"Time: 10:30-11:45, 12:00-13:15",
		"Open 9:30 - 13:30 | 14:30 - 18:00",
		"CCTV 10:31:05 - 10:32:40",
		"धारा 379 | 411 | 420 | 120B",
		"GD 45 | 16:10 | 1.3.2026",
		"GD 12 | 34 | 56 | 78 | 90",
		"dial 112 or 1930; FIR 0123/2026 on 30-11-2026",
		"Rs. 12,500 * 4 = 50,000",
		"Rs. 5,000 + 2,000 + 3,500",
		"₹ 1,00,000 + ₹ 50,000 + 25,000",
		"Rs. 5,000 * 2,000 * 3,500",
		"1.1.2098 765432",
		"12.3.2098 76 54 32",
	} {
		if got := MaskContacts(in); got != in {
			t.Errorf("MaskContacts(%q) = %q, want it as written", in, got)
		}
	}
}

// TestMaskContactsBuiltNumbers writes mobile numbers as a person hiding
// them might — digits of several scripts and lookalikes, any separators
// between groups but ":" (which may make a time of two groups, kept as
// written; TestMaskContactsMustMask has numbers split by ":") — inside a
// sentence, and checks the masked text with an
// oracle that knows nothing of the rules: the number's ten digits must not
// all be found in it in order within 60 characters, whatever lies between.
func TestMaskContactsBuiltNumbers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	scripts := []string{"0123456789", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯", "０１２３４５６７８９", "⓪①②③④⑤⑥⑦⑧⑨", "⁰¹²³⁴⁵⁶⁷⁸⁹"}
	seps := []string{"", " ", "-", ".", "/", ",", "_", ";", "~", "*", "#", "+", "•", "‧", "∕", "⁄", "[", "]", "(", ")",
		" - ", " . ", "।", "----", " . . . . ", "।।।।", "|", " | ", "\n    ", "\u2009", "–"}
	for i := range 3000 {
		num := []rune(fmt.Sprintf("%d%09d", 6+r.IntN(4), r.IntN(1e9)))
		digits := []rune(scripts[r.IntN(len(scripts))])
		var b strings.Builder
		for j, d := range num {
			if j > 0 && r.IntN(3) == 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteRune(digits[d-'0'])
		}
		in := "शिकायतकर्ता का नंबर " + b.String() + " है"
		got := MaskContacts(in)
		if span := digitsInOrder(got, string(num), 60); span {
			t.Fatalf("case %d: MaskContacts(%q) = %q keeps %s", i, in, got, string(num))
		}
	}
}

// digitsInOrder reports whether the digits of want (ASCII) occur in s in
// order, read with any script's digits and the lookalikes above, within a
// window of n runes.
func digitsInOrder(s, want string, n int) bool {
	rs := []rune(s)
	for start := range rs {
		if testDigit(rs[start]) != rune(want[0]) {
			continue
		}
		k := 1
		for i := start + 1; i < len(rs) && i-start < n && k < len(want); i++ {
			if testDigit(rs[i]) == rune(want[k]) {
				k++
			}
		}
		if k == len(want) {
			return true
		}
	}
	return false
}

// testDigit reads r as an ASCII digit, or returns -1.
func testDigit(r rune) rune {
	if unicode.IsDigit(r) {
		for _, zero := range []rune{'0', '०', '০', '０'} {
			if r >= zero && r <= zero+9 {
				return '0' + r - zero
			}
		}
	}
	if i := strings.IndexRune("⓪①②③④⑤⑥⑦⑧⑨", r); i >= 0 {
		return '0' + rune(len([]rune("⓪①②③④⑤⑥⑦⑧⑨"[:i])))
	}
	if i := strings.IndexRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r); i >= 0 {
		return '0' + rune(len([]rune("⁰¹²³⁴⁵⁶⁷⁸⁹"[:i])))
	}
	return -1
}
