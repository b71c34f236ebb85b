package triage

import (
	"strings"
	"testing"
)

func TestWrittenWords(t *testing.T) {
	text := "@चोरी_news मेरी स्कूटी चोरी हो गई, लड़की रोज़ https://x.co/चोरी Chori FIR क्‍या"
	sf := &writtenWords{text: text}
	for folded, want := range map[string]string{
		"चोरि": "चोरी", "स्कुटि": "स्कूटी", "लडकि": "लड़की", "रोज": "रोज़", "chori": "Chori", "fir": "FIR",
		"क्या": "क्\u200dया", "नहिं": "नहिं",
	} {
		if got := sf.of(folded); got != want {
			t.Errorf("%q: got %q, want %q", folded, got, want)
		}
	}
}

// FuzzWrittenWords: every token of a post maps back to a word the post
// writes (or, failing that, to itself), without a panic.
func FuzzWrittenWords(f *testing.F) {
	for _, s := range []string{"मेरी स्कूटी चोरी हो गई", "Chori ho gayi @x_y https://a.b/c", "क्‍या café", "\xff\u0301a", "@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sf := &writtenWords{text: s}
		for _, tok := range Tokenize(Fold(s)) {
			if w := sf.of(tok.Text); w != tok.Text && !strings.Contains(s, w) {
				t.Fatalf("%q: token %q maps to %q, not in the text", s, tok.Text, w)
			}
		}
	})
}
