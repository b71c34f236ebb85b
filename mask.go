package shikayat

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// contactLike finds, in one reading of the text (maskOnce), so that within
// a pass one masking never feeds another, in text folded by foldContacts
// (ASCII digits, dashes and dots, one space for any run of white space):
//
//   - a date (12-03-2026, 12.03.2026, 2026-03-12), which is left alone, so
//     that it neither is taken for a phone number nor glues onto one —
//     unless more digits follow it as its own digits do (dateGlued);
//   - an e-mail address, its "@" and dots also spelled out ("ram at gmail
//     dot com", "ram [at] gmail (dot) com") or spaced around "@"; the local
//     part takes "*" after its first character, so that a masked address
//     is left as it is and a masked handle before it is not taken in;
//   - an @handle (a person's name on X);
//   - digit groups joined by ":", "|", a spaced ";" or a glued "=" that
//     make a mobile number and hold no time (colonNumber);
//   - a run of ten or more digits with short gaps between them (numberGap:
//     at most eight of dash, dot, slash, comma, parentheses, square
//     brackets, "_", "~", "*", "#" or "+", and a space around each; or
//     one ";" with no space) and an optional leading "+" — Indian mobiles
//     with or without +91, 0 or separators, landlines with their STD code.
//     Ten digits within such short gaps are a number however they are
//     grouped; an amount (12,500), a date or a docket code has fewer, or
//     letters between; a list of case numbers or dates with such a run
//     among them keeps its items as written (splitRun).
//
// An address's name and domain may be written in any script (राम@उदाहरण.भारत,
// rām@gmail.com), as internationalised addresses are (RFC 6531), when its
// "@" is glued to its name.
//
// An address's local part is at most 64 characters, as in RFC 5321: a
// would-be address that never finds its "@" then ends within 64 bytes, so
// that finding the next contact never reads the rest of the text again
// (a note of numbers each followed by a letter would otherwise take time
// growing with the square of its length).
var contactLike = regexp.MustCompile(
	`([0-3]?[0-9][./-][01]?[0-9][./-](?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9])` +
		`|(` + emailAddr + `)` +
		`|(@[A-Za-z0-9_]{1,15})` +
		`|(` + phoneRun + `)` +
		`|(` + colonRun + `)`)

const (
	// emailAddr is an address in any script with its "@" glued to its
	// name (राम@उदाहरण.भारत), or an ASCII name before an "@" with spaces
	// around it or "at" spelled out, and then a domain that ends in ASCII
	// letters (ram at gmail dot com): "@" after a space is a handle's
	// (शिकायतकर्ता @RameshKumar1987।), and "at" between Hindi words is no
	// address (राम at घर,वहीं).
	emailAddr    = emailLocal + `@` + emailDomain + `|` + asciiLocal + emailAt + spelledDomain
	emailLocal   = `[\pL\pM\pN._%+-][\pL\pM\pN._%+*-]{0,` + maxLocalTail + `}`
	asciiLocal   = `[A-Za-z0-9._%+-][A-Za-z0-9._%+*-]{0,` + maxLocalTail + `}`
	emailDomain  = domainLabels + `\pL[\pL\pM]+`
	domainLabels = `[\pL\pM\pN-]+(?:` + emailDot + `[\pL\pM\pN-]+)*` + emailDot
	// spelledDomain is a domain whose last label is ASCII letters.
	spelledDomain = domainLabels + `[A-Za-z]{2,}`
	// maxLocalTail is how many characters a local part has after its first.
	maxLocalTail = "63"
	phoneRun     = `\+?\(?[0-9](?:` + numberGap + `[0-9]){9,}`
	// numberGap is what may stand between two digits of a number: up to
	// maxGapSeps of gapSeps, with a space (foldContacts leaves one for any
	// run of white space) before, between and after them.
	// A ";", "+" or "*" counts only alone and glued to digits on both
	// sides (98765;43210, 98765+43210), so that a list of numbers
	// (98765 43210; 98765 43210) stays a list and a sum (Rs. 5,000 + 2,000
	// + 3,500) stays a sum.
	numberGap = `(?:[;+*]|[ ]?(?:[` + gapSeps + `][ ]?){0,8})`
	// colonRun is digit groups joined by ":", "|", ";" with a space
	// beside it, or "=" glued to both, which are a number's only when
	// they cannot be a time and make a mobile number (colonNumber):
	// 98765:43210, 98765 ; 43210, 98765=43210, but not 10:30,
	// 379 | 411 | 420, IPC 379; 411 or 5000*2=10000.
	// Its groups may also be a number's gap apart (98 | 765-43210); at
	// most 13 groups are read at once, so that a long run is read in
	// pieces.
	colonRun = `[0-9]{1,13}(?:(?:[ ]?[:|;][ ]?|=|` + numberGap + `)[0-9]{1,13}){1,12}`
	// emailAt is "@" (spaces around it allowed) or "at" spelled out:
	// bracketed, or between spaces, or "at the rate" (or "attherate"), as
	// "@" is read aloud in India.
	emailAt = `(?:[ ]*@[ ]*|[ ]*[\[({<][ ]*(?i:at)[ ]*[\])}>][ ]*|[ ]+(?i:at[ ]*the[ ]*rate)[ ]+|[ ]+(?i:at)[ ]+)`
	// emailDot is "." (or " . ", spaces on both sides, so that the end of
	// a sentence, "at home. Then", is no address), "," in its place, or
	// "dot" spelled out, bracketed or between spaces.
	emailDot = `(?:\.|[ ]+\.[ ]*|,|[ ]*[\[({<][ ]*(?i:dot)[ ]*[\])}>][ ]*|[ ]+(?i:dot)[ ]+)`
)

