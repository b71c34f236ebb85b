package xsim

// Vocabulary of the post generator: complaint templates by type, urgency
// and language, other kinds of posts, localities, names. Written for the
// simulator, to look like what citizens post to a police account; slots in
// braces are filled at random: {p} a place, {t} a time, {v} a vehicle
// number, {a} an amount in rupees, {n} an age, {ph} a phone number.

type template struct {
	typ, urgency, lang, text string
}

var complaintTemplates = []template{
	// theft
	{"theft", "mid_term", "hi", "{p} से मेरी बाइक {v} चोरी हो गई, {t} घर के बाहर खड़ी थी। कृपया FIR दर्ज कर कार्रवाई करें।"},
	{"theft", "mid_term", "hinglish", "sir {p} me {t} meri bike {v} chori ho gayi, ghar ke bahar khadi thi. please FIR likh ke action lijiye"},
	{"theft", "mid_term", "en", "My scooter {v} was stolen from outside my house in {p} {t}. Please register an FIR and help trace it."},
	{"theft", "immediate", "hinglish", "abhi abhi {p} me ek ladka meri wife ka mobile chheen ke bhaga, black pulsar pe tha. jaldi help bhejo"},
	{"theft", "immediate", "hi", "{p} में अभी दो लोग चेन छीनकर भागे हैं, बाइक पर थे। तुरंत पुलिस भेजिए 🙏"},
	{"theft", "long_term", "en", "Filed an e-FIR for my stolen laptop in {p} three months ago. No update since. Is anyone looking into it?"},
	// cyber_fraud
	{"cyber_fraud", "immediate", "hinglish", "sir mere account se {a} rs kat gaye abhi, kisi ne bank wala ban ke OTP le liya. 1930 busy hai, plz help"},
	{"cyber_fraud", "mid_term", "hi", "किसी ने मेरे नाम से फ़र्ज़ी फेसबुक आईडी बनाकर रिश्तेदारों से पैसे माँगे हैं। मैं {p} से हूँ, कृपया साइबर सेल देखे।"},
	{"cyber_fraud", "mid_term", "en", "I lost {a} to a fake job offer on WhatsApp. They asked for a registration fee and blocked me. I'm in {p}."},
	{"cyber_fraud", "immediate", "en", "Someone just took {a} from my account through a UPI collect request. Complaint on 1930 done, need the account frozen now. {p}"},
	// women_safety
	{"women_safety", "immediate", "hinglish", "{p} me coaching ke bahar roz kuch ladke ladkiyon ko chhedte hain, abhi bhi khade hain. please patrolling bhejiye"},
	{"women_safety", "immediate", "en", "A man has been following my sister from the bus stop in {p} for 20 minutes. She is scared and inside a shop now. Please send someone."},
	{"women_safety", "mid_term", "hi", "मेरी बहन को एक अनजान नंबर {ph} से रोज़ अश्लील मैसेज आ रहे हैं। {p} में रहते हैं, कृपया कार्रवाई करें।"},
	{"women_safety", "mid_term", "en", "My neighbour in {p} keeps harassing my mother when she goes to the market. We have told him many times. Please act."},
	// assault_threat
	{"assault_threat", "immediate", "hi", "{p} में हमारी गली में दो गुटों में मारपीट हो रही है, पत्थर चल रहे हैं। कृपया तुरंत फोर्स भेजें।"},
	{"assault_threat", "immediate", "hinglish", "bhai log {p} me mere chacha ko kuch log laathi se maar rahe hain zameen ke jhagde me. jaldi aao"},
	{"assault_threat", "mid_term", "en", "I am getting death threats on phone from {ph} after a dispute over money in {p}. I have recordings. Please help."},
	{"assault_threat", "mid_term", "hi", "दबंगों ने {p} में मेरे पिता को धमकी दी है कि केस वापस नहीं लिया तो जान से मार देंगे। सुरक्षा दी जाए।"},
	// missing_person
	{"missing_person", "immediate", "hi", "मेरा {n} साल का बेटा {t} से {p} से लापता है। स्कूल ड्रेस में था। कृपया मदद करें 🙏"},
	{"missing_person", "immediate", "en", "My {n}-year-old daughter did not come home from tuition in {p}. Phone is off since {t}. Please help us find her."},
	{"missing_person", "mid_term", "hinglish", "mere bade bhai 4 din se ghar nahi aaye, {p} thane me gumshudgi likhwa di hai par koi update nahi"},
	// land_dispute
	{"land_dispute", "long_term", "hi", "{p} में मेरी पुश्तैनी ज़मीन पर पड़ोसी ने कब्ज़ा कर लिया है। तहसील में केस चल रहा है, पुलिस भी मदद नहीं कर रही।"},
	{"land_dispute", "long_term", "hinglish", "sir {p} me hamare plot pe kuch log zabardasti deewar bana rahe hain. kagaz sab hamare paas hain, kripya dekhen"},
	{"land_dispute", "mid_term", "en", "Some people are building on our family plot in {p} and threatening us when we object. The land records are in our name."},
	// traffic
	{"traffic", "mid_term", "hi", "{p} चौराहे पर रोज़ शाम भयंकर जाम लगता है, ई-रिक्शा बीच सड़क पर सवारी भरते हैं। ट्रैफिक सिपाही लगाया जाए।"},
	{"traffic", "mid_term", "hinglish", "{p} me wrong side se trucks aate hain har raat, kabhi bhi accident ho sakta hai. koi checking nahi hoti"},
	{"traffic", "immediate", "en", "Bad accident on the main road near {p} just now, a biker is lying injured and traffic is stuck. Please send help."},
	{"traffic", "long_term", "en", "The traffic signal at {p} has not worked for two months. Could the traffic police take this up?"},
	// public_nuisance
	{"public_nuisance", "mid_term", "hi", "{p} में रात 12 बजे के बाद भी तेज़ डीजे बज रहा है, बुज़ुर्ग और बच्चे सो नहीं पा रहे।"},
	{"public_nuisance", "mid_term", "hinglish", "{p} ke park me roz sham ko log sharab peete hain aur gaali galoch karte hain. families wahan ja nahi paati"},
	{"public_nuisance", "long_term", "en", "Illegal liquor is sold openly behind the market in {p}. Everyone knows, nothing happens. Please look into it."},
	// police_conduct
	{"police_conduct", "mid_term", "hinglish", "{p} thane me meri FIR likhne se mana kar diya, bole upar se likhwa ke lao. ye kaisa nyay hai"},
	{"police_conduct", "mid_term", "en", "The constable at the {p} checkpoint took {a} from me without a receipt. I have his name plate photo."},
	{"police_conduct", "long_term", "hi", "{p} थाने में तीन बार गया, मेरी शिकायत पर कोई सुनवाई नहीं हुई। उच्च अधिकारी संज्ञान लें।"},
	// fraud_cheating
	{"fraud_cheating", "mid_term", "hi", "{p} के एक बिल्डर ने फ्लैट के नाम पर {a} रुपये लेकर कब्ज़ा नहीं दिया, अब फ़ोन भी नहीं उठाता।"},
	{"fraud_cheating", "long_term", "en", "A man in {p} took {a} from us promising a government job for my brother. It has been a year. Please register a case."},
	{"fraud_cheating", "mid_term", "hinglish", "ek dukandaar ne {p} me purana phone naya bol ke becha {a} me, ab wapas lene se mana kar raha hai"},
	// service_request
	{"service_request", "long_term", "en", "My passport police verification in {p} has been pending for a month. Whom should I contact?"},
	{"service_request", "long_term", "hi", "चरित्र प्रमाण पत्र के लिए {p} में आवेदन किया था, 20 दिन से लंबित है। कृपया जल्द कराएं।"},
	{"service_request", "mid_term", "hinglish", "tenant verification ka form {p} thane me jama kiya tha, ab tak koi nahi aaya. kab hoga?"},
	// other
	{"other", "long_term", "en", "Stray cattle on the highway near {p} cause accidents every week. Can police and the municipality work on this?"},
	{"other", "mid_term", "hi", "{p} में एक बुज़ुर्ग अकेले रहते हैं और उनके बेटे उन्हें परेशान करते हैं। कृपया कोई देख ले।"},
}

