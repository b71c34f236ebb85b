package shikayat

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMaskContacts(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"call 9876543210 now", "call 98XXXXXX10 now"},
		{"call +91 98765 43210.", "call 98XXXXXX10."},
		{"call +91-98765-43210", "call 98XXXXXX10"},
		{"call 09876543210", "call 98XXXXXX10"},
		{"call 919876543210", "call 98XXXXXX10"},
		{"call 98 76 54 32 10", "call 98XXXXXX10"},
		{"thana 0522-2234567 par", "thana 52XXXXXX67 par"},
		{"thana (0522) 2234567", "thana 52XXXXXX67"},
		{"फ़ोन ९८७६५४३२१० पर", "फ़ोन 98XXXXXX10 पर"},
		{"mail ram.kumar@example.com please", "mail r***@example.com please"},
		{"SHO @sho_hazratganj will call", "SHO @*** will call"},
		{"already a***@example.com and 98XXXXXX10", "already a***@example.com and 98XXXXXX10"},
		{"dial 112 or 1930; FIR 0123/2026 on 30-11-2026", "dial 112 or 1930; FIR 0123/2026 on 30-11-2026"},
		{"docket UP26-7K3QM9XD4P", "docket UP26-7K3QM9XD4P"},
	} {
		if got := MaskContacts(tc.in); got != tc.want {
			t.Errorf("MaskContacts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

var (
	unmaskedPhone = regexp.MustCompile(`[0-9](?:[ \-.()/,]{0,3}[0-9]){9,}`)
	unmaskedEmail = regexp.MustCompile(`[A-Za-z0-9._%+-]{2,}@[A-Za-z0-9-]+(?:\.| \. |,)[A-Za-z]{2}`)
	splitTail     = regexp.MustCompile(`^[ \-.()/,]{1,3}([0-9]{3,})`)
	nonDigit      = regexp.MustCompile(`[^0-9]`)
	dateLike      = regexp.MustCompile(`[0-3]?[0-9][./-][01]?[0-9][./-](?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]`)
)

// hideDates replaces the dates in read with "#", but not a date that
// more digits follow with no space between (9.8.2012.3456), nor one that a
// group of three or more digits follows after a space or other separators
// making ten digits with the date's (9.8.2012 3456): those digits and the
// date's are one number.
func hideDates(read string) string {
	var b strings.Builder
	last := 0
	for _, d := range dateLike.FindAllStringIndex(read, -1) {
		rest := strings.TrimLeft(read[d[1]:], "./-")
		if len(read[d[1]:])-len(rest) <= 2 && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			continue
		}
		if g := splitTail.FindStringSubmatch(read[d[1]:]); g != nil &&
			len(nonDigit.ReplaceAllString(read[d[0]:d[1]], ""))+len(g[1]) == 10 {
			continue
		}
		b.WriteString(read[last:d[0]])
		b.WriteString("#")
		last = d[1]
	}
	return b.String() + read[last:]
}

// FuzzMaskContacts: whatever the text, the result is UTF-8, masking it
// again changes nothing, and read as a reader sees it (foldContacts: any
// script's digits, Unicode spaces and dashes) it holds no run of ten digits
// outside a date and no address.
func FuzzMaskContacts(f *testing.F) {
	for _, s := range []string{"call 9876543210", "+91 98765-43210", "(0522) 2234567", "a.b@c.in", "@ram_1 ९८७६५४३२१०",
		"x@@y.com 1234567890123456", "a***@example.com", "0-0-0-0-0-0-0-0-0-0",
		"९८७६५\u00a0४३२१०", "৯৮৭৬৫–৪৩২১০", "９８７６５—４３２１０", "98\u200b76\u2009543210", "ram at gmail dot com",
		"ram [at] gmail (dot) co (dot) in", "ｒａｍ＠ｅｘａｍｐｌｅ．ｃｏｍ", "12-03-2026 9876543210", "₹5000 on 12/03/2026",
		"9.8.2012.3456", "1/1/2098765432", "98765/43210", "98765 , 43210", "ram@gmail . com", "ram at the rate gmail dot com",
		"9.8.2012 3456", "9-12-2012 345", "12.03.2026 1530 hrs", "9.8.2012 3456, 15/03/2026",
		"0@ 0 000000000,AA", "ram at 98765 43210 dot in", "call 98765 43210ram@gmail.com", "9.8.2012 3456x@y.in",
		"98765 43210 at gmail dot com", strings.Repeat("a", 70) + "@gmail.com", strings.Repeat("9876543210a", 8),
		"ram.kumar." + strings.Repeat("x", 330) + "@gmail.com", strings.Repeat("a", 400) + "@gmail.com",
		"mob@98765 43210", "call@98 76 54 32 10", "@9876 543210", "x@98765.43210", "98765 43210ram@98765 43210.in",
		"98765\n43210", "call 9.8.2012\n3456", "98765।43210", "98765、43210", "98765،43210", "98765・43210",
		"ram﹫gmail.com", "ram @gmail .com", "98765\u202843210",
		"***a )a987654321098765 43210", "9876543210 [at] 9876543210 3456 dot in, 34569876543210a+91",
		strings.Repeat("mob@98765 43210 ram.kumar@gmail . com 9.8.2012\n3456 ", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := MaskContacts(s)
		if !utf8.ValidString(got) {
			t.Fatalf("MaskContacts(%q) = %q: not UTF-8", s, got)
		}
		if again := MaskContacts(got); again != got {
			t.Fatalf("masking twice changes %q: %q then %q", s, got, again)
		}
		read, _ := foldContacts(got)
		read = hideDates(read)
		if m := unmaskedPhone.FindString(read); m != "" {
			t.Fatalf("MaskContacts(%q) = %q keeps the number %q", s, got, m)
		}
		if m := unmaskedEmail.FindString(read); m != "" && !strings.Contains(m, "*") {
			t.Fatalf("MaskContacts(%q) = %q keeps the address %q", s, got, m)
		}
	})
}
