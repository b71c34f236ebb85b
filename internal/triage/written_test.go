package triage

import (
	"testing"
	"unicode"
)

func TestWrittenWords(t *testing.T) {
	text := "@चोरी_news मेरी स्कूटी चोरी हो गई, लड़की रोज़ https://x.co/चोरी Chori FIR क्‍या"
	sf := &writtenWords{text: text}
	for folded, want := range map[string]string{
		"चोरि": "चोरी", "स्कुटि": "स्कूटी", "लडकि": "लड़की", "रोज": "रोज़", "chori": "Chori", "fir": "FIR",
		"क्या": "क्या", "नहिं": "नहिं",
	} {
		if got := sf.of(folded); got != want {
			t.Errorf("%q: got %q, want %q", folded, got, want)
		}
	}
}

// Staff never see the invisible signs of a word: format characters (ZWJ,
// soft hyphen, direction marks) and stray combining marks are left out of
// the quoted word.
func TestWrittenWordsShowNoHiddenSigns(t *testing.T) {
	for _, text := range []string{
		"मेरी साइकिल चो\u200dरी हो गई",
		"meri cycle ch\u00adori ho gayi",
		"meri cycle c\u0301h\u0301o\u0301r\u0301i\u0301 ho gayi",
		"मेरी साइकिल चो\u200fरी हो गई",
		"\u202eचोरी\u202c हुई",
	} {
		sf := &writtenWords{text: text}
		for _, tok := range Tokenize(Fold(text)) {
			w := sf.of(tok.Text)
			for _, r := range w {
				if hidden(r) {
					t.Errorf("%q: token %q quoted as %q, with hidden sign %U", text, tok.Text, w, r)
				}
			}
		}
	}
}

// FuzzWrittenWords: every token of a post maps back to a word the post
// writes, or to itself; what is shown folds to the token and holds no
// format character.
func FuzzWrittenWords(f *testing.F) {
	for _, s := range []string{"मेरी स्कूटी चोरी हो गई", "Chori ho gayi @x_y https://a.b/c", "क्‍या café", "\xff\u0301a", "@", "चो\u200dरी", "c\u0301hori"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sf := &writtenWords{text: s}
		for _, tok := range Tokenize(Fold(s)) {
			w := sf.of(tok.Text)
			if w == tok.Text {
				continue
			}
			if Fold(w) != tok.Text {
				t.Fatalf("%q: token %q maps to %q, which folds to %q", s, tok.Text, w, Fold(w))
			}
			for _, r := range w {
				if unicode.Is(unicode.Cf, r) {
					t.Fatalf("%q: token %q maps to %q, with format character %U", s, tok.Text, w, r)
				}
			}
		}
	})
}
