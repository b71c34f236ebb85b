package triage

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
)

// Features are hashed: a feature is a string (a word, two words, a few
// letters, a cue) reduced to 32 bits with FNV-1a.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

func hashFeature(prefix, s string) uint32 {
	return hashString(hashString(fnvOffset, prefix), s)
}

// featureSet collects the features of one post, without duplicates, and
// remembers which word each word feature came from so that reasons can name
// the words that decided.
type featureSet struct {
	ids   []uint32   // value 1; without duplicates, in the order first added
	cues  []uint32   // value cueValue; sorted, without duplicates
	words []postWord // the words of the post, once each
	// seen holds the ids added for this post, as stamp<<32 | id, by open
	// addressing: a slot of another stamp is empty. Past seenMax ids the
	// set gives up and extract sorts out the duplicates instead.
	seen     []uint64
	stamp    uint32
	overflow bool
	pm       phraseMatches // the phrases of every set found in the post
	toks     []Token       // memory for the post's tokens, reused by Triage
	ws       []wordWeight  // memory for the words named as reasons (postWords)
	memo     wordMemo      // what the gazetteer worked out for single words
	crime    bool          // whether a cue of a crime fired
}

const (
	seenBits = 11
	seenMax  = 1 << (seenBits - 1)
)

func newFeatureSet() *featureSet {
	return &featureSet{ids: make([]uint32, 0, 512), words: make([]postWord, 0, 64), seen: make([]uint64, 1<<seenBits), stamp: 1}
}

// add adds feature h once, and reports whether it was new. (Past seenMax
// it reports only whether h is a word feature not yet among f.words.)
func (f *featureSet) add(h uint32) bool {
	if f.overflow {
		f.ids = append(f.ids, h)
		return !slices.ContainsFunc(f.words, func(w postWord) bool { return w.h == h })
	}
	mask := uint32(len(f.seen) - 1)
	for i := (h * 0x9E3779B1) >> (32 - seenBits); ; i = (i + 1) & mask {
		e := f.seen[i]
		if uint32(e>>32) != f.stamp {
			f.seen[i] = uint64(f.stamp)<<32 | uint64(h)
			f.ids = append(f.ids, h)
			f.overflow = len(f.ids) >= seenMax
			return true
		}
		if uint32(e) == h {
			return false
		}
	}
}

// cueValue is the value of a cue feature (other features are 1): cues
// stand for whole groups of words across languages and should outweigh any
// single n-gram. (A value of v learns like v² copies of a binary feature.)
const cueValue = 2.8

func (f *featureSet) cue(c string) { f.cues = append(f.cues, hashFeature("cue:", c)) }

// postWord is a word of the post as written (folded) and as its key, with
// its feature.
type postWord struct {
	h         uint32
	text, key string
}

// reset empties f for another post, keeping its memory.
func (f *featureSet) reset() {
	f.ids, f.cues = f.ids[:0], f.cues[:0]
	f.words = f.words[:0]
	f.overflow, f.crime = false, false
	if f.stamp++; f.stamp == 0 {
		clear(f.seen)
		f.stamp = 1
	}
}

// extract computes the features of a post from its folded tokens.
func extract(p *shikayat.Post, text string, toks []Token, lang string) *featureSet {
	f := newFeatureSet()
	extractInto(f, p, text, toks, lang)
	return f
}

