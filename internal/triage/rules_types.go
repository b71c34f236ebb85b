package triage

import (
	"slices"
	"strings"

	"github.com/shikayat/shikayat"
)

// Types settled by the words that define them in the guidelines, whatever
// the model's scores. Each rule names a pair of things a post says (who
// and what, or what and where) that leaves one type, tried in this order,
// the first that applies deciding: a fraud through UPI, or blackmail with
// a video or online, is cyber fraud; money taken by officers, or officers
// drinking, is police conduct; land or a house taken, or threats over
// land, is a land dispute (and a beating with the threats an assault);
// triple talaq or a sexual offence (not online) is women's safety; money
// demanded with a threat is extortion, an assault or threat.

var (
	// a threat to kidnap is a threat, not a kidnapping (see emergencyType)
	kidnapThreat = phrases("will kidnap", "would kidnap", "will abduct", "अगवा करने की धमकी", "agwa karne ki dhamki", "uthwa lene ki dhamki",
		"उठवा लेने की धमकी", "threatened to kidnap", "threatening to kidnap", "threatens to kidnap",
		"threat to kidnap", "kidnap karne ki dhamki", "kidnap kar lenge", "kidnap kar lega", "apharan ki dhamki", "apharan karne ki dhamki",
		"apharan kar lenge", "अपहरण की धमकी", "अपहरण करने की धमकी", "अपहरण कर लेंगे", "अपहरण कर लेगा", "utha le jaane ki dhamki",
		"utha le jane ki dhamki", "उठा ले जाने की धमकी")
	// a kidnapping done: with one, a threat to kidnap another is no reason
	// to call the post a threat only
	kidnapDone = phrases("was kidnapped", "been kidnapped", "were kidnapped", "got kidnapped", "has kidnapped", "have kidnapped",
		"kidnapped my", "kidnapped our", "kidnapped her", "kidnapped him", "kidnappers", "was abducted", "been abducted", "were abducted",
		"has abducted", "have abducted", "abducted my", "abducted our", "abducted her", "abducted him", "ransom", "firauti", "phirauti",
		"फिरौती", "apharan ho gaya", "apharan ho gayi", "apharan kar liya", "apharan kar liye", "अपहरण हो गया", "अपहरण हो गई",
		"अपहरण कर लिया", "अपहरण कर ली", "agwa kar liya", "agwa kar liye", "अगवा कर लिया", "अगवा कर ली", "kidnap ho gaya", "kidnap ho gayi",
		"kidnap kar liya", "kidnap kar liye")

	// the police as people who act (not a thana as a landmark)
	officerWords = phrases("daroga", "दरोगा", "दारोगा", "sho", "एसएचओ", "sub inspector", "inspector", "इंस्पेक्टर", "constable",
		"constables", "कांस्टेबल", "sipahi", "सिपाही", "thanedar", "थानेदार", "munshi", "मुंशी", "थानाध्यक्ष", "thanadhyaksh",
		"thana prabhari", "थाना प्रभारी", "chowki incharge", "chowki prabhari", "चौकी प्रभारी", "चौकी इंचार्ज", "halka incharge",
		"हल्का प्रभारी", "हल्का दरोगा", "policewale", "police wale", "police wala", "पुलिस वाले", "पुलिस वाला", "पुलिसवाले",
		"policeman", "policemen", "पुलिसकर्मी", "पुलिसकर्मियों", "home guard", "होमगार्ड", "the si", "an si", "si ne", "एसआई",
		"prv wale", "prv gaadi wale", "prv gadi wale", "prv staff", "prv crew", "पीआरवी वाले", "पीआरवी के", "traffic police", "ट्रैफिक पुलिस", "cop", "cops", "police ne", "पुलिस ने",
		"io ne", "विवेचक")
	// money taken or asked for
	moneyTaken = phrases("bribe", "rishwat", "रिश्वत", "ghoos", "घूस", "suvidha shulk", "kharcha pani", "खर्चा पानी", "demanding rs",
		"demanded rs", "demanding money", "demanded money", "asking for rs", "asked for rs", "asking for money", "asked for money",
		"paise maang", "paise maange", "पैसे मांग", "पैसे मांगे", "rupaye maang", "रुपये मांग", "रुपए मांग", "paise lekar", "पैसे लेकर",
		"paise le liye", "पैसे ले लिए", "took money", "taking money", "takes money", "collects money", "collect money", "collecting money", "paise leta", "paise lete",
		"पैसे लेता", "पैसे लेते", "vasooli", "vasuli", "वसूली", "hafta", "हफ्ता")
	// drinking, of officers on duty
	drinking = phrases("daaru peete", "daaru pee", "daru peete", "sharab peete", "sharab pee", "शराब पीते", "शराब पी", "दारू पीते",
		"दारू पी", "drinking", "were drunk", "was drunk", "drunk on duty", "nashe me the", "nashe mein the", "नशे में थे", "नशे में था")
	// what makes money demanded extortion: a condition or a lender
	extortWords = phrases("rangdari", "रंगदारी", "extortion", "extorting", "unless i pay", "unless we pay", "unless he pays",
		"if he doesn't pay", "if we don't pay", "if i don't pay", "if he does not pay", "if we do not pay", "nahi diye to", "नहीं दिए तो",
		"nahi doge to", "नहीं दोगे तो", "nahi diya to", "नहीं दिया तो", "sood khor", "soodkhor", "सूदखोर", "सूद खोर", "moneylender",
		"money lender", "protection money")
	// violence or its threat
	threatWords = phrases("dhamki", "धमकी", "threat", "threats", "threatened", "threatening", "jaan se maarne", "जान से मारने",
		"goons", "dabang", "दबंग", "gunde", "गुंडे", "will shoot", "shoot him", "shoot you", "goli maar denge", "गोली मार देंगे",
		"maar denge", "मार देंगे", "maar dalenge", "मार डालेंगे")
	// land, and the houses and shops on it, and their taking
	landWords = phrases("zameen", "jameen", "जमीन", "ज़मीन", "plot", "प्लॉट", "khet", "खेत", "land", "farmland", "bigha", "बीघा",
		"property", "जायदाद", "jaydad")
	buildingWords = phrases("house", "ghar", "घर", "makaan", "makan", "मकान", "dukan", "दुकान", "shop", "flat")
	possession    = phrases("kabza", "kabja", "कब्जा", "कब्ज़ा", "कब्जे", "kabje", "encroach", "encroached", "encroachment", "atikraman",
		"अतिक्रमण", "forcibly occupied", "illegally occupied", "occupied our", "occupied my", "occupied her", "occupied his",
		"has been occupied", "have occupied", "fenced off", "grabbed our", "grabbed my", "land grab", "bedakhal", "बेदखल",
		"ताला डाल", "tala daal", "taala daal", "locked us out", "changed the lock", "झोपड़ी डाल", "jhopdi daal", "अपना बता",
		"apna bata", "claims it as")
	// the author's family or neighbours beaten already
	violenceDone = phrases("maara", "maar diya", "peeta", "peet diya", "मारा", "पीटा", "मार दिया", "पीट दिया", "beat up",
		"beaten", "attacked", "stabbed")
	onlineFraud = phrases("olx", "upi", "यूपीआई", "paytm", "पेटीएम", "phonepe", "phone pe", "gpay", "google pay", "otp", "ओटीपी",
		"qr code", "kyc", "केवाईसी")
	fraudWords = phrases("fraud", "फ्रॉड", "froud", "scam", "cheated", "thaga", "ठगा", "ठगी", "thagi", "dhokha", "धोखा", "धोखाधड़ी",
		"kat gaye", "कट गए", "deducted", "debited")
	// a video or photo used against someone, and the threat
	sextortion = phrases("sextortion", "सेक्सटॉर्शन", "video call", "वीडियो कॉल", "edited video", "morphed", "nude", "obscene video",
		"obscene photo", "obscene photos", "अश्लील वीडियो", "अश्लील फोटो", "ashleel video", "gandi video", "private photos",
		"private video", "her photos", "my photos", "meri photo", "उसकी फोटो")
	blackmail = phrases("blackmail", "blackmailed", "blackmailing", "ब्लैकमेल", "viral kar", "वायरल कर", "viral karne", "वायरल करने",
		"send it to", "send the video", "send an edited", "leak the video", "leak the photos", "leak my", "leak her", "leak our", "leak his", "leak your", "to leak", "demanding money", "demanding rs", "paise maang", "पैसे मांग")
	onlineWords = phrases("app", "apps", "snapchat", "instagram", "insta", "facebook", "fb", "whatsapp", "व्हाट्सएप", "telegram", "online",
		"ऑनलाइन", "social media", "सोशल मीडिया", "video call", "वीडियो कॉल", "chats", "chat")
	talaqWords = phrases("teen talaq", "triple talaq", "तीन तलाक", "talaq talaq talaq", "तलाक तलाक तलाक")
	bribeWords = phrases("bribe", "rishwat", "रिश्वत", "ghoos", "घूस", "paise maange", "पैसे मांगे", "money demanded",
		"demanded money", "asked for money", "suvidha shulk", "kharcha pani", "खर्चा पानी")
	// someone posing as the police is a fraud, not the police
	impostor = phrases("posing as", "pretending to be", "fake police", "नकली पुलिस", "farzi police", "फर्जी पुलिस", "digital arrest",
		"डिजिटल अरेस्ट", "impersonating")
	towWords = phrases("towing", "towed", "tow", "टोइंग", "crane", "क्रेन", "challan", "चालान", "traffic police", "ट्रैफिक पुलिस",
		"home guard", "होमगार्ड")
)

