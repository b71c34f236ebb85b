package triage

import (
	"strings"
	"sync"

	"github.com/shikayat/shikayat"
)

// Rules the guidelines state plainly, applied over the model's answer:
// danger to life or liberty now is immediate whatever words carry it; a
// matter of another department is recorded with its helpline, never
// docketed; and a few types the model confuses are settled by the words
// that define them.

// phraseSet matches phrases (runs of folded words) in a post's tokens.
// Every set is registered so that one pass over a post finds the first
// phrase of every set (see matchPhrases).
type phraseSet struct {
	id      int
	byFirst map[string][][]string
}

// phraseSets lists every set made by phrases, by id.
var phraseSets []*phraseSet

func phrases(list ...string) *phraseSet {
	ps := &phraseSet{id: len(phraseSets), byFirst: map[string][][]string{}}
	for _, s := range list {
		var words []string
		for _, t := range Tokenize(Fold(s)) {
			words = append(words, t.Text)
		}
		if len(words) > 0 {
			ps.byFirst[words[0]] = append(ps.byFirst[words[0]], words)
		}
	}
	phraseSets = append(phraseSets, ps)
	return ps
}

// setPhrase is a phrase with the set it belongs to.
type setPhrase struct {
	set   int
	words []string
	text  string // the words joined by spaces
}

// allPhrases indexes the phrases of every set by their first word.
var allPhrases = sync.OnceValue(func() map[string][]setPhrase {
	m := map[string][]setPhrase{}
	for _, ps := range phraseSets {
		for first, list := range ps.byFirst {
			for _, ph := range list {
				m[first] = append(m[first], setPhrase{ps.id, ph, strings.Join(ph, " ")})
			}
		}
	}
	return m
})

// phraseMatches holds, per set, the first phrase of the set found in a
// post ("" for none).
type phraseMatches []string

// annotate looks up, once for each token, the phrases of every set that
// begin with it, for matchPhrases and phraseSet.at to share.
func annotate(toks []Token) {
	idx := allPhrases()
	for i := range toks {
		toks[i].phr, toks[i].ann = idx[toks[i].Text], true
	}
}

// phrasesFrom returns the phrases of every set that begin with t.
func phrasesFrom(t *Token) []setPhrase {
	if t.ann {
		return t.phr
	}
	return allPhrases()[t.Text]
}

// matchPhrases finds the phrases of every set in toks in one pass.
func matchPhrases(toks []Token) phraseMatches {
	return matchPhrasesInto(make(phraseMatches, len(phraseSets)), toks)
}

// matchPhrasesInto is matchPhrases into found, which it clears first.
func matchPhrasesInto(found phraseMatches, toks []Token) phraseMatches {
	if cap(found) < len(phraseSets) {
		found = make(phraseMatches, len(phraseSets))
	}
	found = found[:len(phraseSets)]
	clear(found)
	for i := range toks {
		if toks[i].Mention {
			continue
		}
		for _, sp := range phrasesFrom(&toks[i]) {
			if found[sp.set] != "" || i+len(sp.words) > len(toks) {
				continue
			}
			ok := true
			for j := 1; j < len(sp.words); j++ {
				if toks[i+j].Text != sp.words[j] {
					ok = false
					break
				}
			}
			if ok {
				found[sp.set] = sp.text
			}
		}
	}
	return found
}

// in returns the first phrase of ps that m found.
func (m phraseMatches) in(ps *phraseSet) string { return m[ps.id] }

// Danger to life or liberty now, by kind. Each set alone makes a post
// immediate, and gives its type when the model has none better ("other");
// the pairs below need both halves.
var (
	kidnapWords = phrases( // kidnapping, ransom
		"kidnap", "kidnapped", "kidnapping", "kidnappers", "abducted", "abduct", "abduction", "ransom", "फिरौती", "firauti", "phirauti",
		"अपहरण", "apharan", "अगवा", "agwa") // "utha le gaye" only of a person: see personTaken
	confinedWords = phrases( // someone confined or held
		"locked in a room", "locked me in", "locked her in", "locked him in", "locked up in", "held captive", "hostage", "बंधक", "bandhak",
		"कमरे में बंद", "kamre me band", "kamre mein band", "room me band", "band kar rakha hai", "बंद कर रखा है", "kaid kar rakha", "कैद कर रखा",
		"not letting her leave", "not allowing her to leave", "jane nahi de rahe", "जाने नहीं दे रहे")
	bombWords = phrases( // an unattended bag, a bomb
		"unattended bag", "unattended suitcase", "abandoned bag", "suspicious bag", "suspicious object", "lawaris bag", "लावारिस बैग",
		"लावारिस सूटकेस", "lawaris suitcase", "संदिग्ध बैग", "sandigdh bag", "bomb", "बम", "explosive", "विस्फोटक", "visphotak")
	fireWords = phrases( // fire
		"caught fire", "on fire", "fire broke out", "आग लग", "आग लगी", "आग लगा", "लगी आग", "aag lag", "aag lagi", "aag laga", "lagi aag")
	riotWords = phrases( // an assault or riot going on
		"firing", "फायरिंग", "goli chal", "गोली चल", "golibari", "गोलीबारी", "riot", "दंगा", "danga", "pathrav", "पथराव", "stone pelting",
		"maarpeet ho rahi", "मारपीट हो रही", "being beaten", "beating him", "beating her", "attacking us", "mob has gathered", "भीड़ जमा", "भीड़ इकट्ठा", "mob of", "mob is gathering",
		"mob lynching", "lynching")
	suicideWords = phrases( // a threat of suicide
		"suicide", "आत्महत्या", "khudkushi", "खुदकुशी", "kill myself", "kill himself", "kill herself", "end my life", "end his life", "end her life", "take his own life",
		"take her own life", "jaan de dunga", "jaan de dungi", "जान दे दूंगा",
		"जान दे दूंगी", "jump from", "कूदने", "kudne", "koodne", "zeher kha", "zeher khane", "zahar kha", "zahar khane", "जहर खा",
		"जहर खाने", "ज़हर खाने", "poison himself", "poison herself", "take poison", "phansi laga", "फांसी लगा", "फांसी लगाने",
		"hang himself", "hang herself", "jaan dene ki", "जान देने की")
	dangerWords = phrases( // life in danger
		"जान को खतरा", "jaan ko khatra", "life in danger")
)

