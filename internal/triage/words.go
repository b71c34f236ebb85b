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
	// everyday Hindi words, so that none is romanised into a town's name
	"है", "हैं", "था", "थी", "थे", "और", "का", "की", "के", "को", "से", "में", "पर", "ने", "भी", "तो", "ही", "कर",
	"करें", "करो", "किया", "गया", "रहा", "बंद", "खुला", "आ", "जा", "दिया", "लिया", "अब", "जब", "तब", "कब", "क्या",
	"क्यों", "कैसे", "कहां", "यहां", "वहां", "बात", "काम", "पैसा", "पैसे", "रुपये", "मोबाइल", "फोन", "गाड़ी", "बाइक",
	"गंगा", "घाट", "नदी", "पुल", "मेला", "मेले", "स्टेशन", "बस", "ट्रेन", "अड्डा", "अड्डे", "मंडी", "चौक", "गेट", "रोड",
	"मार्ग", "सिपाही", "दरोगा", "साहब", "आदमी", "औरत", "बच्चे", "लड़के", "बेटे", "मां", "देश", "सरकार", "नेता",
	"मंत्री", "विधायक", "प्रधान", "गुंडा", "शराब", "जुआ", "सट्टा", "सुरक्षा", "कार्रवाई", "कार्यवाही", "सूचना",
	"जानकारी", "दुर्घटना", "हादसा", "घायल", "मौत", "हत्या", "लूट", "ठगी", "धोखा", "कब्जा", "जमीन", "मकान",
	"प्लॉट", "खेत", "नाली", "पानी", "बिजली", "लाइट", "कचरा", "कूड़ा", "सामान", "दुकानदार", "मालिक", "किराया",
	"किरायेदार", "ड्राइवर", "ट्रक", "ऑटो", "टेम्पो", "रिक्शा", "सवार", "युवक", "युवती", "बुजुर्ग", "छात्र", "छात्रा",
	"बाबा", "मंदिरों", "बालू", "ईंट", "भट्ठा", "ढाबा", "होटल", "शादी", "बारात", "समारोह", "चुनाव", "रंजिश",
	"खड़ा", "खड़ी", "खड़े", "पड़ा", "पड़ी", "बड़ा", "बड़ी", "बड़े", "लड़ाई", "झगड़ा",
)

// wordlikeNames are district names that are also everyday words (sambhal,
// "to handle"; banda, "a guy"; basti, "a settlement"). They count as the
// district only where the words around put a place there, or written with
// a capital letter.
var wordlikeNames = map[string]string{
	Key("sambhal"): "Sambhal", Fold("संभल"): "", Key("banda"): "Banda", Key("basti"): "Basti", Fold("बस्ती"): "",
}

// functionWords carry grammar, not content: they are never named as a
// reason (as keys; commonWords are left out too).
var functionWords = keySet(
	"and", "the", "for", "with", "this", "that", "from", "have", "has", "had", "are", "was", "were", "but", "not", "you",
	"your", "our", "his", "her", "they", "them", "there", "here", "what", "when", "who", "why", "how", "all", "any", "can",
	"will", "would", "please", "pls", "plz", "sir", "also", "very", "just", "now", "then", "than", "into", "over", "been",
	"being", "did", "does", "done", "about", "its", "it's", "i'm", "him", "she", "one", "two", "out", "off", "more", "some",
	"hai", "hain", "bhi", "abhi", "aur", "nahi", "nahin", "kya", "koi", "kuch", "mera", "meri", "mere", "hum", "hame", "hamein",
	"hamara", "hamari", "hamare", "aap", "aapke", "apne", "apni", "apna", "yeh", "ye", "woh", "vo", "wo", "tha", "thi", "the",
	"raha", "rahi", "rahe", "kar", "karo", "kare", "karen", "karein", "kiya", "diya", "liya", "gaya", "gayi", "gaye", "hua",
	"hui", "hue", "ho", "hota", "hoti", "hote", "se", "me", "mein", "ka", "ki", "ke", "ko", "ne", "par", "pe", "tak", "toh",
	"to", "ji", "sahab", "kripya", "jab", "tab", "ab", "kab", "kaise", "kyun", "kyu", "wala", "wali", "wale", "liye", "saath",
	"है", "हैं", "भी", "अभी", "और", "नहीं", "क्या", "कोई", "कुछ", "यह", "वह", "ये", "वो", "था", "थी", "थे", "रहा", "रही",
	"रहे", "कर", "करें", "किया", "दिया", "लिया", "गया", "गई", "गए", "हुआ", "हुई", "हो", "होता", "होती", "से", "में", "का",
	"की", "के", "को", "ने", "पर", "तक", "तो", "जी", "कृपया", "लिए", "साथ", "वाले", "वाला", "वाली", "अपने", "अपनी", "हम",
	"हमें", "आप", "आपके", "मेरा", "मेरी", "मेरे", "जब", "तब", "अब", "कब", "कैसे", "क्यों", "इस", "उस", "इसे", "उसे", "एक",
	// words of place, time and doing that no person would cite as evidence
	"aaj", "आज", "today", "bahar", "बाहर", "andar", "अंदर", "saamne", "samne", "सामने", "upar", "ऊपर", "neeche", "नीचे", "paas",
	"पास", "baad", "बाद", "yahan", "यहां", "wahan", "वहां", "karte", "करते", "karne", "करने", "karna", "करना", "करें", "करो",
	"jaate", "जाते", "jata", "जाता", "jati", "जाती", "hoga", "होगा", "hogi", "होगी", "रहें", "लेकर", "lekar", "देकर", "dekar",
	"कोई", "किसी", "kisi", "sabhi", "सभी", "bahut", "बहुत", "bhai", "sirf", "सिर्फ", "which", "where", "there", "their",
	"these", "those", "because", "after", "before", "while", "still", "again",
	"mujhe", "मुझे", "mujhse", "मुझसे", "maine", "मैंने", "main", "mai", "मैं", "humne", "hamne", "हमने", "hume", "हमें",
	"kaisa", "kaisi", "कैसा", "कैसी", "i", "me", "my", "we", "us", "mine", "is", "be", "am", "an", "a", "of", "to", "in",
	"on", "at", "by", "or", "if", "so", "as", "do", "he", "it", "we",
)
