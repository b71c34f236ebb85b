package triage

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
)

//go:embed places_lgd.tsv
var placesLGD string

// Kind is what sort of place a gazetteer name stands for.
type Kind uint8

const (
	KindDistrict Kind = iota + 1 // a district's name, old name or short form
	KindCity                     // a municipal corporation or municipality
	KindTehsil                   // a tehsil (sub-district)
	KindLocality                 // a well-known locality, landmark or small town named by hand
	KindTown                     // a town panchayat or other small urban body
	KindStation                  // an imported police station
	KindOutside                  // a place outside Uttar Pradesh
	KindState                    // Uttar Pradesh as a whole
)

func (k Kind) String() string {
	switch k {
	case KindDistrict:
		return "district"
	case KindCity:
		return "city"
	case KindTehsil:
		return "tehsil"
	case KindLocality:
		return "locality"
	case KindTown:
		return "town"
	case KindStation:
		return "station"
	case KindOutside:
		return "outside UP"
	case KindState:
		return "state"
	}
	return "place"
}

// weight is how strongly a name of this kind points at its district.
func (k Kind) weight() float64 {
	switch k {
	case KindDistrict:
		return 3
	case KindCity, KindLocality, KindStation:
		return 2.5
	case KindTehsil:
		return 2
	case KindTown:
		return 1.5
	case KindOutside:
		return 2.5
	}
	return 0
}

// place is what one gazetteer name stands for.
type place struct {
	kind Kind
	lgd  int    // 0 outside UP and for the state
	name string // as written in the source, for reasons
	// exact, when set, is the folded name without spaces that the text
	// must spell exactly: towns, tehsils and localities are not matched
	// through the phonetic key (Khadda is not "khada", standing).
	exact string
}

// phrase is a name as a sequence of token keys, with every place it names.
type phrase struct {
	places []place
}

// Gazetteer finds UP places in text and tells their districts. It is safe
// for concurrent use once built.
type Gazetteer struct {
	phrases map[string]*phrase // key: token keys joined by " "
	maxLen  int                // longest phrase, in tokens
	// starts maps the first token key of a phrase of several words to
	// the length of the longest such phrase.
	starts  map[string]int
	fuzzy   map[string][]string
	handles map[string]int // lower-case handle → LGD
	// handleNames maps a district's name keys, joined without spaces, to
	// its LGD, for recognising police accounts not in the table.
	handleNames map[string]int
}

// Station is a police station the gazetteer should know by name.
type Station struct {
	District int
	Names    []string
}

// NewGazetteer builds the gazetteer from the domain's district table, the
// embedded facts, the given handle → district table (nil for the default)
// and stations (may be nil).
func NewGazetteer(handles map[string]int, stations []Station) *Gazetteer {
	g := &Gazetteer{
		phrases:     map[string]*phrase{},
		starts:      map[string]int{},
		fuzzy:       map[string][]string{},
		handles:     map[string]int{},
		handleNames: map[string]int{},
	}
	for _, d := range shikayat.Districts() {
		g.add(d.Name, place{kind: KindDistrict, lgd: d.LGD, name: d.Name})
		if d.NameHi != "" {
			g.add(d.NameHi, place{kind: KindDistrict, lgd: d.LGD, name: d.NameHi})
		}
		for _, a := range d.Aliases {
			g.add(a, place{kind: KindDistrict, lgd: d.LGD, name: a})
		}
	}
	eachLine(districtExtras, func(lgd int, names []string) {
		for _, n := range names {
			g.add(n, place{kind: KindDistrict, lgd: lgd, name: n})
		}
	})
	eachLine(localPlaces, func(lgd int, names []string) {
		for _, n := range names {
			g.add(n, place{kind: KindLocality, lgd: lgd, name: n})
		}
	})
	g.addLGD()
	for _, n := range splitNames(outsideUP) {
		g.add(n, place{kind: KindOutside, lgd: 0, name: n})
	}
	for _, n := range splitNames(stateOnly) {
		g.add(n, place{kind: KindState, lgd: 0, name: n})
	}
	for _, s := range stations {
		for _, n := range s.Names {
			g.add(n, place{kind: KindStation, lgd: s.District, name: n})
		}
	}
	// Fuzzy matching covers names that are long and specific enough: a
	// district's names and the cities.
	for key, ph := range g.phrases {
		if strings.IndexByte(key, ' ') >= 0 || utf8.RuneCountInString(key) < 6 {
			continue
		}
		ok := false
		for _, p := range ph.places {
			if p.kind == KindDistrict || p.kind == KindCity {
				ok = true
			}
		}
		if !ok {
			continue
		}
		for _, d := range deletions(key) {
			g.fuzzy[d] = append(g.fuzzy[d], key)
		}
	}
	if handles == nil {
		handles = DefaultHandles()
	}
	for h, lgd := range handles {
		g.handles[strings.ToLower(strings.TrimPrefix(h, "@"))] = lgd
	}
	for _, d := range shikayat.Districts() {
		g.handleNames[handleKey(d.Name)] = d.LGD
		for _, a := range d.Aliases {
			if isASCII(a) {
				g.handleNames[handleKey(a)] = d.LGD
			}
		}
	}
	eachLine(districtExtras, func(lgd int, names []string) {
		for _, n := range names {
			if isASCII(n) && len(handleKey(n)) >= 4 {
				g.handleNames[handleKey(n)] = lgd
			}
		}
	})
	return g
}

func handleKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// DefaultHandles returns the built-in table of district police accounts.
func DefaultHandles() map[string]int {
	m := map[string]int{}
	for _, line := range strings.Split(defaultHandles, "\n") {
		h, code, ok := strings.Cut(strings.TrimSpace(line), "|")
		if !ok {
			continue
		}
		lgd, err := strconv.Atoi(code)
		if err == nil {
			m[h] = lgd
		}
	}
	return m
}

// ParseHandles reads a handle → district table: one "handle,LGD" (or
// "handle|LGD", or tab-separated) per line; blank lines and lines starting
// with "#" are skipped.
func ParseHandles(text string) (map[string]int, error) {
	m := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '|' || r == '\t' })
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want handle,LGD", n)
		}
		lgd, err := strconv.Atoi(strings.TrimSpace(f[1]))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		m[strings.TrimPrefix(strings.TrimSpace(f[0]), "@")] = lgd
	}
	return m, sc.Err()
}

// Handle returns the district of a police account, and whether it is one.
func (g *Gazetteer) Handle(username string) (int, bool) {
	u := strings.ToLower(strings.TrimPrefix(username, "@"))
	if lgd, ok := g.handles[u]; ok {
		return lgd, true
	}
	k := handleKey(u)
	for _, suf := range []string{"police", "pol", "cp", "dcp", "sp"} {
		if stem, ok := strings.CutSuffix(k, suf); ok && len(stem) >= 3 {
			if lgd, ok := g.handleNames[stem]; ok {
				return lgd, true
			}
		}
	}
	return 0, false
}

func eachLine(table string, f func(lgd int, names []string)) {
	for _, line := range strings.Split(table, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		parts := strings.Split(line, "|")
		lgd, err := strconv.Atoi(parts[0])
		if err != nil {
			continue
		}
		f(lgd, parts[1:])
	}
}

func splitNames(table string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(table, func(r rune) bool { return r == '|' || r == '\n' }) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// genericNames are tehsil and town names that also are everyday words, or
// that many districts share; they never stand for a place on their own.
var genericNames = keySet(
	"sadar", "nagar", "city", "kotwali", "cantt", "cantonment", "bah", "un", "kol", "hata", "bara",
	"patti", "khair", "rath", "moth", "lar", "chail", "salon", "mant", "gola", "pali", "raya",
	"kasba", "bazar", "bazaar", "ganj", "pur", "khas", "kalan", "khurd", "nai", "naya", "purana",
	"phulpur", "lalganj", "nawabganj", "akbarpur", "jalalabad", "shahabad", "aliganj",
	"mohammadabad", "muhammadabad", "kalyanpur", "rampur", "bilaspur", "sikandra", "ramnagar",
	"civil lines", "model town", "indira nagar", "krishna nagar", "shastri nagar", "rajendra nagar",
	"kamla nagar", "station", "road", "bridge", "gate", "chowk", "dhampur", "amariya", "noorpur",
)

// addLGD adds the tehsils and towns of the LGD facts. A town or tehsil name
// that is also a common word is left out; so are Latin names shorter than
// four letters.
func (g *Gazetteer) addLGD() {
	for _, line := range strings.Split(placesLGD, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			continue
		}
		lgd, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		name := f[2]
		key := phraseKey(name)
		if key == "" || genericNames[key] || commonWords[key] || len(key) < 4 {
			continue
		}
		kind := KindTehsil
		if f[0] == "town" {
			kind = KindTown
			if r, _ := strconv.Atoi(f[3]); r == 4 || r == 5 || r == 8 {
				kind = KindCity
			}
		}
		g.add(name, place{kind: kind, lgd: lgd, name: name})
	}
}

