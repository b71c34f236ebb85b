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
// superscript digits. A mobile number in four or more groups joined by ":"
// (no time has more than three) even where two of them read as a time;
// one split by "=" or a spaced ";"; one with its zeros written as the
// letter O; one whose first digits read as a date, its groups after the
// date joined by "|" or ";".
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

		{"98:76:54:21:10", "98XXXXXX10"},
		{"9876:54:21:10", "98XXXXXX10"},
		{"mob 98:76:12:30:10 hai", "mob 98XXXXXX10 hai"},
		{"+91:98:76:54:21:10", "+98XXXXXX10"},

		{"98765=43210", "98XXXXXX10"},
		{"98765 ; 43210", "98XXXXXX10"},
		{"98765; 43210", "98XXXXXX10"},
		{"98765 ;43210", "98XXXXXX10"},

		{"9876O43210", "98XXXXXX10"},
		{"98OO543210", "98XXXXXX10"},
		{"98765 4321o", "98XXXXXX10"},
		{"98765 4321o.", "98XXXXXX10."},
		{"९८७६५ ४३२१o है", "98XXXXXX10 है"},
		{"98765 - O - 4321", "98XXXXXX21"},
		{"9876о43210", "98XXXXXX10"},
		{"98765 4321о", "98XXXXXX10"},
		{"98765〇4321", "98XXXXXX21"},

		// A date joined to a number by "|", ";" or "=" stays a date: a
		// number read from inside it would leave the real one readable.
		{"Date 6.3.2026 | 9876 543210", "Date 6.3.2026 | 98XXXXXX10"},
		{"on 8/1/2026; 9876 543210", "on 8/1/2026; 98XXXXXX10"},
		{"7.3.2026=9876 543210", "7.3.2026=98XXXXXX10"},
		{"6/8/2026 | 9876:543210", "6/8/2026 | 98XXXXXX10"},
		{"on 9.8.2012 98|13 006991", "on 9.8.2012 98XXXXXX91"},

		// A number before the real one in a run joined by ";", "=", "|"
		// or ":" may make the first span read as a number: the real
		// one's groups after it are masked with it, none left readable ...
		{"case 80152 ; 98765 43210", "case 80XXXXXXXXXXX10"},
		{"80152=98765 43210", "80XXXXXXXXXXX10"},
		{"mob ९१३८९ ; ६०६०२ : १९७६१ AM", "mob 91XXXXXXXXXXX61 AM"},
		{"FIR 123/2026 ; 6.3.2026 | 9876 543210", "FIR 123/2026 ; 63XXXXXXXXXXXX10"},
		{"FIR 22:58 ; 15-6-1930 969 5142829 पर", "FIR 22:58 ; 15XXXXXXXXXXXXX29 पर"},
		{"9-11-26=62095 99671", "91XXXXXXXXXXX71"},
		// What was read as the real number may itself have begun in a
		// date or case number before it: the groups after it through a
		// number's gaps are masked too.
		{"1:33-9/11/1999,8;57 1328653", "1:33XXXXXXXXXXXXXXX53"},
		{"20143 ; 503/2026, 702/2026-931-1550369", "20143 ; 50XXXXXXXXXXXXXXXXXXXX69"},
		{"शिकायतकर्ता 79761; 552/2026, 884/2026, 755-9543032", "शिकायतकर्ता 79761; 55XXXXXXXXXXXXXXXXXXXX32"},
		// ... and only then: a time, a date or a PIN joined on after a
		// number stays as written.
		{"Ref 98765:43210 | 10:30 | 12.03.2026", "Ref 98XXXXXX10 | 10:30 | 12.03.2026"},
		{"mob 98765:43210 ; 226001", "mob 98XXXXXX10 ; 226001"},
		{"89:75803004, 5:14", "89XXXXXX04, 5:14"},

		// A number whose last group reads with a "/" and a year as a
		// case number (1930 is the cyber-crime helpline).
		{"Contact 98765 43210/1930", "Contact 98XXXXXXXXXX30"},
		{"शिकायतकर्ता 98765 43210/1930 पर", "शिकायतकर्ता 98XXXXXXXXXX30 पर"},
		{"+91 98765 43210/2026", "91XXXXXXXXXXXX26"},
		{"979937 8443/2026", "97XXXXXXXXXX26"},
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
// section lists joined by ":", "|" or ";", sums, a letter O next to a
// number that makes no mobile number with it. And
// the numbers that would begin inside a date (the digits after it too few
// for a mobile number with the date's): left as written, knowingly
// (README).
func TestMaskContactsKeep(t *testing.T) {
	for _, in := range []string{
		"Date 6.3.2026 | 1530 hrs",
		"dinank 7.3.2026 ; 1145 baje",
		"6.10.2026 | 123/2026",
		"call 9.8.2012|3456",
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

		"CCTV 10:30:45:12",
		"IPC 379; 411",
		"IPC 379 ; 411 ; 420",
		"धारा 379; 411; 420; 120B",
		"5000*2=10000",
		"on 9.8.2012 12:56",
		"1.3.2026 | 123/2026",

		"FIR no. 12 of 2026",
		"Room 10",
		"Room 10o",
		"10o'clock",
		"12345 6789o",
		"Room 10 O 12",
		"Москва 12",
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
// A second round also joins groups by "=" or a spaced ";", and writes some
// zeros as the letter O (o, or Cyrillic о): zeros at the end so written
// are glued to what is before them, as that is what reads as a number
// (98765 4321o; 98765 4321 O could be "O.K.").
func TestMaskContactsBuiltNumbers(t *testing.T) {
	seps := []string{"", " ", "-", ".", "/", ",", "_", ";", "~", "*", "#", "+", "•", "‧", "∕", "⁄", "[", "]", "(", ")",
		" - ", " . ", "।", "----", " . . . . ", "।।।।", "|", " | ", "\n    ", "\u2009", "–"}
	for _, round := range []struct {
		name string
		seps []string
		o    *rand.Rand // writes zeros as O, or nil
	}{
		{"separators", seps, nil},
		{"joined, zeros as O", append(seps[:len(seps):len(seps)], "=", " ; ", "; ", " ;"), rand.New(rand.NewPCG(3, 4))},
	} {
		r := rand.New(rand.NewPCG(1, 2))
		scripts := []string{"0123456789", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯", "０１２３４５６７８９", "⓪①②③④⑤⑥⑦⑧⑨", "⁰¹²³⁴⁵⁶⁷⁸⁹"}
		for i := range 3000 {
			num := []rune(fmt.Sprintf("%d%09d", 6+r.IntN(4), r.IntN(1e9)))
			digits := []rune(scripts[r.IntN(len(scripts))])
			tail := len(num) // where the zeros at the end begin
			for tail > 0 && num[tail-1] == '0' {
				tail--
			}
			var b strings.Builder
			for j, d := range num {
				asO := round.o != nil && d == '0' && round.o.IntN(2) == 0
				if j > 0 && r.IntN(3) == 0 {
					sep := round.seps[r.IntN(len(round.seps))]
					if !asO || j < tail {
						b.WriteString(sep)
					}
				}
				if asO {
					b.WriteRune([]rune("Ooо")[round.o.IntN(3)])
					continue
				}
				b.WriteRune(digits[d-'0'])
			}
			in := "शिकायतकर्ता का नंबर " + b.String() + " है"
			got := MaskContacts(in)
			if span := digitsInOrder(got, string(num), 60); span {
				t.Fatalf("%s, case %d: MaskContacts(%q) = %q keeps %s", round.name, i, in, got, string(num))
			}
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

// testDigit reads r as an ASCII digit, or returns -1; a letter O reads
// as 0.
func testDigit(r rune) rune {
	if strings.ContainsRune("Ooо", r) {
		return '0'
	}
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
