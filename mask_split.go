package shikayat

import "strings"

// A run of digit groups that reads as one long number may be a list: case
// numbers (FIR 123/2026, 124/2026), or a date and then a phone number
// (12.03.26 98765 43210). splitRun finds the items of such a list that
// are no phone number, so that they stay as written and only the numbers
// among them are masked.

// runItem is one item of a run: digit groups joined by gaps with no space
// or comma in them, from start to end in folded.
type runItem struct {
	start, end int
	digits     []byte
	kept       bool // a case number or a date
	masked     bool // part of a run masked as a number
	part       bool // what an earlier masking left of a number
}

// splitRun returns, for a phone-like run at folded[start:end], the parts of
// it to mask when the run holds case numbers (123/2026) or dates
// (12.03.26, 12.03.2026) among its items — the items are what gaps with a
// space or a comma divide it into. The items between two kept ones are masked
// together when they have a phone number's ten digits or more, and left as
// written when they have fewer. ok is false, and the whole run is to be
// masked as before, when it holds no case number or date, or when what is
// left as written could be read as a phone number (leftNumber), so that no
// number hides behind a list.
func splitRun(folded string, start, end int) (spans [][2]int, ok bool) {
	// A case number or a date is written with "/", "." or "-".
	if !strings.ContainsAny(folded[start:end], "/.-") {
		return nil, false
	}
	items := runItems(folded, start, end)
	anyKept := false
	for i := range items {
		anyKept = anyKept || items[i].kept
	}
	if !anyKept {
		return nil, false
	}
	// The two digits that a masked number keeps at either end (the 98
	// and the 10 of 98XXXXXX10) are what a masking before left of a
	// number: they are not masked again.
	if first := &items[0]; !first.kept && len(first.digits) == 2 && maskedBefore(folded, start) {
		first.masked, first.part = true, true
	}
	if last := &items[len(items)-1]; !last.kept && len(last.digits) == 2 && maskedAfter(folded, end) {
		last.masked, last.part = true, true
	}
	for i := 0; i < len(items); {
		if items[i].kept || items[i].masked {
			i++
			continue
		}
		j, n := i, 0
		for ; j < len(items) && !items[j].kept && !items[j].masked; j++ {
			n += len(items[j].digits)
		}
		if n >= 10 {
			from := items[i].start
			if i == 0 {
				from = start
			}
			spans = append(spans, [2]int{from, items[j-1].end})
			for k := i; k < j; k++ {
				items[k].masked = true
			}
		}
		i = j
	}
	if leftNumber(folded, items) {
		return nil, false
	}
	return spans, true
}

// leftNumber reports whether the items of a run that splitRun leaves as
// written, alone or with the first or last digit groups of a number it
// masks beside them, could be read as a phone number: items left next to
// each other that make a phone number's digits (nationalNumber: 1/2026,
// 1/2026 reads 1202612026), or that make a mobile number with the groups
// of a masked number next to them (9.8.2012 3456;15/03/2026 is 98 2012
// 3456 and a date, not a date and a number).
func leftNumber(folded string, items []runItem) bool {
	// units are the items left as written and the digit groups of those
	// masked; seg numbers the masked numbers (0 for none), whole says
	// how many units each has (0 for what an earlier masking left).
	type unit struct {
		digits []byte
		seg    int
	}
	var units []unit
	whole := []int{0}
	for i := 0; i < len(items); {
		if !items[i].masked {
			units = append(units, unit{items[i].digits, 0})
			i++
			continue
		}
		whole = append(whole, 0)
		seg := len(whole) - 1
		for ; i < len(items) && items[i].masked; i++ {
			for _, g := range digitGroups(folded[items[i].start:items[i].end]) {
				units = append(units, unit{g, seg})
				if !items[i].part {
					whole[seg]++
				}
			}
		}
	}
	for i := range units {
		var d []byte
		left, masked := false, false
		seg, n := 0, 0 // the masked number read last, and how many of its units
		for j := i; j < len(units) && len(d) <= 13; j++ {
			u := units[j]
			d = append(d, u.digits...)
			if u.seg == 0 {
				left = true
			} else {
				if u.seg != seg {
					seg, n = u.seg, 0
				}
				if n++; n == whole[seg] {
					break // a whole masked number: that is masked
				}
				masked = true
			}
			if !left {
				continue
			}
			if masked && mobileNumber(d) || !masked && nationalNumber(d) {
				return true
			}
		}
	}
	return false
}

