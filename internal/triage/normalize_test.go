package triage

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"latin lower case", "LUCKNOW Police", "lucknow police"},
		{"latin diacritics dropped", "Prayāgrāj café", "prayagraj cafe"},
		{"nukta dropped (precomposed)", "\u095B\u093F\u0932\u093E", "\u091C\u093F\u0932\u093E"},              // ज़िला → जिला
		{"nukta dropped (combining)", "\u091C\u093C\u093F\u0932\u093E", "\u091C\u093F\u0932\u093E"},          // ज + ़ + िला
		{"chandrabindu as anusvara", "\u092E\u0947\u0901", "\u092E\u0947\u0902"},                             // मेँ → में
		{"zero width joiners removed", "\u0915\u094D\u200D\u0937", "\u0915\u094D\u0937"},                     // क्‍ष → क्ष
		{"long i matra as short", "\u092A\u0941\u0932\u093F\u0938", "\u092A\u0941\u0932\u093F\u0938"},        // पुलिस stays
		{"long ii matra folds", "\u0928\u0939\u0940\u0902", "\u0928\u0939\u093F\u0902"},                      // नहीं → नहिं
		{"half nasal as anusvara", "\u0939\u093F\u0928\u094D\u0926\u0940", "\u0939\u093F\u0902\u0926\u093F"}, // हिन्दी → हिंदि
		{"anusvara spelling unchanged", "\u0939\u093F\u0902\u0926\u0940", "\u0939\u093F\u0902\u0926\u093F"},  // हिंदी → हिंदि
		{"devanagari digits", "\u0967\u0968\u0969", "123"},
		{"word-initial half nasal kept", "\u0928\u094D\u092F\u093E\u092F", "\u0928\u094D\u092F\u093E\u092F"}, // न्याय
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q (%U), want %q", tt.in, got, []rune(got), tt.want)
			}
		})
	}
}

func TestFoldSpellingsMeet(t *testing.T) {
	pairs := [][2]string{
		{"हिन्दी", "हिंदी"},
		{"ज़मीन", "जमीन"},
		{"बाँदा", "बांदा"},
		{"प्रयागराज़", "प्रयागराज"},
		{"गाज़ियाबाद", "गाजियाबाद"},
		{"Gōmti", "gomti"},
	}
	for _, p := range pairs {
		t.Run(p[0], func(t *testing.T) {
			if Fold(p[0]) != Fold(p[1]) {
				t.Errorf("Fold(%q) = %q, Fold(%q) = %q; want equal", p[0], Fold(p[0]), p[1], Fold(p[1]))
			}
		})
	}
}

func TestKeyJoinsHinglishSpellings(t *testing.T) {
	groups := [][]string{
		{"bachao", "bachaao", "bachaooo"},
		{"mein", "men"},
		{"jaldi", "jaldii"},
		{"phir", "fir"},
		{"zameen", "jamin", "jameen"},
		{"kiya", "kia"},
		{"hai", "he"},
	}
	for _, g := range groups {
		t.Run(g[0], func(t *testing.T) {
			for _, w := range g[1:] {
				if Key(w) != Key(g[0]) {
					t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", w, Key(w), g[0], Key(g[0]))
				}
			}
		})
	}
	t.Run("devanagari unchanged", func(t *testing.T) {
		if got := Key("लखनऊ"); got != "लखनऊ" {
			t.Errorf("Key changed a Devanagari word: %q", got)
		}
	})
}

func TestTokenize(t *testing.T) {
	toks := Tokenize(Fold("@Uppolice लखनऊ में #chori https://t.co/x1 Lucknow-based, 112!"))
	var got []string
	for _, tk := range toks {
		s := tk.Text
		if tk.Mention {
			s = "@" + s
		}
		if tk.Hashtag {
			s = "#" + s
		}
		got = append(got, s)
	}
	want := []string{"@uppolice", Fold("लखनऊ"), "में", "#chori", "lucknow", "based", "112"}
	if len(got) != len(want) {
		t.Fatalf("tokens %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"लखनऊ में", "Prayāgrāj", "हिन्दी ज़मीन", "क्‍ष", "@x #y http://a b", "\xff\xfe", "न्"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(a) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, a)
		}
		if b := Fold(a); b != a {
			t.Fatalf("Fold is not idempotent: %q → %q → %q", s, a, b)
		}
		for _, tk := range Tokenize(a) {
			if tk.Start < 0 || tk.End > len(a) || tk.Start >= tk.End || a[tk.Start:tk.End] != tk.Text {
				t.Fatalf("token %+v does not lie in %q", tk, a)
			}
			_ = Key(tk.Text)
		}
	})
}

// FuzzNeedsNFD: text needsNFD lets through is left unchanged by NFD.
func FuzzNeedsNFD(f *testing.F) {
	for _, s := range []string{"हजरतगंज में चोरी", "क़ानून ज़मीन", "café", "₹500 🙏🚨 — “quoted”", "\u2000\u2126", "ॐ\u0958", "x\U0002F800", "क\u094D\u093C", "क\u094D\u0951", "सड़क लड़की न्ड़ ज़मीन", "हिन्दी ढ़"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !needsNFD(s, false) && norm.NFD.String(s) != s {
			t.Fatalf("needsNFD(%q) = false, but NFD changes it", s)
		}
		if utf8.ValidString(s) && !needsNFD(s, true) {
			if fast, slow := fold(s, true), fold(s, false); fast != slow {
				t.Fatalf("fold(%q): %q without NFD, %q with", s, fast, slow)
			}
		}
	})
}

// TestNeedsNFDEveryRune checks needsNFD against NFD on every code point.
func TestNeedsNFDEveryRune(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if !needsNFD(s, false) && norm.NFD.String(s) != s {
			t.Errorf("needsNFD(%U) = false, but NFD changes it", r)
		}
		if !needsNFD(s, true) && fold(s, true) != fold(s, false) {
			t.Errorf("fold(%U) differs without NFD", r)
		}
	}
}
