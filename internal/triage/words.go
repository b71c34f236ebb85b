package triage

// commonWords are everyday words of English, Hindi and Hinglish (as keys).
// No town or tehsil name equal to one of them is taken as a place, and no
// word of them is corrected by one letter into a place name.
var commonWords = keySet(
	// English
	"about", "after", "again", "against", "always", "another", "anyone", "around", "asking", "because",
	"before", "behind", "being", "below", "between", "brother", "called", "cannot", "change", "children",
	"complaint", "contact", "could", "daily", "daughter", "department", "during", "either", "evening",
	"every", "family", "father", "friend", "further", "happened", "having", "himself", "information",
	"inside", "instead", "market", "matter", "minutes", "missing", "morning", "mother", "nothing", "number",
	"officer", "office", "online", "others", "outside", "parking", "people", "person", "please", "police",
	"problem", "public", "really", "regarding", "report", "request", "respected", "right", "school",
	"second", "should", "sister", "someone", "something", "station", "still", "stolen", "street", "strict",
	"thanks", "thank", "their", "there", "these", "things", "think", "threat", "threats", "through",
	"today", "tonight", "urgent", "village", "waiting", "where", "which", "while", "without", "would",
	"yesterday", "local", "locals", "colony", "sector", "highway", "bridge", "temple", "mandir", "masjid",
	"hospital", "college", "railway", "gang", "goons", "sahab", "sahib", "madam", "kindly", "helpline",
	"harass", "harassed", "harassing", "harassment", "robbery", "chain", "mobile", "wallet", "purse",
	"scooty", "bike", "motorcycle", "vehicle", "traffic", "accident", "fight", "firing", "dowry",
	"husband", "neighbour", "neighbor", "landlord", "tenant", "verification", "passport", "licence",
	"license", "document", "documents", "certificate", "account", "banking", "payment", "transfer",
	"fraud", "scam", "cheating", "cheated", "money", "rupees", "lakhs", "thousand", "hundred", "thana",
	"chowki", "kotwali", "inspector", "constable", "daroga", "sipahi", "nagar", "road", "gali", "mohalla",
	"shop", "shops", "dukan", "ghar", "sadak", "chauraha", "crossing", "plaza", "mall", "park", "ground",
	"maidan", "baag", "bagh", "ganj", "pur", "abad", "garh", "city", "town", "district", "state",
	// Hindi (Devanagari)
	"पुलिस", "थाना", "थाने", "चौकी", "शिकायत", "कृपया", "मदद", "तुरंत", "जल्दी", "लोग", "लोगों", "मोहल्ला",
	"गली", "सड़क", "घर", "गांव", "गाँव", "बाजार", "दुकान", "मंदिर", "मस्जिद", "स्कूल", "कॉलेज", "अस्पताल",
	"चौराहा", "चौराहे", "नगर", "कॉलोनी", "कालोनी", "जिला", "जिले", "जनपद", "शहर", "क्षेत्र", "इलाका", "इलाके",
	"नहीं", "कोई", "कुछ", "अभी", "बहुत", "सभी", "हमारे", "हमारी", "हमारा", "मेरे", "मेरी", "मेरा",
	"उनके", "उसके", "इसके", "जिसके", "किसके", "करके", "रहे", "रही", "रहा", "गया", "गई", "गए",
	"बारे", "सामने", "पास", "पीछे", "अंदर", "बाहर", "ऊपर", "नीचे", "दिन", "रात", "सुबह", "शाम",
	"महीने", "साल", "हफ्ते", "बेटी", "बेटा", "बच्चा", "बच्ची", "महिला", "लड़की", "लड़का", "पत्नी", "पति",
	"भाई", "बहन", "माता", "पिता", "परिवार", "पड़ोसी", "दबंग", "गुंडे", "चोर", "चोरी", "धमकी", "मारपीट",
	"संगम", "महानगर",
)
