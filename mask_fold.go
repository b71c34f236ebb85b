package shikayat

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldContacts reads s as a reader sees it, for finding contacts: a
// decimal digit of any script becomes its ASCII digit; a fullwidth ASCII
// form its ASCII letter; any run of Unicode spaces and line breaks one
// space (a line break and the next line's indentation are one gap); any
// dash or minus "-"; a dot-like full stop "."; and format characters
// (zero-width spaces and joiners, soft hyphens) are dropped. A Cyrillic or
// Greek O, or "〇", not inside a word becomes the letter O; a letter O (o)
// between two digits the digit 0 (9876O43210); one at the end of a digit
// run is read by zeroEdges. at[i] is the offset in s of the byte folded[i] came from,
// at[len(folded)] is len(s): a match in folded is the text
// s[at[start]:at[end]].
func foldContacts(s string) (folded string, at []int) {
	b := make([]byte, 0, len(s))
	at = make([]int, 0, len(s)+1)
	space := false // the last byte written is a space
	for i, r := range s {
		f := foldRune(r)
		if f < 0 || f == ' ' && space {
			continue
		}
		space = f == ' '
		if lookalikeO(r) && !inWord(b, s[i+utf8.RuneLen(r):]) {
			f = 'O'
		}
		if f == r {
			b = utf8.AppendRune(b, r)
			for range utf8.RuneLen(r) {
				at = append(at, i)
			}
			continue
		}
		b = append(b, byte(f))
		at = append(at, i)
	}
	at = append(at, len(s))
	zeroBetweenDigits(b)
	return string(b), at
}

// lookalikeO reports whether r is a letter O of another script, or the
// ideographic zero, which a reader takes for the digit 0 among digits.
func lookalikeO(r rune) bool {
	return r == 'О' || r == 'о' || r == 'Ο' || r == 'ο' || r == '〇'
}

// inWord reports whether a rune between folded and rest stands inside a
// word: letters on both sides of it, letters O not counted (Москва, but
// not 5оо or о.5).
func inWord(folded []byte, rest string) bool {
	before, _ := utf8.DecodeLastRune(folded)
	after, _ := utf8.DecodeRuneInString(rest)
	return wordLetter(before) && wordLetter(after)
}

// wordLetter reports whether r is a letter or mark other than an O.
func wordLetter(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsMark(r)) && r != 'O' && r != 'o' && !lookalikeO(r)
}

// isO reports whether c is the letter O or o.
func isO(c byte) bool { return c == 'O' || c == 'o' }

// zeroBetweenDigits makes each run of letters O (o) in folded that stands
// between two digits zeros.
func zeroBetweenDigits(folded []byte) {
	for i := 0; i < len(folded); i++ {
		if !isO(folded[i]) {
			continue
		}
		j := i
		for j < len(folded) && isO(folded[j]) {
			j++
		}
		if i > 0 && isDigit(folded[i-1]) && j < len(folded) && isDigit(folded[j]) {
			for k := i; k < j; k++ {
				folded[k] = '0'
			}
		}
		i = j
	}
}

// zeroEdges reads a run of letters O (o) at one end of a digit run, with
// no letter at its other end (98765 4321o), or set apart by a number's
// gaps between digits (98765 - O - 4321), as zeros when the digit groups
// around it then make a mobile number (mobileNumber): so 98765 4321o is a
// number, and Room 10o, FIR no. 12 or 10o'clock are as written. It
// returns folded with those runs made zeros.
func zeroEdges(folded string) string {
	var edges [][2]int
	for i := 0; i < len(folded); i++ {
		if !isO(folded[i]) {
			continue
		}
		j := i
		for j < len(folded) && isO(folded[j]) {
			j++
		}
		if edgeRun(folded, i, j) {
			edges = append(edges, [2]int{i, j})
		}
		i = j
	}
	if edges == nil {
		return folded
	}
	maybe := []byte(folded)
	for _, e := range edges {
		for k := e[0]; k < e[1]; k++ {
			maybe[k] = '0'
		}
	}
	out := []byte(folded)
	for _, m := range digitRun.FindAllIndex(maybe, -1) {
		groups := groupSpans(maybe, m[0], m[1])
		for g := range groups {
			if !holdsEdge(edges, groups[g]) {
				continue
			}
			// The windows of whole groups that hold group g, of a
			// mobile number's thirteen digits at most.
			for a, n := g, 0; a >= 0 && n <= 13; a-- {
				n += groups[a][1] - groups[a][0]
				var d []byte
				for b := a; b < len(groups) && len(d) <= 13; b++ {
					d = append(d, maybe[groups[b][0]:groups[b][1]]...)
					if b >= g && mobileNumber(d) {
						copy(out[groups[a][0]:groups[b][1]], maybe[groups[a][0]:groups[b][1]])
					}
				}
			}
		}
	}
	return string(out)
}