// emergencies lists the sets with the type each implies ("" for none).
var emergencies = []struct {
	words *phraseSet
	typ   shikayat.Type
}{
	{kidnapWords, shikayat.TypeMissingPerson},
	{confinedWords, ""},
	{bombWords, shikayat.TypeOther},
	{fireWords, shikayat.TypeOther},
	{suicideWords, shikayat.TypeOther}, // before riots: a crowd watching a person on a bridge is no riot
	{riotWords, shikayat.TypeAssaultThreat},
	{dangerWords, ""},
}

// accident + injured; missing + a child.
var (
	accidentWords = phrases("accident", "एक्सीडेंट", "दुर्घटना", "durghatna", "haadsa", "हादसा", "takkar", "टक्कर", "hit by", "collided",
		"palat gayi", "palat gaya", "पलट गई", "पलट गया", "overturned")
	injuredWords = phrases("injured", "घायल", "ghayal", "bleeding", "khoon", "खून", "लहूलुहान", "unconscious", "बेहोश", "behosh",
		"lying on the road", "सड़क पर पड़ा", "serious", "गंभीर", "दबे", "chot", "चोट", "trapped", "फंसे")
	missingWords = phrases("missing", "लापता", "lapata", "laapata", "gum ho", "गुम हो", "gumshuda", "गुमशुदा", "nahi mil raha",
		"नहीं मिल रहा", "nahi mil rahi", "नहीं मिल रही", "not found", "can't find", "cannot find")
	childWords = phrases("child", "kid", "son", "daughter", "boy", "girl", "baby", "bachcha", "bachchi", "बच्चा", "बच्ची", "बच्चे",
		"बेटा", "बेटी", "beta", "beti", "bhatija", "भतीजा", "bhatiji", "भतीजी", "saal ka", "साल का", "saal ki", "साल की",
		"year old", "years old", "nabalig", "नाबालिग", "minor")
)

// emergency returns the words that make the post an emergency, or "".
func emergency(toks []Token) string { return matchPhrases(toks).emergency(toks) }

func (m phraseMatches) emergency(toks []Token) string {
	w, _ := m.emergencyType(toks)
	return w
}

// emergencyType returns the words that make the post an emergency and the
// type they imply ("" for none), or "", "".
func (m phraseMatches) emergencyType(toks []Token) (string, shikayat.Type) {
	for _, e := range emergencies {
		if e.words == kidnapWords && m.in(kidnapThreat) != "" && m.in(kidnapDone) == "" && onlyThreatened(toks) {
			continue // a threat to kidnap is a threat, not a kidnapping
		}
		if w := m.in(e.words); w != "" {
			return w, e.typ
		}
	}
	if a, b := m.in(accidentWords), m.in(injuredWords); a != "" && b != "" {
		return a + " … " + b, shikayat.TypeTraffic
	}
	if a, b := m.in(missingWords), m.in(childWords); a != "" && b != "" {
		return a + " … " + b, shikayat.TypeMissingPerson
	}
	return "", ""
}

// crimeWords name a crime or a danger: a post with one is for the police
// even when it also names another department's subject.
var crimeWords = phrases("chori", "चोरी", "stolen", "theft", "chor", "चोर", "loot", "लूट", "maarpeet", "मारपीट", "dhamki", "धमकी",
	"threat", "threatened", "threatening", "beat", "beaten", "peeta", "पीटा", "attack", "हमला", "hamla", "goli", "गोली", "murder",
	"हत्या", "hatya", "fraud", "धोखाधड़ी", "ठगी", "thagi", "cheated", "rishwat", "रिश्वत", "bribe", "ghoos", "घूस", "harass",
	"harassment", "छेड़छाड़", "kabza", "कब्जा", "कब्ज़ा", "accident", "दुर्घटना", "injured", "घायल", "current laga", "करंट", "electrocuted",
	"shock", "fire", "आग", "aag", "fight", "झगड़ा", "jhagda", "gaali", "गाली", "drunk", "sharab", "शराब", "cyber", "साइबर",
	"posing", "fake", "फर्जी", "farzi", "scam", "otp", "ओटीपी", "निकाल लिए", "nikal liye", "install", "was taken", "debited", "deducted", "kat gaye", "कट गए")

