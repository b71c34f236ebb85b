package triage

// Phrases that carry a type's signal where single words do not ("nahi
// mila", "police ne", "ran off with"), by the guidelines' definitions of the
// types, in the three languages. Each found phrase adds its cue, like the
// words of cueOf.
var phraseCues = []struct {
	cue   string
	words *phraseSet
}{
	// Each phrase is here by the guidelines' definition of its type, and is
	// in the training data (traindata/gen) as well, so that it is learned
	// and not only matched.
	//
	// missing_person: someone not found, not come back, not seen
	{"t-missing", phrases("ghar nahi aaya", "ghar nahi aayi", "ghar nahi lauta",
		"ghar nahi lauti", "घर नहीं आया", "घर नहीं आई", "घर नहीं लौटा", "घर नहीं लौटी", "वापस नहीं आया", "वापस नहीं आई",
		"wapas nahi aaya", "wapas nahi aayi", "not returned", "has not returned", "hasn't returned", "did not return",
		"didn't return", "not come back", "never came back", "did not come home", "didn't come home", "not been seen",
		"दिखाई नहीं दी", "दिखाई नहीं दिया", "dikhai nahi di", "dikhai nahi diya", "भाग गई", "bhaga le gaya", "भगा ले गया", "bhaga ke le gaya")},
	// theft: something taken away
	{"t-theft", phrases("chura liya", "चुरा लिया", "chura liye", "चुरा लिए", "chheen liya", "छीन लिया", "chheen li",
		"छीन ली", "tala tod", "taala tod", "shutter tod", "शटर तोड़", "broke into", "broken into",
		"ताला तोड़", "ताला तोड़कर", "lock broken", "broke the lock", "break the lock", "breaking the lock", "break into",
		"breaking into", "tala todne", "ताला तोड़ने",
		"chori ho", "चोरी हो", "चोरी कर", "chori kar")},
	// police_conduct: what the police did wrong
	{"t-police", phrases("jhoothe case", "jhoothe mukadme", "झूठे मुकदमे", "झूठे केस", "false case", "fake case", "naamzad", "नामजद", "jhoothi sulah",
		"झूठी सुलह", "samjhaute ka dabav", "समझौते का दबाव", "dabav bana", "दबाव बना", "hawalat me", "हवालात में", "in custody",
		"report nahi likhi", "रिपोर्ट नहीं लिखी", "fir nahi likhi", "एफआईआर नहीं लिखी", "fir nahi", "एफआईआर नहीं", "not registering",
		"refused to register", "won't register", "dono taraf se", "दोनों तरफ से", "case band kar",
		"केस बंद कर")},
	// assault_threat: violence, firing, weapons, threats
	{"t-assault", phrases("hawai fire", "हवाई फायर", "fire karke", "फायर करके", "fire kiya", "फायर किया", "goli chala", "गोली चला",
		"goli maar", "गोली मार", "shot at", "opened fire", "fired in the air", "with a knife", "with rods", "with sticks", "लाठी डंडों",
		"lathi dando", "धारदार हथियार", "dhardar hathiyar", "will shoot", "shoot him", "goli maar denge", "गोली मार देंगे",
		"tod phod", "todphod", "तोड़फोड़", "smashed the", "attacking a", "attacking the", "with lathis", "jaan se maar", "जान से मार", "dhamki de", "धमकी दे", "peet rahe",
		"पीट रहे", "maar rahe", "मार रहे", "beat up", "beating up", "hamla kar", "हमला कर", "sar phod", "सिर फोड़", "sar phat", "सिर फट")},
	// women_safety: harassment of women and girls, at home or outside
	{"t-women", phrases("छेड़खानी", "chhedkhani", "chhedkhaani", "galat tarike se", "गलत तरीके से", "bad touch", "touches girls",
		"touching girls", "girls' hostel", "girls hostel", "ladies hostel", "गर्ल्स हॉस्टल", "pull a girl", "pulling a girl",
		"girl into a car", "ladki ko gadi", "लड़की को गाड़ी", "sasural wale", "ससुराल वाले", "ससुराल वालों", "sasural walon",
		"in-laws", "domestic violence", "घरेलू हिंसा", "gharelu hinsa", "दहेज के लिए", "dahej ke liye", "for dowry", "ladkiyon ko",
		"लड़कियों को", "mahilaon ko", "महिलाओं को", "फब्तियां", "fabtiyan", "ladkiyo ko", "लड़कियो को", "haath pakad", "हाथ पकड़",
		"hath pakad", "grabbed her hand", "grabbed her", "chhoo raha", "chhu raha", "छू रहा", "छूता है", "dupatta kheench", "दुपट्टा खींच",
		"teen talaq", "triple talaq", "तीन तलाक")},
	// traffic: roads and vehicles, their danger and their jams
	{"t-traffic", phrases("speed breaker", "स्पीड ब्रेकर", "school van", "स्कूल वैन", "school bus", "स्कूल बस", "no entry", "no-entry",
		"नो एंट्री", "heavy vehicles", "heavy trucks", "भारी वाहन", "bhari vahan", "tez raftar", "तेज रफ्तार",
		"tez nikalti", "zigzag", "drunk driving", "wrong side", "गलत दिशा", "red light", "रेड लाइट",
		"road block", "jam lag", "जाम लग", "overload", "ओवरलोड", "bache bhare", "बच्चे भरे")},
	// public_nuisance: noise, drink, drugs, gambling in public
	{"t-nuisance", phrases("loud music", "तेज आवाज", "tez awaz", "tez aawaz", "hukka", "हुक्का", "hookah", "liquor",
		"serves liquor", "sharab pi", "शराब पी", "nashe me", "नशे में", "charas", "चरस", "smack", "taash", "ताश", "juaa",
		"after midnight", "आधी रात", "aadhi raat", "ashleel gaane", "अश्लील गाने", "bets on", "bet on", "satta lagate",
		"सट्टा लगाते", "satta khilate", "सट्टा खिलाते")},
	// fraud_cheating: money taken by a promise, not online
	{"t-fraud", phrases("paisa dogna", "पैसा दोगुना", "dogna", "दोगुना", "chit fund", "चिट फंड",
		"naukri ke naam", "नौकरी के नाम",
		"job ke naam", "in the name of a job", "advance liya", "एडवांस लिया", "paise lekar", "पैसे लेकर",
		"bayana", "बयाना", "loan dilane", "लोन दिलाने", "file charge", "processing fee", "fake gold", "nakli sona", "नकली सोना",
		"gold brick", "sone ki eent", "सोने की ईंट", "turned out to be", "carat")},
	// other: a body, a danger without a crime
	{"t-other", phrases("शव", "dead body", "a body", "body lying", "लाश", "आत्मदाह", "atmdah", "self-immolation", "set himself on fire",
		"chemical", "केमिकल", "जहरीला", "poisonous", "tendua", "तेंदुआ", "leopard", "snake", "सांप", "saanp",
		"gas leak", "गैस लीक", "wild animal", "जंगली जानवर")},
}

