package triage

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
)

// The work shared or remembered for speed must answer as the plain work
// does: these compare each shortcut with the way it was done before.

// keyBefore is Key as it was before it worked in stack buffers.
func keyBefore(tok string) string {
	if tok == "" || !isASCII(tok) {
		return tok
	}
	// a letter typed three or more times is one letter: bachaooo, plzzz
	if len(tok) >= 3 {
		r := make([]byte, 0, len(tok))
		for i := 0; i < len(tok); {
			j := i
			for j < len(tok) && tok[j] == tok[i] {
				j++
			}
			if j-i >= 3 {
				r = append(r, tok[i])
			} else {
				r = append(r, tok[i:j]...)
			}
			i = j
		}
		tok = string(r)
	}
	b := make([]byte, 0, len(tok))
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch c {
		case 'w':
			c = 'v'
		case 'z':
			c = 'j'
		case 'q':
			c = 'k'
		case 'p':
			if i+1 < len(tok) && tok[i+1] == 'h' {
				c = 'f'
				i++
			}
		case 'c':
			if i+1 < len(tok) && tok[i+1] == 'k' {
				c = 'k'
				i++
			}
		case 'e':
			if i+1 < len(tok) && tok[i+1] == 'e' { // ee → i
				c = 'i'
				i++
			}
		case 'o':
			if i+1 < len(tok) && tok[i+1] == 'o' { // oo → u
				c = 'u'
				i++
			}
		case 'a':
			if i+1 < len(tok) && (tok[i+1] == 'i' || tok[i+1] == 'y') && (i+2 == len(tok) || !isVowelByte(tok[i+2])) { // ai, ay → e
				c = 'e'
				i++
			}
		}
		// collapse doubled letters: bachaaooo → bachao
		if n := len(b); n > 0 && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	// mein → men, kiya → kia
	s := string(b)
	s = strings.ReplaceAll(s, "ei", "e")
	s = strings.ReplaceAll(s, "iya", "ia")
	if len(s) > 3 && strings.HasSuffix(s, "h") && isVowelByte(s[len(s)-2]) { // nahh/ jagah → jaga
		s = s[:len(s)-1]
	}
	return s
}

// FuzzKey: Key gives what it gave before it worked in stack buffers.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"bachaooo", "plzzz", "mein", "kiya", "jagah", "phone", "chheena", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ab", "लखनऊ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Key(s), keyBefore(s); got != want {
			t.Fatalf("Key(%q) = %q, before %q", s, got, want)
		}
	})
}

// addOneByOne is Model.add as it was: one feature at a time, through the
// offset table and the weights apart.
func (m *Model) addOneByOne(ids []uint32, acc *[nWeights]int32) {
	for _, h := range ids {
		off, ok := m.table.lookup(h)
		if !ok {
			continue
		}
		w := (*[nWeights]int16)(m.q[off : off+nWeights])
		for i := range acc {
			acc[i] += int32(w[i])
		}
	}
}

// TestModelAddInBatches: scoring in batches from the table of weights
// beside their keys sums what one feature at a time sums, for features
// the model has and has not, in runs of every length.
func TestModelAddInBatches(t *testing.T) {
	m, err := EmbeddedModel()
	if err != nil {
		t.Fatal(err)
	}
	known := make([]uint32, 0, len(m.index))
	for h := range m.index {
		known = append(known, h)
	}
	slices.Sort(known)
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		ids := make([]uint32, n)
		for i := range ids {
			if r.IntN(4) == 0 {
				ids[i] = r.Uint32() // most likely unknown
			} else {
				ids[i] = known[r.IntN(len(known))]
			}
		}
		if n%7 == 0 && n > 0 {
			ids[0] = 0 // the feature stored as fnvOffset
		}
		var got, want [nWeights]int32
		m.add(ids, &got)
		m.addOneByOne(ids, &want)
		if got != want {
			t.Fatalf("%d features: %v, one by one %v", n, got, want)
		}
	}
}

// FuzzSharedWork: tokens annotated with their phrases match as plain
// tokens do (the phrases of every set, each set's phrase at each token, the
// features), and the gazetteer with a memo finds what it finds without,
// the second time as the first.
func FuzzSharedWork(f *testing.F) {
	for _, s := range []string{"mere ghar mein chori ho gayi", "पुलिस ने झूठे मुकदमे में नामजद कर दिया", "Lucknow-based", "Sahranpur me le gaye",
		"लखनऊ में", "#lkopolice gomti nagar", "ghar nahi aaya beti", "@uppolice kidnapped", "प्रयागराज बार-बार"} {
		f.Add(s)
	}
	g := NewGazetteer(nil, nil)
	var memo wordMemo
	f.Fuzz(func(t *testing.T, s string) {
		text := Fold(s)
		plain := Tokenize(text)
		ann := Tokenize(text)
		annotate(ann)
		if a, b := matchPhrases(plain), matchPhrasesInto(make(phraseMatches, 3), ann); !slices.Equal(a, b) {
			t.Fatalf("%q: phrases %q, annotated %q", s, a, b)
		}
		for _, ps := range phraseSets {
			for i := range plain {
				if a, b := ps.at(plain, i), ps.at(ann, i); a != b {
					t.Fatalf("%q: set %d at %d: %d, annotated %d", s, ps.id, i, a, b)
				}
			}
		}
		p := &shikayat.Post{Text: s}
		fa, fb := extract(p, text, plain, DetectLang(plain)), extract(p, text, ann, DetectLang(ann))
		if !slices.Equal(fa.ids, fb.ids) || !slices.Equal(fa.cues, fb.cues) || !slices.Equal(fa.pm, fb.pm) || fa.crime != fb.crime {
			t.Fatalf("%q: features differ when annotated", s)
		}
		want := g.Find(plain)
		for range 2 {
			if got := g.find(ann, &memo); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: found %+v with the memo, %+v without", s, got, want)
			}
		}
		if strings.Contains(s, "\x00") {
			memo = wordMemo{} // now and then start afresh
		}
	})
}