// gapChars are the characters, besides spaces, that may stand between the
// digit groups of a number (gapSeps in a regular expression's class), and
// maxGapSeps how many of them one gap has at most (numberGap).
const (
	gapChars   = "-.()/,_~#[]"
	gapSeps    = `\-.()/,_~#\[\]`
	maxGapSeps = 8 // as numberGap's {0,8}
)

// gapAfter returns where the digits after a gap that begins at i in
// folded begin, the gap read as numberGap reads it with the separators
// seps; i when there is no gap. sawSlash tells whether the gap has a "/".
func gapAfter(folded string, i int, seps string) (k int, sawSlash bool) {
	k = i
	if k < len(folded) && folded[k] == ' ' {
		k++
	}
	for n := 0; n < maxGapSeps && k < len(folded) && strings.IndexByte(seps, folded[k]) >= 0; n++ {
		sawSlash = sawSlash || folded[k] == '/'
		k++
		if k < len(folded) && folded[k] == ' ' {
			k++
		}
	}
	return k, sawSlash
}

// gapBefore is gapAfter read backwards from i, not past floor.
func gapBefore(folded string, i, floor int, seps string) int {
	k := i
	if k > floor && folded[k-1] == ' ' {
		k--
	}
	for n := 0; n < maxGapSeps && k > floor && strings.IndexByte(seps, folded[k-1]) >= 0; n++ {
		k--
		if k > floor && folded[k-1] == ' ' {
			k--
		}
	}
	return k
}

// emailAtRe and emailDotRe split an address that contactLike found;
// emailTail finds the rest of one, from its "@" on.
var (
	emailAtRe  = regexp.MustCompile(emailAt)
	emailDotRe = regexp.MustCompile(emailDot)
	emailTail  = regexp.MustCompile(`^(?:` + emailAt + `)(` + emailDomain + `)`)
)

