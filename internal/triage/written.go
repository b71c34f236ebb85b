package triage

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// writtenWords maps a folded word of a post back to the word as the post writes
// it, so that reasons quote the citizen ("चोरी", "Chori") and not the
// folded form matching uses ("चोरि", "chori"). The post's words are
// folded one by one, only as far as a lookup needs.
type writtenWords struct {
	text  string
	pos   int // where splitting stopped
	words []surfaceWord
}

type surfaceWord struct {
	folded, written string
}

// of returns the first word of the post whose folded form is folded, or
// folded itself when none is.
func (s *writtenWords) of(folded string) string {
	if asWritten(s.text, folded) {
		return folded // most words are written as they fold
	}
	for _, w := range s.words {
		if w.folded == folded {
			return shown(w.written, folded)
		}
	}
	for {
		w, ok := s.next()
		if !ok {
			return folded
		}
		var fw string
		if isASCII(w) {
			if len(w) == len(folded) && strings.EqualFold(w, folded) {
				s.words = append(s.words, surfaceWord{folded, w})
				return shown(w, folded)
			}
			fw = strings.ToLower(w)
		} else {
			fw = Fold(w)
		}
		s.words = append(s.words, surfaceWord{fw, w})
		if fw == folded {
			return shown(w, folded)
		}
	}
}

// next returns the next word of the text as written: a run of word runes
// and of the signs folding drops inside a word (ZWJ, ZWNJ, soft hyphen,
// Latin diacritics). URLs and mentions are skipped, as Tokenize skips them
// or keeps them apart.
func (s *writtenWords) next() (string, bool) {
	t := s.text
	for s.pos < len(t) {
		i := s.pos
		if strings.HasPrefix(t[i:], "http://") || strings.HasPrefix(t[i:], "https://") {
			for i < len(t) && t[i] != ' ' && t[i] != '\n' && t[i] != '\t' {
				i++
			}
			s.pos = i
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !inWritten(r) {
			s.pos = i + n
			if r == '@' {
				// a mention: skip its name
				j := s.pos
				for j < len(t) {
					r2, n2 := utf8.DecodeRuneInString(t[j:])
					if !inWritten(r2) && r2 != '_' {
						break
					}
					j += n2
				}
				s.pos = j
			}
			continue
		}
		j := i
		for j < len(t) {
			r2, n2 := utf8.DecodeRuneInString(t[j:])
			if !inWritten(r2) {
				break
			}
			j += n2
		}
		s.pos = j
		return t[i:j], true
	}
	return "", false
}

func inWritten(r rune) bool {
	return isWordRune(r) || r == 0x200C || r == 0x200D || r == 0x00AD || (r >= 0x0300 && r <= 0x036F)
}

// asWritten reports whether text holds w as a whole word, as it is.
func asWritten(text, w string) bool {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(w)
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[j:])
		if (i == 0 || !inWritten(before) && before != '@') && (j == len(text) || !inWritten(after)) {
			return true
		}
		from = i + 1
	}
	return false
}

// writtenPhrase quotes a phrase of folded words ("पलट गइ … घायल") as the
// post writes each of them.
func writtenPhrase(sf *writtenWords, folded string) string {
	var b strings.Builder
	for i, w := range strings.Split(folded, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		if w == "…" {
			b.WriteString(w)
			continue
		}
		b.WriteString(sf.of(w))
	}
	return strconv.Quote(b.String())
}

// shown is a written word as staff may see it: without format characters
// (ZWJ, ZWNJ, soft hyphen, direction marks) and without combining marks
// other than Devanagari's, which a reader cannot see or which garble it.
// When what is left does not fold to folded, the folded form is shown.
func shown(w, folded string) string {
	clean := true
	for _, r := range w {
		if hidden(r) {
			clean = false
			break
		}
	}
	if clean {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		if !hidden(r) {
			b.WriteRune(r)
		}
	}
	if v := b.String(); v != "" && Fold(v) == folded {
		return v
	}
	return folded
}

// hidden reports whether r is a format character or a combining mark that
// is not Devanagari's.
func hidden(r rune) bool {
	if r >= 0x0900 && r <= 0x097F {
		return false
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)
}