// departments: another department's subject, by its words.
var departments = []struct {
	name  string
	words *phraseSet
}{
	{"electricity", phrases("bijli", "बिजली", "electricity", "power cut", "powercut", "power supply", "transformer", "ट्रांसफार्मर",
		"transformar", "light nahi", "लाइट नहीं", "light gayi", "लाइट गई", "bijli ka bill", "electricity bill", "meter reading", "uppcl",
		"pvvnl", "mvvnl", "dvvnl", "puvvnl", "kesco", "voltage", "वोल्टेज", "vidyut", "विद्युत")},
	{"water", phrases("water supply", "पानी की सप्लाई", "paani nahi", "पानी नहीं", "pani nahi", "jal nigam", "जल निगम", "jalkal",
		"जलकल", "pipeline", "पाइपलाइन", "tubewell", "hand pump", "handpump", "हैंडपंप", "dirty water", "गंदा पानी", "ganda pani")},
	{"municipal", phrases("kooda", "कूड़ा", "kachra", "कचरा", "garbage", "nali", "नाली", "naali", "sewer", "सीवर", "drain", "drainage",
		"streetlight", "street light", "स्ट्रीट लाइट", "safai", "सफाई", "nagar nigam", "नगर निगम", "nagar palika", "नगर पालिका",
		"stray dogs", "आवारा कुत्ते", "awara kutte", "mosquito", "मच्छर", "fogging")},
	{"roads", phrases("pothole", "potholes", "gaddha", "गड्ढा", "गड्ढे", "gaddhe", "road is broken", "sadak tooti", "सड़क टूटी",
		"टूटी सड़क", "tooti sadak", "road repair", "सड़क की मरम्मत", "pwd")},
	{"cm_helpline", phrases("ration card", "राशन कार्ड", "ration", "राशन", "pension", "पेंशन", "scholarship", "छात्रवृत्ति",
		"awas yojana", "आवास योजना", "ayushman", "आयुष्मान", "kotedar", "कोटेदार", "वन विभाग", "van vibhag", "forest department",
		"बंदर", "बंदरों", "bandar", "bandaron", "monkey", "monkeys")},
}

// department returns the other department whose matter the post is, or ""
// when it names none or also names a crime or a danger.
func department(toks []Token) string { return matchPhrases(toks).department(toks) }

func (m phraseMatches) department(toks []Token) string {
	if m.in(crimeWords) != "" || m.emergency(toks) != "" {
		return ""
	}
	for _, d := range departments {
		if m.in(d.words) != "" {
			return d.name
		}
	}
	return ""
}

// companyWords name a company's service (a shop, an airline, a telecom, a
// delivery, a cable operator): a complaint about it is the company's
// matter, not the police's, unless it names a crime (crimeWords).
var companyWords = phrases("flipkart", "amazon", "zomato", "swiggy", "blinkit", "zepto", "myntra", "meesho", "airtel", "jio",
	"vodafone", "vi", "bsnl", "indigo", "air india", "spicejet", "akasa", "irctc", "uber", "ola", "rapido", "customer care",
	"customer support", "chat support", "delivery boy", "recharge", "postpaid", "prepaid", "broadband", "wifi", "cable wala",
	"cable wale", "cable operator", "केबल वाला", "केबल वाले", "dth", "refund", "रिफंड")

// company returns the company words of a post that is a company's matter
// and names no crime or danger, or "".
func (m phraseMatches) company(toks []Token) string {
	if m.in(crimeWords) != "" || m.emergency(toks) != "" {
		return ""
	}
	return m.in(companyWords)
}

// at returns the number of tokens of the longest phrase of the set that
// starts at toks[i], 0 for none.
func (ps *phraseSet) at(toks []Token, i int) int {
	if toks[i].ann {
		return ps.atAnnotated(toks, i)
	}
	best := 0
	for _, ph := range ps.byFirst[toks[i].Text] {
		if i+len(ph) > len(toks) || len(ph) <= best {
			continue
		}
		ok := true
		for j := 1; j < len(ph); j++ {
			if toks[i+j].Text != ph[j] {
				ok = false
				break
			}
		}
		if ok {
			best = len(ph)
		}
	}
	return best
}

// atAnnotated is at for an annotated token.
func (ps *phraseSet) atAnnotated(toks []Token, i int) int {
	best := 0
	for _, sp := range toks[i].phr {
		ph := sp.words
		if sp.set != ps.id || i+len(ph) > len(toks) || len(ph) <= best {
			continue
		}
		ok := true
		for j := 1; j < len(ph); j++ {
			if toks[i+j].Text != ph[j] {
				ok = false
				break
			}
		}
		if ok {
			best = len(ph)
		}
	}
	return best
}