// MaskContacts hides what would let a stranger reach a person through a
// public note: phone numbers keep their first two and last two digits of
// the national number (98XXXXXX10), e-mail addresses their first letter and
// domain (a***@example.com), @handles nothing (@***). A number with an
// address glued onto its end (98765 43210ram@gmail.com) is masked as a
// number and the address after it as an address (98XXXXXX10r***@gmail.com).
// Digits of any script, fullwidth forms, Unicode spaces and dashes,
// invisible characters, and a letter O among digits are read as what they
// look like (foldContacts, zeroEdges), so writing a number in Devanagari,
// Bengali or fullwidth digits, spacing it with thin spaces or en dashes,
// or writing its zeros as O does not hide it; the rest of the text is left
// as written.
//
// Masking masked text changes nothing. A masking can make a contact of
// what is around it — a number masked loses its spaces, and after "ram@ "
// or "ram at " it reads as an address's domain (ram@ 98765 43210,in) — so
// the text is masked again until a pass finds nothing left to change. Each
// pass only hides more, and the masked forms are fixed points of a pass,
// so this ends after a pass or two (the fuzz target checks it); the
// bound is a guard, not a reading.
func MaskContacts(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	for range maxMaskPasses {
		masked := maskOnce(s)
		if masked == s {
			return s
		}
		s = masked
	}
	if maskOnce(s) != s {
		return failSafe(s)
	}
	return s
}

// maxMaskPasses bounds MaskContacts' passes.
const maxMaskPasses = 5

// maskOnce masks the contacts found in one reading of s, in time linear in
// its length.
func maskOnce(s string) string {
	folded, at := foldContacts(s)
	folded = zeroEdges(folded)
	var b strings.Builder
	last, prev := 0, 0 // in s, and the end of the previous match in folded
	for pos := 0; pos < len(folded); {
		m := contactLike.FindStringSubmatchIndex(folded[pos:])
		if m == nil {
			break
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += pos
			}
		}
		pos = m[1]
		if m[10] >= 0 { // groups joined by ":" or "|"
			run := folded[m[10]:m[11]]
			start, end := colonSpan(run)
			if start < 0 {
				pos = resumeAfterColons(folded, m[10], m[11])
				continue
			}
			// A number that straddles the span's end is masked whole: the
			// first span read as a number may have begun in another number
			// before the real one (80152 ; 98765 43210), whose last groups
			// would be left readable.
			end = colonStraddle(run, start, end)
			m[0], m[1], m[8], m[9] = m[10]+start, m[10]+end, m[10]+start, m[10]+end
			pos = m[1]
		}
		if m[2] >= 0 { // a date
			end := -1
			if dateGlued.MatchString(folded[m[1]:]) {
				// Digits glued on (9.8.2012.3456): the whole is read as
				// a number, if it is long enough for one.
				if n := phoneAt.FindStringIndex(folded[m[0]:]); n != nil {
					end = m[0] + n[1]
				} else {
					end = numberFromDate(folded, m[0], m[1])
				}
			} else {
				end = numberFromDate(folded, m[0], m[1])
			}
			if end < 0 {
				prev = m[1]
				continue
			}
			m[1], m[8] = end, m[0]
			pos = m[1]
		}
		// A handle of digits may be a number written right after "@"
		// (mob@98765 43210): the number is masked, the "@" kept; a
		// masked one (mob@98XXXXXX10) is left as it is.
		if m[6] >= 0 && m[7]-m[6] > 1 && isDigit(folded[m[6]+1]) {
			if maskedNumber.MatchString(folded[m[6]+1:]) {
				prev = m[7]
				pos = m[6] + 1 + len(maskedNumber.FindString(folded[m[6]+1:]))
				continue
			}
			if n := phoneAt.FindStringIndex(folded[m[6]+1:]); n != nil {
				m[0], m[1], m[6], m[7], m[8], m[9] = m[6]+1, m[6]+1+n[1], -1, -1, m[6]+1, m[6]+1+n[1]
				pos = m[1]
			}
		}
		// An address whose local part would run back past its 64
		// characters (ram.kumar.xxx…x@gmail.com) is masked from the start
		// of the run, so that no part of the name is left and a second
		// pass finds nothing.
		if m[4] >= 0 {
			for m[0] > prev {
				r, n := utf8.DecodeLastRuneInString(folded[prev:m[0]])
				if !localRune(r) {
					break
				}
				m[0] -= n
			}
			m[4] = m[0]
		}
		// An address that begins in a number's last digits and runs on
		// past it (98765 43210ram@gmail.com): local is the rest of its
		// local part after the number, domain what follows its "@".
		local, domain, stop := -1, -1, -1
		if m[8] >= 0 {
			// Digits just before a number that were too few to match
			// alone join it, so that masking leaves no run to mask again.
			m[0] = digitsBefore(folded, m[0], prev)
			// A number right after a word, a date or an "@" keeps its "+"
			// or "(", so that its masked digits do not glue onto what is
			// before them (a date then read as a longer number, an "@" as a
			// handle).
			for m[0] > 0 && wordByte(folded[m[0]-1]) && (folded[m[0]] == '+' || folded[m[0]] == '(') {
				m[0]++
			}
			local, domain, stop = gluedAddress(folded, m[1])
		}
		prev = m[1]
		start, end := at[m[0]], at[m[1]]
		b.WriteString(s[last:start])
		switch found := folded[m[0]:m[1]]; {
		case m[4] >= 0:
			loc := emailAtRe.FindStringIndex(found)
			b.WriteString(maskEmail(found, loc, asWritten(s, folded, at, m[0]+loc[1], m[1])))
		case m[6] >= 0:
			b.WriteString("@***")
		default:
			b.WriteString(maskDigits(found))
			if stop >= 0 {
				// The number is masked as a number (above), the address
				// after it as an address: the two masked parts stay
				// glued as written, and maskLocal knows the masked number
				// before an address when it reads the two as one.
				b.WriteString(maskLocal(folded[m[1]:local]) + "@" + maskDomain(folded[domain:stop], asWritten(s, folded, at, domain, stop)))
				prev, pos, end = stop, stop, at[stop]
			}
		}
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// gluedAddress looks, at the end of a number in folded, for the rest of an
// address whose local part takes the number's last digits. It returns the
// end of that local part (the "@" or its spelling starts there), the start
// of the domain and the end of the address, or -1s. It reads at most one
// local part and one address.
func gluedAddress(folded string, end int) (local, domain, stop int) {
	local = end
	for n := 0; local < len(folded); n++ {
		r, size := utf8.DecodeRuneInString(folded[local:])
		if !localRune(r) {
			break
		}
		if n >= 64 {
			return -1, -1, -1
		}
		local += size
	}
	t := emailTail.FindStringSubmatchIndex(folded[local:])
	if t == nil {
		return -1, -1, -1
	}
	return local, local + t[2], local + t[1]
}

// localRune reports whether r may stand in an address's local part after
// its first character: a letter, mark or digit of any script, or one of
// "._%+*-".
func localRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) || strings.ContainsRune("._%+*-", r)
}

