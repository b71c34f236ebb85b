package shikayat

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// FeedbackWindow is how long after a complaint was last closed its author's
// posts in its thread count as feedback: a rating, or an appeal that
// reopens it. Later posts are ordinary follow-ups.
const FeedbackWindow = 30 * 24 * time.Hour

// Appeal reasons: why a citizen's post reopened a closed complaint.
const (
	AppealRating      = "rating"       // a rating of 1 or 2
	AppealNotResolved = "not_resolved" // the author says it is not resolved
)

// EventRating is the trail action of the author's post that rates a
// complaint (Detail "rating"); the complaint's rating is the last one.
const EventRating = "rating"

// ratingWords are the numbers 1–5 in English, Hinglish and Hindi, with the
// spellings people use.
var ratingWords = map[string]int{
	"1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
	"१": 1, "२": 2, "३": 3, "४": 4, "५": 5,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"ek": 1, "do": 2, "teen": 3, "tin": 3, "char": 4, "chaar": 4, "chār": 4, "paanch": 5, "panch": 5, "pach": 5, "paach": 5,
	"एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पाँच": 5, "पांच": 5, "पाच": 5,
}

var (
	keycap         = strings.NewReplacer("\u20E3", "", "1\uFE0F", "1", "2\uFE0F", "2", "3\uFE0F", "3", "4\uFE0F", "4", "5\uFE0F", "5")
	leadingMention = regexp.MustCompile(`^(?:@[A-Za-z0-9_]{1,15}\s*)+`)
	ratingPrefix   = regexp.MustCompile(`^(?:my\s+)?(?:rating|rate|rated|i\s+give|given|meri\s+rating|रेटिंग|रेटिंग\s+है)\s*(?:is\s+|:|-|=)?\s*`)
	ratingSuffix   = regexp.MustCompile(`\s*(?:(?:/|out\s+of|में\s+से|mein\s+se)\s*(?:5|५|five|पाँच|पांच))?\s*(?:stars?|स्टार|सितारे|[⭐★✩☆*]+)?$`)
)

// ParseRating reads a post that rates a complaint 1–5: a number alone, in
// English or Devanagari digits or as a word in English, Hinglish or Hindi,
// optionally with stars or "/5" ("2", "२/५", "do", "चार स्टार", "5 ⭐",
// "rating: 4", "⭐⭐⭐"), after any @mentions X puts first. Anything more
// is not a rating: "2 din ho gaye" is a follow-up.
func ParseRating(text string) (int, bool) {
	if len(text) > 280*4 {
		return 0, false
	}
	s := strings.TrimSpace(leadingMention.ReplaceAllString(strings.TrimSpace(text), ""))
	s = strings.ToLower(strings.TrimRightFunc(s, func(r rune) bool {
		return r == '.' || r == '!' || r == '।' || r == '🙏' || unicode.IsSpace(r)
	}))
	// Keycap digits ("1️⃣"): the digit, its variation selector and the
	// combining keycap.
	s = keycap.Replace(s)
	if s == "" {
		return 0, false
	}
	// Stars alone: their number.
	stars := 0
	for _, r := range s {
		if r != '⭐' && r != '★' && r != '\uFE0F' && r != ' ' {
			stars = -1
			break
		}
		if r == '⭐' || r == '★' {
			stars++
		}
	}
	if stars >= 1 && stars <= 5 {
		return stars, true
	}
	s = ratingPrefix.ReplaceAllString(s, "")
	s = ratingSuffix.ReplaceAllString(s, "")
	n, ok := ratingWords[strings.TrimSpace(s)]
	return n, ok
}

// notResolved finds a citizen saying their complaint was not resolved, in
// English, Hinglish or Hindi. Every pattern names the resolution (samadhan,
// hal, karyavahi, action, kaam, resolved …) or says "still"/"abhi tak":
// a bare "nahi hua" or "no action" is as often thanks ("koi dikkat nahi
// hui", "no action needed") as a complaint.
var notResolved = regexp.MustCompile(`(?i)` +
	`\b(?:not|never)\s+(?:been\s+|yet\s+|been\s+yet\s+)?(?:resolved|solved|fixed)\b|\bunresolved\b|\bstill\s+not\b|\bnot\s+satisfied\b|` +
	`\bproblem\s+(?:is\s+)?still\b|\bnothing\s+(?:has\s+been\s+|was\s+)?done\b|\bno\s+action\s+(?:was\s+|has\s+been\s+)?taken\b|` +
	`\b(?:samadhan|hal|solve|resolve|action|karyavahi|karwai|karvai|karyawahi|karrwai|kaam|kam)\s+(?:abhi\s+tak\s+)?(?:bhi\s+)?(?:nahi|nahin|nhi|nahī|nahee)\b|` +
	`\babhi\s+tak\s+(?:(?:kuch|kuchh|koi)\s+)?(?:bhi\s+)?(?:nahi|nahin|nhi)\b|\b(?:kuch|kuchh)\s+(?:bhi\s+)?(?:nahi|nahin|nhi)\s+(?:hua|huwa)\b|` +
	`(?:समाधान|हल|निस्तारण|कार्यवाही|कार्रवाई|कारवाई|एक्शन|काम)\s+(?:अभी\s+तक\s+)?(?:भी\s+)?नहीं|` +
	`अभी\s+तक\s+(?:(?:कुछ|कोई)\s+)?(?:भी\s+)?नहीं|कुछ\s+(?:भी\s+)?नहीं\s+हुआ|असंतुष्ट`)

// SaysNotResolved reports whether a post says the complaint was not
// resolved ("not resolved", "kuch nahi hua", "koi action nahi",
// "समाधान नहीं हुआ").
func SaysNotResolved(text string) bool {
	if len(text) > 10000 {
		text = text[:10000]
	}
	return notResolved.MatchString(text)
}

// feedback makes a post in the thread of its own author's complaint a
// rating or an appeal, within the FeedbackWindow after the complaint was
// last closed. A rating of 1–2, or saying it is not resolved, reopens a
// closed complaint; a rating of a reopened one is still recorded.
func feedback(d *Decision, p *Post, c *Complaint) {
	if c.LastClosedAt == nil || p.AuthorID == "" || p.AuthorID != c.AuthorID {
		return
	}
	at := p.CreatedAt
	if at.IsZero() {
		at = *c.LastClosedAt
	}
	if at.Before(*c.LastClosedAt) || at.Sub(*c.LastClosedAt) > FeedbackWindow {
		return
	}
	if n, ok := ParseRating(p.Text); ok {
		d.Rating, d.Event = n, EventRating
		d.Reason = "rates " + c.Code + " " + string(rune('0'+n)) + "/5"
		if n <= 2 && c.Stage == StageClosed {
			d.Appeal = AppealRating
		}
	} else if SaysNotResolved(p.Text) && c.Stage == StageClosed {
		d.Appeal = AppealNotResolved
	}
	if d.Appeal != "" {
		d.Reason += "; an appeal reopens " + c.Code
	}
}
