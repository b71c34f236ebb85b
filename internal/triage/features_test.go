package triage

import (
	"slices"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
)

// FuzzExtract: any text gives features without a panic, with cues sorted
// and without duplicates, and phrase matches for every set; the type rules
// read it without a panic, settle only a type of the model's, and name
// the post's own words for it.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"mere ghar mein chori ho gayi", "पुलिस ने झूठे मुकदमे में नामजद कर दिया", "le gaye", "नहीं मिला 😂", "\xff police ne", "ran off with",
		"daroga. paise maange", "the SI is demanding Rs 500", "ज़मीन पर कब्जा", "video call blackmail"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := Fold(s)
		toks := Tokenize(text)
		fs := extract(&shikayat.Post{Text: s}, text, toks, DetectLang(toks))
		if !slices.IsSorted(fs.cues) || len(slices.Compact(slices.Clone(fs.cues))) != len(fs.cues) {
			t.Fatalf("%q: cues not sorted and unique: %v", s, fs.cues)
		}
		if len(fs.pm) != len(phraseSets) {
			t.Fatalf("%q: %d phrase matches for %d sets", s, len(fs.pm), len(phraseSets))
		}
		// the type settled is a type of the model's, and the words that
		// settle it are runs of the post's own words
		ty, w := fs.pm.settleType(text, toks)
		if ty != "" && !slices.Contains(typeClasses, string(ty)) {
			t.Fatalf("%q: settled as %q, no type", s, ty)
		}
		all := " " + words(toks) + " "
		for _, part := range strings.Split(w, " … ") {
			if w != "" && !strings.Contains(all, " "+part+" ") {
				t.Fatalf("%q: settled as %q by %q, not words of the post", s, ty, part)
			}
		}
	})
}