// extractInto is extract into an empty feature set.
func extractInto(f *featureSet, p *shikayat.Post, text string, toks []Token, lang string) {
	f.add(hashFeature("bias", ""))
	f.add(hashFeature("lang:", lang))
	if p.RetweetOf != "" {
		f.add(hashFeature("post:", "retweet"))
	}
	if p.InReplyToPostID != "" {
		f.add(hashFeature("post:", "reply"))
	}
	if p.QuotedPostID != "" {
		f.add(hashFeature("post:", "quote"))
	}
	if strings.Contains(text, "?") {
		f.add(hashFeature("punct:", "?"))
	}
	if strings.Contains(text, "!") {
		f.add(hashFeature("punct:", "!"))
	}
	// Tokenize drops emoji, so the cues written as emoji are found here.
	for _, e := range emojiCues {
		if strings.Contains(text, e[0]) {
			f.cue(e[1])
		}
	}
	if hasDocketCode(text) {
		f.cue("docket")
	}
	if len(p.URLs) > 0 || strings.Contains(text, "http") {
		f.add(hashFeature("post:", "url"))
	}

	for _, m := range p.Mentions {
		if c := accountClass(m); c != "" {
			f.add(hashFeature("acct:", c))
		}
	}
	prev := "<s>"
	actor, misdeed, female, harm, negated := false, false, false, false, false
	crime, theft := false, false
	for i, t := range toks {
		if t.Mention {
			continue
		}
		k := t.Key
		if k == "beat" && i+1 < len(toks) && beatOfficer[toks[i+1].Key] {
			k = "beat-" // a beat constable walks a beat; nobody is beaten
		}
		if t.Hashtag {
			f.add(hashFeature("tag:", k))
		}
		h := hashFeature("w:", k)
		if f.add(h) {
			f.words = append(f.words, postWord{h, t.Text, k})
		}
		// the hash of "b:" + prev + " " + k, without making the string
		f.add(hashString(hashString(hashFeature("b:", prev), " "), k))
		prev = k
		if isAllDigits(k) {
			switch n := len(k); {
			case n >= 10:
				f.add(hashFeature("num:", "long"))
			case n >= 5:
				f.add(hashFeature("num:", "mid"))
			}
			continue
		}
		charGrams(f, k)
		ki := keyInfos[k]
		if ki == nil {
			continue
		}
		for _, c := range ki.cues {
			f.cues = append(f.cues, c.h)
			crime = crime || c.crime
			theft = theft || c.h == theftCue
		}
		actor = actor || ki.actor
		misdeed = misdeed || ki.misdeed
		female = female || ki.female
		harm = harm || ki.harm
		negated = negated || ki.negated
	}
	f.add(hashFeature("b:", prev+" </s>"))
	f.pm = matchPhrasesInto(f.pm, toks)
	for _, pc := range phraseCues {
		if f.pm.in(pc.words) != "" {
			f.cue(pc.cue)
			crime = crime || crimeCues[pc.cue]
			misdeed = misdeed || pc.cue == "t-police"
			theft = theft || pc.cue == "t-theft"
		}
	}
	if f.pm.in(takenPhrases) != "" && takenNear(toks, takenPhrases) {
		f.cue("t-theft")
		crime, theft = true, true
	}
	// "gayab hai" of a person ("beti park se gayab hai"), not of the power
	if f.pm.in(goneWords) != "" && personThen(toks, goneWords, 6) != "" ||
		f.pm.in(noTrace) != "" && !theft {
		f.cue("t-missing")
		crime = true
	}
	actor = actor || f.pm.in(policeAgent) != ""
	f.crime = crime
	// The author's own, or the author's family, named with a crime.
	if crime && ownedNamed(toks) {
		f.cue("own-loss")
	}
	if hasVehicleNumber(text) {
		f.cue("vehicle")
	}
	if actor && negated {
		f.cue("inaction") // a thana or officer named with "no", "not", "nahi"
	}
	// A police officer or post named together with a wrong done: the
	// complaint is about the police, whatever else the post names.
	if actor && misdeed {
		f.cue("misconduct")
	}
	// A woman or girl named together with violence or a threat.
	if female && harm {
		f.cue("women-harm")
	}
	if f.overflow {
		slices.Sort(f.ids)
		f.ids = slices.Compact(f.ids)
	}
	slices.Sort(f.cues)
	f.cues = slices.Compact(f.cues)
}

// charGrams adds the 3- and 4-letter pieces of a word, with its edges
// marked, so that unseen inflections and spellings share features.
func charGrams(f *featureSet, k string) {
	if utf8.RuneCountInString(k) > 24 {
		return
	}
	var buf [32]int // rune start offsets in "^k$"
	s := "^" + k + "$"
	n := 0
	for i := range s {
		if n < len(buf) {
			buf[n] = i
		}
		n++
	}
	if n > len(buf) {
		return
	}
	for _, g := range [...]int{4} {
		for i := 0; i+g <= n; i++ {
			end := len(s)
			if i+g < n {
				end = buf[i+g]
			}
			f.add(hashFeature("c:", s[buf[i]:end]))
		}
	}
}

func isAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// hasDocketCode reports whether text quotes a docket code (UP26-…) or a
// complaint reference number.
func hasDocketCode(text string) bool {
	for i := 0; i+5 <= len(text); i++ {
		c := text[i]
		if c != 'u' && c != 'U' {
			continue
		}
		if i+4 < len(text) && (text[i+1] == 'p' || text[i+1] == 'P') && isDigit(text[i+2]) && isDigit(text[i+3]) && text[i+4] == '-' {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// accountClass sorts the accounts a post tags: police, other departments
// (power, water, municipal, health, roads), government, or none.
func accountClass(username string) string {
	u := strings.ToLower(username)
	switch {
	case u == "uppolice":
		return "" // nearly every post tags it
	case strings.Contains(u, "police") || strings.HasSuffix(u, "pol") || strings.Contains(u, "dgp") ||
		strings.HasPrefix(u, "ssp") || strings.HasPrefix(u, "sp_") || strings.HasPrefix(u, "cp_") || strings.Contains(u, "112"):
		return "police"
	case containsAny(u, "uppcl", "pvvnl", "mvvnl", "dvvnl", "puvvnl", "kesco", "bijli", "vidyut", "power", "jalnigam", "jal_",
		"nagarnigam", "nagar_nigam", "nnlko", "authority", "pwd", "health", "hospital", "nhm", "rail", "irctc", "nhai", "transport",
		"upsrtc", "food", "ration", "supply", "municipal", "palika", "lda", "gda", "kda", "vda", "ada"):
		return "dept"
	case containsAny(u, "cmoffice", "upgovt", "govt", "yogi", "modi", "pmo", "cmo", "dm_", "dmoffice", "collector", "minister", "bjp", "samajwadi", "inc", "congress", "bsp"):
		return "gov"
	}
	return "other"
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

var theftCue = hashFeature("cue:", "t-theft")

// keyInfo is what extract learns from a word alone (as a key): its cues
// and the sets it belongs to, found with one lookup instead of one a set.
type keyInfo struct {
	cues                                  []cueHash
	actor, misdeed, female, harm, negated bool
}

// keyInfos holds the keyInfo of every key that has a cue or is in one of
// the sets; other keys have none.
var keyInfos = func() map[string]*keyInfo {
	m := map[string]*keyInfo{}
	get := func(k string) *keyInfo {
		if m[k] == nil {
			m[k] = &keyInfo{}
		}
		return m[k]
	}
	for k, cs := range cueHashOf {
		get(k).cues = cs
	}
	for k := range policeActor {
		get(k).actor = true
	}
	for k := range policeMisdeed {
		get(k).misdeed = true
	}
	for k := range femalePerson {
		get(k).female = true
	}
	for k := range harmWords {
		get(k).harm = true
	}
	for k := range negationWords {
		get(k).negated = true
	}
	return m
}()

// beatOfficer are the officers a "beat" names (as keys).
var beatOfficer = keySet("constable", "sipahi", "officer", "policeman", "cop", "incharge", "prabhari")

// negationWords say something was not done.
var negationWords = keySet("no", "not", "never", "nahi", "nahin", "नहीं", "na", "ना", "refused", "mana", "मना", "didn't", "didnt", "won't")

// hasVehicleNumber reports whether text holds an Indian registration
// number (UP32 AB 1234, up 16 ck 4471, DL3C…).
func hasVehicleNumber(text string) bool {
	b := text // letters of either case
	for i := 0; i+6 <= len(b); i++ {
		if !(isLetter(b[i]) && isLetter(b[i+1])) || (i > 0 && (isDigit(b[i-1]) || isLetter(b[i-1]))) {
			continue
		}
		j := i + 2
		skip := func() {
			for j < len(b) && (b[j] == ' ' || b[j] == '-') {
				j++
			}
		}
		skip()
		d := 0
		for j < len(b) && isDigit(b[j]) && d < 2 {
			j, d = j+1, d+1
		}
		if d == 0 {
			continue
		}
		skip()
		l := 0
		for j < len(b) && l < 4 && (isLetter(b[j]) || (l > 0 && (b[j] == ' ' || b[j] == '-'))) {
			if isLetter(b[j]) {
				l++
			}
			j++
		}
		skip()
		n := 0
		for j < len(b) && isDigit(b[j]) {
			j, n = j+1, n+1
		}
		if n == 4 && l > 0 {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// policeActor and policeMisdeed are the two halves of a complaint about
// the police: who (a thana, an officer) and what they did wrong.
var (
	policeActor = keySet("thana", "thane", "थाना", "थाने", "kotwali", "कोतवाली", "chowki", "चौकी", "sho", "एसएचओ", "si", "daroga",
		"दरोगा", "दारोगा", "constable", "constables", "कांस्टेबल", "sipahi", "सिपाही", "prv", "पीआरवी", "io", "विवेचक", "vivechak",
		"munshi", "मुंशी", "inspector", "इंस्पेक्टर", "thanedar", "थानेदार", "policemen", "policeman", "पुलिसकर्मी", "policewale",
		"policevale", "पुलिसवाले", "policewalo", "prabhari", "प्रभारी", "incharge", "outpost", "checkpoint", "checkpost", "halka", "हल्का")
	policeMisdeed = keySet("refused", "refuses", "refusing", "mana", "मना", "bribe", "rishwat", "रिश्वत", "ghoos", "घूस", "demanding",
		"demanded", "maange", "मांगे", "maang", "मांग", "gaali", "गाली", "abused", "slapped", "thappad", "थप्पड़", "misbehaved",
		"badtameezi", "बदतमीजी", "settle", "settlement", "samjhauta", "समझौता", "vasooli", "वसूली", "hafta", "हफ्ता", "bithaye",
		"बैठाए", "chakkar", "चक्कर", "taking", "took", "rakh", "रख", "threatening", "dhamka", "धमका", "false", "jhoothe", "झूठे",
		"drunk", "daaru", "शराब", "formality", "nistarit", "निस्तारित", "ignored", "laughed", "hans", "हंसकर", "custody", "hawalat", "हवालात",
		// what officers are said to do to people in their hands
		"beating", "beat", "peet", "पीट", "पीटा", "पीटते", "slapping", "sign", "दस्तखत", "blank", "सादे", "khaali", "seized", "zabt", "जब्त")
)

// femalePerson and harmWords make the cue for harm done to a woman.
var (
	femalePerson = keySet("ladki", "लड़की", "ladkiyon", "लड़कियों", "ladkiya", "mahila", "महिला", "mahilao", "महिलाओं", "women",
		"woman", "girl", "girls", "beti", "बेटी", "behen", "बहन", "sister", "daughter", "wife", "पत्नी", "patni", "biwi", "बीवी",
		"bahu", "बहू", "she", "her", "वह", "niece", "bhatiji", "भतीजी", "yuvati", "युवती", "chhatra", "छात्रा", "mother", "maa",
		"मां", "mummy", "bhabhi", "भाभी")
	harmWords = keySet("beat", "beats", "beating", "beaten", "maar", "maarta", "peet", "पीट", "पीटा", "पीटता", "मारपीट", "maarpeet",
		"threat", "threatens", "threatening", "dhamki", "धमकी", "following", "follows", "peecha", "पीछा", "touching", "touched",
		"chhoo", "छू", "forced", "forcing", "zabardasti", "जबरन", "jabran", "locked", "band", "burn", "jala", "जला", "acid",
		"tezaab", "तेजाब", "abuse", "abusing", "torture", "pratadit", "प्रताड़ित", "tang", "तंग", "harass", "harassing", "comments",
		"comment", "kidnap", "utha", "उठा", "viral", "blackmail", "ब्लैकमेल")
)

// cueOf groups words that carry the same signal, so that a cue learnt from
// one word carries over to its synonyms in other languages.
var cueOf = func() map[string][]string {
	groups := map[string][]string{
		// "abhi" and "now" alone are left out: "abhi tak koi karyavahi nahi"
		// is a week-old grievance, not an emergency.
		"now": {"turant", "तुरंत", "fauran", "फौरन", "jaldi", "जल्दी",
			"urgent", "urgently", "immediately", "asap", "emergency", "इमरजेंसी", "help", "helpme", "bachao", "बचाओ",
			"bachaiye", "बचाइए", "बचाइये", "sos", "112", "happening", "ongoing"},
		"danger": {"injured", "ghayal", "घायल", "blood", "khoon", "खून", "bleeding", "dying", "suicide", "आत्महत्या",
			"khudkushi", "खुदकुशी", "jaan", "जान", "firing", "फायरिंग", "goli", "गोली", "gunshot", "knife", "chaku",
			"चाकू", "mob", "bheed", "भीड़", "pathrav", "पथराव", "aag", "आग", "fire", "serious", "critical", "gambhir", "गंभीर"},
		"thanks": {"thanks", "thank", "thankyou", "shukriya", "शुक्रिया", "dhanyavad", "धन्यवाद", "dhanyawad", "aabhar",
			"आभार", "grateful", "salute", "सलाम", "proud", "gratitude", "appreciate", "appreciated", "kudos", "great",
			"excellent", "shabash", "शाबाश", "सराहनीय", "prashansniya", "प्रशंसनीय", "badhai", "बधाई"},
		"again": {"again", "phir", "fir", "फिर", "dobara", "दोबारा", "still", "reminder",
			"रिमाइंडर", "yaad", "याद", "earlier", "pehle", "पहले", "already", "pichhle", "पिछले", "followup", "follow",
			"update", "status", "स्थिति", "pending"},
		"ask": {"how", "kaise", "कैसे", "kahan", "kaha", "कहां", "कहाँ", "process", "प्रक्रिया", "prakriya", "procedure",
			"apply", "आवेदन", "avedan", "online", "portal", "पोर्टल", "verification", "सत्यापन", "satyapan", "batayen", "बताएं", "bataiye", "बताइए", "bataye", "information", "jankari", "जानकारी", "guide",
			"helpline", "number", "नंबर", "noc", "एनओसी", "certificate", "प्रमाण"},
		"otherdept": {"bijli", "बिजली", "electricity", "light", "transformer", "ट्रांसफार्मर", "pani", "पानी", "water",
			"nali", "नाली", "drain", "sewer", "garbage", "kooda", "कूड़ा", "kachra", "कचरा", "pothole", "gaddha",
			"गड्ढा", "streetlight", "ration", "राशन", "pension", "पेंशन", "nigam", "निगम", "municipal",
			"jal", "जल", "bill", "बिल", "hospital", "doctor", "school"},
		"news": {"breaking", "news", "खबर", "khabar", "reportedly", "according", "arrested", "गिरफ्तार", "giraftar",
			"encounter", "एनकाउंटर", "election", "चुनाव", "chunav", "minister", "मंत्री", "cm", "yogi", "योगी", "bjp",
			"congress", "party", "rally", "रैली", "vote", "modi", "मोदी", "akhilesh", "अखिलेश"},
		"u-past": {"lost", "was", "were", "yesterday", "ago", "last", "took", "happened", "after", "kal", "कल", "gaya", "गया", "gayi", "गई",
			"gaye", "गए", "hua", "हुआ", "hui", "हुई", "pehle", "पहले", "beeti", "बीती", "liya", "लिया", "liye", "लिए", "diya", "दिया", "kiya", "किया", "chale", "चले"},
		"u-chronic": {"every", "daily", "always", "regularly", "months", "years", "weekend", "roz", "रोज", "roj", "har", "हर", "hamesha",
			"हमेशा", "saal", "साल", "saalo", "सालों", "mahino", "महीनों", "aksar", "अक्सर", "suggestion", "सुझाव", "sujhav", "permanent", "स्थायी", "niyamit", "नियमित"},
		// what makes a post a complaint to the police
		"request": {"please", "pls", "plz", "kripya", "कृपया", "karwai", "karyavahi", "कार्यवाही", "कार्रवाई", "action", "madad", "मदद",
			"bhejo", "bhejen", "भेजें", "bhejiye", "दिलाएं", "dilaye", "dilwaye", "fir", "एफआईआर", "request", "nivedan", "निवेदन"},
		"mine": {"my", "mera", "meri", "mere", "मेरा", "मेरी", "मेरे", "hamara", "hamari", "hamare", "हमारा", "हमारी", "हमारे", "our", "us", "mujhe", "मुझे"}, // not "me": in Hinglish it means "in"
		// what makes it not
		"promo": {"earn", "kamao", "कमाएं", "dm", "डीएम", "offer", "discount", "loan", "free", "subscribe", "follow", "crypto", "profit",
			"bio", "बायो", "join", "guaranteed", "betting", "instant"},
		"sport": {"match", "cricket", "wicket", "ipl", "runs", "innings", "batting", "बल्लेबाजी", "knock", "score", "team"},
		"company": {"airline", "flight", "indigo", "flipkart", "amazon", "zomato", "swiggy", "airtel", "jio", "vodafone", "bank", "बैंक",
			"customer", "care", "कस्टमर", "केयर", "refund", "रिफंड", "delivery", "delivered", "order", "ordered", "network", "नेटवर्क", "ticket", "service"},
		"joke": {"lol", "haha", "hahaha", "lmao"}, // and the emoji of emojiCues
		"t-theft": {"chori", "चोरी", "chor", "चोर", "stolen", "stole", "theft", "thief", "thieves", "snatched", "snatching", "jhapat", "झपट",
			"loot", "लूट", "robbery", "robbed", "burglary", "pickpocket", "jebkatra", "जेबकतरा", "uthaigir", "churaya", "चुराया", "चुरा",
			"chheen", "chheena", "chheeni", "chhina", "chhin", "छीन", "छीना", "छीनी", "snatch", "snatcher", "snatchers"},
		"t-cyber": {"otp", "ओटीपी", "upi", "यूपीआई", "online", "ऑनलाइन", "link", "लिंक", "hacked", "hack", "हैक", "fake", "फर्जी", "instagram",
			"facebook", "whatsapp", "व्हाट्सएप", "app", "ऐप", "kyc", "qr", "screenshot", "website", "sextortion", "blackmail", "ब्लैकमेल", "cyber",
			"साइबर", "1930", "loan", "लोन", "telegram", "profile", "id", "आईडी"},
		"t-women": {"harass", "harassment", "छेड़छाड़", "chhedchhad", "ched", "छेड़", "stalking", "stalker", "peecha", "पीछा", "dowry", "dahej",
			"दहेज", "molest", "molested", "rape", "दुष्कर्म", "sexual", "obscene", "अश्लील", "ashleel", "acid", "तेजाब",
			"तेज़ाब", "tezaab", "sasural", "ससुराल", "eve", "teasing", "lewd", "gandi", "गंदी", "harkat", "हरकत", "fabtiyan", "फब्तियां",
			"manchale", "मनचले", "romeo", "रोमियो", "dupatta", "दुपट्टा", "akeli", "अकेली", "talaq", "तलाक"},
		"t-assault": {"maarpeet", "मारपीट", "peet", "पीट", "beat", "beaten", "beating", "attack", "attacked", "हमला", "hamla", "dhamki", "धमकी",
			"threat", "threatening", "threatened", "goli", "गोली", "firing", "फायरिंग", "golibari", "गोलीबारी", "pistol", "tamancha", "तमंचा", "katta",
			"rangdari", "रंगदारी", "extortion", "lathi", "लाठी", "rod", "chaku", "चाकू", "knife", "jhagda", "झगड़ा", "fight", "kill", "maar",
			"पीटना", "पीटने", "peetna", "peetne", "rods", "brawl"},
		"t-missing": {"missing", "lapata", "लापता", "gumshuda", "गुमशुदा", "gumshudgi", "गुमशुदगी", "kidnap", "kidnapped",
			"अपहरण", "apharan", "abducted", "trafficking", "whereabouts", "bichhad", "बिछड़", "search", "talash", "तलाश", "dhoondh", "ढूंढ"},
		"t-land": {"kabza", "कब्जा", "कब्ज़ा", "zameen", "jameen", "जमीन", "ज़मीन", "plot", "प्लॉट", "khet", "खेत", "encroachment", "atikraman",
			"अतिक्रमण", "registry", "रजिस्ट्री", "boundary", "बाउंड्री", "medh", "मेड़", "land", "makaan", "मकान", "kirayedar", "किरायेदार", "tenant", "property"},
		"t-traffic": {"jam", "जाम", "accident", "एक्सीडेंट", "durghatna", "दुर्घटना", "haadsa", "हादसा", "takkar", "टक्कर", "parking", "पार्किंग",
			"traffic", "ट्रैफिक", "truck", "ट्रक", "rash", "speeding", "overspeed", "helmet", "challan", "चालान", "wrong", "stunt", "e-rickshaw", "highway",
			"tractor", "ट्रैक्टर", "trolley", "ट्रॉली", "dumper", "डंपर", "overloaded", "ओवरलोड", "overtaking", "flyover", "फ्लाईओवर"},
		"t-nuisance": {"sharab", "शराब", "daaru", "दारू", "theka", "ठेका", "jua", "जुआ", "gambling", "satta", "सट्टा", "betting", "dj", "डीजे",
			"loudspeaker", "लाउडस्पीकर", "noise", "shor", "शोर", "nasha", "नशा", "smack", "स्मैक", "ganja", "गांजा", "drugs", "drunk", "nashedi", "नशेड़ी", "hungama", "हंगामा"},
		"t-police": {"sho", "एसएचओ", "daroga", "दरोगा", "sipahi", "सिपाही", "constable", "कांस्टेबल", "inspector", "thanedar", "थानेदार",
			"prabhari", "प्रभारी", "munshi", "मुंशी", "rishwat", "रिश्वत", "bribe", "ghoos", "घूस", "hafta", "हफ्ता", "misbehaved", "badtameezi",
			"बदतमीजी", "gaali", "गाली", "refused", "mana", "मना", "policewale", "पुलिसकर्मी", "chowki", "चौकी", "kotwali", "कोतवाली", "prv", "पीआरवी"},
		"t-fraud": {"cheated", "cheating", "thaga", "ठगा", "thagi", "ठगी", "fraud", "धोखाधड़ी", "dhokha", "धोखा", "naukri", "नौकरी", "job",
			"builder", "बिल्डर", "chit", "चिटफंड", "nakli", "नकली", "fake", "agent", "एजेंट", "refund", "investment", "double",
			"jeweller", "sunar", "सुनार", "hallmark", "हॉलमार्क", "forged", "milawati", "मिलावटी", "brass", "peetal", "पीतल"},
		"t-service": {"verification", "सत्यापन", "satyapan", "passport", "पासपोर्ट", "certificate", "प्रमाण", "noc", "एनओसी", "licence",
			"license", "लाइसेंस", "permission", "अनुमति", "anumati", "lost", "खो", "kho", "copy", "कॉपी", "status", "procedure", "process", "apply", "आवेदन"},
		"t-other": {"suicide", "आत्महत्या", "khudkushi", "kood", "कूद", "jump", "jumping", "lawaris", "लावारिस", "unattended", "suspicious",
			"sandigdh", "संदिग्ध", "behosh", "बेहोश", "unconscious", "track", "पटरी", "patri", "suggestion", "सुझाव", "sujhav", "animal", "जानवर", "ped", "पेड़", "tree",
			"laash", "लाश", "शव", "shav", "tendua", "तेंदुआ", "leopard", "drown", "doob", "डूब", "leak", "रिसाव"},
	}
	m := map[string][]string{}
	for cue, ws := range groups {
		for _, w := range ws {
			for _, tok := range Tokenize(Fold(w)) {
				k := Key(tok.Text)
				if !slices.Contains(m[k], cue) {
					m[k] = append(m[k], cue)
				}
			}
		}
	}
	for _, cs := range m {
		slices.Sort(cs) // the same features in the same order on every run
	}
	return m
}()

// cueHash is a cue as a feature, and whether it names a crime.
type cueHash struct {
	h     uint32
	crime bool
}

// cueHashOf is cueOf with the cues hashed, as features.
var cueHashOf = func() map[string][]cueHash {
	m := make(map[string][]cueHash, len(cueOf))
	for k, cs := range cueOf {
		for _, c := range cs {
			m[k] = append(m[k], cueHash{hashFeature("cue:", c), crimeCues[c]})
		}
	}
	return m
}()
