package main

import "strings"

// Posts built from parts: a few hand-written pieces per language combine
// into many different posts of the same label.

type parts map[string][]string // lang → pieces

// feedback: what the police did, then thanks (or sarcasm).
var (
	feedbackDeeds = parts{
		"en": {
			"the SHO {at} got our stolen tractor back in a week without asking for a rupee",
			"a lady constable stayed with my daughter at the bus stand {at} till I came to pick her up",
			"the dial 112 team took my injured neighbour to hospital in their own vehicle",
			"{dp} returned the gold earrings my wife lost in the market",
			"{dp} recovered my stolen phone within two days",
			"the 112 team reached in 8 minutes when my father collapsed on the road",
			"a constable tracked me down to return the wallet I had dropped {at}",
			"{dp} found my elderly mother who got lost in the fair crowd",
			"{dp} busted the gang that was stealing batteries from our trucks",
			"the women help desk at the thana listened to my sister patiently",
			"the beat officer {at} sorted out our parking quarrel without any fuss",
			"{dp} handled yesterday's protest calmly, no lathi charge, road cleared in an hour",
			"the cyber cell got my money back from the fraudster's account",
			"the night patrol {at} is now visible every day, drunk men have stopped gathering",
			"the traffic staff at the crossing {at} are finally managing the jam well",
			"the PRV stayed with us till the ambulance came after the accident {at}",
		},
		"hi": {
			"{at} थानाध्यक्ष ने एक हफ्ते में हमारा चोरी हुआ ट्रैक्टर बिना एक पैसा लिए बरामद कराया",
			"{at} बस अड्डे पर महिला सिपाही मेरी बेटी के साथ तब तक रुकीं जब तक मैं नहीं पहुंचा",
			"112 की टीम घायल पड़ोसी को अपनी गाड़ी से अस्पताल ले गई",
			"{dp} ने बाजार में खोए मेरी पत्नी के सोने के झुमके लौटा दिए",
			"{dp} ने दो दिन में मेरा चोरी हुआ फोन बरामद कर दिया",
			"पिताजी सड़क पर गिर गए थे, 112 की टीम आठ मिनट में पहुंची",
			"{at} गिरा हुआ मेरा पर्स एक सिपाही ने ढूंढकर लौटाया",
			"{dp} ने मेले की भीड़ में बिछड़ी मेरी बुजुर्ग मां को दो घंटे में मिला दिया",
			"{dp} ने ट्रकों से डीजल चुराने वाले गिरोह को पकड़ लिया",
			"थाने की महिला हेल्प डेस्क ने मेरी बहन की बात धैर्य से सुनी",
			"{at} बीट सिपाही ने पार्किंग का झगड़ा बिना किसी तनाव के सुलझा दिया",
			"{dp} ने कल का धरना शांति से खत्म कराया, कोई लाठीचार्ज नहीं",
			"साइबर सेल ने ठग के खाते से मेरे पैसे वापस दिलाए",
			"{at} अब रोज रात गश्त दिखती है, शराबियों का जमावड़ा बंद हो गया",
			"{at} चौराहे पर ट्रैफिक पुलिस अब जाम अच्छे से संभाल रही है",
			"{at} दुर्घटना के बाद पीआरवी वाले एम्बुलेंस आने तक साथ रहे",
		},
		"hg": {
			"{at} SHO sahab ne 1 hafte me chori hua tractor bina ek paisa liye wapas dilwaya",
			"{at} bus adde pe lady constable beti ke saath tab tak ruki jab tak main nahi pahuncha",
			"112 wale ghayal padosi ko apni gaadi me hospital le gaye",
			"{dp} ne bazaar me khoye wife ke sone ke jhumke lauta diye",
			"{dp} ne 2 din me mera chori hua phone dhoondh diya",
			"papa road pe gir gaye the, 112 wale 8 minute me aa gaye",
			"{at} gira hua purse ek sipahi bhaiya ne dhoondh ke lautaya",
			"{dp} ne mele ki bheed me khoi hui meri dadi ko 2 ghante me mila diya",
			"{dp} ne truck se diesel churane wala gang pakad liya",
			"thane ki women help desk ne behen ki baat dhyan se suni",
			"{at} beat wale sipahi ne parking ka jhagda aaram se suljha diya",
			"{dp} ne kal ka dharna shanti se khatam karwaya, koi lathi nahi chali",
			"cyber cell ne fraud wale ke account se mere paise wapas dilwa diye",
			"{at} ab roz raat gasht hoti hai, sharabiyo ka adda band ho gaya",
			"{at} chauraha pe traffic police ab jam achhe se sambhal rahi hai",
			"{at} accident ke baad PRV wale ambulance aane tak saath ruke",
		},
	}
	feedbackThanks = parts{
		"en": {"Thank you!", "Grateful 🙏", "Kudos to the team 👏", "Good policing.", "This is how it should be.", "Salute.", "Proud of you.", "Well done."},
		"hi": {"धन्यवाद 🙏", "दिल से आभार।", "टीम को बधाई 👏", "ऐसे अधिकारी हर थाने में हों।", "सलाम है।", "बहुत सराहनीय।"},
		"hg": {"thank you 🙏", "dil se shukriya", "team ko badhai 👏", "aise officer har thane me ho", "salute hai", "dil jeet liya ❤️"},
	}
	feedbackCritic = parts{
		"en": {
			"Three tweets, zero replies. The Twitter handle is only for posting award photos.",
			"They found time to stop every bike for papers but not to come when our shop was looted.",
			"Traffic police only stand where they can collect, never where the jam is.",
			"Challans for helmets in minutes, but thieves are never caught. Slow clap 👏",
			"Posters of women safety everywhere, but go to a thana and see how women are treated. Only PR.",
			"Called 112 and the car came after 40 minutes, the fight was long over. Very fast service indeed 🙄",
			"Encounters only for the poor, big people's sons get away with everything.",
			"Police here only wake up when a video goes viral.",
		},
		"hi": {
			"तीन ट्वीट किए, एक का जवाब नहीं। ट्विटर हैंडल सिर्फ सम्मान की फोटो डालने के लिए है।",
			"कागज चेक करने के लिए हर बाइक रोकने का समय है, दुकान लुटी तब आने का नहीं।",
			"ट्रैफिक पुलिस वहीं खड़ी होती है जहां वसूली हो, जाम वाली जगह कभी नहीं।",
			"हेलमेट का चालान काटने में सबसे आगे, चोर पकड़ने में सबसे पीछे। वाह पुलिस वाह 👏",
			"महिला सुरक्षा के पोस्टर हर जगह, थाने जाकर देखो महिलाओं से कैसा व्यवहार होता है। सिर्फ दिखावा।",
			"112 पर कॉल किया तो 40 मिनट बाद गाड़ी आई, तब तक सब खत्म। बहुत तेज सेवा है 🙄",
			"एनकाउंटर सिर्फ गरीबों के लिए, बड़े लोगों के बेटों को सब माफ।",
			"यहां की पुलिस तभी जागती है जब वीडियो वायरल होता है।",
		},
		"hg": {
			"3 tweet kiye ek ka jawab nahi, handle sirf award ki photo daalne ke liye hai",
			"har bike rok ke kagaz check karne ka time hai, dukaan luti tab aane ka nahi",
			"traffic police wahi khadi hoti hai jahan vasooli ho, jam wali jagah kabhi nahi",
			"helmet ka challan kaatne me sabse aage, chor pakadne me sabse peeche. wah police wah 👏",
			"mahila suraksha ke poster har jagah, thane jaake dekho kaisa vyavhar hota hai. sirf PR 👎",
			"112 pe call kiya, 40 min baad gaadi aayi, tab tak sab khatam. bahut fast service hai 🙄",
			"encounter sirf garibo ke liye hai kya? bade logo ke bete kuch bhi kare sab maaf",
			"yahan ki police tabhi jaagti hai jab video viral hota hai",
		},
	}
)

