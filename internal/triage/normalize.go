// Package triage judges posts addressed to the police: what they want
// (intent), how urgent they are, what they are about and which district must
// act. It works offline and in-process on Hindi (Devanagari), English and
// Hinglish.
//
// A post's text is folded (Fold) and split into words (Tokenize); its
// language is told from its words (DetectLang). A linear model over hashed
// word, word-pair and letter n-gram features plus cross-language cues
// (features.go) decides intent, urgency and type; it is trained by Train
// from labelled posts (traindata/) and embedded (model/triage.model). The
// gazetteer (gazetteer*.go) finds places in the text; route.go ranks the
// location signals as the guidelines say. Every decision carries reasons.
//
//go:generate go run ./internal/genplaces -data ../../../shared/data/lgd-planemad -out places_lgd.tsv
package triage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold normalises text for matching: Unicode NFC, Latin lower case without
// diacritics, Devanagari variants folded to one spelling (nukta dropped,
// chandrabindu as anusvara, ZWJ/ZWNJ removed, long i/u matras as short ones,
// candra vowels as plain ones, a nasal half-consonant before a consonant as
// anusvara), Devanagari digits as ASCII digits. Folding is idempotent.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	if !utf8.ValidString(s) {
		// NFD stops decomposing at a bad byte; make the text valid
		// first, so that folding twice gives what folding once did
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return fold(s, !needsNFD(s, true))
}

// fold is Fold of valid UTF-8. With fast, s has nothing NFD would change
// but the precomposed nukta letters क़ … य़, which fold maps to their base
// letters itself (NFD would split off the nukta that is dropped below), and
// its result needs no NFC.
func fold(s string, fast bool) string {
	// NFD separates Latin diacritics and nukta from their letters; they are
	// dropped below. Devanagari nukta letters do not recompose under NFC,
	// so the result is stable.
	d := s
	if !fast {
		d = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(d))
	rs := []rune(d)
	if fast {
		for i, r := range rs {
			if r >= 0x0958 && r <= 0x095F {
				rs[i] = nuktaBase[r-0x0958]
			}
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= 0x0300 && r <= 0x036F: // Latin combining diacritics
			continue
		case r == 0x093C: // nukta
			continue
		case r == 0x200C || r == 0x200D || r == 0xFEFF || r == 0x00AD: // ZWNJ, ZWJ, BOM, soft hyphen
			continue
		case r == 0x0901: // chandrabindu
			r = 0x0902
		case r == 0x0940: // ी
			r = 0x093F
		case r == 0x0942: // ू
			r = 0x0941
		case r == 0x0945: // ॅ candra e
			r = 0x0947
		case r == 0x0949: // ॉ candra o
			r = 0x094B
		case r == 0x0908: // ई
			r = 0x0907
		case r == 0x090A: // ऊ
			r = 0x0909
		case r == 0x0911: // ऑ
			r = 0x0913
		case r == 0x090D: // ऍ
			r = 0x090F
		case r >= 0x0966 && r <= 0x096F: // Devanagari digits
			r = '0' + (r - 0x0966)
		case r == 0x0919 || r == 0x091E || r == 0x0923 || r == 0x0928 || r == 0x092E:
			// ङ ञ ण न म + virama + consonant: a nasal written as a half
			// letter, the same word as with an anusvara (हिन्दी = हिंदी).
			if i+2 < len(rs) && rs[i+1] == 0x094D && isDevaConsonant(rs[i+2]) && i > 0 && isDevaLetterOrSign(rs[i-1]) {
				b.WriteRune(0x0902)
				i++ // skip the virama
				continue
			}
		default:
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
			} else if unicode.IsUpper(r) {
				r = unicode.ToLower(r)
			}
		}
		b.WriteRune(r)
	}
	if fast {
		return b.String()
	}
	return norm.NFC.String(b.String())
}

// nuktaBase holds the base letters of क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ (U+0958 … U+095F).
var nuktaBase = [8]rune{0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F}

