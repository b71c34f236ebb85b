package shikayat

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldContacts reads s as a reader sees it, for finding contacts: a
// decimal digit of any script becomes its ASCII digit; a fullwidth ASCII
// form its ASCII letter; any run of Unicode spaces and line breaks one
// space (a line break and the next line's indentation are one gap); any
// dash or minus "-"; a dot-like full stop "."; and format characters
// (zero-width spaces and joiners, soft hyphens) are dropped. at[i] is the offset in s of the byte
// folded[i] came from, at[len(folded)] is len(s): a match in folded is the
// text s[at[start]:at[end]].
func foldContacts(s string) (folded string, at []int) {
	var b strings.Builder
	b.Grow(len(s))
	at = make([]int, 0, len(s)+1)
	space := false // the last byte written is a space
	for i, r := range s {
		f := foldRune(r)
		if f < 0 || f == ' ' && space {
			continue
		}
		space = f == ' '
		if f == r {
			b.WriteRune(r)
			for range utf8.RuneLen(r) {
				at = append(at, i)
			}
			continue
		}
		b.WriteByte(byte(f))
		at = append(at, i)
	}
	at = append(at, len(s))
	return b.String(), at
}

// foldRune is r as foldContacts reads it: an ASCII rune, r itself, or -1
// to drop it.
func foldRune(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r':
		return ' '
	case r < utf8.RuneSelf:
		return r
	case r == '\ufe6b': // small commercial at
		return '@'
	case r == '\u0964' || r == '\u30fb': // danda, katakana middle dot
		return '.'
	case r == '\u3001' || r == '\u060c': // ideographic and Arabic comma
		return ','
	case unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r):
		return ' '
	case r >= '！' && r <= '～': // fullwidth ASCII
		return r - '！' + '!'
	case r == '\u00b7' || r == '\u2024' || r == '\u3002' || r == '\uff61' || r == '\u2022' || r == '\u2027':
		return '.'
	case r == '\u2215' || r == '\u2044': // division and fraction slash
		return '/'
	case r == '\u2212' || unicode.Is(unicode.Pd, r):
		return '-'
	case unicode.Is(unicode.Zs, r):
		return ' '
	case unicode.Is(unicode.Cf, r):
		return -1
	}
	if d, ok := digitValue(r); ok {
		return '0' + rune(d)
	}
	if d, ok := otherDigitValue(r); ok {
		return '0' + rune(d)
	}
	return r
}

// otherDigits are runs of Unicode's other numbers (No) that stand for the
// digits 0 to 9 in order, or 1 to 9 (first is their value at lo):
// superscript and subscript, circled, parenthesised, with a full stop,
// dingbat circled digits.
var otherDigits = []struct {
	lo, hi rune
	first  int
}{
	{0x2070, 0x2070, 0}, {0x00b9, 0x00b9, 1}, {0x00b2, 0x00b3, 2}, {0x2074, 0x2079, 4},
	{0x2080, 0x2089, 0}, {0x2460, 0x2468, 1}, {0x24ea, 0x24ea, 0}, {0x2474, 0x247c, 1},
	{0x2488, 0x2490, 1}, {0x24f5, 0x24fd, 1}, {0x24ff, 0x24ff, 0}, {0x2776, 0x277e, 1},
	{0x2780, 0x2788, 1}, {0x278a, 0x2792, 1}, {0x1f100, 0x1f10a, 0}, {0x1f10b, 0x1f10c, 0},
}

// otherDigitValue is the value of a digit written as one of otherDigits.
func otherDigitValue(r rune) (int, bool) {
	for _, g := range otherDigits {
		if g.lo <= r && r <= g.hi {
			return g.first + int(r-g.lo), true
		}
	}
	return 0, false
}

// digitValue is the value of a decimal digit of any script (Unicode's Nd:
// Devanagari, Bengali, Gurmukhi, Arabic-Indic, mathematical…). Nd comes in
// runs of ten, zero first, so the value is the distance from the start of
// the run, modulo ten.
func digitValue(r rune) (int, bool) {
	if r <= 0xffff {
		for _, g := range unicode.Nd.R16 {
			if rune(g.Lo) <= r && r <= rune(g.Hi) {
				return int(r-rune(g.Lo)) % 10, true
			}
		}
		return 0, false
	}
	for _, g := range unicode.Nd.R32 {
		if rune(g.Lo) <= r && r <= rune(g.Hi) {
			return int(r-rune(g.Lo)) % 10, true
		}
	}
	return 0, false
}
