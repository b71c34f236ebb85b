package shikayat

import "regexp"

// A date that begins a phone number: digits glued on, or groups after it
// that make a phone number's digits with its own.

// dateGlued matches, after a date, digits that continue it as its own do
// (9.8.2012.3456, 1/1/2098765432): no space, at most two of
// a number's separators. A date followed by a space and digits (a time, an
// amount, a number of its own) is read by numberFromDate.
var dateGlued = regexp.MustCompile(`^[` + gapSeps + `]{0,2}[0-9]`)

// numberFromDate returns the end of the phone number that the date at
// folded[start:end] begins, its digits going on after a space or another
// separator (9.8.2012 3456 is 98 2012 3456), or -1 when the date is a date.
// The date and the digit groups after it (read through gaps as a number's,
// dateGapChars) are one number when, with at least three digits after the
// date, together they have a phone number's digits — ten, or eleven after
// a 0, twelve after 91, thirteen after 091. An amount, a PIN code or a case
// number after a date (1.3.2026 25000, 1.3.2026 226001, 01.03.2026 12345)
// makes no such count, and neither does a number that would begin inside
// the date (1.1.2098 765432): that one stays as written. The
// number then runs on as far as a number does (more digits close after it
// are taken in, so that masking leaves no run to mask again). So a time or
// a count after a date (12.03.2026 12 baje, 12.03.2026 1530 hrs, 9.8.2012
// 10:30) and an FIR number (1.3.2026 123/2026) stay as written, and a date
// followed by one short number that makes ten digits with it (1.1.2026
// 1530) is masked: a number hidden as a date weighs more than a time shown.
func numberFromDate(folded string, start, end int) int {
	d := digitsOf(folded[start:end])
	dateDigits, found := len(d), -1
	for i := end; len(d) <= 13; {
		// Only a number's gaps: a date joined to digits by "|", ";" or
		// "=" is a date and what follows it (Date 6.3.2026 | 9876
		// 543210), for a number read from inside the date would leave the
		// real one's digits after it readable.
		k, _ := gapAfter(folded, i, dateGapChars)
		if k == i || k == len(folded) || !isDigit(folded[k]) {
			break
		}
		for i = k; i < len(folded) && isDigit(folded[i]); i++ {
			d = append(d, folded[i])
		}
		if after := len(d) - dateDigits; after >= 3 && nationalNumber(d) {
			found = i
		}
	}
	if found < 0 {
		return -1
	}
	if n := phoneAt.FindStringIndex(folded[start:]); n != nil && start+n[1] > found {
		return start + n[1]
	}
	return found
}

// dateGapChars are the separators numberFromDate reads between the digit
// groups after a date: a number's (gapChars), so that a time
// (9.8.2012 10:30) is no part of a number.
const dateGapChars = gapChars