// needsNFD reports whether NFD might change s. It answers false only for
// text of runes that have no canonical decomposition: ASCII, Latin-1
// punctuation, Devanagari without its precomposed nukta letters, general
// punctuation, currency signs, symbols and emoji — most posts. With
// nuktaLetters, क़ … य़ (U+0958 … U+095F) count as needing nothing (fold
// handles them).
func needsNFD(s string, nuktaLetters bool) bool {
	for _, r := range s {
		switch {
		case r < 0xC0:
		case r >= 0x0958 && r <= 0x095F:
			if !nuktaLetters {
				return true
			}
		case r >= 0x0900 && r <= 0x097F:
			// precomposed nukta letters decompose; a nukta or a stress
			// sign may need reordering after a virama
			if r == 0x0929 || r == 0x0931 || r == 0x0934 || r == 0x093C || (r >= 0x0951 && r <= 0x0954) {
				return true
			}
		case r >= 0x2010 && r <= 0x206F, r >= 0x20A0 && r <= 0x20CF,
			r >= 0x2500 && r <= 0x27BF, r == 0xFE0F, r >= 0x1F000 && r < 0x1FB00:
		default:
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isDevaConsonant(r rune) bool {
	return (r >= 0x0915 && r <= 0x0939) || (r >= 0x0958 && r <= 0x095F)
}

func isDevaLetterOrSign(r rune) bool {
	return r >= 0x0900 && r <= 0x097F
}

// isDeva reports whether r belongs to the Devanagari block.
func isDeva(r rune) bool { return r >= 0x0900 && r <= 0x097F }

// isWordRune reports whether r may be part of a token: letters, digits and
// the combining signs of Indic scripts.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || ('A' <= r && r <= 'Z')
	}
	if r == 0x0964 || r == 0x0965 { // danda, double danda
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// Token is one word of a folded text, with its byte offsets in that text.
type Token struct {
	Text       string // folded
	Key        string // Key(Text): the phonetic key of a Latin word
	Start, End int
	Deva       bool // written in Devanagari
	// Mention or Hashtag is set when the token followed "@" or "#".
	Mention, Hashtag bool
	// phr holds the phrases of every set that begin with this token, once
	// annotate has looked them up (ann).
	phr []setPhrase
	ann bool
}

// Tokenize splits folded text into words. Mentions (@name) and hashtags
// (#tag) become single tokens marked as such; URLs are skipped.
func Tokenize(folded string) []Token {
	return tokenizeInto(make([]Token, 0, len(folded)/5+1), folded)
}

// tokenizeInto is Tokenize appending to toks.
func tokenizeInto(toks []Token, folded string) []Token {
	i := 0
	for i < len(folded) {
		if strings.HasPrefix(folded[i:], "http://") || strings.HasPrefix(folded[i:], "https://") {
			for i < len(folded) && folded[i] != ' ' && folded[i] != '\n' && folded[i] != '\t' {
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(folded[i:])
		if !isWordRune(r) {
			if (r == '@' || r == '#') && i+1 < len(folded) {
				r2, _ := utf8.DecodeRuneInString(folded[i+1:])
				if isWordRune(r2) || r2 == '_' {
					j := i + 1
					for j < len(folded) {
						r3, n3 := utf8.DecodeRuneInString(folded[j:])
						if !isWordRune(r3) && r3 != '_' {
							break
						}
						j += n3
					}
					t := Token{Text: folded[i+1 : j], Start: i + 1, End: j, Mention: r == '@', Hashtag: r == '#'}
					t.Deva = hasDeva(t.Text)
					t.Key = Key(t.Text)
					toks = append(toks, t)
					i = j
					continue
				}
			}
			i += n
			continue
		}
		j := i
		deva := false
		for j < len(folded) {
			r3, n3 := utf8.DecodeRuneInString(folded[j:])
			if !isWordRune(r3) {
				break
			}
			if isDeva(r3) {
				deva = true
			}
			j += n3
		}
		toks = append(toks, Token{Text: folded[i:j], Key: Key(folded[i:j]), Start: i, End: j, Deva: deva})
		i = j
	}
	return toks
}

func hasDeva(s string) bool {
	for _, r := range s {
		if isDeva(r) {
			return true
		}
	}
	return false
}

// Romanised Hindi is written many ways (bachao, bachaoo, bachaaw; mein, main,
// men). Key folds a Latin token to a rough phonetic key so the variants meet.
// Devanagari tokens are returned unchanged.
func Key(tok string) string {
	if tok == "" || !isASCII(tok) {
		return tok
	}
	// Both steps below work in buffers on the stack: one string is made,
	// at the end, and none when the key is the token.
	orig := tok
	var rbuf, bbuf [48]byte
	r := rbuf[:0]
	// a letter typed three or more times is one letter: bachaooo, plzzz
	if len(tok) >= 3 {
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
	} else {
		r = append(r, tok...)
	}
	src := r
	b := bbuf[:0]
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case 'w':
			c = 'v'
		case 'z':
			c = 'j'
		case 'q':
			c = 'k'
		case 'p':
			if i+1 < len(src) && src[i+1] == 'h' {
				c = 'f'
				i++
			}
		case 'c':
			if i+1 < len(src) && src[i+1] == 'k' {
				c = 'k'
				i++
			}
		case 'e':
			if i+1 < len(src) && src[i+1] == 'e' { // ee → i
				c = 'i'
				i++
			}
		case 'o':
			if i+1 < len(src) && src[i+1] == 'o' { // oo → u
				c = 'u'
				i++
			}
		case 'a':
			if i+1 < len(src) && (src[i+1] == 'i' || src[i+1] == 'y') && (i+2 == len(src) || !isVowelByte(src[i+2])) { // ai, ay → e
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
	s := orig
	if string(b) != orig {
		s = string(b)
	}
	s = strings.ReplaceAll(s, "ei", "e")
	s = strings.ReplaceAll(s, "iya", "ia")
	if len(s) > 3 && strings.HasSuffix(s, "h") && isVowelByte(s[len(s)-2]) { // nahh/ jagah → jaga
		s = s[:len(s)-1]
	}
	return s
}

func isVowelByte(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}