// news: what happened, and what the police did about it.
var (
	newsEvents = parts{
		"en": {
			"two brothers killed in a land dispute {at}",
			"gang selling fake currency busted {at}",
			"bus carrying pilgrims falls into a ditch {at}, 12 injured",
			"police constable suspended for taking bribe {at}",
			"man shot dead over an old rivalry {at}", "jewellery shop looted at gunpoint {at}", "truck and bus collide {at}, 3 dead",
			"cricket betting racket busted {at} during IPL match", "fake call centre raided {at}", "wanted criminal injured in encounter {at}",
			"youth stabbed after a wedding quarrel {at}", "illegal liquor factory found {at}", "woman's chain snatched in broad daylight {at}",
		},
		"hi": {
			"{at} जमीन विवाद में दो सगे भाइयों की हत्या",
			"{at} नकली नोट छापने वाला गिरोह पकड़ा गया",
			"{at} श्रद्धालुओं से भरी बस खाई में गिरी, 12 घायल",
			"{at} रिश्वत लेते सिपाही निलंबित",
			"{at} पुरानी रंजिश में युवक की गोली मारकर हत्या", "{at} तमंचे के बल पर ज्वेलरी शॉप में लूट", "{at} ट्रक और बस की भिड़ंत, तीन की मौत",
			"{at} आईपीएल सट्टे के गिरोह का भंडाफोड़", "{at} फर्जी कॉल सेंटर पर छापा", "{at} मुठभेड़ में इनामी बदमाश घायल",
			"{at} शादी समारोह में विवाद के बाद युवक पर चाकू से हमला", "{at} अवैध शराब की फैक्ट्री पकड़ी गई", "{at} दिनदहाड़े महिला से चेन लूट",
		},
		"hg": {
			"{at} zameen ke jhagde me do sage bhaiyo ka qatl",
			"{at} nakli note chhapne wala gang pakda gaya",
			"{at} shraddhaluon ki bus khaai me giri, 12 ghayal",
			"{at} rishwat lete sipahi suspend",
			"{at} purani dushmani me ladke ko goli maari", "{at} jewellery shop me tamanche ki nok pe loot", "{at} truck aur bus ki takkar, 3 ki maut",
			"{at} IPL satte ka gang pakda gaya", "{at} fake call centre pe chhapa", "{at} encounter me inami badmash ghayal",
			"{at} shaadi me jhagde ke baad ladke ko chaku mara", "{at} kachi sharab ki factory pakdi gayi", "{at} din dahade chain loot",
		},
	}
	newsActions = parts{
		"en": {"police detain two, hunt on for the third.", "4 teams formed, probe on.", "6 held, cash and phones seized.", "police say accused will be arrested soon.", "case registered, CCTV being scanned.", "SP visited the spot."},
		"hi": {"पुलिस ने दो आरोपियों को हिरासत में लिया, तीसरे की तलाश जारी।", "चार टीमें गठित, जांच जारी।", "छह गिरफ्तार, नकदी और मोबाइल बरामद।", "पुलिस जांच में जुटी।", "मुकदमा दर्ज, सीसीटीवी खंगाले जा रहे।", "एसपी ने मौके का मुआयना किया।"},
		"hg": {"police ne 2 ko hirasat me liya, teesre ki talash jari", "police ki 4 team lagi", "6 giraftar, cash aur phone baramad", "police jaanch me juti", "case darj, CCTV dekhe ja rahe", "SP sahab mauke pe pahunche"},
	}
)

