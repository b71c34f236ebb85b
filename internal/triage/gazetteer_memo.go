package triage

import (
	"strings"
	"unicode/utf8"
)

// wordMemo remembers what the gazetteer works out for one word alone (a
// name with a suffix or a letter off, a Devanagari word romanised), which
// depends on the word and the gazetteer only: words recur from post to
// post, and the work is done once. A memo belongs to one goroutine at a
// time (the triager's pooled feature sets each hold one) and to one
// gazetteer; it forgets everything when it grows past memoMax words. A
// nil memo remembers nothing.
type wordMemo struct {
	singles map[string]singleAnswer
	roman   map[string][]string
}

type singleAnswer struct {
	m  Match
	ok bool
}

const memoMax = 8192

// single is g.single(key), remembered.
func (w *wordMemo) single(g *Gazetteer, key string) (Match, bool) {
	if w == nil || utf8.RuneCountInString(key) < 6 {
		return g.single(key) // a short word is answered at once (no letter-off search)
	}
	if a, ok := w.singles[key]; ok {
		return a.m, a.ok
	}
	m, ok := g.single(key)
	if w.singles == nil || len(w.singles) >= memoMax {
		w.singles = make(map[string]singleAnswer)
	}
	w.singles[strings.Clone(key)] = singleAnswer{m, ok} // a clone keeps no post's text alive
	return m, ok
}

// romanise is romanise(word), remembered. Its answer is shared: callers
// only read it.
func (w *wordMemo) romanise(word string) []string {
	if w == nil {
		return romanise(word)
	}
	if r, ok := w.roman[word]; ok {
		return r
	}
	r := romanise(word)
	if w.roman == nil || len(w.roman) >= memoMax {
		w.roman = make(map[string][]string)
	}
	w.roman[strings.Clone(word)] = r
	return r
}