// wordByte reports whether c, before a number, would join onto it: a
// letter, a digit, "_" or "@".
func wordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '@'
}

// mobileNumber reports whether the digits d are an Indian mobile number:
// ten digits beginning with 6 to 9, alone or after 0, 91 or 091.
func mobileNumber(d []byte) bool {
	if !nationalNumber(d) {
		return false
	}
	first := d[len(d)-10]
	return first >= '6' && first <= '9'
}

// nationalNumber reports whether the digits d are an Indian phone number
// as written: ten digits, or eleven after a 0, twelve after 91, thirteen
// after 091 (maskDigits' readings).
func nationalNumber(d []byte) bool {
	switch len(d) {
	case 10:
		return true
	case 11:
		return d[0] == '0'
	case 12:
		return string(d[:2]) == "91"
	case 13:
		return string(d[:3]) == "091"
	}
	return false
}

// phoneAt is contactLike's phone number, at the start of the text.
var phoneAt = regexp.MustCompile(`^(?:` + phoneRun + `)`)

// digitsBefore moves the start of a number in folded back over the digits
// before it (a number's gap apart, or a "+"), not past floor. A group
// joined to the one before it by ":", "|", ";" or "=" is left out: that
// run was read as a whole (colonSpan) and is no part of the number, so a
// time before a number keeps its minutes (10:30 98XXXXXX10).
func digitsBefore(folded string, start, floor int) int {
	for {
		k := gapBefore(folded, start, floor, gapChars+"+")
		if k <= floor || !isDigit(folded[k-1]) || colonJoined(folded, k, floor) {
			return start
		}
		start = k - 1
	}
}