var times = map[string][]string{
	"hi":       {"कल रात", "आज सुबह", "परसों शाम", "दोपहर 2 बजे", "कल शाम 7 बजे"},
	"hinglish": {"kal raat", "aaj subah", "parso shaam", "dopahar 2 baje", "kal shaam 7 baje"},
	"en":       {"last night", "this morning", "two days ago", "around 2 pm today", "yesterday evening"},
}

var followUpTemplates = map[string][]string{
	"hi":       {"मेरी शिकायत {d} पर अब तक कोई कार्रवाई नहीं हुई। कृपया स्थिति बताएं।", "{d} — एक हफ़्ता हो गया, कोई फ़ोन नहीं आया।", "शिकायत {d} की स्थिति क्या है?"},
	"hinglish": {"{d} ka kya status hai sir? koi call nahi aaya abhi tak", "meri complaint {d} pe kuch hua? thane wale bol rahe koi info nahi", "{d} status?"},
	"en":       {"What is the status of my complaint {d}?", "Any update on {d}? Nobody has contacted me yet.", "Complaint {d}: it has been five days, still waiting."},
}

var threadFollowUps = map[string][]string{
	"hi":       {"अभी तक कोई नहीं आया, कृपया जल्दी करें।", "थाने से फ़ोन आया था, धन्यवाद। पर सामान अभी नहीं मिला।", "यह फोटो भी देखें, यही लोग थे।"},
	"hinglish": {"abhi tak koi nahi aaya sir", "thane se call aaya tha, thanks. par bike abhi tak nahi mili", "ek aur baat, unki gaadi ka number bhi mila hai"},
	"en":       {"Still no one has come. Please hurry.", "Got a call from the station, thank you. Waiting for the next step.", "Adding a photo of the spot."},
}

