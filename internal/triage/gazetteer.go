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
	starts map[string]int
	// roman maps the Key of a place's Latin name, without spaces, to the
	// place, for Devanagari words romanised (see romanise).
	roman   map[string][]place
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
		roman:       map[string][]place{},
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
	for _, table := range []string{localPlaces, landmarks} {
		eachLine(table, func(lgd int, names []string) {
			for _, n := range names {
				g.add(n, place{kind: KindLocality, lgd: lgd, name: n})
			}
		})
	}
	g.addLGD()
	for key, ph := range g.phrases {
		k := strings.ReplaceAll(key, " ", "")
		if !isASCII(k) || len(k) < 5 || commonWords[k] || hindiRoman[k] {
			continue
		}
		if keyOnlyHas(ph.places) {
			continue // a district's own name: it has a Hindi name of its own
		}
		for _, p := range ph.places {
			if p.exact != "" && isASCII(p.exact) {
				p.exact = ""
				g.roman[k] = appendPlace(g.roman[k], p)
			}
		}
	}
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
		return lgd, lgd > 0 // 0: the deployment's account of no district
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

func keyOnlyHas(ps []place) bool {
	for _, p := range ps {
		if p.kind == KindDistrict {
			return true
		}
	}
	return false
}

func appendPlace(ps []place, p place) []place {
	for _, q := range ps {
		if q.lgd == p.lgd {
			return ps
		}
	}
	return append(ps, p)
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
