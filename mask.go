package shikayat

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// contactLike finds, in one pass so that one masking never feeds another:
// an e-mail address; an @handle (a person's name on X); a run of ten or more
// digits (ASCII or Devanagari), with at most two of space, dash, dot or
// brackets between them and an optional leading "+" — Indian mobiles with
// or without +91, 0 or separators, landlines with their STD code.
// The local part of an address takes "*" so that a masked address is left
// as it is.
var contactLike = regexp.MustCompile(
	`([A-Za-z0-9._%+*-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})` +
		`|(@[A-Za-z0-9_]{1,15})` +
		`|(\+?\(?[0-9०-९](?:[ \-.()]{0,2}[0-9०-९]){9,})`)

// MaskContacts hides what would let a stranger reach a person through a
// public note: phone numbers keep their first two and last two digits of
// the national number (98XXXXXX10), e-mail addresses their first letter and
// domain (a***@example.com), @handles nothing (@***). Masking masked text
// changes nothing.
func MaskContacts(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return contactLike.ReplaceAllStringFunc(s, func(m string) string {
		switch {
		case strings.HasPrefix(m, "@"):
			return "@***"
		case strings.Contains(m, "@"):
			at := strings.LastIndex(m, "@")
			first, _ := utf8.DecodeRuneInString(m)
			return string(first) + "***" + m[at:]
		}
		return maskDigits(m)
	})
}

// maskDigits masks a phone-like run: the national number (without +91, 91
// or a leading 0 when those make it ten digits) keeps its first two and
// last two digits.
func maskDigits(m string) string {
	var d []byte
	for _, r := range m {
		switch {
		case r >= '0' && r <= '9':
			d = append(d, byte(r))
		case r >= '०' && r <= '९':
			d = append(d, byte('0'+r-'०'))
		}
	}
	switch {
	case len(d) == 12 && string(d[:2]) == "91":
		d = d[2:]
	case len(d) == 13 && string(d[:3]) == "091":
		d = d[3:]
	case len(d) == 11 && d[0] == '0':
		d = d[1:]
	}
	return string(d[:2]) + strings.Repeat("X", len(d)-4) + string(d[len(d)-2:])
}
