package triage

// Phrases that carry a type's signal where single words do not ("nahi
// mila", "police ne", "ran off with"), by the guidelines' definitions of the
// types, in the three languages. Each found phrase adds its cue, like the
// words of cueOf.
var phraseCues = []struct {
	cue   string
	words *phraseSet
}{
	// missing_person: someone not found, not come back, not seen
	{"t-missing", phrases("nahi mila", "nahi mili", "nahi mile", "नहीं मिला", "नहीं मिली", "नहीं मिले", "pata nahi chala",
		"पता नहीं चला", "pata nahi chal raha", "पता नहीं चल रहा", "ghar nahi aaya", "ghar nahi aayi", "ghar nahi lauta",
		"ghar nahi lauti", "घर नहीं आया", "घर नहीं आई", "घर नहीं लौटा", "घर नहीं लौटी", "वापस नहीं आया", "वापस नहीं आई",
		"wapas nahi aaya", "wapas nahi aayi", "not returned", "has not returned", "hasn't returned", "did not return",
		"didn't return", "not come back", "never came back", "did not come home", "didn't come home", "no trace", "not been seen",
		"कोई सुराग नहीं", "koi suraag nahi", "दिखाई नहीं दी", "दिखाई नहीं दिया", "dikhai nahi di", "dikhai nahi diya", "से गायब है",
		"se gayab hai", "गायब है", "gayab hai", "phone band hai", "फोन बंद है", "phone is switched off", "unreachable", "भाग गई",
		"bhaga le gaya", "भगा ले गया", "bhaga ke le gaya")},
	// theft: something taken away
	{"t-theft", phrases("le gaye", "le gaya", "le gayi", "ले गए", "ले गया", "ले गई", "ले गये", "lekar bhaag", "le ke bhaag",
		"le kar bhaag", "लेकर भाग", "ले भागा", "le bhaga", "lekar gayab", "लेकर गायब", "le kar gayab", "nikal liya", "निकाल लिया",
		"nikal liye", "निकाल लिए", "chura liya", "चुरा लिया", "chura liye", "चुरा लिए", "chheen liya", "छीन लिया", "chheen li",
		"छीन ली", "ran off with", "ran away with", "made off with", "took away", "broke into", "broken into", "tala tod", "taala tod",
		"ताला तोड़", "ताला तोड़कर", "shutter tod", "शटर तोड़", "lock broken", "broke the lock", "went missing from", "गायब मिला",
		"gayab mila", "chori ho", "चोरी हो", "चोरी कर", "chori kar")},
	// police_conduct: what the police did wrong
	{"t-police", phrases("jhoothe case", "jhoothe mukadme", "झूठे मुकदमे", "झूठे केस", "false case", "fake case", "naamzad", "नामजद", "jhoothi sulah",
		"झूठी सुलह", "samjhaute ka dabav", "समझौते का दबाव", "dabav bana", "दबाव बना", "hawalat me", "हवालात में", "in custody",
		"report nahi likhi", "रिपोर्ट नहीं लिखी", "fir nahi likhi", "एफआईआर नहीं लिखी", "fir nahi", "एफआईआर नहीं", "not registering",
		"refused to register", "won't register", "paise le liye", "पैसे ले लिए", "dono taraf se", "दोनों तरफ से", "case band kar",
		"केस बंद कर", "band kar di", "बंद कर दी")},
	// assault_threat: violence, firing, weapons, threats
	{"t-assault", phrases("hawai fire", "हवाई फायर", "fire karke", "फायर करके", "fire kiya", "फायर किया", "goli chala", "गोली चला",
		"goli maar", "गोली मार", "shot at", "opened fire", "fired in the air", "with a knife", "with rods", "with sticks", "लाठी डंडों",
		"lathi dando", "धारदार हथियार", "dhardar hathiyar", "jaan se maar", "जान से मार", "dhamki de", "धमकी दे", "peet rahe",
		"पीट रहे", "maar rahe", "मार रहे", "beat up", "beating up", "hamla kar", "हमला कर", "sar phod", "सिर फोड़", "sar phat", "सिर फट")},
	// women_safety: harassment of women and girls, at home or outside
	{"t-women", phrases("छेड़खानी", "chhedkhani", "chhedkhaani", "galat tarike se", "गलत तरीके से", "bad touch", "touches girls",
		"touching girls", "girls' hostel", "girls hostel", "ladies hostel", "गर्ल्स हॉस्टल", "pull a girl", "pulling a girl",
		"girl into a car", "ladki ko gadi", "लड़की को गाड़ी", "sasural wale", "ससुराल वाले", "ससुराल वालों", "sasural walon",
		"in-laws", "domestic violence", "घरेलू हिंसा", "gharelu hinsa", "दहेज के लिए", "dahej ke liye", "for dowry", "ladkiyon ko",
		"लड़कियों को", "mahilaon ko", "महिलाओं को", "women are", "girls are", "फब्तियां", "fabtiyan", "seeti", "सीटी", "whistle")},
	// traffic: roads and vehicles, their danger and their jams
	{"t-traffic", phrases("speed breaker", "स्पीड ब्रेकर", "school van", "स्कूल वैन", "school bus", "स्कूल बस", "no entry", "no-entry",
		"नो एंट्री", "heavy vehicles", "heavy trucks", "भारी वाहन", "bhari vahan", "tez raftar", "तेज रफ्तार", "तेजी से", "tezi se",
		"tez nikalti", "gaadiyan", "गाड़ियां", "vehicles", "zigzag", "drunk driving", "wrong side", "गलत दिशा", "red light", "रेड लाइट",
		"signal", "सिग्नल", "road block", "jam lag", "जाम लग", "overload", "ओवरलोड", "sawari", "सवारी", "bache bhare", "बच्चे भरे")},
	// public_nuisance: noise, drink, drugs, gambling in public
	{"t-nuisance", phrases("loud music", "तेज आवाज", "tez awaz", "tez aawaz", "hukka", "हुक्का", "hookah", "bottle", "बोतल", "liquor",
		"serves liquor", "sharab pi", "शराब पी", "nashe me", "नशे में", "charas", "चरस", "smack", "cards", "taash", "ताश", "juaa",
		"after midnight", "आधी रात", "aadhi raat", "every night", "हर रात", "har raat", "ashleel gaane", "अश्लील गाने")},
	// fraud_cheating: money taken by a promise, not online
	{"t-fraud", phrases("paisa dogna", "पैसा दोगुना", "dogna", "दोगुना", "scheme", "स्कीम", "paisa jama", "पैसा जमा", "jama karwa",
		"जमा करवा", "office band", "दफ्तर बंद", "ऑफिस बंद", "company wale", "कंपनी वाले", "naukri ke naam", "नौकरी के नाम",
		"job ke naam", "in the name of a job", "advance liya", "एडवांस लिया", "paise lekar", "पैसे लेकर", "money and vanished",
		"took money", "took the money", "chit fund", "चिट फंड", "committee", "कमेटी", "kameti", "bayana", "बयाना")},
	// other: a body, a danger without a crime
	{"t-other", phrases("शव", "dead body", "a body", "body lying", "लाश", "आत्मदाह", "atmdah", "self-immolation", "set himself on fire",
		"chemical", "केमिकल", "जहरीला", "poisonous", "tendua", "तेंदुआ", "leopard", "snake", "सांप", "saanp", "monkey", "बंदर", "bandar",
		"gas leak", "गैस लीक", "wild animal", "जंगली जानवर")},
}