// policeAgent names the police as the ones who act ("police ne", "थाने
// वाले"): with a wrong done (policeMisdeed, or a t-police phrase) it makes
// the misconduct cue.
var policeAgent = phrases("police ne", "पुलिस ने", "police wale", "police wala", "policewale", "पुलिस वाले", "पुलिस वाला",
	"thane wale", "थाने वाले", "thane ne", "थाने ने", "chowki wale", "चौकी वाले", "policemen", "police has",
	"police took", "police refused", "police did not", "police didn't", "police is not", "पुलिसकर्मियों ने",
	"पुलिसकर्मी ने", "sipahi ne", "सिपाही ने", "io ne", "विवेचक ने", "विवेचक", "halka incharge", "हल्का प्रभारी")

// ownWords are the possessive pronouns (as keys): one next to a thing or a
// person the author owns (ownedNouns), in a post that names a crime, makes
// the own-loss cue, a report of the author's own loss or harm even when it
// asks for nothing ("mere ghar mein chori ho gayi"). Pronouns alone ("me",
// which in Hinglish means "in"; "main"; "i") and a home alone are not enough.
var ownWords = keySet("my", "our", "mera", "meri", "mere", "मेरा", "मेरी", "मेरे", "hamara", "hamari", "hamare", "humara", "humari",
	"humare", "hamaara", "हमारा", "हमारी", "हमारे", "apna", "apni", "apne", "अपना", "अपनी", "अपने")

// personNouns are the people a post may report harmed or taken (as keys).
var personNouns = keySet("beti", "beta", "bete", "betiyan", "bhai", "bhaiya", "bahan", "behan", "behen", "bahen", "ladki", "ladka",
	"ladke", "bachcha", "bachche", "bachchi", "bacha", "bache", "bachi", "baccha", "bacchi", "papa", "pita", "pitaji", "maa", "mummy",
	"mata", "mataji", "biwi", "patni", "pati", "chacha", "chachi", "bhatija", "bhatiji", "bhanja", "bhanji", "dost", "son", "daughter",
	"brother", "sister", "child", "kid", "boy", "girl", "father", "mother", "wife", "husband", "uncle", "nephew", "niece", "friend",
	"बेटी", "बेटा", "बेटे", "भाई", "बहन", "लड़की", "लड़का", "लड़के", "बच्चा", "बच्चे", "बच्ची", "पापा", "पिता", "पिताजी", "मां", "माँ",
	"माता", "मम्मी", "पत्नी", "पति", "चाचा", "चाची", "भतीजा", "भतीजी", "भांजा", "भांजी", "दोस्त")