// digitRun is digit groups joined as a phone number's (phoneRun's and
// colonRun's joins), as many as there are.
var digitRun = regexp.MustCompile(`[0-9]+(?:(?:[ ]?[:|;][ ]?|=|` + numberGap + `)[0-9]+)*`)

// edgeRun reports whether the run of letters O at folded[i:j] may stand
// for zeros in a number: no letter is next to it, and a digit is at one
// of its ends (4321o), or digits are a number's gap away at both
// (98765 - O - 4321).
func edgeRun(folded string, i, j int) bool {
	before, after := rune(-1), rune(-1)
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(folded[:i])
	}
	if j < len(folded) {
		after, _ = utf8.DecodeRuneInString(folded[j:])
	}
	letter := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	switch {
	case letter(before) || letter(after):
		return false
	case digit(before) || digit(after):
		return true
	}
	return digitJoinedAfter(folded, j) && digitJoinedBefore(folded, i)
}

// digitJoinedAfter reports whether a digit, or a letter O, follows
// folded[:j] a number's gap or a join of colonRun's (" ; ", ":", "|", "=")
// away.
func digitJoinedAfter(folded string, j int) bool {
	digitAt := func(k int) bool { return k > j && k < len(folded) && (isDigit(folded[k]) || isO(folded[k])) }
	if k, _ := gapAfter(folded, j, gapChars); digitAt(k) {
		return true
	}
	k := j
	if k < len(folded) && folded[k] == ' ' {
		k++
	}
	if k < len(folded) && strings.IndexByte(":|;=+*", folded[k]) >= 0 {
		k++
		if k < len(folded) && folded[k] == ' ' {
			k++
		}
	}
	return digitAt(k)
}

// digitJoinedBefore is digitJoinedAfter read backwards from i.
func digitJoinedBefore(folded string, i int) bool {
	digitAt := func(k int) bool { return k < i && k > 0 && (isDigit(folded[k-1]) || isO(folded[k-1])) }
	if k := gapBefore(folded, i, 0, gapChars); digitAt(k) {
		return true
	}
	k := i
	if k > 0 && folded[k-1] == ' ' {
		k--
	}
	if k > 0 && strings.IndexByte(":|;=+*", folded[k-1]) >= 0 {
		k--
		if k > 0 && folded[k-1] == ' ' {
			k--
		}
	}
	return digitAt(k)
}

// groupSpans returns where the digit groups of b[start:end] begin and end.
func groupSpans(b []byte, start, end int) [][2]int {
	var groups [][2]int
	for i := start; i < end; {
		if !isDigit(b[i]) {
			i++
			continue
		}
		j := i
		for j < end && isDigit(b[j]) {
			j++
		}
		groups = append(groups, [2]int{i, j})
		i = j
	}
	return groups
}

// holdsEdge reports whether the group at g holds one of the runs edges
// (in the order of the text).
func holdsEdge(edges [][2]int, g [2]int) bool {
	k := sort.Search(len(edges), func(k int) bool { return edges[k][0] >= g[0] })
	return k < len(edges) && edges[k][1] <= g[1]
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