// other departments: a civic problem the police cannot fix.
var (
	civicProblems = parts{
		"en": {
			"the hand pump {at} has been broken for two months",
			"a transformer {at} burnt a week ago and nobody replaced it",
			"the government school {at} has no teacher for maths since April", "no drinking water supply for a week {at}", "power cut for 9 hours {at} during exams", "stray bulls injure someone every day {at}",
			"the district hospital {at} has no doctor at night", "the ration dealer {at} hasn't given grain for 3 months", "the road {at} has been half-built for two years",
			"drain water overflowing on the street {at}", "streetlights off for a month {at}", "stray dogs bit 4 kids {at} this month"},
		"hi": {
			"{at} दो महीने से हैंडपंप खराब पड़ा है",
			"{at} एक हफ्ते से ट्रांसफार्मर जला पड़ा है, कोई बदलने नहीं आया",
			"{at} सरकारी स्कूल में अप्रैल से गणित का कोई शिक्षक नहीं", "{at} एक हफ्ते से पीने का पानी नहीं आ रहा", "{at} परीक्षा के समय नौ घंटे से बिजली गुल", "{at} छुट्टा सांड रोज किसी को घायल कर रहे",
			"{at} जिला अस्पताल में रात में कोई डॉक्टर नहीं", "{at} कोटेदार तीन महीने से राशन नहीं दे रहा", "{at} दो साल से सड़क अधूरी पड़ी है",
			"{at} नाली का पानी सड़क पर बह रहा है", "{at} महीने भर से स्ट्रीट लाइट बंद", "{at} इस महीने आवारा कुत्तों ने चार बच्चों को काटा"},
		"hg": {
			"{at} 2 mahine se handpump kharab pada hai",
			"{at} 1 hafte se transformer jala pada hai, koi badalne nahi aaya",
			"{at} sarkari school me april se maths ka koi teacher nahi", "{at} 1 hafte se peene ka paani nahi aa raha", "{at} exam ke time 9 ghante se light gayab", "{at} chutta saand roz kisi ko ghayal kar rahe",
			"{at} district hospital me raat ko koi doctor nahi", "{at} kotedar 3 mahine se ration nahi de raha", "{at} 2 saal se sadak adhuri padi hai",
			"{at} naali ka paani sadak pe beh raha", "{at} mahine bhar se street light band", "{at} is mahine kutto ne 4 bacho ko kaata"},
	}
	civicTails = parts{
		"en": {"The municipality is doing nothing.", "Who is responsible?", "Power department please act.", "Tagging everyone since no one listens.", "Officials don't pick up calls.", "Jal Nigam please look into it."},
		"hi": {"नगर पालिका कोई ध्यान नहीं देती।", "कोई अधिकारी नहीं सुनता।", "बिजली विभाग ध्यान दे।", "जल निगम संज्ञान ले।", "जनता बहुत परेशान है।", "जिम्मेदार कौन है?"},
		"hg": {"nagar palika kuch nahi karti", "koi adhikari nahi sunta", "bijli vibhag dhyan de", "jal nigam wale dekho", "janta bahut pareshan hai", "PWD wale sunte hi nahi"},
	}
	chatter = parts{
		"en": {
			"Anyone else think the new police uniforms look sharp? 👮",
			"Preparing for SI exam, any tips for the physical test? 🏃",
			"Good morning UP! Have a safe day everyone ☀️",
			"Earn 5000 daily from home, DM for details 💸", "Mom: don't go out at night. Me: but the police are there 😎 Mom: that's why 😂", "Challan messages arrive faster than my salary 😂🚀",
			"Interesting: UP has the largest police force but a low police-population ratio. Recruitment alone won't fix it.",
			"Who's going to the Magh Mela this year? Crowd will be huge 🙏", "Double your crypto in 24 hours! 100% guaranteed, link in bio 🚀",
			"Online betting app: win 10x on every match, join now 💰", "Group for constable exam preparation, who wants to join? 💪",
			"Opposition says law and order is bad, come walk the roads at night and see 😏", "Why tag the police for everything? Fix the roads first 😂",
			// complaints to companies, cricket, politics: not for the police
			"@IndiGo6E my flight was delayed 4 hours and no one at the counter answers, worst airline ever", "Ordered a phone from Flipkart, got a soap bar in the box. Customer care keeps closing my ticket",
			"Airtel network has been down in our area for 3 days, raised 5 complaints, still no signal", "SBI branch manager made me come back four times for a simple KYC update. Pathetic service",
			"Zomato delivered cold food 90 minutes late and refused a refund", "What a knock by Rinku Singh last night! Kanpur boy making UP proud 🏏",
			"India needs 45 off 30 balls, who's watching? 🏏🔥", "Every government promises jobs before elections and forgets after. Same story every five years",
			"Police reforms are long overdue, we need more women officers and better training", "PRV was there in 9 minutes. Respect 🙏"},
		"hi": {
			"दरोगा भर्ती का फिजिकल कब होगा, कोई बताएगा? 🏃",
			"सुप्रभात उत्तर प्रदेश, सबका दिन शुभ हो ☀️",
			"घर बैठे रोज 5000 कमाएं, डीएम करें 💸",
			"नई वर्दी में पुलिस वाले अच्छे लग रहे हैं 👮", "मम्मी: रात को बाहर मत जाना। मैं: पुलिस है ना 😎 मम्मी: इसीलिए तो कह रही हूं 😂", "चालान का मैसेज सैलरी से भी तेज आता है 😂",
			"इस बार माघ मेले में कौन कौन जा रहा है? भीड़ बहुत होगी 🙏", "सिपाही भर्ती की तैयारी वाले एक ग्रुप बनाते हैं, नोट्स शेयर करेंगे 💪",
			"विपक्ष कहता है कानून व्यवस्था खराब है, एक बार रात में सड़क पर निकलकर देखो 😏", "24 घंटे में पैसा डबल! लिंक बायो में 🚀",
			"एयरटेल का नेटवर्क तीन दिन से गायब है, कस्टमर केयर कोई जवाब नहीं देता", "बैंक वाले केवाईसी के लिए चार बार बुला चुके, फिर भी काम नहीं हुआ",
			"फ्लिपकार्ट से मोबाइल मंगाया था, डिब्बे में साबुन निकला, रिफंड नहीं दे रहे", "कल रात रिंकू सिंह ने क्या बल्लेबाजी की! 🏏",
			"हर चुनाव से पहले नौकरी का वादा, बाद में सब भूल जाते हैं", "पुलिस सुधार बहुत जरूरी है, महिला पुलिसकर्मी बढ़ाई जाएं"},
		"hg": {
			"SI bharti ka physical kab hoga koi batayega? 🏃",
			"good morning UP, sabka din accha ho ☀️",
			"ghar baithe roz 5000 kamao, DM karo 💸",
			"nayi vardi me police wale mast lag rahe 👮", "mummy: raat ko bahar mat jaana. me: police hai na 😎 mummy: isiliye to bol rahi hu 😂", "challan ka msg salary se bhi fast aata hai 😂🚀",
			"magh mele me kaun kaun ja raha hai is baar? bheed bahut hogi 🙏", "bharti ki taiyari wale group banao, notes share karenge 💪",
			"election aate hi sabko law and order yaad aa jata hai 😂", "crypto double in 24 hrs, link in bio 🚀 100% profit",
			"har baat pe police ko tag kyu karte ho, pehle sadak banwao 😂",
			"jio ka network 3 din se gayab hai, customer care wale phone hi nahi uthate", "flipkart se phone mangaya tha, box me sabun nikla, refund nahi de rahe",
			"bank wale KYC ke liye 4 baar bula chuke, kaam phir bhi nahi hua", "kal Rinku bhai ne kya maara yaar 🏏🔥 match dekha kisi ne?",
			"instant loan chahiye? 5 minute me approval, DM karo 💸", "PRV 9 minute me aa gayi, respect UP Police 🙏",
			"har election se pehle naukri ka vaada, baad me sab bhool jaate hai"},
	}
)

