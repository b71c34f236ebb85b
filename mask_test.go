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
	unmaskedPhone = regexp.MustCompile(`[0-9](?:[;+*]|(?: ?(?:[-.()/,_~#\[\]] ?){0,8}))[0-9](?:(?:[;+*]| ?(?:[-.()/,_~#\[\]] ?){0,8})[0-9]){8,}`)
	// colonMobile is a mobile number split in two by ":", "|", ";" or a
	// glued "=".
	colonMobile   = regexp.MustCompile(`(?:^|[^0-9])[6-9][0-9]{4}(?: ?[:|;] ?|=)[0-9]{5}(?:$|[^0-9])`)
	unmaskedEmail = regexp.MustCompile(`[\pL\pM\pN._%+-]{2,}@[\pL\pM\pN-]+(?:\.| \. |,)\pL[\pL\pM]`)
	afterDate     = regexp.MustCompile(`^ ?((?:[-.()/,_~#\[\]] ?){0,8})([0-9]+)`)
	dateLike      = regexp.MustCompile(`[0-3]?[0-9][./-][01]?[0-9][./-](?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]`)
)

// hideDates replaces the dates in read with "#", but not a date that
// more digits follow with no space between (9.8.2012.3456), nor one whose
// digits and the digit groups after it, a number's gap apart but for ":",
// make a phone number: three digits or more after the date that make ten
// with it (9.8.2012 3456). Those digits and the date's are one number.
func hideDates(read string) string {
	var b strings.Builder
	last := 0
	for _, d := range dateLike.FindAllStringIndex(read, -1) {
		rest := strings.TrimLeft(read[d[1]:], "-.()/,_~#[]")
		if len(read[d[1]:])-len(rest) <= 2 && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			continue
		}
		if dateNumber(read, d[0], d[1]) {
			continue
		}
		b.WriteString(read[last:d[0]])
		b.WriteString("#")
		last = d[1]
	}
	return b.String() + read[last:]
}

// dateNumber reports whether the date at read[start:end] and the digit
// groups after it are a phone number (hideDates).
func dateNumber(read string, start, end int) bool {
	var d string
	for _, c := range read[start:end] {
		if c >= '0' && c <= '9' {
			d += string(c)
		}
	}
	date := len(d)
	for rest := read[end:]; len(d) <= 13; {
		g := afterDate.FindStringSubmatch(rest)
		if g == nil || g[0] == g[2] {
			break
		}
		d += g[2]
		rest = rest[len(g[0]):]
		national := len(d) == 10 || len(d) == 11 && d[0] == '0' || len(d) == 12 && d[:2] == "91" || len(d) == 13 && d[:3] == "091"
		if after := len(d) - date; after >= 3 && national {
			return true
		}
	}
	return false
}

// colonChainRe is digit groups joined by ":" (spaces beside it allowed).
var colonChainRe = regexp.MustCompile(`[0-9]+(?: ?: ?[0-9]+)+`)

// hideTimes replaces the times in read (10:30, 10:31:05: hours up to 23,
// minutes and seconds up to 59, three groups at most) with "#".
func hideTimes(read string) string {
	return colonChainRe.ReplaceAllStringFunc(read, func(chain string) string {
		groups := strings.Split(strings.ReplaceAll(chain, " ", ""), ":")
		if len(groups) > 3 || len(groups[0]) > 2 || atoi(groups[0]) > 23 {
			return chain
		}
		for _, g := range groups[1:] {
			if len(g) != 2 || atoi(g) > 59 {
				return chain
			}
		}
		return "#"
	})
}

// FuzzMaskContacts: whatever the text, the result is UTF-8, masking it
// again changes nothing, and read as a reader sees it (foldContacts: any
// script's digits, Unicode spaces and dashes) it holds no run of ten digits
// outside a date and a time, and no
// address.
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
		"***a )a987654321098765 43210",
		"98765\n    43210", "98765 -- 43210", "98_765_43210", "98765:43210", "98765|43210", "98765 - - 43210",
		"राम@उदाहरण.भारत", "rām@gmail.com", "user@exämple.com", "राम.कुमार at उदाहरण dot भारत",
		"98:76:54:21:10", "9876:54:21:10", "98765=43210", "98765 ; 43210", "IPC 379; 411", "5000*2=10000",
		"9876O43210", "98765 4321o", "98765 - O - 4321", "9876о43210", "Room 10o", "mail a1o1@web2o2o.com",
		"10:30 9876543210", "10:30 9876543210 1", "0:10 000000000", "8.5-1974;8;184", "6.2.1947 53 | 44",
		"FIR 123/2026, 124/2026, 125/2026", "FIR 123/2026, 9876543210", "FIR 9/2026, 8/2026", "on 12.03.26 9876543210",
		"9.8.2012    3456", "1.1.2098 765432", "12.3.2098 76 54 32", "on 9.8.2012 10:30", "dinank 1.3.2026 123/2026", "9876543210 [at] 9876543210 3456 dot in, 34569876543210a+91",
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
		read = hideTimes(hideDates(read))
		if m := unmaskedPhone.FindString(read); m != "" {
			t.Fatalf("MaskContacts(%q) = %q keeps the number %q", s, got, m)
		}
		if m := colonMobile.FindString(read); m != "" {
			t.Fatalf("MaskContacts(%q) = %q keeps the number %q", s, got, m)
		}
		if m := unmaskedEmail.FindString(read); m != "" && !strings.Contains(m, "*") {
			t.Fatalf("MaskContacts(%q) = %q keeps the address %q", s, got, m)
		}
	})
}
