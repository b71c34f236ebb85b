package xsim

import (
	"strings"
	"unicode"

	"github.com/shikayat/shikayat/internal/xapi"
)

// entitiesOf finds the mentions, hashtags and links in text, with offsets in
// code points as X gives them.
func entitiesOf(text string) *xapi.Entities {
	r := []rune(text)
	e := &xapi.Entities{}
	wordy := func(c rune) bool {
		return c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) || unicode.Is(unicode.Mc, c)
	}
	for i := 0; i < len(r); i++ {
		if i > 0 && (wordy(r[i-1]) || r[i-1] == '@' || r[i-1] == '#') {
			continue
		}
		switch {
		case r[i] == '@':
			j := i + 1
			for j < len(r) && j-i-1 < 15 && r[j] < 128 && (r[j] == '_' || unicode.IsLetter(r[j]) || unicode.IsDigit(r[j])) {
				j++
			}
			if j > i+1 {
				e.Mentions = append(e.Mentions, xapi.MentionEntity{Start: i, End: j, Username: string(r[i+1 : j])})
				i = j - 1
			}
		case r[i] == '#':
			j := i + 1
			for j < len(r) && wordy(r[j]) {
				j++
			}
			if j > i+1 && !allDigits(r[i+1:j]) {
				e.Hashtags = append(e.Hashtags, xapi.HashtagEntity{Start: i, End: j, Tag: string(r[i+1 : j])})
				i = j - 1
			}
		case r[i] == 'h' && (hasPrefixRunes(r[i:], "https://") || hasPrefixRunes(r[i:], "http://")):
			j := i
			for j < len(r) && !unicode.IsSpace(r[j]) {
				j++
			}
			u := strings.TrimRight(string(r[i:j]), ".,!?)")
			end := i + len([]rune(u))
			e.URLs = append(e.URLs, xapi.URLEntity{Start: i, End: end, URL: u, ExpandedURL: u, DisplayURL: displayURL(u)})
			i = end - 1
		}
	}
	if len(e.Mentions)+len(e.Hashtags)+len(e.URLs) == 0 {
		return nil
	}
	return e
}

func allDigits(r []rune) bool {
	for _, c := range r {
		if !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

func hasPrefixRunes(r []rune, p string) bool {
	return len(r) >= len(p) && string(r[:len(p)]) == p
}

func displayURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	if len([]rune(u)) > 26 {
		return string([]rune(u)[:25]) + "…"
	}
	return u
}

// weightedLength counts text as X does for its 280 limit: most scripts,
// Devanagari among them, count one per character, others (CJK, emoji) two,
// and every link 23.
func weightedLength(text string) int {
	n := 0
	for _, u := range entitiesOfURLs(text) {
		text = strings.Replace(text, u, "", 1)
		n += 23
	}
	for _, c := range text {
		switch {
		case c <= 0x10FF, 0x2000 <= c && c <= 0x200D, 0x2010 <= c && c <= 0x201F, 0x2032 <= c && c <= 0x2037:
			n++
		default:
			n += 2
		}
	}
	return n
}

func entitiesOfURLs(text string) []string {
	e := entitiesOf(text)
	if e == nil {
		return nil
	}
	out := make([]string, len(e.URLs))
	for i, u := range e.URLs {
		out[i] = u.URL
	}
	return out
}

// guessLang guesses X's lang code: "hi" for Devanagari, "en" otherwise.
func guessLang(text string) string {
	for _, c := range text {
		if unicode.Is(unicode.Devanagari, c) {
			return "hi"
		}
	}
	return "en"
}