// ownedNouns are what a post may report stolen or harmed of the author's:
// the people of personNouns, belongings, vehicles, a home or a shop (as
// keys). Money is left out: money "taken" is as often a bill or a refund.
var ownedNouns = func() map[string]bool {
	m := keySet("phone", "mobile", "purse", "wallet", "bag", "bike", "scooty", "scooter", "car", "gaadi", "gadi", "cycle", "saikil",
		"motorcycle", "chain", "gahne", "zewar", "jewellery", "jewelry", "laptop", "bhains", "gaay", "tractor", "ghar", "makaan", "makan",
		"dukaan", "dukan", "shop", "house", "home", "flat", "plot", "zameen", "jameen", "khet", "land", "account", "khata", "battery",
		"फोन", "मोबाइल", "पर्स", "बटुआ", "बैग", "बाइक", "स्कूटी", "कार", "गाड़ी", "साइकिल", "मोटरसाइकिल", "चेन", "गहने", "जेवर",
		"लैपटॉप", "भैंस", "गाय", "ट्रैक्टर", "घर", "मकान", "दुकान", "प्लॉट", "जमीन", "खेत", "खाते", "खाता", "aadhaar", "aadhar", "आधार",
		"naam", "नाम", "photo", "photos", "फोटो", "video", "वीडियो", "sim", "सिम", "id", "upi", "card", "कार्ड")
	for k := range personNouns {
		m[k] = true
	}
	return m
}()

// ownedNamed reports whether the post names a thing or a person as the
// author's: a possessive with an owned noun at most two words after it
// ("mera phone", "meri chhoti beti", "my car battery").
func ownedNamed(toks []Token) bool {
	for i, t := range toks {
		if !ownWords[t.Key] {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+3; j++ {
			if ownedNouns[toks[j].Key] {
				return true
			}
		}
	}
	return false
}

// takenPhrases say that something was taken away ("le gaye", "ran off
// with"). Alone they are as often a heart, a meter or an order; they make
// the theft cue only with an owned thing or a person at most three words
// from them.
var takenPhrases = phrases("nikal liya", "निकाल लिया", "निकाल ली", "le gaye", "le gaya", "le gayi", "ले गए", "ले गया", "ले गई", "ले गये", "lekar bhaag", "le ke bhaag",
	"le kar bhaag", "लेकर भाग", "ले भागा", "le bhaga", "lekar gayab", "लेकर गायब", "le kar gayab", "nikal liye", "निकाल लिए",
	"ran off with", "ran away with", "made off with", "took away")

// goneWords say that someone is gone, and noTrace that nothing is known
// ("kuch pata nahi chala" of a stolen rickshaw as of a son): a missing
// person only with a person named near them (personThen), or, for
// noTrace, when the post names no theft.
var noTrace = phrases("pata nahi chala", "पता नहीं चला", "pata nahi chal raha", "पता नहीं चल रहा", "no trace", "कोई सुराग नहीं",
	"koi suraag nahi")
var goneWords = phrases("gayab hai", "गायब है", "gayab ho gaya", "gayab ho gayi", "गायब हो गया", "गायब हो गई", "gone missing", "is missing")

// takenNear reports whether a phrase of ps stands within three words of an
// owned noun.
func takenNear(toks []Token, ps *phraseSet) bool {
	for i := range toks {
		n := ps.at(toks, i)
		if n == 0 {
			continue
		}
		for j := max(0, i-3); j < len(toks) && j < i+n+3; j++ {
			if ownedNouns[toks[j].Key] {
				return true
			}
		}
	}
	return false
}

// crimeCues are the cues of a crime against a person or a home.
var crimeCues = map[string]bool{"t-theft": true, "t-assault": true, "t-missing": true, "t-land": true, "t-women": true, "t-fraud": true, "t-cyber": true}

// emojiCues are the emoji that carry a cue, with the cue (Tokenize drops
// emoji, so cueOf never sees them).
var emojiCues = [][2]string{{"😂", "joke"}, {"🤣", "joke"}, {"😆", "joke"}, {"😜", "joke"}, {"🏏", "sport"}}
