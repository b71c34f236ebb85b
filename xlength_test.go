package shikayat

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestXWeightedLength(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       int
	}{
		{"empty", "", 0},
		{"ascii", "hello", 5},
		{"devanagari counts one per code point", "नमस्ते", 6},
		{"cjk counts two", "日本", 4},
		{"emoji counts two", "🚓", 2},
		{"general punctuation counts one", "\u2014\u2019", 2},
		{"an ellipsis counts two", "\u2026", 2},
		{"a link counts 23", "see https://example.org/a/very/long/path/that/goes/on/and/on", 4 + 23},
		{"links in the middle", "a http://x.io b HTTPS://Y.IO/z c", 2 + 23 + 3 + 23 + 2},
		{"a bare scheme is text", "http://", 7},
		{"tracking link in a reply", "शिकायत दर्ज। स्थिति: https://desk.example/t/UP26-0000000001 (UP26-0000000001)", 21 + 23 + 18},
		{"280 x", strings.Repeat("x", 280), 280},
		{"141 CJK", strings.Repeat("中", 141), 282},
	} {
		if got := XWeightedLength(tc.text); got != tc.want {
			t.Errorf("%s: XWeightedLength(%q) = %d, want %d", tc.name, tc.text, got, tc.want)
		}
	}
}

func FuzzXWeightedLength(f *testing.F) {
	for _, s := range []string{"", "hello", "नमस्ते https://x.io", "🚓 http://a.b/c\nd", "HTTP://", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := XWeightedLength(s)
		runes := utf8.RuneCountInString(s)
		if n < 0 || n > 2*runes+XURLWeight*(strings.Count(strings.ToLower(s), "http")) {
			t.Fatalf("XWeightedLength(%q) = %d, out of bounds for %d code points", s, n, runes)
		}
		if !strings.Contains(strings.ToLower(s), "http") && (n < runes || n > 2*runes) {
			t.Fatalf("XWeightedLength(%q) = %d without links, want between %d and %d", s, n, runes, 2*runes)
		}
		// Appending plain ASCII text adds exactly its length when no link is open.
		if !strings.Contains(strings.ToLower(s), "http") && XWeightedLength(s+" ab") != n+3 {
			t.Fatalf("appending ' ab' to %q did not add 3", s)
		}
	})
}