// colonJoined reports whether the digit group that ends at end in folded
// is joined to what is before it by ":", "|", ";" or "=", not looking
// past floor.
func colonJoined(folded string, end, floor int) bool {
	i := end
	for i > floor && isDigit(folded[i-1]) {
		i--
	}
	if i > floor && folded[i-1] == ' ' {
		i--
	}
	return i > floor && strings.IndexByte(":|;=", folded[i-1]) >= 0
}

// maskEmail keeps an address's first letter and its domain, written
// plainly: r***@gmail.com. A phone number made into a domain
// (ram@9876543210.in) is masked as a number.
// loc is where its "@" (or its spelling, emailAtRe) is, and written its
// domain as written (maskDomain).
func maskEmail(m string, loc []int, written string) string {
	return maskLocal(m[:loc[0]]) + "@" + maskDomain(m[loc[1]:], written)
}

// maskLocal masks an address's local part to its first character and
// "***". A masked number that begins it (98XXXXXX10r***, where an address
// was glued onto a number) stays, and "***" stands for the rest when the
// number was all of it (98XXXXXX10***); stars alone are left as they are,
// so that masking a masked address changes nothing.
func maskLocal(l string) string {
	var kept string
	if n := maskedNumber.FindStringIndex(l); n != nil {
		kept, l = l[:n[1]], l[n[1]:]
	}
	switch {
	case l == "":
		return kept + "***"
	case strings.Trim(l, "*") == "":
		return kept + l
	}
	first, _ := utf8.DecodeRuneInString(l)
	return kept + string(first) + "***"
}

// maskedNumber is a number as maskDigits writes it, at the start of a text.
var maskedNumber = regexp.MustCompile(`^[0-9]{2}X{6,}[0-9]{2}`)

// maskDomain writes an address's domain plainly, its dots spelled out or
// spaced made ".", and masks a phone number in it.
//
// written is d with its letters O as written where d reads them as zeros
// (asWritten): a domain holding no number is written with them
// (web2o2o.com), one that holds a number masks it (ram@98765O43210.in).
func maskDomain(d, written string) string {
	if !phoneLike.MatchString(d) {
		d = written
	}
	return phoneLike.ReplaceAllStringFunc(strings.Join(emailDotRe.Split(d, -1), "."), maskDigits)
}

// asWritten is folded[from:to] with each letter O that foldContacts or
// zeroEdges read as a zero, and each O of another script, written again as
// in s.
func asWritten(s, folded string, at []int, from, to int) string {
	var w strings.Builder
	for i := from; i < to; i++ {
		c := folded[i]
		if c == '0' || c == 'O' {
			if r, _ := utf8.DecodeRuneInString(s[at[i]:]); r == 'O' || r == 'o' || lookalikeO(r) {
				w.WriteRune(r)
				continue
			}
		}
		w.WriteByte(c)
	}
	return w.String()
}

// phoneLike is contactLike's phone number alone.
var phoneLike = regexp.MustCompile(phoneRun)

// maskDigits masks a phone-like run: the national number (without +91, 91
// or a leading 0 when those make it ten digits) keeps its first two and
// last two digits.
func maskDigits(m string) string {
	d := digitsOf(m)
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

// failSafe is what MaskContacts returns for text still changing after its
// last pass: every digit of any script made "X", and every run of
// non-space characters around an "@" made "***".
func failSafe(s string) string {
	s = addressRun.ReplaceAllString(s, "***")
	var b strings.Builder
	for _, r := range s {
		if _, ok := digitValue(r); ok {
			r = 'X'
		}
		b.WriteRune(r)
	}
	s = b.String()
	// Spelled-out addresses ("ram at gmail dot com") hold no digit and
	// no "@": one more pass masks them into runs with an "@".
	if m := maskOnce(s); m != s {
		s = addressRun.ReplaceAllString(m, "***")
	}
	return s
}

// addressRun is a run of non-space characters around an "@" (or its
// fullwidth and small forms).
var addressRun = regexp.MustCompile(`[^\s]*[@＠﹫][^\s]*`)

// digitsEnd returns where the run of digits at s[i:] ends.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// digitsOf is the digits of s.
func digitsOf(s string) []byte {
	var d []byte
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			d = append(d, s[i])
		}
	}
	return d
}