// follow-ups: a reference to the earlier post, what it was about, where it stands.
type followSubject struct {
	typ, urgency string
	text         parts
}

var (
	followRefs = parts{
		"en": {"2nd tweet:", "Reminder:", "UPDATE:", "Third reminder.", "Tweeted about this yesterday —", "Complaint {code}:", "Regarding {code},", "Again writing about"},
		"hi": {"दूसरी बार लिख रहा हूं:", "फिर से याद दिला रहा हूं 🙏", "कल ट्वीट किया था —", "पिछली बार आपने 'संबंधित को निर्देशित' लिखा था,", "शिकायत {code} के संबंध में,", "संदर्भ संख्या {code}:"},
		"hg": {"2nd time likh raha hu,", "reminder:", "kal tweet kiya tha —", "pichli baar aapne 'sambandhit ko nirdeshit' likha tha,", "complaint {code} ke baare me,", "update:"},
	}
	followSubjects = []followSubject{
		{"theft", "mid_term", parts{"en": {"my stolen {veh} {num}", "the burglary at my shop"}, "hi": {"मेरी {veh} चोरी की शिकायत", "दुकान में चोरी का मामला"}, "hg": {"meri {veh} chori wali complaint", "dukaan me chori wala case"}}},
		{"missing_person", "immediate", parts{"en": {"my 12 year old daughter missing since yesterday", "my nephew (10) missing since this morning"}, "hi": {"कल से लापता मेरी 12 साल की बेटी", "सुबह से लापता मेरा 10 साल का भतीजा"}, "hg": {"kal se gayab meri 12 saal ki beti", "subah se lapata mera 10 saal ka bhatija"}}},
		{"missing_person", "mid_term", parts{"en": {"my uncle (45) missing for 4 days"}, "hi": {"चार दिन से लापता मेरे मामा (45)"}, "hg": {"4 din se lapata mere mama (45 saal)"}}},
		{"women_safety", "mid_term", parts{"en": {"the dowry case against my sister's in-laws", "the boy stalking my daughter"}, "hi": {"बहन के दहेज उत्पीड़न का मामला", "बेटी का पीछा करने वाला लड़का"}, "hg": {"behen ka dahej wala case", "beti ka peecha karne wala ladka"}}},
		{"land_dispute", "mid_term", parts{"en": {"the illegal occupation of our plot"}, "hi": {"हमारे प्लॉट पर अवैध कब्जे का मामला"}, "hg": {"hamare plot pe kabze wala maamla"}}},
		{"cyber_fraud", "mid_term", parts{"en": {"the {amt} UPI fraud"}, "hi": {"{amt} की ऑनलाइन ठगी"}, "hg": {"{amt} wala online fraud"}}},
		{"traffic", "long_term", parts{"en": {"the daily jam and encroachment at the crossing"}, "hi": {"चौराहे पर अतिक्रमण और रोज के जाम"}, "hg": {"chauraha pe roz ke jam aur atikraman"}}},
		{"assault_threat", "mid_term", parts{"en": {"the threats from my neighbour"}, "hi": {"पड़ोसी की धमकियों का मामला"}, "hg": {"padosi ki dhamki wala maamla"}}},
		{"public_nuisance", "long_term", parts{"en": {"the illegal liquor sale near the school"}, "hi": {"स्कूल के पास अवैध शराब बिक्री"}, "hg": {"school ke paas daaru ki bikri"}}},
		{"police_conduct", "mid_term", parts{"en": {"my complaint", "my application"}, "hi": {"मेरी शिकायत", "मेरा प्रार्थना पत्र"}, "hg": {"meri complaint", "meri application"}}},
	}
	followStatus = parts{
		"en": {"still no action.", "no one has called me yet.", "the IO doesn't pick up the phone.", "nothing has happened in {days} days.", "still not found, please hurry.", "no arrest yet and they keep threatening us."},
		"hi": {"अब तक कोई कार्रवाई नहीं हुई।", "अभी तक किसी ने संपर्क नहीं किया।", "विवेचक फोन नहीं उठाते।", "{days} दिन हो गए, कुछ नहीं हुआ।", "अभी तक कोई सुराग नहीं, कृपया तेजी से तलाश कराएं।", "आज तक कोई गिरफ्तारी नहीं हुई।"},
		"hg": {"ab tak koi action nahi hua", "aaj tak thane se koi call nahi aaya", "IO phone nahi uthate", "{days} din ho gaye kuch nahi hua", "abhi tak koi suraag nahi, jaldi dhoondho", "koi giraftari nahi hui ab tak"},
	}
)