// onlyThreatened reports whether every word of kidnapping in toks is
// part of a threat to kidnap ("they will kidnap", "apharan ki dhamki"):
// a kidnapping named anywhere else is one.
func onlyThreatened(toks []Token) bool {
	covered := -1 // the last token inside a threat phrase
	for i := range toks {
		if n := kidnapThreat.at(toks, i); n > 0 && i+n-1 > covered {
			covered = i + n - 1
		}
		if i > covered && kidnapWords.at(toks, i) > 0 {
			return false
		}
	}
	return true
}

// settleType returns the type the guidelines give the post's words and
// the words that decide it, or "", "" to keep the model's.
func settleType(text string, toks []Token) (shikayat.Type, string) {
	return matchPhrases(toks).settleType(text, toks)
}

func (m phraseMatches) settleType(text string, toks []Token) (shikayat.Type, string) {
	both := func(a, b *phraseSet) string {
		x, y := m.in(a), m.in(b)
		if x == "" || y == "" {
			return ""
		}
		return x + " … " + y
	}
	if w := both(bribeWords, towWords); w != "" {
		return shikayat.TypePoliceConduct, w
	}
	if w := both(onlineFraud, fraudWords); w != "" {
		return shikayat.TypeCyberFraud, w
	}
	if w := both(sextortion, blackmail); w != "" {
		return shikayat.TypeCyberFraud, w
	}
	if w := both(blackmail, onlineWords); w != "" {
		return shikayat.TypeCyberFraud, w
	}
	if m.in(impostor) == "" {
		if w := agentDoes(text, toks, officerWords, moneyTaken, 10); w != "" {
			return shikayat.TypePoliceConduct, w
		}
		if w := agentDoes(text, toks, officerWords, drinking, 10); w != "" {
			return shikayat.TypePoliceConduct, w
		}
	}
	if w := both(possession, landWords); w != "" {
		return shikayat.TypeLandDispute, w
	}
	if w := both(possession, buildingWords); w != "" {
		return shikayat.TypeLandDispute, w
	}
	if w := both(possession, threatWords); w != "" {
		return shikayat.TypeLandDispute, w
	}
	if w := both(landWords, threatWords); w != "" {
		if v := m.in(violenceDone); v != "" {
			// beaten and told to leave the land: the violence is the
			// matter, the land not yet taken
			return shikayat.TypeAssaultThreat, v + " … " + w
		}
		return shikayat.TypeLandDispute, w
	}
	if w := m.in(talaqWords); w != "" {
		return shikayat.TypeWomenSafety, w
	}
	if w := sexualOffence(toks); w != "" && womanNamed(toks) && m.in(policeWrong) == "" && m.in(onlineWords) == "" && m.in(sextortion) == "" {
		return shikayat.TypeWomenSafety, w
	}
	if w := both(extortWords, threatWords); w != "" {
		return shikayat.TypeAssaultThreat, w
	}
	return "", ""
}

