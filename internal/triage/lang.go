package triage

// Language codes of a post.
const (
	LangHindi    = "hi"       // Devanagari Hindi
	LangEnglish  = "en"       // English
	LangHinglish = "hinglish" // romanised Hindi, or Hindi and English mixed
)

// hindiRoman holds common romanised Hindi words, as keys (see Key). English
// rarely uses them, so their share among a post's Latin words tells Hinglish
// from English.
var hindiRoman = keySet(
	"hai", "hain", "he", "h", "ha", "tha", "thi", "the", "ho", "hua", "hui", "hue", "hoga", "hogi",
	"ka", "ki", "ke", "ko", "se", "me", "mein", "main", "mai", "mujhe", "mujhse", "mera", "meri", "mere",
	"hamara", "hamari", "hamare", "humara", "humari", "humare", "hum", "ham", "aap", "aapke", "aapki", "apna",
	"apni", "apne", "unka", "unki", "unke", "uska", "uski", "uske", "usne", "unhone", "maine", "humne",
	"nahi", "nahin", "nhi", "nai", "na", "kya", "kyu", "kyun", "kab", "kaise", "kaun", "koi", "kuch", "kuchh",
	"kar", "karo", "kare", "karen", "karein", "kiya", "kiye", "kia", "karna", "karne", "karke", "karte", "karta",
	"gaya", "gayi", "gai", "gaye", "raha", "rahi", "rahe", "rha", "rhi", "rhe", "diya", "di", "diye", "de", "do",
	"dena", "liya", "li", "lo", "le", "lekin", "par", "pe", "aur", "ya", "bhi", "to", "toh", "jab", "tab", "ab",
	"abhi", "jaldi", "turant", "bahut", "bohot", "bhai", "bhaiya", "ji", "sahab", "sahib", "log", "logo", "logon",
	"wala", "wale", "wali", "yaha", "yahan", "vaha", "vahan", "waha", "wahan", "ghar", "gali", "mohalla", "raat",
	"din", "kal", "parso", "roz", "roj", "paisa", "paise", "rupay", "rupaye", "chori", "chor", "thana", "thane",
	"shikayat", "madad", "kripya", "krupya", "krpya", "sun", "suno", "sunvai", "sunwai", "karwai", "karvai",
	"karyavahi", "hamesha", "saal", "mahina", "mahine", "hafte", "ladki", "ladka", "beti", "beta", "bacha",
	"bachcha", "mahila", "aadmi", "log", "bhaut", "kyunki", "isliye", "agar", "fir", "phir", "sath", "saath",
	"bina", "sabhi", "sab", "pura", "puri", "gunda", "gunde", "dabang", "dhamki", "maar", "mar", "peet", "pita",
	"jaan", "khatra", "bachao", "bachaiye", "dekho", "dekhiye", "chahiye", "chaiye", "hoti", "hota", "jata",
	"jati", "jaate", "jaana", "rahta", "rehta", "yeh", "ye", "woh", "vo", "wo", "inka", "inki", "inke", "iska",
	"iski", "iske", "kaafi", "zyada", "jyada", "pareshan", "dhanyavad", "dhanyawad", "shukriya", "aapka",
	"kisi", "kis", "jis", "jo", "unse", "isse", "usse", "tak", "bata", "batao", "bataye", "bataiye", "kab",
	"mil", "mila", "mili", "milega", "gayab", "lapata", "bhag", "bhaag",
	"sabse", "sirf", "shuru", "sasta", "sasti", "accha", "achha", "achhi", "acchi", "bura", "buri", "kitna", "kitne",
	"kitni", "kyonki", "chahte", "chahta", "chahti", "lagta", "lagti", "lagte", "lag", "raha", "wapas", "vapas",
	"pehle", "baad", "andar", "bahar", "upar", "neeche", "saamne", "peeche", "paas", "dur", "door", "jaldi",
	"dhyan", "samay", "waqt", "vakt", "kripa", "pata", "maloom", "bolo", "bola", "boli", "bole", "kaha", "kehte",
	"dekha", "dekhi", "suna", "aaya", "aayi", "aaye", "jaye", "jaaye", "hoga", "hogi", "honge", "sakta", "sakti",
	"sakte", "chuka", "chuki", "chuke", "wali", "wale", "waala", "yaar", "haan", "nahin", "mat",
)

// keySet makes a set of words as a post's tokens are keyed: folded (Fold),
// then keyed (Key). A Devanagari entry is written as people write it
// (नहीं, लड़की) and stored as its folded token (नहिं, लडकि), which is what
// Tokenize(Fold(text)) gives.
func keySet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[Key(Fold(w))] = true
	}
	keySets = append(keySets, wordSet{words, m})
	return m
}

// wordSet is a set made by keySet with the words it was made from.
type wordSet struct {
	words []string
	set   map[string]bool
}

// keySets lists every set made by keySet, for tests.
var keySets []wordSet

// englishCommon holds English words that romanised Hindi shares by accident
// of spelling (e.g. "he", "to", "me", "do"); they count as evidence only
// when other Hindi words are present.
var englishCommon = keySet("fir", "aap", "app", "thana", "thane", "same", "are", "pas", "use", "usse", "bus", "mat", "door", "pata", "lag", "kaha", "haan", "he", "to", "me", "do", "the", "a", "h", "ha", "de", "na", "le", "main", "ya", "di", "li", "lo", "sun", "ab", "tab", "jab", "pe", "par", "mar", "kar", "din", "log", "bhi", "pita", "mil", "bata", "vo", "ye", "ho", "kal", "sab", "jo", "mai")

// englishWords are English function words; many of them in a post mark it
// as English even when a few words look like romanised Hindi.
var englishWords = keySet("the", "is", "was", "were", "are", "am", "be", "been", "has", "have", "had", "my", "our", "your",
	"and", "of", "to", "in", "for", "from", "on", "with", "at", "this", "that", "these", "it", "its", "by", "not", "no",
	"will", "would", "should", "can", "could", "please", "what", "when", "where", "who", "how", "why", "which", "there",
	"their", "they", "them", "we", "us", "you", "i", "me", "he", "she", "him", "her", "his", "an", "a", "or", "but", "if",
	"so", "than", "then", "after", "before", "since", "about", "into", "over", "under", "again", "still", "every", "all",
	"any", "some", "only", "just", "very", "also", "even", "did", "does", "do", "got", "get")

// DetectLang tells Devanagari Hindi, English and Hinglish apart from the
// post's own words (mentions, hashtags and URLs do not count).
func DetectLang(toks []Token) string {
	deva, latin := 0, 0
	hindi, strong, eng := 0, 0, 0
	for _, t := range toks {
		if t.Mention || t.Hashtag {
			continue
		}
		if t.Deva {
			deva++
			continue
		}
		if !hasLetter(t.Text) {
			continue
		}
		latin++
		k := t.Key
		if hindiRoman[k] {
			hindi++
			if !englishCommon[k] {
				strong++
			}
		}
	}
	switch {
	case deva == 0 && latin == 0:
		return LangEnglish
	case deva >= latin || (deva >= 3 && deva*2 >= latin):
		return LangHindi
	case strong >= 2 && strong*2 >= eng,
		strong >= 1 && hindi >= 3 && hindi >= eng,
		latin <= 4 && strong >= 1 && eng == 0:
		return LangHinglish
	default:
		return LangEnglish
	}
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}