// queries: how to get a service.
var (
	queryTopics = parts{
		"en": {"get a domestic help's police verification done", "get back a vehicle seized in a case, it's rusting at the thana", "check whether an FIR is registered against me, a caller claimed so",
			"find the beat constable's number for my area", "register a tenant who moved in {at}", "check the status of my passport verification",
			"report a missing relative online", "get the accident report for an insurance claim", "register my parents as senior citizens living alone",
			"know if a driver from another state must be registered with the local police"},
		"hi": {"घरेलू नौकर का पुलिस सत्यापन कराना है", "मुकदमे में जब्त गाड़ी छुड़ानी है, थाने में सड़ रही है", "कैसे पता करें कि मेरे खिलाफ कोई एफआईआर है, किसी ने फोन पर ऐसा कहा",
			"मेरे इलाके के बीट सिपाही का नंबर चाहिए", "{at} नए किरायेदार का सत्यापन कराना है", "पासपोर्ट सत्यापन की स्थिति देखनी है",
			"लापता परिजन की ऑनलाइन रिपोर्ट करनी है", "इंश्योरेंस के लिए दुर्घटना रिपोर्ट चाहिए", "अकेले रहने वाले बुजुर्ग माता-पिता का पंजीकरण कराना है"},
		"hg": {"ghar ke naukar ka police verification karwana hai", "case me zabt gaadi chhudani hai, thane me sad rahi hai", "kaise pata kare mere khilaf FIR hai ya nahi, kisi ne call pe bola",
			"mere area ke beat sipahi ka number chahiye", "{at} naye kirayedar ka verification karwana hai", "passport verification ka status dekhna hai",
			"lapata rishtedar ki online report karni hai", "insurance ke liye accident report chahiye", "akele rehne wale buzurg mummy papa ka registration karwana hai"},
	}
	queryOpeners = parts{
		"en": {"How do I", "What is the procedure to", "Where can I", "Can someone tell me how to", "Is there a way to", "Please tell me how to"},
		"hi": {"कृपया बताएं:", "क्या प्रक्रिया है?", "कैसे करें?", "कहां आवेदन करें?", "जानकारी चाहिए:"},
		"hg": {"kaise kare?", "kya process hai?", "koi batayega kaise?", "kahan apply kare?", "jaankari chahiye:"},
	}
)