// policeWrong are the wrongs of the police that make a case about them
// even when it names a sexual offence (a false compromise, a false case).
var policeWrong = phrases("jhoothi sulah", "झूठी सुलह", "false report", "false case", "jhoothe case", "झूठे मुकदमे",
	"samjhaute ka dabav", "समझौते का दबाव", "closed the case", "case band kar", "केस बंद कर", "बंद कर दिया", "closed by the thana",
	"closed my", "closed her")

// womanNamed reports whether the post names a woman or a girl (the
// victim of छेड़छाड़, which of a meter is tampering).
func womanNamed(toks []Token) bool {
	for _, t := range toks {
		if femalePerson[t.Key] {
			return true
		}
	}
	return false
}

// sexualOffence returns the words of a sexual offence named (not as a
// figure of speech), or "".
func sexualOffence(toks []Token) string {
	for i := range toks {
		if n := sexualOffenceWords.at(toks, i); n > 0 && !rhetorical(toks, i, n) {
			return words(toks[i : i+n])
		}
	}
	return ""
}

// reportWords, between an officer and an act, make the officer the one
// told or telling, not the one who acts: "the SHO said the thieves took
// money", "complained to the SHO about boys drinking".
var reportWords = map[string]bool{"said": true, "says": true, "say": true, "told": true, "tells": true, "about": true,
	"complained": true, "reported": true, "informed": true, "that": true, "bataya": true, "batata": true, "kaha": true,
	"kehta": true, "kehte": true, "bola": true, "bole": true, "bolte": true, "बताया": true, "कहा": true, "कहते": true,
	"बोला": true, "बोले": true, "शिकायत": true, "shikayat": true, "regarding": true, "against": true}