// digitGroups returns the runs of ASCII digits in s.
func digitGroups(s string) [][]byte {
	var groups [][]byte
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		groups = append(groups, []byte(s[i:j]))
		i = j
	}
	return groups
}

// maskedBefore reports whether folded[:i] ends in the start of a masked
// number (two digits and six "X" or more), and maskedAfter whether
// folded[i:] begins with the end of one.
func maskedBefore(folded string, i int) bool {
	k := i
	for k > 0 && folded[k-1] == 'X' {
		k--
	}
	return i-k >= 6 && k >= 2 && isDigit(folded[k-1]) && isDigit(folded[k-2])
}

func maskedAfter(folded string, i int) bool {
	k := i
	for k < len(folded) && folded[k] == 'X' {
		k++
	}
	return k-i >= 6 && k+2 <= len(folded) && isDigit(folded[k]) && isDigit(folded[k+1])
}

// runItems divides the run at folded[start:end] into its items, and marks
// the case numbers and dates among them.
func runItems(folded string, start, end int) []runItem {
	var items []runItem
	var groups []string // the current item's digit groups
	var seps []byte     // the separator between each two of them, or 0
	cur := runItem{start: -1}
	flush := func() {
		if cur.start < 0 {
			return
		}
		cur.kept = caseNumber(groups, seps) || shortDate(groups, seps)
		items = append(items, cur)
		cur, groups, seps = runItem{start: -1}, nil, nil
	}
	for i := start; i < end; {
		if !isDigit(folded[i]) {
			j := i
			for j < end && !isDigit(folded[j]) {
				j++
			}
			if cur.start >= 0 {
				if listGap(folded[i:j]) {
					flush()
				} else if j-i == 1 {
					seps = append(seps, folded[i])
				} else {
					seps = append(seps, 0)
				}
			}
			i = j
			continue
		}
		j := i
		for j < end && isDigit(folded[j]) {
			j++
		}
		if cur.start < 0 {
			cur.start = i
		}
		cur.end = j
		cur.digits = append(cur.digits, folded[i:j]...)
		groups = append(groups, folded[i:j])
		i = j
	}
	flush()
	return items
}

// listGap reports whether a gap between digit groups divides a list: it
// holds a space or a comma. So the items kept as written are written
// without one (123/2026, not 123 / 2026).
func listGap(gap string) bool {
	return strings.ContainsAny(gap, " ,")
}

// caseNumber reports whether an item's groups are a case number: up to six
// digits, "/" and a year (123/2026).
func caseNumber(groups []string, seps []byte) bool {
	return len(groups) == 2 && seps[0] == '/' && len(groups[0]) <= 6 && fullYear(groups[1])
}

// fullYear reports whether g is a year of four digits, 1900 to 2099.
func fullYear(g string) bool {
	return len(g) == 4 && (g[:2] == "19" || g[:2] == "20")
}

// shortDate reports whether an item's groups are a date: day, month and a
// year of two digits or four, joined by the same ".", "/" or "-"
// (12.03.26, 12/03/2026).
func shortDate(groups []string, seps []byte) bool {
	if len(groups) != 3 || seps[0] != seps[1] || seps[0] == 0 || !strings.ContainsRune("./-", rune(seps[0])) {
		return false
	}
	day, month, year := groups[0], groups[1], groups[2]
	return len(day) <= 2 && atoi(day) >= 1 && atoi(day) <= 31 &&
		len(month) <= 2 && atoi(month) >= 1 && atoi(month) <= 12 &&
		(len(year) == 2 || fullYear(year))
}
