package shikayat

import "strings"

// XMaxWeighted is the longest post X accepts, in weighted length.
const XMaxWeighted = 280

// XURLWeight is what every link counts: X shortens it to a t.co link.
const XURLWeight = 23

// XWeightedLength counts text as X does for its 280 limit (twitter-text,
// configuration v3): a code point in U+0000–U+10FF (Latin, Greek,
// Cyrillic, Hebrew, Arabic, the Indic scripts with Devanagari, …) or in a
// few punctuation ranges counts 1, every other code point 2 (CJK, emoji),
// and every http(s) link 23 whatever its length.
func XWeightedLength(text string) int {
	n := 0
	for len(text) > 0 {
		i := indexURL(text)
		if i < 0 {
			return n + weighRunes(text)
		}
		n += weighRunes(text[:i])
		j := i
		for j < len(text) && !isURLEnd(text[j]) {
			j++
		}
		n += XURLWeight
		text = text[j:]
	}
	return n
}

// indexURL returns where the first http:// or https:// link starts (ASCII
// case-insensitively), or -1.
func indexURL(s string) int {
	lower := strings.ToLower(s) // ASCII letters keep their byte offsets
	if len(lower) != len(s) {
		lower = asciiLower(s)
	}
	best := -1
	for _, p := range []string{"https://", "http://"} {
		if i := strings.Index(lower, p); i >= 0 && (best < 0 || i < best) && len(lower) > i+len(p) && !isURLEnd(lower[i+len(p)]) {
			best = i
		}
	}
	return best
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// isURLEnd reports whether byte c ends a link: ASCII white space.
func isURLEnd(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

func weighRunes(s string) int {
	n := 0
	for _, c := range s {
		switch {
		case c <= 0x10FF, 0x2000 <= c && c <= 0x200D, 0x2010 <= c && c <= 0x201F, 0x2032 <= c && c <= 0x2037:
			n++
		default:
			n += 2
		}
	}
	return n
}

// CheckReplyLength refuses, with its count, a reply X would refuse; text is
// the reply as it will be posted (rendered through its template).
func CheckReplyLength(text string) error {
	if n := XWeightedLength(text); n > XMaxWeighted {
		return Errork(EINVALID, "err_reply_too_long", "X would refuse this reply: it counts %d of 280.", n)
	}
	return nil
}