// comboPost builds a post of the given intent from parts. It returns the
// template (with slots), its type and urgency ("-" when not actionable).
func (g *gen) comboPost(intent, lang string) (tmpl, typ, urgency string, civic bool) {
	empty := false
	pickT := func(xs []string) string {
		x := g.pickT(xs)
		if x == "" {
			empty = true // every piece of this list is in the other split
		}
		return x
	}
	defer func() {
		if empty {
			tmpl = ""
		}
	}()
	switch intent {
	case "feedback":
		if g.chance(0.3) {
			return pickT(feedbackCritic[lang]), "-", "-", false
		}
		deed := pickT(feedbackDeeds[lang])
		thanks := g.pick(feedbackThanks[lang])
		if g.chance(0.5) {
			return capitalise(deed) + ". " + thanks, "-", "-", false
		}
		switch lang {
		case "hi":
			return thanks + " " + deed + "।", "-", "-", false
		case "hg":
			return thanks + ", " + deed, "-", "-", false
		}
		return thanks + " " + deed + ".", "-", "-", false
	case "other":
		switch g.r.IntN(3) {
		case 0:
			ev, act := pickT(newsEvents[lang]), g.pick(newsActions[lang])
			if lang == "en" {
				return "{dpx}: " + capitalise(ev) + ", " + act, "-", "-", false
			}
			return ev + ", " + act, "-", "-", false
		case 1:
			return capitalise(pickT(civicProblems[lang])) + ". " + g.pick(civicTails[lang]), "-", "-", true
		default:
			return pickT(chatter[lang]), "-", "-", false
		}
	case "follow_up":
		s := followSubjects[g.r.IntN(len(followSubjects))]
		ref, subj, st := g.pick(followRefs[lang]), pickT(s.text[lang]), g.pick(followStatus[lang])
		switch lang {
		case "hi":
			return ref + " " + subj + " {at} — " + st, s.typ, s.urgency, false
		case "hg":
			return ref + " " + subj + " {at}, " + st, s.typ, s.urgency, false
		}
		return ref + " " + subj + " {at}: " + st, s.typ, s.urgency, false
	case "query":
		topic, op := pickT(queryTopics[lang]), g.pick(queryOpeners[lang])
		if lang == "en" {
			return op + " " + topic + "?", "service_request", "long_term", false
		}
		if g.chance(0.5) {
			return topic + "। " + op, "service_request", "long_term", false
		}
		return op + " " + topic, "service_request", "long_term", false
	}
	return "", "", "", false
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
