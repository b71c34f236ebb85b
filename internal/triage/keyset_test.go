package triage

import (
	"slices"
	"testing"

	"github.com/shikayat/shikayat"
)

// Every entry of every word set matches the token a post gives for it:
// sets hold folded keys, and posts are tokenized after folding, so an
// entry written with a long vowel or a nukta (नहीं, लड़की) must still
// match.
func TestKeySetsMatchFoldedTokens(t *testing.T) {
	if len(keySets) < 10 {
		t.Fatalf("only %d word sets registered", len(keySets))
	}
	for _, ws := range keySets {
		for _, w := range ws.words {
			toks := Tokenize(Fold(w))
			if len(toks) != 1 {
				continue // a phrase or a word with an apostrophe: never one token
			}
			if !ws.set[toks[0].Key] {
				t.Errorf("word set entry %q: its token %q is not in the set", w, toks[0].Key)
			}
		}
	}
}

func TestDevanagariWordSets(t *testing.T) {
	key := func(w string) string { return Tokenize(Fold(w))[0].Key }
	for _, c := range []struct {
		set  map[string]bool
		name string
		word string
	}{
		{negationWords, "negation", "नहीं"},
		{functionWords, "function", "अभी"},
		{functionWords, "function", "मेरी"},
		{functionWords, "function", "हुई"},
		{femalePerson, "female person", "लड़की"},
		{harmWords, "harm", "पीटा"},
		{commonWords, "common", "चोरी"},
		{policeMisdeed, "police misdeed", "थप्पड़"},
	} {
		if !c.set[key(c.word)] {
			t.Errorf("%q is not in the %s words as a post gives it (%q)", c.word, c.name, key(c.word))
		}
	}
	// "नहीं" beside a thana makes the inaction cue
	text := Fold("थाने में FIR नहीं लिखी जा रही")
	toks := Tokenize(text)
	p := &shikayat.Post{ID: "1", Text: text}
	f := extract(p, text, toks, DetectLang(toks))
	if !slices.Contains(f.cues, hashFeature("cue:", "inaction")) {
		t.Error(`"थाने में FIR नहीं लिखी" has no inaction cue`)
	}
}
