package main

// moreScenarios widens the bank: other situations of each type, and the
// many kinds of posts the police need not act on.
const moreScenarios = `
@complaint theft mid_term
en: The battery of my e-rickshaw was stolen {at} while I was having tea, hardly 15 minutes. It is my only livelihood.
en: Our buffalo was stolen from the cattle shed {at} last night, tyre marks of a pickup are still there.
en: Shop shutter was cut open {at} on Sunday night, laptops and {amt} stolen. Shop owner association is worried.
en: Pickpocket took my wallet in the roadways bus near {at} bus stand, had my DL, PAN and ATM card.
en: Copper wire and motor stolen from my tube well {at}, third time this year.
hi: {at} चाय पीने रुका था, 15 मिनट में मेरे ई-रिक्शा की बैटरी चोरी हो गई। यही मेरी रोजी-रोटी है।
hi: बीती रात {at} पशुशाला से हमारी भैंस चोरी हो गई, पिकअप के टायर के निशान अब भी हैं।
hi: रविवार रात {at} दुकान का शटर काटकर लैपटॉप और {amt} चोरी कर लिए गए।
hi: रोडवेज बस में {at} जेबकतरे ने मेरा पर्स निकाल लिया, उसमें डीएल, पैन और एटीएम कार्ड थे।
hi: ट्यूबवेल से मोटर और तांबे का तार चोरी हो गया {at}, इस साल तीसरी बार।
hg: chai peene ruka tha {at}, 15 min me e-rickshaw ki battery chori ho gayi. yahi roti ka sahara hai
hg: kal raat {at} tabele se hamari bhains chori ho gayi, pickup ke tyre ke nishaan hain abhi bhi
hg: sunday raat {at} dukaan ka shutter kaat ke laptop aur {amt} le gaye chor
hg: roadways bus me {at} kisi ne purse maar liya, DL PAN ATM sab usi me tha
hg: tubewell se motor aur taar chori ho gaya {at}, is saal teesri baar hua

@complaint cyber_fraud mid_term
en: My WhatsApp was hacked after I shared a code, now the hacker is asking my contacts for money in my name.
en: Got a call saying my son was arrested and they need {amt} for bail. I paid, it was a fraud. My son was at home.
en: A fake electricity department message said my connection will be cut, I clicked the link and {amt} was gone.
en: Someone is sending obscene messages to my wife on Instagram from a fake account. Please trace this person.
hi: मैंने एक कोड शेयर किया और मेरा व्हाट्सएप हैक हो गया, अब हैकर मेरे नाम से सबसे पैसे मांग रहा है।
hi: फोन आया कि आपका बेटा पकड़ा गया है, जमानत के लिए {amt} भेजो। मैंने भेज दिए, बाद में पता चला ठगी थी।
hi: बिजली कनेक्शन कटने का फर्जी मैसेज आया, लिंक खोला और {amt} कट गए।
hi: इंस्टाग्राम पर फर्जी आईडी से कोई मेरी पत्नी को अश्लील मैसेज भेज रहा है। इसका पता लगाया जाए।
hg: ek code share kiya aur WhatsApp hack ho gaya, ab mere naam se sabse paise maang raha hai
hg: call aaya ki beta pakda gaya hai bail ke liye {amt} bhejo, bhej diye. baad me pata chala fraud tha
hg: bijli kaatne ka fake msg aaya, link khola aur {amt} gayab. ye kaun log hain
hg: fake insta id se koi meri wife ko ganda msg bhej raha hai, isko pakdo please

@complaint women_safety mid_term
en: My colleague at the office keeps sending me vulgar messages and threatened to get me fired if I complain.
en: A man has been sending my teenage daughter messages and gifts and waits outside her school. The family is scared.
en: My husband beats me after drinking every night. I went to my parents' house {at} but he comes there to threaten.
hi: दफ्तर का एक सहकर्मी मुझे अश्लील मैसेज भेजता है और शिकायत करने पर नौकरी से निकलवाने की धमकी देता है।
hi: एक आदमी मेरी नाबालिग बेटी को मैसेज और गिफ्ट भेजता है और स्कूल के बाहर खड़ा रहता है।
hi: पति रोज शराब पीकर मारपीट करता है, मैं {at} मायके आ गई तो वहां भी आकर धमकाता है।
hg: office ka ek colleague ganda msg bhejta hai aur bolta hai complaint kiya to naukri se nikalwa dunga
hg: ek aadmi meri beti ko msg aur gift bhejta hai, school ke bahar khada rehta hai. bahut dar lag raha
hg: pati roz daaru peeke maarta hai, {at} maayke aa gayi to yahan bhi aake dhamkata hai

@complaint assault_threat mid_term
en: My neighbour hit my mother on the head with an iron rod {at} over drain water. She has stitches. They are roaming free.
en: A man pulled out a pistol and threatened me in the market {at} yesterday over a small argument. Many people saw it.
en: Our family is being threatened by the pradhan's men {at} since we filed a complaint about the ration shop.
hi: नाली के पानी को लेकर {at} पड़ोसी ने मेरी मां के सिर पर लोहे की रॉड मारी, टांके आए हैं। आरोपी खुलेआम घूम रहे हैं।
hi: कल {at} बाजार में मामूली कहासुनी पर एक व्यक्ति ने तमंचा निकालकर धमकाया, कई लोगों ने देखा।
hi: राशन की शिकायत करने के बाद से {at} प्रधान के लोग हमारे परिवार को धमका रहे हैं।
hg: naali ke paani pe {at} padosi ne mummy ke sir pe rod maar di, taanke aaye hain. aaropi khule ghoom rahe
hg: kal {at} bazaar me choti si baat pe ek aadmi ne katta nikaal ke dhamkaya, sabne dekha
hg: ration ki shikayat ke baad se {at} pradhan ke aadmi dhamki de rahe hain hamare ghar walo ko

@complaint assault_threat immediate
en: My neighbours have locked us inside and are threatening to burn the house {at}. Please come fast, children are with us.
hi: पड़ोसियों ने {at} हमें घर में बंद कर दिया है और आग लगाने की धमकी दे रहे हैं, बच्चे साथ हैं। जल्दी आइए।
hg: padosiyon ne {at} hume ghar me band kar diya hai aur aag lagane ki dhamki de rahe hain, bache saath hain. jaldi aao

@complaint missing_person immediate
en: My 16 year old sister didn't come home from tuition {at} today, her phone is off. A boy from the area is also missing.
en: Someone took a 5 year old child from outside the school gate {at} an hour ago on a bike. Parents are searching.
hi: मेरी 16 साल की बहन आज {at} ट्यूशन से घर नहीं लौटी, फोन बंद है। इलाके का एक लड़का भी गायब है।
hi: एक घंटा पहले {at} स्कूल गेट के बाहर से बाइक सवार 5 साल के बच्चे को उठा ले गया। मां-बाप ढूंढ रहे हैं।
hg: meri 16 saal ki behen aaj {at} tuition se nahi lauti, phone band hai. mohalle ka ek ladka bhi gayab hai
hg: 1 ghanta pehle {at} school gate ke bahar se koi bike pe 5 saal ke bache ko utha le gaya, parents dhoondh rahe hain

@complaint missing_person mid_term
en: My brother went to work {at} a week ago and never returned. The police only wrote a report, nobody is searching.
hi: मेरा भाई एक हफ्ते पहले {at} काम पर गया था, वापस नहीं आया। पुलिस ने सिर्फ रिपोर्ट लिखी, कोई खोज नहीं रहा।
hg: bhai ek hafte pehle {at} kaam pe gaya tha, wapas nahi aaya. police ne bas report likh li, koi dhoondh nahi raha

@complaint land_dispute mid_term
en: My relatives have put a lock on my share of the ancestral house {at} and refuse to let me enter.
en: The neighbour shifted the boundary stones of our field {at} overnight and is ploughing our land.
hi: रिश्तेदारों ने {at} पुश्तैनी मकान के मेरे हिस्से पर ताला लगा दिया है, घुसने नहीं देते।
hi: पड़ोसी ने {at} रातों-रात हमारे खेत की मेड़ खिसका दी और हमारी जमीन जोत रहा है।
hg: rishtedaro ne {at} khandani ghar ke mere hisse pe tala laga diya hai, ghusne nahi dete
hg: padosi ne {at} raato raat khet ki medh khiska di aur hamari zameen jot raha hai

@complaint traffic mid_term
en: Hit-and-run {at} yesterday: a speeding Scorpio hit my father's bike and drove off. He has a fractured leg. Number partly visible.
hi: कल {at} तेज रफ्तार स्कॉर्पियो ने पिताजी की बाइक को टक्कर मारी और भाग गई। पैर टूट गया है। नंबर आधा दिख रहा है।
hg: kal {at} tez Scorpio ne papa ki bike thok di aur bhaag gayi, pair toot gaya. number aadha dikh raha hai

@complaint traffic long_term
en: Bikers do stunts on the expressway {at} every Sunday morning, it's a matter of time before someone dies.
en: E-rickshaws run on the wrong side on the main road {at} all day, accidents happen every week.
hi: हर रविवार सुबह {at} एक्सप्रेसवे पर बाइकर्स स्टंट करते हैं, कभी भी कोई हादसा हो सकता है।
hi: {at} मुख्य सड़क पर दिनभर ई-रिक्शा उल्टी दिशा में चलते हैं, हर हफ्ते दुर्घटना होती है।
hg: har sunday subah {at} expressway pe bikers stunt karte hain, kabhi bhi koi mar jayega
hg: {at} main road pe din bhar e-rickshaw wrong side chalte hain, har hafte accident hota hai

@complaint public_nuisance long_term
en: Loudspeakers blare from 5 am till late night {at}, students can't study during exams. Please enforce the noise rules.
en: A group of men drink and play cards every evening at the park gate {at}, women avoid the park now.
en: Cockfighting and betting happen every Sunday in the open ground {at}, big crowds gather.
hi: {at} सुबह 5 बजे से देर रात तक लाउडस्पीकर बजते हैं, परीक्षा के समय छात्र पढ़ नहीं पा रहे।
hi: {at} पार्क के गेट पर हर शाम लोग शराब पीकर ताश खेलते हैं, महिलाएं अब पार्क नहीं जातीं।
hi: {at} खुले मैदान में हर रविवार मुर्गों की लड़ाई और सट्टा होता है, भारी भीड़ जुटती है।
hg: {at} subah 5 baje se raat tak loudspeaker bajte hain, exam ke time bache padh nahi paate
hg: {at} park ke gate pe har shaam log daaru peeke taash khelte hain, ladies ab park nahi jaati
hg: {at} maidan me har sunday murga ladai aur satta hota hai, bheed lagti hai

@complaint police_conduct mid_term
en: The verification constable asked me for {amt} to clear my passport verification. I refused and he marked me 'not found'.
en: My brother was picked up by the police {at} last night without any reason given, they are not telling us where he is.
en: The sub-inspector investigating my case is pressuring me to withdraw my complaint and compromise with the accused.
hi: पासपोर्ट सत्यापन के लिए सिपाही ने {amt} मांगे, मना किया तो रिपोर्ट में 'नहीं मिला' लिख दिया।
hi: कल रात {at} पुलिस मेरे भाई को बिना कारण बताए उठा ले गई, बता नहीं रहे कहां रखा है।
hi: मेरे मामले के विवेचक दरोगा जी मुझ पर आरोपियों से समझौता करने का दबाव बना रहे हैं।
hg: passport verification ke liye sipahi ne {amt} maange, mana kiya to report me 'not found' likh diya
hg: kal raat {at} police bhai ko bina wajah bataye utha le gayi, bata nahi rahe kahan rakha hai
hg: mere case ke IO daroga ji samjhauta karne ka dabav bana rahe hain, ye kaisa insaaf hai

@complaint fraud_cheating mid_term
en: A jeweller {at} sold my mother gold earrings that turned out to be fake. He refuses to return the money.
en: An agent took {amt} for an insurance policy for my father, the policy number is fake and the agent has vanished.
en: A marriage bureau took {amt} from us and the 'groom' they introduced was a fraud, all numbers are off now.
hi: {at} एक सुनार ने मां को नकली सोने के झुमके बेच दिए, अब पैसे लौटाने से मना कर रहा है।
hi: बीमा एजेंट ने पिताजी की पॉलिसी के नाम पर {amt} लिए, पॉलिसी नंबर फर्जी निकला और एजेंट गायब है।
hi: मैरिज ब्यूरो ने हमसे {amt} लिए, जो रिश्ता दिखाया वह फर्जी निकला, सब नंबर बंद हैं।
hg: {at} ek sunar ne mummy ko nakli sone ke jhumke bech diye, ab paise wapas nahi kar raha
hg: insurance agent ne papa ki policy ke naam pe {amt} le liye, policy number fake nikla, agent gayab
hg: marriage bureau ne {amt} le liye, jo rishta dikhaya wo fraud tha, sab number band

@complaint other mid_term
en: Someone poisoned three street dogs in our lane {at}, we know who keeps threatening them. Please act against animal cruelty.
en: Green trees are being cut illegally at night {at} by a contractor, the forest department is not responding.
en: A quack is running a clinic {at} without any degree, a child died after his injection last week.
hi: {at} हमारी गली के तीन कुत्तों को किसी ने जहर दे दिया, जो उन्हें धमकाता था उस पर शक है।
hi: {at} रात में ठेकेदार हरे पेड़ अवैध रूप से कटवा रहा है, वन विभाग सुन नहीं रहा।
hi: {at} एक झोलाछाप बिना डिग्री के क्लीनिक चला रहा है, पिछले हफ्ते उसके इंजेक्शन से एक बच्चे की मौत हो गई।
hg: {at} hamari gali ke 3 kutto ko kisi ne zeher de diya, jo unhe maarta tha uspe shak hai
hg: {at} raat me thekedar hare ped katwa raha hai illegal, van vibhag sunta hi nahi
hg: {at} ek jholachhap bina degree clinic chala raha hai, pichle hafte injection se ek bacha mar gaya

@query service_request long_term
en: What is the number of the women power line and is it open at night?
en: Can I file an e-FIR for a lost mobile phone or do I have to go to the thana?
en: How do I check the status of my complaint on the UPCOP app? It shows nothing.
en: Is police permission needed to play a DJ at a wedding {at}? Whom do we apply to?
en: Which police station covers my area {at}? I need to submit an application.
en: How to apply for renewal of an arms licence and what is the police's role in it?
hi: महिला पावर लाइन का नंबर क्या है और क्या रात में भी चालू रहती है?
hi: खोए हुए मोबाइल की ई-एफआईआर ऑनलाइन हो सकती है या थाने जाना पड़ेगा?
hi: यूपीकॉप ऐप पर शिकायत की स्थिति कैसे देखें? कुछ दिख नहीं रहा।
hi: शादी में डीजे बजाने के लिए {at} पुलिस अनुमति चाहिए क्या? कहां आवेदन करें?
hi: {at} मेरा इलाका किस थाने में आता है? एक प्रार्थना पत्र देना है।
hg: women power line ka number kya hai, raat me bhi chalu rehti hai kya?
hg: khoye hue mobile ki e-FIR online ho sakti hai ya thane jana padega?
hg: UPCOP app pe complaint ka status kaise dekhe? kuch dikh hi nahi raha
hg: shaadi me DJ bajane ke liye {at} police permission chahiye kya? kahan apply kare?
hg: {at} mera area kaun se thane me aata hai? ek application deni hai

@query service_request mid_term
en: My cousin was arrested yesterday {at}. How can the family meet him and when will he be produced in court?
en: I need a copy of the accident FIR for the insurance claim, the accident was last week {at}. How do I get it?
en: How can I get my FIR copy? It was registered two months ago {at}, and who is the investigating officer?
hi: कल {at} मेरे चचेरे भाई को गिरफ्तार किया गया, परिवार उससे कैसे मिले और कोर्ट में कब पेश होगा?
hi: पिछले हफ्ते {at} हुई दुर्घटना की एफआईआर कॉपी इंश्योरेंस के लिए चाहिए, कैसे मिलेगी?
hg: kal {at} cousin ko arrest kiya gaya, ghar wale kaise mile aur court me kab pesh karenge?
hg: pichle hafte {at} accident hua tha, insurance ke liye FIR copy chahiye, kaise milegi?

@feedback - -
en: Really impressed by how the Dial 112 team handled the situation at our society function, very professional.
en: The SHO of our thana is very helpful, got our family matter resolved peacefully. Thank you.
en: Why is the police always busy with VIP duty while thieves roam free? Very disappointed.
en: Every time I tweet I get the same copy-paste reply 'concerned officer has been directed'. Nothing happens. Pathetic.
en: Good to see traffic police finally managing the crossing, much better now 👍
en: Kudos to the team for recovering the kidnapped child within 12 hours 👏
en: My complaint was resolved today. Thank you for the prompt response, the IO was very cooperative.
en: Honestly the police here {at} have improved a lot in the last two years, night patrolling is visible.
hi: थाना प्रभारी का व्यवहार बहुत अच्छा रहा, पारिवारिक मामला शांति से सुलझा दिया। धन्यवाद।
hi: हर बार वही रटा-रटाया जवाब 'संबंधित को निर्देशित किया गया है', होता कुछ नहीं। निराशाजनक।
hi: अपहृत बच्चे को 12 घंटे में बरामद करने के लिए टीम को बधाई 👏
hi: मेरी शिकायत का समाधान हो गया, त्वरित कार्रवाई के लिए आभार।
hi: वीआईपी ड्यूटी में व्यस्त पुलिस को आम जनता की परवाह नहीं, बहुत दुख होता है।
hi: सच कहूं तो {at} पुलिस पिछले दो साल में काफी सुधरी है, रात की गश्त दिखती है।
hg: thana incharge ne bahut achhe se baat ki aur maamla suljha diya, thanks ji
hg: har baar wahi copy paste reply 'sambandhit ko nirdeshit', hota kuch nahi. bekaar
hg: bache ko 12 ghante me dhoondh nikala, badhai ho team ko 👏
hg: meri complaint solve ho gayi aaj, jaldi action ke liye dhanyavad
hg: VIP duty me busy rehte ho, aam janta ki kisi ko fikar nahi
hg: sach bolu to {at} police pichle 2 saal me kaafi sudhri hai, raat ki gasht dikhti hai

@other - -
en: Beware of fake KYC calls. Never share your OTP with anyone. Dial 1930 to report cyber fraud. #CyberSafety
en: Happy Diwali to all UP Police personnel and their families 🪔
en: Jai Hind! Respect to everyone on duty during the festival season.
en: Anyone knows a good coaching institute for the UP Police constable exam?
en: When will the UP Police constable recruitment result come out? Waiting since months.
en: Traffic advisory: route diversions {at} for the Kanwar Yatra from tomorrow, heavy vehicles banned.
en: This minister's statement on law and order is shameful. The people will answer in the election.
en: Power cut for 10 hours {at}, UPPCL please restore supply.
en: The government hospital {at} is asking for money for a bed. Health department please act.
en: Bank has not credited my pension for 3 months, branch manager is not listening.
en: Stray dogs attacked two kids {at}, nagar nigam please catch them.
en: Ration dealer {at} is not giving full grain to card holders. Supply department please check.
en: Lovely morning walk at the riverfront {at} today, the city looks beautiful 😍
en: Follow me for daily cricket updates and match predictions 🏏
hi: साइबर ठगी से सावधान रहें, किसी को ओटीपी न बताएं, शिकायत 1930 पर करें। #साइबर_सुरक्षा
hi: समस्त यूपी पुलिस परिवार को दीपावली की हार्दिक शुभकामनाएं 🪔
hi: यूपी पुलिस सिपाही भर्ती का परिणाम कब आएगा? महीनों से इंतजार है।
hi: कल से कांवड़ यात्रा के चलते {at} रूट डायवर्जन रहेगा, भारी वाहनों पर रोक।
hi: {at} दस घंटे से बिजली नहीं है, विद्युत विभाग आपूर्ति बहाल करे।
hi: {at} सरकारी अस्पताल में बेड के लिए पैसे मांगे जा रहे हैं, स्वास्थ्य विभाग ध्यान दे।
hi: {at} राशन डीलर कार्ड धारकों को पूरा अनाज नहीं दे रहा, पूर्ति विभाग जांच करे।
hi: {at} आवारा कुत्तों ने दो बच्चों को काट लिया, नगर निगम इन्हें पकड़े।
hi: मंत्री जी का कानून व्यवस्था पर बयान शर्मनाक है, जनता चुनाव में जवाब देगी।
hi: आज {at} घाट पर सुबह की सैर बहुत सुंदर रही 😍
hg: UP police constable ka result kab aayega? kab se wait kar rahe hain
hg: {at} 10 ghante se light nahi hai, UPPCL wale supply chalu karo
hg: {at} sarkari hospital me bed ke liye paise maang rahe hain, health department dekho
hg: bank 3 mahine se pension nahi de raha, manager sunta hi nahi
hg: {at} awara kutto ne 2 bacho ko kaat liya, nagar nigam pakdo inko
hg: {at} ration wala poora anaaj nahi deta, supply vibhag check kare
hg: happy diwali UP police ke sabhi jawano ko 🪔
hg: koi achhi coaching batao UP police constable exam ke liye
hg: cricket updates ke liye follow karo daily 🏏
hg: mantri ji ka law and order pe bayan sharmnaak hai, chunav me jawab milega
`