var queryTemplates = map[string][]string{
	"hi":       {"पासपोर्ट सत्यापन में कितना समय लगता है? {p} से पूछ रहा हूँ।", "किरायेदार सत्यापन ऑनलाइन कैसे करें?", "खोया हुआ मोबाइल की रिपोर्ट कहाँ दर्ज होती है?"},
	"hinglish": {"lost report online kaise karte hain? {p} se hoon", "character certificate ke liye kahan apply karna hai?", "e-FIR ka status kahan dekhe?"},
	"en":       {"How do I get a police clearance certificate in {p}?", "Is there a helpline for senior citizens in {p}?", "Where can I check the status of an e-FIR?"},
}

var thanksTemplates = map[string][]string{
	"hi":       {"{p} पुलिस का धन्यवाद, मेरा खोया हुआ बैग दो घंटे में मिल गया 🙏", "112 की टीम 10 मिनट में पहुँच गई। बहुत अच्छा काम।"},
	"hinglish": {"thank you {p} police, meri bike mil gayi 🙏", "bahut badhiya kaam, raat ko patrolling dekh ke accha laga"},
	"en":       {"Thank you for the quick help in {p} last night. The 112 team was there in minutes.", "Great work by the {p} traffic police this morning during the rain."},
}

var chatterTemplates = map[string][]string{
	"hi":       {"जय हिंद 🇮🇳", "आज {p} में मौसम बहुत अच्छा है", "पुलिस स्मृति दिवस पर सभी शहीदों को नमन"},
	"hinglish": {"UP police ka social media wala bahut funny hai 😂", "kya baat hai aaj ka post", "{p} me sab badhiya"},
	"en":       {"Love the road safety memes 😄", "Who runs this account? Great posts.", "Good morning from {p}"},
}

