package triage

import "strings"

// Most of the Local Government Directory's towns and tehsils have only an
// English name, but posts name them in Devanagari. Romanising a Devanagari
// word (with Hindi's dropped inherent vowels) and folding it with Key lets
// खुर्जा meet Khurja and सिकंदराबाद meet Sikandrabad.

var devaConsonant = map[rune]string{
	'क': "k", 'ख': "kh", 'ग': "g", 'घ': "gh", 'ङ': "n",
	'च': "ch", 'छ': "chh", 'ज': "j", 'झ': "jh", 'ञ': "n",
	'ट': "t", 'ठ': "th", 'ड': "d", 'ढ': "dh", 'ण': "n",
	'त': "t", 'थ': "th", 'द': "d", 'ध': "dh", 'न': "n",
	'प': "p", 'फ': "ph", 'ब': "b", 'भ': "bh", 'म': "m",
	'य': "y", 'र': "r", 'ल': "l", 'व': "v", 'श': "sh",
	'ष': "sh", 'स': "s", 'ह': "h",
}

var devaVowel = map[rune]string{ // independent vowels
	'अ': "a", 'आ': "a", 'इ': "i", 'ई': "i", 'उ': "u", 'ऊ': "u", 'ए': "e", 'ऐ': "ai", 'ओ': "o", 'औ': "au", 'ऋ': "ri",
	'ऑ': "o", 'ऍ': "e",
}

var devaMatra = map[rune]string{
	'ा': "a", 'ि': "i", 'ी': "i", 'ु': "u", 'ू': "u", 'े': "e", 'ै': "ai", 'ो': "o", 'ौ': "au", 'ृ': "ri", 'ॅ': "e", 'ॉ': "o",
}

// devaTable holds the romanisation of each letter of the Devanagari block,
// by kind, indexed by code point minus 0x0900.
var devaTable = func() (t [3][128]string) {
	for r, v := range devaConsonant {
		t[0][r-0x0900] = v
	}
	for r, v := range devaVowel {
		t[1][r-0x0900] = v
	}
	for r, v := range devaMatra {
		t[2][r-0x0900] = v
	}
	return t
}()

// akshara is one written syllable: a consonant cluster and its vowel.
type akshara struct {
	cons   string // romanised consonants, "" for an independent vowel
	vowel  string // "" when the consonant carries the inherent a
	virama bool   // the consonant has no vowel at all
	nasal  bool   // anusvara or chandrabindu follows
	first  rune   // the first consonant, for ड/ढ spelt r
}

// romanise returns the romanised forms of a Devanagari word: the plain one,
// and one where ड and ढ read as r and rh (बड़ौत, Baraut), as Key folds
// them. It returns nil when the word has letters it does not know.
func romanise(word string) []string {
	var buf [24]akshara
	as := buf[:0]
	for _, r := range word {
		if r < 0x0900 || r > 0x097F {
			return nil
		}
		i := r - 0x0900
		switch {
		case devaTable[0][i] != "":
			as = append(as, akshara{cons: devaTable[0][i], first: r})
		case devaTable[1][i] != "":
			as = append(as, akshara{vowel: devaTable[1][i]})
		case devaTable[2][i] != "":
			if len(as) == 0 {
				return nil
			}
			as[len(as)-1].vowel = devaTable[2][i]
		case r == 0x094D: // virama: joins to the next consonant
			if len(as) == 0 {
				return nil
			}
			as[len(as)-1].virama = true
		case r == 0x0902 || r == 0x0901:
			if len(as) == 0 {
				return nil
			}
			as[len(as)-1].nasal = true
		case r == 0x0903: // visarga
			if len(as) > 0 {
				as[len(as)-1].vowel += "h"
			}
		default:
			return nil
		}
	}
	if len(as) == 0 {
		return nil
	}
	// Hindi drops the inherent a at the end of a word and between two
	// syllables that keep their vowels; right to left, as speakers do
	// (गोरखपुर is go-rakh-pur, not gor-kha-pur).
	var dropBuf [24]bool
	drop := dropBuf[:len(as)]
	if len(as) > len(dropBuf) {
		drop = make([]bool, len(as))
	}
	for i := len(as) - 1; i >= 0; i-- {
		a := as[i]
		if a.cons == "" || a.vowel != "" || a.virama || a.nasal {
			continue
		}
		if i == len(as)-1 {
			drop[i] = i > 0
			continue
		}
		if i == 0 || drop[i+1] || as[i+1].virama || as[i-1].virama {
			continue // a word's first syllable, or one before a dropped vowel, or after a cluster
		}
		if as[i+1].cons != "" && (as[i+1].vowel != "" || !drop[i+1]) {
			drop[i] = true
		}
	}
	hasD := false
	for i, a := range as {
		hasD = hasD || (i > 0 && (a.first == 'ड' || a.first == 'ढ'))
	}
	build := func(rForD bool) string {
		var b strings.Builder
		b.Grow(2 * len(as))
		for i, a := range as {
			cons := a.cons
			if rForD && (a.first == 'ड' || a.first == 'ढ') && i > 0 {
				cons = strings.Replace(cons, "d", "r", 1)
			}
			b.WriteString(cons)
			switch {
			case a.virama:
			case a.vowel != "":
				b.WriteString(a.vowel)
			case !drop[i]:
				b.WriteByte('a')
			}
			if a.nasal {
				b.WriteByte('n')
			}
		}
		return Key(b.String())
	}
	plain := build(false)
	if hasD {
		return []string{plain, build(true)}
	}
	return []string{plain}
}