// policeAgent names the police as the ones who act ("police ne", "थाने
// वाले"): with a wrong done (policeMisdeed, or a t-police phrase) it makes
// the misconduct cue.
var policeAgent = phrases("police ne", "पुलिस ने", "police wale", "police wala", "policewale", "पुलिस वाले", "पुलिस वाला",
	"thane wale", "थाने वाले", "thane ne", "थाने ने", "chowki wale", "चौकी वाले", "policemen", "police have", "police has",
	"police took", "police refused", "police did not", "police didn't", "police is not", "police are not", "पुलिसकर्मियों ने",
	"पुलिसकर्मी ने", "daroga ne", "दरोगा ने", "sipahi ne", "सिपाही ने", "io ne", "विवेचक ने", "विवेचक", "halka incharge", "हल्का प्रभारी")

// ownWords name the author or the author's own (as keys): with a crime
// word they make the own-loss cue, a report of the author's own loss or
// harm even when it asks for nothing ("mere ghar mein chori ho gayi").
var ownWords = keySet("my", "mine", "our", "me", "us", "i", "we", "mera", "meri", "mere", "मेरा", "मेरी", "मेरे", "hamara", "hamari",
	"hamare", "humara", "humari", "humare", "हमारा", "हमारी", "हमारे", "mujhe", "मुझे", "mujhse", "मुझसे", "hume", "hamein", "हमें",
	"humne", "hamne", "हमने", "maine", "मैंने", "main", "मैं",
	// the author's home or shop, which a plain report leaves unowned ("ghar ka tala tod ke")
	"ghar", "घर", "dukaan", "dukan", "दुकान", "house", "home", "shop", "flat")

// crimeCues are the cues of a crime against a person or a home.
var crimeCues = map[string]bool{"t-theft": true, "t-assault": true, "t-missing": true, "t-land": true, "t-women": true, "t-fraud": true, "t-cyber": true}

// emojiCues are the emoji that carry a cue, with the cue (Tokenize drops
// emoji, so cueOf never sees them).
var emojiCues = [][2]string{{"😂", "joke"}, {"🤣", "joke"}, {"😆", "joke"}, {"😜", "joke"}, {"🏏", "sport"}}
