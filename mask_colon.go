package shikayat

import "strings"

// Digit groups joined by ":", "|", a spaced ";" or a glued "=" (colonRun):
// which of them make a phone number, and where reading goes on when none do.

// resumeAfterColons returns where to go on reading after digit groups at
// folded[start:end] joined by ":" or "|" that hold no number (colonSpan):
// at the first group after the first where a number's ten digits begin,
// its groups a number's gap apart (10:30 9876543210 1, 0:1000000000 0),
// but not at a time's minutes or seconds; or else at the last group, as a
// number may begin there and run on past end; at end when there is only
// one group.
func resumeAfterColons(folded string, start, end int) int {
	last := -1
	for i := start + 1; i < end; i++ {
		if !isDigit(folded[i]) || isDigit(folded[i-1]) {
			continue
		}
		last = i
		if !timeTail(folded, start, i) && tenDigitsAt(folded, i) {
			return i
		}
	}
	if last < 0 {
		return end
	}
	return last
}

// timeTail reports whether the digit group at folded[i:] is the minutes or
// seconds of a time: two digits up to 59 after a ":" and a group of one or
// two digits, not looking back past floor.
func timeTail(folded string, floor, i int) bool {
	j := digitsEnd(folded, i)
	k := i
	if k > floor && folded[k-1] == ' ' {
		k--
	}
	if k == floor || folded[k-1] != ':' || j-i != 2 || atoi(folded[i:j]) > 59 {
		return false
	}
	if k--; k > floor && folded[k-1] == ' ' {
		k--
	}
	h := k
	for h > floor && isDigit(folded[h-1]) {
		h--
	}
	return k-h >= 1 && k-h <= 2
}

// tenDigitsAt reports whether ten digits begin at folded[i:], in groups a
// number's gap apart.
func tenDigitsAt(folded string, i int) bool {
	n := 0
	for {
		for ; i < len(folded) && isDigit(folded[i]); i++ {
			if n++; n >= 10 {
				return true
			}
		}
		k, _ := gapAfter(folded, i, gapChars)
		if k == i && i+1 < len(folded) && strings.IndexByte(";+*", folded[i]) >= 0 {
			k = i + 1
		}
		if k == i || k == len(folded) || !isDigit(folded[k]) {
			return false
		}
		i = k
	}
}

// colonSpan returns where, in digit groups joined by ":" or "|", the
// first and longest run of whole groups that is a phone number
// (colonNumber) begins and ends, or -1s.
func colonSpan(run string) (start, end int) {
	at := groupStarts(run, 0, len(run))
	ends := func(g int) int { return digitsEnd(run, at[g]) } // the end of group g's digits
	for a := 0; a < len(at)-1; a++ {
		for b := len(at) - 1; b > a; b-- {
			if colonNumber(run[at[a]:ends(b)]) {
				return at[a], ends(b)
			}
		}
	}
	return -1, -1
}

// colonNumber reports whether digit groups joined by ":", "|", a spaced
// ";" or "=" (and a number's gaps) are a phone number: no two groups
// around a ":" alone make a time (hh:mm, its hours up to 23 and minutes up
// to 59) — unless four groups or more are joined by ":" in a row, which no
// time is (hh:mm:ss has three: 98:76:54:21:10 is a number) — and the
// digits are a mobile number (any phone number when only a number's gaps
// join them).
func colonNumber(run string) bool {
	// colonRun has at most 13 groups; a longer run is no number.
	var groups, seps [13]string // seps[i] is what stands before groups[i]
	var chain [13]int           // how many groups in a row ":" joins, for each
	n := 0
	for i := 0; i < len(run); n++ {
		if n == len(groups) {
			return false
		}
		j := digitsEnd(run, i)
		groups[n] = run[i:j]
		for i = j; j < len(run) && !isDigit(run[j]); j++ {
		}
		if j < len(run) && n+1 < len(seps) {
			seps[n+1] = run[i:j]
		}
		i = j
	}
	for i := 0; i < n; {
		j := i + 1
		for j < n && strings.TrimSpace(seps[j]) == ":" {
			j++
		}
		for k := i; k < j; k++ {
			chain[k] = j - i
		}
		i = j
	}
	var d [13 * 13]byte
	digits := d[:0]
	joined := false
	for i, g := range groups[:n] {
		sep := strings.TrimSpace(seps[i])
		joined = joined || strings.ContainsAny(sep, ":|=") || sep == ";" && seps[i] != ";"
		digits = append(digits, g...)
		if sep != ":" || chain[i] >= 4 {
			continue
		}
		prev := groups[i-1]
		if len(prev) <= 2 && len(g) == 2 && atoi(prev) <= 23 && atoi(g) <= 59 {
			return false
		}
	}
	if !joined {
		return nationalNumber(digits)
	}
	return mobileNumber(digits)
}

// atoi is the value of a short run of ASCII digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// colonStraddle returns where the groups of run after the number at
// run[start:end] (colonSpan's) end when some of the number's last groups
// and the first of them make a mobile number of their own (colonNumber) —
// the number was read from a group before the real one — and end when
// none do: a time, a date or a case number joined on after a number
// stays as written.
func colonStraddle(run string, start, end int) int {
	at := groupStarts(run, start, end)
	next := end // the end of the groups after the number, one at a time
	for range 4 {
		for next < len(run) && !isDigit(run[next]) {
			next++
		}
		if next == len(run) {
			break
		}
		next = digitsEnd(run, next)
		for _, a := range at[1:] {
			if colonNumber(run[a:next]) && mobileNumber(digitsOf(run[a:next])) {
				return numberGroupsAfter(run, next)
			}
		}
	}
	return end
}

// groupStarts returns where the digit groups of s[start:end] begin.
func groupStarts(s string, start, end int) []int {
	var at []int
	for i := start; i < end; i++ {
		if isDigit(s[i]) && (i == start || !isDigit(s[i-1])) {
			at = append(at, i)
		}
	}
	return at
}

// numberGroupsAfter returns the end of the digit groups that follow end in
// run through a number's gaps (a space, a dash…), nine digits at most:
// what colonStraddle took for the real number may itself have begun in a
// date or case number before it (702/2026-931-1550369), and the rest of
// the real one would be left too short to be read as a number again.
func numberGroupsAfter(run string, end int) int {
	for n := 0; ; {
		k, _ := gapAfter(run, end, gapChars)
		if k == end || k >= len(run) || !isDigit(run[k]) {
			return end
		}
		e := digitsEnd(run, k)
		if n += e - k; n > 9 {
			return end
		}
		end = e
	}
}
