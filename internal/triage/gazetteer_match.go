package triage

import (
	"strings"
	"unicode/utf8"
)

// deletions returns s with each one of its runes left out.
func deletions(s string) []string {
	rs := []rune(s)
	out := make([]string, 0, len(rs))
	for i := range rs {
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}

// Match is one place named in a text.
type Match struct {
	Surface    string // the words as written (folded)
	Start, End int    // token positions [Start, End)
	Places     []place
	Fuzzy      bool // matched with one letter wrong
	Romanised  bool // a Devanagari word matched to a name known in Latin letters
}

// Kind returns the strongest kind among the match's places.
func (m Match) Kind() Kind {
	k := Kind(255)
	for _, p := range m.Places {
		if p.kind < k {
			k = p.kind
		}
	}
	return k
}

// Districts returns the LGD codes the match may stand for. A district's own
// name wins over towns and tehsils of the same name elsewhere (Fatehpur the
// district, not the Barabanki tehsil).
func (m Match) Districts() []int {
	district := false
	for _, p := range m.Places {
		district = district || (p.kind == KindDistrict && p.lgd != 0)
	}
	var out []int
	for _, p := range m.Places {
		if p.lgd != 0 && (!district || p.kind == KindDistrict) {
			out = appendUnique(out, p.lgd)
		}
	}
	return out
}

func appendUnique(s []int, v int) []int {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// suffixes glued to place names: Hindi postpositions and "-wale" forms.
var placeSuffixes = []string{
	"वासियों", "वासी", "वाले", "वाला", "वाली", "में", "से", "के", "की", "का", "को", "ने",
	"vasi", "vale", "vala", "vali", "based", "ites", "ite", "me", "se", "ke", "ki", "ka",
}

// Find returns the places named in tokens, longest names first, left to
// right. Mentions and hashtags take part (a #lucknow tag names Lucknow).
func (g *Gazetteer) Find(toks []Token) []Match { return g.find(toks, nil) }

// find is Find, remembering in memo (when not nil) what it worked out
// for single words, for the next posts.
func (g *Gazetteer) find(toks []Token, memo *wordMemo) []Match {
	var out []Match
	var b []byte
	for i := 0; i < len(toks); {
		if !toks[i].Mention && !toks[i].Hashtag {
			if n := falseFriends.at(toks, i); n > 0 {
				i += n // an ordinary word that looks like a place
				continue
			}
		}
		matched := false
		longest := 1
		if !toks[i].Mention && !toks[i].Hashtag {
			longest = min(g.starts[toks[i].Key], len(toks)-i)
		}
		for n := max(longest, 1); n >= 1; n-- {
			b = b[:0]
			for j := i; j < i+n; j++ {
				if j > i {
					b = append(b, ' ')
				}
				b = append(b, toks[j].Key...)
			}
			if ph := g.phrases[string(b)]; ph != nil {
				places := exactPlaces(ph.places, toks[i:i+n])
				if len(places) == 0 {
					continue
				}
				if n == 1 && toks[i].Mention {
					break // @agrapolice names an account, handled elsewhere
				}
				out = append(out, Match{Surface: surface(toks[i : i+n]), Start: i, End: i + n, Places: places})
				i += n
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if !toks[i].Mention {
			if m, ok := memo.single(g, toks[i].Key); ok {
				m.Surface, m.Start, m.End = toks[i].Text, i, i+1
				out = append(out, m)
				i++
				continue
			}
			if m, ok := g.romanised(toks, i, memo); ok {
				out = append(out, m)
				i = m.End
				continue
			}
		}
		i++
	}
	return out
}

// romanised matches a Devanagari word, or two, to a place known only by its
// Latin name.
func (g *Gazetteer) romanised(toks []Token, i int, memo *wordMemo) (Match, bool) {
	t := toks[i]
	if !t.Deva || commonWords[t.Key] || utf8.RuneCountInString(t.Text) < 3 {
		return Match{}, false
	}
	first := memo.romanise(t.Text)
	if first == nil {
		return Match{}, false
	}
	if i+1 < len(toks) && toks[i+1].Deva && !commonWords[toks[i+1].Key] && utf8.RuneCountInString(toks[i+1].Text) >= 3 {
		for _, a := range first {
			for _, b := range memo.romanise(toks[i+1].Text) {
				if ps := g.roman[a+b]; len(ps) > 0 {
					return Match{Surface: t.Text + " " + toks[i+1].Text, Start: i, End: i + 2, Places: ps, Romanised: true}, true
				}
			}
		}
	}
	for _, a := range first {
		if len(a) < 6 {
			continue // short romanised words meet too many names (खड़ा, Khadda)
		}
		if ps := g.roman[a]; len(ps) > 0 {
			return Match{Surface: t.Text, Start: i, End: i + 1, Places: ps, Romanised: true}, true
		}
	}
	return Match{}, false
}

// single matches one token that is not a name as it stands: a name with a
// suffix glued on, a hashtag that joins a name to a word, or a name with one
// letter wrong.
func (g *Gazetteer) single(key string) (Match, bool) {
	if len(key) < 4 || functionWords[key] {
		return Match{}, false // too short for a suffix or a letter off
	}
	for _, suf := range placeSuffixes {
		if stem, ok := strings.CutSuffix(key, suf); ok && utf8.RuneCountInString(stem) >= 4 {
			if ph := g.phrases[stem]; ph != nil && strongEnough(ph) {
				if ps := keyOnly(ph.places); len(ps) > 0 {
					return Match{Places: ps}, true
				}
			}
		}
	}
	for _, pre := range []string{"police", "pulis"} { // #lucknowpolice, #पुलिस…
		if stem, ok := strings.CutSuffix(key, pre); ok && len(stem) >= 3 {
			if ph := g.phrases[stem]; ph != nil && strongEnough(ph) {
				if ps := keyOnly(ph.places); len(ps) > 0 {
					return Match{Places: ps}, true
				}
			}
		}
	}
	n := utf8.RuneCountInString(key)
	if n < 6 || commonWords[key] || hindiRoman[key] {
		return Match{}, false
	}
	// one letter left out, added or changed
	var cands []string
	cands = append(cands, g.fuzzy[key]...)
	var buf [64]byte
	for i, r := range key {
		if len(key) >= len(buf) {
			break
		}
		d := append(append(buf[:0], key[:i]...), key[i+utf8.RuneLen(r):]...)
		if n > 6 {
			if _, ok := g.phrases[string(d)]; ok {
				cands = append(cands, string(d))
			}
		}
		cands = append(cands, g.fuzzy[string(d)]...)
	}
	var found []place
	for _, c := range cands {
		if !sameStart(c, key) || editDistance1(c, key) != 1 {
			continue
		}
		ph := g.phrases[c]
		if ph == nil || !strongEnough(ph) {
			continue
		}
		for _, p := range keyOnly(ph.places) {
			if len(found) > 0 && found[0].lgd != p.lgd {
				return Match{}, false // names of two places one letter away: do not guess
			}
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		return Match{}, false
	}
	ps := found[:1]
	return Match{Places: ps, Fuzzy: true}, true
}

// exactPlaces keeps the places whose names toks spell as required.
func exactPlaces(places []place, toks []Token) []place {
	need := false
	for _, p := range places {
		if p.exact != "" {
			need = true
			break
		}
	}
	if !need {
		return places
	}
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Text)
	}
	spelt := b.String()
	var out []place
	for _, p := range places {
		if p.exact == "" || p.exact == spelt {
			out = append(out, p)
		}
	}
	return out
}

// keyOnly keeps the places that may be matched through the phonetic key:
// districts and places outside UP.
func keyOnly(places []place) []place {
	var out []place
	for _, p := range places {
		if p.exact == "" {
			out = append(out, p)
		}
	}
	return out
}

func strongEnough(ph *phrase) bool {
	for _, p := range ph.places {
		if p.kind == KindDistrict || p.kind == KindCity || p.kind == KindLocality || p.kind == KindOutside {
			return true
		}
	}
	return false
}

func sameStart(a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return ra == rb
}

// editDistance1 returns 0 when a == b, 1 when one substitution, insertion,
// deletion or swap of neighbours turns a into b, and 2 otherwise.
func editDistance1(a, b string) int {
	if a == b {
		return 0
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		diff := -1
		for i := range ra {
			if ra[i] != rb[i] {
				if diff >= 0 {
					// a swap of neighbours
					if diff == i-1 && ra[diff] == rb[i] && ra[i] == rb[diff] && string(ra[i+1:]) == string(rb[i+1:]) {
						return 1
					}
					return 2
				}
				diff = i
			}
		}
		return 1
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		if string(ra[i+1:]) == string(rb[i:]) {
			return 1
		}
	}
	return 2
}

func surface(toks []Token) string {
	if len(toks) == 1 {
		return toks[0].Text
	}
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}
