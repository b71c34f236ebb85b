package triage

import (
	"strconv"
	"strings"
)

// Sensitive complaints (shikayat.Complaint.Sensitive): a sexual offence, a
// minor as victim, or the victim's identity. Triage only suggests; intake
// takes the suggestion and staff set or clear it. The words are Hindi,
// Hinglish and English; a missed post is cheaper to mend (staff mark it)
// than a rule that fires on rhetoric, so "rape of democracy" and its kin
// do not count.
var (
	sexualOffenceWords = phrases(
		"rape", "raped", "raping", "rapist", "rapists", "gangrape", "gang rape", "gang raped", "gangraped",
		"molest", "molested", "molesting", "molestation", "sexual assault", "sexually assaulted", "sexual harassment",
		"sexually harassed", "sexually abused", "sexual abuse", "eve teasing", "eve teased", "groped", "groping",
		"बलात्कार", "balatkar", "balaatkar", "दुष्कर्म", "dushkarm", "duskarm", "सामूहिक दुष्कर्म",
		"छेड़छाड़", "chhedchhad", "chedchad", "chhedkhani", "chhed chhad", "छेड़खानी", "छेड़ रहे", "chhed rahe", "यौन शोषण",
		"yaun shoshan", "यौन उत्पीड़न", "yaun utpeedan", "pocso", "पॉक्सो", "पोक्सो",
		"obscene video", "obscene videos", "obscene photo", "obscene photos", "obscene pictures", "obscene pics",
		"obscene messages", "अश्लील वीडियो", "अश्लील फोटो", "अश्लील तस्वीरें", "अश्लील मैसेज", "ashleel video", "ashlil video",
		"ashleel photo", "ashlil photo", "gandi video", "nude photos", "nude video", "nude pictures", "morphed photos",
		"morphed photo", "private photos", "private video", "private videos", "sextortion", "सेक्सटॉर्शन", "video call blackmail",
		"ब्लैकमेल कर रहा है वीडियो")
	minorWords = phrases(
		"नाबालिग", "nabalig", "naabalig", "minor girl", "minor boy", "minor daughter", "minor son", "minor child",
		"minor sister", "a minor girl", "बच्ची", "bachchi", "bacchi", "school girl", "schoolgirl", "स्कूली छात्रा", "child abuse",
		"बाल यौन")
	identityWords = phrases(
		"victim's name", "victim name", "name of the victim", "identity of the victim", "victim's identity", "victim's photo",
		"पीड़िता", "peedita", "pidita", "पीड़िता का नाम", "पीड़िता की पहचान", "victim ka naam", "victim ki photo")
	// rhetoric: "rape of democracy", "लोकतंत्र का बलात्कार".
	rhetoricAfter  = phrases("of democracy", "of the constitution", "of constitution", "of law", "of justice", "of humanity", "of the law", "of rights", "of the nation", "of the economy")
	rhetoricBefore = phrases("लोकतंत्र का", "loktantra ka", "संविधान का", "samvidhan ka", "कानून का", "kanoon ka", "kanun ka", "न्याय का",
		"nyay ka", "democracy ka", "democracy ki", "लोकतंत्र की", "इंसानियत का", "insaniyat ka")
	// ageWords follow a number: "14 saal ki", "15-year-old", "१२ वर्ष की".
	ageWords = phrases("saal ki", "saal ka", "saal ke", "sal ki", "sal ka", "साल की", "साल का", "साल के", "वर्ष की", "वर्ष का",
		"वर्षीय", "varshiya", "year old", "years old", "yr old", "yrs old", "yo", "y o")
	// personWords near an age make it a person's: "14 saal ki beti", not
	// "10 saal ki saza".
	personWords = phrases("girl", "boy", "daughter", "son", "child", "kid", "sister", "niece", "nephew", "student", "baby",
		"ladki", "ladka", "beti", "beta", "bachchi", "bachcha", "bacchi", "baccha", "bhatiji", "bhanji", "behen", "bahan", "chhatra",
		"chatra", "लड़की", "लड़का", "बेटी", "बेटा", "बच्ची", "बच्चा", "भतीजी", "भांजी", "बहन", "छात्रा", "छात्र", "किशोरी", "kishori")
)

// sensitive returns why a post is sensitive, or "" when it is not.
func sensitive(toks []Token) string {
	for i := range toks {
		if toks[i].Mention || toks[i].Hashtag {
			continue
		}
		if n := sexualOffenceWords.at(toks, i); n > 0 && !rhetorical(toks, i, n) {
			return "sexual offence: " + words(toks[i:i+n])
		}
		if n := minorWords.at(toks, i); n > 0 {
			return "minor: " + words(toks[i:i+n])
		}
		if n := identityWords.at(toks, i); n > 0 {
			return "victim's identity: " + words(toks[i:i+n])
		}
		if age, n := ageAt(toks, i); n > 0 && age < 18 && personNear(toks, i, n) {
			return "minor: " + words(toks[i:i+n])
		}
	}
	return ""
}

// rhetorical reports whether the offence word at toks[i:i+n] is a figure
// of speech: "rape of democracy", "संविधान का बलात्कार".
func rhetorical(toks []Token, i, n int) bool {
	if i+n < len(toks) && rhetoricAfter.at(toks, i+n) > 0 {
		return true
	}
	for back := 1; back <= 2 && back <= i; back++ {
		if rhetoricBefore.at(toks, i-back) == back {
			return true
		}
	}
	return false
}

// ageAt reads an age at toks[i]: a number followed by words of age ("14
// saal ki", "15 year old"), or one token like "12yr". It returns the age
// and the tokens used, 0, 0 for none.
func ageAt(toks []Token, i int) (int, int) {
	t := toks[i].Text
	digits := strings.TrimRightFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	if digits == "" || len(digits) > 3 || strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return 0, 0
	}
	age, err := strconv.Atoi(digits)
	if err != nil {
		return 0, 0
	}
	switch unit := t[len(digits):]; unit {
	case "":
		if i+1 < len(toks) {
			if n := ageWords.at(toks, i+1); n > 0 {
				return age, 1 + n
			}
		}
	case "yr", "yrs", "yo", "y":
		return age, 1
	}
	return 0, 0
}

// personNear reports whether a person word lies within three tokens of
// toks[i:i+n].
func personNear(toks []Token, i, n int) bool {
	for j := max(0, i-3); j < min(len(toks), i+n+3); j++ {
		if j >= i && j < i+n {
			continue
		}
		if personWords.at(toks, j) > 0 {
			return true
		}
	}
	return false
}

func words(toks []Token) string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return strings.Join(out, " ")
}
