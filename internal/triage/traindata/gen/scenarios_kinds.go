package main

// kindScenarios tells, for the types the guidelines set apart by what was
// done rather than by the words around it, situations whose words belong
// to another type: a fight that began over parking is an assault; money
// demanded with a threat is extortion; a video used to blackmail is cyber
// fraud; a hand grabbed, a woman touched in a crowd, a passenger driven off
// her route, triple talaq, or a stalker's threat to carry a girl off is
// women's safety, and so is a suggestion for women's safety; a gang of
// thieves at work in the area (its words those of news) is a theft; a fake gold
// brick or a loan agent's fees is cheating; officers drinking on duty or
// paid by the other side is police conduct; a lock being broken now is a
// theft; a house locked by a relative is a land dispute; betting on
// matches is a nuisance; a follow-up of a theft is a theft.
const kindScenarios = `
@complaint assault_threat immediate
en: Neighbours {at} are fighting with iron rods over where a tractor was left, an old man's head is bleeding.
en: Two groups are fighting with rods in the lane {at} after a bike brushed a cart, a man is down and bleeding.
en: Men from a car blocked our scooter {at} after an overtaking argument and are beating my husband on the road now.
hi: {at} नाली के ऊपर गाड़ी खड़ी करने पर कहासुनी हुई और अब पड़ोसी ईंट-पत्थर चला रहे हैं, दो लोग घायल हैं।
hi: {at} साइड लगने की बात पर कार सवारों ने मेरे भाई को सड़क पर घेरकर पीटना शुरू कर दिया है, जल्दी आइए।
hg: {at} gaadi lagane ki baat pe padosiyon me jhagda, ab ek doosre pe eent patthar chala rahe, do log ghayal
hg: {at} overtake ki behas pe car wale ladko ne papa ji ko road pe gher ke peetna shuru kar diya, jaldi aao

@complaint assault_threat mid_term
en: A caller using the name of a jailed gangster {at} wants {amt} from my father's brick kiln and has named our children's school.
en: The moneylender {at} took my e-rickshaw against a small debt and his men say they will burn our hut if we complain.
en: Some local toughs {at} are asking every cart owner for a weekly cut and broke the cart of one who refused.
hi: {at} किसी गैंग के नाम से पर्ची छोड़ी गई है कि {amt} रंगदारी न दी तो भट्ठा मालिक के परिवार को नुकसान होगा।
hi: {at} ब्याज पर पैसा देने वाले ने कर्ज के बदले मेरी ई-रिक्शा रख ली है और शिकायत करने पर झोपड़ी जलाने की धमकी देता है।
hg: {at} kuch ladke har hafte thele walon se suraksha ke naam pe {amt} vasoolte hain, mana karo to thela palat dete hain
hg: {at} byaj wale ne karz ke badle meri dukaan ka saaman rakh liya aur ab ghar jalane ki dhamki deta hai

@complaint cyber_fraud mid_term
en: A stranger on Instagram recorded our video chat, morphed it and now demands {amt} or he will post it to all my contacts.
en: Someone made an account with my sister's pictures and is messaging her classmates for money, threatening to leak more.
en: After a late-night video chat with a 'girl' from Facebook, a man calling himself an officer wants {amt} to close the matter.
hi: इंस्टाग्राम पर एक अनजान व्यक्ति ने वीडियो कॉल रिकॉर्ड करके एडिट कर ली है और {amt} न देने पर सबको भेजने की बात कहता है।
hi: {at} मेरे भाई की चैट के स्क्रीनशॉट लेकर एक फर्जी आईडी वाला पैसे मांग रहा है, नहीं तो कॉलेज ग्रुप में डालने को कहता है।
hg: anjaan ladki ne video call pe baat ki, ab koi record ki hui clip bhej ke {amt} maang raha warna rishtedaron ko bhejega
hg: {at} ek fake id wala meri cousin ki edited pics bana ke uske college group me daalne ki baat karta hai, paise maang raha

@complaint women_safety immediate
en: A man in the crowded tempo {at} keeps pressing against the women passengers and laughs when they object.
en: I am in a cab {at} and the driver has switched off the route map and turned into a dark road, he won't stop when I ask.
en: A youth is tugging at a schoolgirl's dupatta outside the coaching centre {at} right now.
hi: {at} बस अड्डे पर एक शराबी महिलाओं की कलाई पकड़कर अपनी ओर खींचता है, कोई रोक नहीं रहा।
hi: मैं {at} कैब में अकेली हूं, ड्राइवर ने रास्ता बदल दिया है और कहने पर रुक नहीं रहा।
hg: {at} bus adde pe ek sharabi auraton ki kalai pakad ke apni taraf kheenchta hai, koi rok nahi raha
hg: meri dost {at} e-rickshaw me akeli hai, wala usko highway chhod ke kheton wale raaste pe le gaya, wo bahut dari hui hai

@complaint women_safety mid_term
en: Four years into the marriage my friend's husband {at} pronounced triple talaq in front of his family and sent her back to her parents.
en: A man whose proposal my cousin refused {at} now says he will abduct her on her wedding day.
hi: {at} शादी के चार साल बाद पति ने फोन पर तलाक तलाक तलाक कहकर मेरी बहन को मायके छोड़ दिया।
hi: {at} रिश्ता ठुकराने पर एक युवक मेरी ममेरी बहन को शादी वाले दिन अगवा करने की धमकी दे रहा है।
hg: {at} meri behen ke shohar ne dahej ki maang poori na hone pe teen talaq de diya aur maayke chhod gaya
hg: {at} rishta mana karne pe ek ladka meri behen ko uthwa lene ki dhamki de raha hai

@complaint women_safety long_term
en: Please have a women's patrol pass the railway underpass {at} in the evenings; working women walk through it alone.
en: Please start an anti-Romeo squad near the girls' college {at}, boys on bikes hang around the gate every afternoon.
hi: {at} कोचिंग मंडी की गलियों में शाम को लड़कियों की सुरक्षा के लिए पिंक पेट्रोलिंग शुरू कराई जाए।
hi: {at} गर्ल्स कॉलेज के गेट पर रोज मनचले बाइक लेकर खड़े रहते हैं, एंटी रोमियो दल लगाया जाए।
hg: {at} college road pe shaam ko manchale jama hote hain, mahila patrol ka round lagwa dijiye
hg: {at} girls college ke gate pe roz manchale bike leke khade rehte hain, anti romeo squad lagaiye

@complaint fraud_cheating mid_term
en: A couple posing as labourers {at} sold my uncle 'coins from an old pot' for {amt}; they are painted metal.
en: A jeweller {at} sold us a hallmarked necklace for my sister's wedding; the testing centre says the mark is forged.
en: An agent {at} collected processing fees from dozens of families for cheap loans and his office is now locked.
hi: {at} मजदूर बनकर आए दो लोगों ने पुराने घड़े से निकली सोने की गिन्नियां बताकर {amt} में नकली सिक्के थमा दिए।
hi: {at} सुनार ने शादी के लिए हॉलमार्क बताकर हार बेचा, जांच में निशान नकली और सोना मिलावटी निकला।
hg: {at} ek agent ne sasta loan dilwane ka jhansa deke sau logon se {amt} processing fee li, ab uske office pe taala hai
hg: {at} do log mazdoor ban ke aaye aur purane ghade ki ginniyan bata ke {amt} me nakli sikke thama gaye

@complaint police_conduct mid_term
en: The chowki in-charge {at} turns up to hear complaints smelling of liquor and shouts at women who come in.
en: The sub inspector investigating my brother's assault {at} was seen taking an envelope from the accused and has since dropped the main charge.
hi: {at} चौकी पर तैनात सिपाही ड्यूटी के समय नशे में रहते हैं और फरियादियों से बदसलूकी करते हैं।
hi: {at} मेरे भाई पर हमले के मामले में विवेचक ने आरोपियों से सौदा कर लिया और गंभीर धारा हटा दी।
hg: {at} thane ka munshi din me hi sharab pee ke baithta hai, fariyadi ko bhaga deta hai
hg: {at} daroga ji ne mulzimon se lifafa lekar case halka kar diya

@complaint theft immediate
en: Two men are cutting the shutter lock of the medical store next to my house {at} right now, the owner is out of town.
hi: {at} गली की किराने की दुकान का शटर अभी कोई उठाने की कोशिश कर रहा है, सीसीटीवी में दिख रहा है।
hg: {at} padosi ke godown me abhi chor ghuse hain, andar se awaaz aa rahi hai, jaldi gaadi bhejo

@complaint theft mid_term
en: Bikes have been lifted from three houses in our lane {at} this month; a gang is clearly working the area and nobody patrols at night.
en: Phone snatchers on a black bike have hit four people near the market {at} this week, the same gang every time.
hi: {at} एक हफ्ते में मोहल्ले के चार घरों से गैस सिलेंडर और बाइक चोरी हुए हैं, कोई गिरोह सक्रिय है, रात में गश्त नहीं होती।
hi: {at} खेतों से मोटर पंप चुराने वाला गिरोह फिर सक्रिय है, इस हफ्ते तीन किसानों के पंप गए।
hg: {at} is mahine gaon me teen ghar se bakriyan chori ho chuki hain, koi giroh laga hua hai, raat ko koi gasht nahi
hg: {at} chain snatchers ka giroh phir se sakriya ho gaya, do din me paanch auraton ki chain kheench li

@complaint land_dispute mid_term
en: My late grandfather's shop {at} was seized by a cousin who changed the lock and tells us to go to court.
en: A builder's men {at} dug a foundation on our ancestral field overnight and say the registry is in their name.
hi: {at} बंटवारे से पहले ही ताऊ के बेटों ने पुश्तैनी घर के आधे हिस्से में दीवार खड़ी कर कब्जा कर लिया।
hi: {at} दबंगों ने हमारे बाग के पेड़ कटवाकर वहां अपनी झोपड़ी डाल ली है।
hg: {at} bua ke ghar me kirayedar ne kiraya dena band kar diya aur ab ghar khaali karne se mana kar raha
hg: {at} dabango ne hamare baag ke charo taraf taar laga ke use apna bata diya

@complaint public_nuisance long_term
en: A man {at} takes bets on every match from schoolboys at his paan stall, some have run up debts.
hi: {at} मैच के दिनों में हर शाम एक गोदाम में क्रिकेट पर सट्टा लगता है, लड़के कर्ज में डूब रहे हैं।
hg: {at} match ke time roz shaam ek godown me cricket ka satta lagta hai, ladke karze me doob rahe

@follow_up theft mid_term
en: Three weeks since I reported my tractor stolen {at}; no one from the thana has even visited the field.
hi: {at} मेरी भैंस चोरी हुए एक महीना बीत गया, रिपोर्ट के बाद से कोई सुध लेने नहीं आया।
hg: {at} dukaan ke galle se hui chori ki report ko 15 din ho gaye, CCTV dene ke baad bhi koi jaanch nahi
`