// exactKey folds a name and drops its spaces and punctuation.
func exactKey(name string) string {
	var b strings.Builder
	for _, t := range Tokenize(Fold(name)) {
		b.WriteString(t.Text)
	}
	return b.String()
}

// phraseKey folds a name to the key the matcher looks up.
func phraseKey(name string) string {
	toks := Tokenize(Fold(name))
	keys := make([]string, 0, len(toks))
	for _, t := range toks {
		keys = append(keys, Key(t.Text))
	}
	return strings.Join(keys, " ")
}

func (g *Gazetteer) add(name string, p place) {
	key := phraseKey(name)
	if p.kind != KindDistrict && p.kind != KindOutside && p.kind != KindState {
		p.exact = exactKey(name)
	}
	if key == "" {
		return
	}
	g.addKey(key, p)
	if strings.IndexByte(key, ' ') > 0 && p.kind != KindState {
		// "gomti nagar" is also written "gomtinagar"
		g.addKey(strings.ReplaceAll(key, " ", ""), p)
	}
}

func (g *Gazetteer) addKey(key string, p place) {
	ph := g.phrases[key]
	if ph == nil {
		ph = &phrase{}
		g.phrases[key] = ph
	}
	for _, q := range ph.places {
		if q.lgd == p.lgd && q.kind <= p.kind {
			return // already known as a stronger kind
		}
	}
	// a stronger kind for the same district replaces a weaker one
	for i, q := range ph.places {
		if q.lgd == p.lgd {
			ph.places[i] = p
			return
		}
	}
	ph.places = append(ph.places, p)
	if n := strings.Count(key, " ") + 1; n > 1 {
		first, _, _ := strings.Cut(key, " ")
		g.starts[first] = max(g.starts[first], n)
		g.maxLen = max(g.maxLen, n)
	}
}

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
	best := Kind(255)
	for _, p := range m.Places {
		if p.lgd != 0 && p.kind < best {
			best = p.kind
		}
	}
	var out []int
	for _, p := range m.Places {
		if p.lgd != 0 && (p.kind == best || (best != KindDistrict && p.kind != KindDistrict)) {
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
func (g *Gazetteer) Find(toks []Token) []Match {
	var out []Match
	var b []byte
	for i := 0; i < len(toks); {
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
			if m, ok := g.single(toks[i].Key); ok {
				m.Surface, m.Start, m.End = toks[i].Text, i, i+1
				out = append(out, m)
			}
		}
		i++
	}
	return out
}

// single matches one token that is not a name as it stands: a name with a
// suffix glued on, a hashtag that joins a name to a word, or a name with one
// letter wrong.
func (g *Gazetteer) single(key string) (Match, bool) {
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

// PlaceName is one name the gazetteer knows, for tools that need the
// facts themselves (the training data generator).
type PlaceName struct {
	LGD  int // 0 outside UP
	Kind Kind
	Name string
}

// KnownPlaces lists the hand-written and LGD place names (not the domain's
// district table, which callers read directly).
func KnownPlaces() []PlaceName {
	var out []PlaceName
	eachLine(districtExtras, func(lgd int, names []string) {
		for _, n := range names {
			out = append(out, PlaceName{lgd, KindDistrict, n})
		}
	})
	eachLine(localPlaces, func(lgd int, names []string) {
		for _, n := range names {
			out = append(out, PlaceName{lgd, KindLocality, n})
		}
	})
	for _, line := range strings.Split(placesLGD, "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 4 || line[0] == '#' {
			continue
		}
		lgd, _ := strconv.Atoi(f[1])
		k := KindTehsil
		if f[0] == "town" {
			k = KindTown
			if r, _ := strconv.Atoi(f[3]); r == 4 || r == 5 || r == 8 {
				k = KindCity
			}
		}
		key := phraseKey(f[2])
		if genericNames[key] || commonWords[key] || len(key) < 4 {
			continue
		}
		out = append(out, PlaceName{lgd, k, f[2]})
	}
	for _, n := range splitNames(outsideUP) {
		out = append(out, PlaceName{0, KindOutside, n})
	}
	return out
}