var newsTemplates = []string{
	"{p}: police recover 12 stolen motorcycles, two arrested",
	"{p} पुलिस ने साइबर ठगी गिरोह के तीन सदस्य पकड़े",
	"Traffic advisory for {p} for the weekend fair: diversions on main roads",
	"{p} me mission shakti ke tahat jagrukta abhiyan",
}

var newsAccounts = []struct{ username, name string }{
	{"up_khabar_live", "UP Khabar Live"}, {"nagar_samachar", "Nagar Samachar"}, {"awadh_times_", "Awadh Times"},
}

// localities are places within districts, by the district's English name:
// English and Hindi spellings.
var localities = map[string][][2]string{
	"Lucknow":             {{"Hazratganj", "हज़रतगंज"}, {"Aminabad", "अमीनाबाद"}, {"Gomti Nagar", "गोमती नगर"}, {"Alambagh", "आलमबाग"}, {"Chowk", "चौक"}, {"Indira Nagar", "इंदिरा नगर"}},
	"Kanpur Nagar":        {{"Kidwai Nagar", "किदवई नगर"}, {"Swaroop Nagar", "स्वरूप नगर"}, {"Govind Nagar", "गोविंद नगर"}, {"Kakadeo", "काकादेव"}},
	"Varanasi":            {{"Lanka", "लंका"}, {"Sigra", "सिगरा"}, {"Godowlia", "गोदौलिया"}, {"Cantt", "कैंट"}},
	"Prayagraj":           {{"Civil Lines", "सिविल लाइंस"}, {"Katra", "कटरा"}, {"Naini", "नैनी"}},
	"Agra":                {{"Tajganj", "ताजगंज"}, {"Sanjay Place", "संजय प्लेस"}, {"Kamla Nagar", "कमला नगर"}},
	"Gautam Buddha Nagar": {{"Sector 18 Noida", "सेक्टर 18 नोएडा"}, {"Sector 62 Noida", "सेक्टर 62 नोएडा"}, {"Greater Noida West", "ग्रेटर नोएडा वेस्ट"}},
	"Ghaziabad":           {{"Indirapuram", "इंदिरापुरम"}, {"Vaishali", "वैशाली"}, {"Raj Nagar Extension", "राजनगर एक्सटेंशन"}},
	"Meerut":              {{"Shastri Nagar", "शास्त्री नगर"}, {"Abu Lane", "आबू लेन"}},
	"Gorakhpur":           {{"Golghar", "गोलघर"}, {"Rapti Nagar", "राप्ती नगर"}},
	"Bareilly":            {{"Izzatnagar", "इज़्ज़तनगर"}, {"Prem Nagar", "प्रेम नगर"}},
	"Jhansi":              {{"Sipri Bazar", "सीपरी बाज़ार"}, {"Elite Chauraha", "इलाइट चौराहा"}},
	"Ayodhya":             {{"Naka", "नाका"}, {"Faizabad Chowk", "फ़ैज़ाबाद चौक"}},
}

var firstNames = []string{"Rahul", "Pooja", "Amit", "Neha", "Sandeep", "Kavita", "Imran", "Sana", "Vikas", "Anjali",
	"Manoj", "Priya", "Arif", "Ritu", "Deepak", "Shalini", "Rohit", "Nazia", "Ajay", "Sunita", "Harish", "Farhan", "Meena", "Gaurav"}

var lastNames = []string{"Verma", "Yadav", "Singh", "Khan", "Mishra", "Gupta", "Ansari", "Tiwari", "Maurya", "Pandey",
	"Srivastava", "Rajput", "Qureshi", "Shukla", "Chauhan", "Nishad", "Saxena", "Pal"}