// agentDoes returns the words of an agent of a (a police officer) followed
// within window words, in the same clause and with no negation or word of
// reporting between, by an act of b (money taken), or "".
func agentDoes(text string, toks []Token, a, b *phraseSet, window int) string {
	for i := range toks {
		n := a.at(toks, i)
		if n == 0 {
			continue
		}
		for j := i + n; j < len(toks) && j <= i+n+window; j++ {
			if negationWords[toks[j].Key] || reportWords[toks[j].Text] || clauseBreak(text[toks[j-1].End:toks[j].Start]) {
				break
			}
			if k := b.at(toks, j); k > 0 {
				return words(toks[i:i+n]) + " … " + words(toks[j:j+k])
			}
		}
	}
	return ""
}

// clauseBreak reports whether the text between two words ends a clause.
func clauseBreak(between string) bool {
	return strings.ContainsAny(between, ".;!?।|—")
}

// subjectCues are the cues that name a follow-up's subject, by the type
// they give.
var subjectCues = func() map[shikayat.Type]uint32 {
	m := map[shikayat.Type]uint32{}
	// Not a threat or a search alone: "still no arrest and they keep
	// threatening us", "no trace yet, please search" tell no subject.
	for c, t := range map[string]shikayat.Type{"t-theft": shikayat.TypeTheft, "t-land": shikayat.TypeLandDispute, "t-women": shikayat.TypeWomenSafety,
		"t-fraud": shikayat.TypeFraudCheating, "t-cyber": shikayat.TypeCyberFraud, "t-traffic": shikayat.TypeTraffic,
		"t-nuisance": shikayat.TypePublicNuisance} {
		m[t] = hashFeature("cue:", c)
	}
	return m
}()

// subjectType returns, for a follow-up the model calls police conduct,
// the type of the subject it names (the likeliest type whose cue fired),
// or "" when it names none or money went to the police.
func (t *Triager) subjectType(f *featureSet, scores []float64) shikayat.Type {
	if f.pm.in(moneyTaken) != "" {
		return ""
	}
	best, bestS := shikayat.Type(""), 0.0
	for i, name := range typeClasses {
		ty := shikayat.Type(name)
		h, ok := subjectCues[ty]
		if !ok || !slices.Contains(f.cues, h) {
			continue
		}
		if best == "" || scores[i] > bestS {
			best, bestS = ty, scores[i]
		}
	}
	return best
}
