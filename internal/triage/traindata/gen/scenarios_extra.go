package main

// extraScenarios adds everyday situations of every type, one or two
// phrasings per language each, so that no type rests on a few templates.
const extraScenarios = `
@complaint theft mid_term
en: My car was stolen from the society parking {at} on Saturday night, the guard says he saw nothing.
en: Our maid of two years {at} disappeared with my wife's jewellery and {amt} in cash.
en: Someone broke the donation box of the temple {at} last night and took the money.
en: My laptop bag was stolen from the train near {at}, I have reported it to the GRP too.
hi: {at} सोसाइटी की पार्किंग से शनिवार रात मेरी कार चोरी हो गई, गार्ड कहता है कुछ नहीं देखा।
hi: दो साल से काम कर रही नौकरानी {at} पत्नी के गहने और {amt} नकद लेकर गायब हो गई।
hi: {at} मंदिर की दानपेटी तोड़कर चोर रात में पैसे ले गए।
hg: {at} society ki parking se saturday raat meri car chori ho gayi, guard bolta hai kuch nahi dekha
hg: 2 saal purani kaamwali {at} biwi ke gehne aur {amt} cash leke gayab ho gayi
hg: {at} mandir ki daanpeti tod ke raat me paise le gaye chor
hg: train me {at} ke paas mera laptop bag chori ho gaya, GRP me bhi bataya hai

@complaint theft immediate
en: Two men are loading goats from our shed into a pickup {at} right now, the villagers are chasing them. Please block the road.
hi: {at} अभी दो लोग हमारे बाड़े से बकरियां पिकअप में लाद रहे हैं, गांव वाले पीछा कर रहे हैं। रास्ता बंद कराइए।
hg: {at} abhi do log baade se bakriyan pickup me laad rahe hain, gaon wale peeche bhaage hain. rasta band karwao

@complaint cyber_fraud mid_term
en: My SIM stopped working suddenly and within an hour {amt} was withdrawn from my account. The bank says it was a SIM swap.
en: An 'army officer' on an online marketplace sold me a scooter, took {amt} as advance and blocked me.
en: Someone created a profile in my name on a matrimonial site with my photos and is chatting with women.
en: A job portal asked for a {amt} registration fee for a bank job interview, after paying there's no reply.
hi: अचानक मेरा सिम बंद हुआ और एक घंटे में खाते से {amt} निकल गए, बैंक कह रहा है सिम स्वैप हुआ।
hi: ऑनलाइन साइट पर 'आर्मी अफसर' बनकर किसी ने स्कूटर बेचने के नाम पर {amt} एडवांस लिए और ब्लॉक कर दिया।
hi: किसी ने मेरी फोटो लगाकर मेरे नाम से मैट्रिमोनियल साइट पर प्रोफाइल बना दी है।
hg: achanak SIM band hua aur 1 ghante me account se {amt} nikal gaye, bank bolta hai SIM swap hua
hg: online site pe army officer banke scooty bechne ke naam pe {amt} advance liya aur block kar diya
hg: job portal ne bank job interview ke liye {amt} registration fee li, ab koi reply nahi

@complaint women_safety mid_term
en: My husband married again secretly and now his family is forcing me out of the house and beating me.
en: A man keeps calling my wife from unknown numbers at night and says he will kidnap her if she blocks him.
en: My 17 year old niece is being forced into marriage by relatives {at} next week, she wants to study.
hi: पति ने चोरी-छिपे दूसरी शादी कर ली, अब ससुराल वाले मुझे मारपीट कर घर से निकाल रहे हैं।
hi: {at} मेरी 17 साल की भतीजी की अगले हफ्ते जबरन शादी कराई जा रही है, वह पढ़ना चाहती है।
hg: pati ne chupke se doosri shaadi kar li, ab sasural wale maar peet ke ghar se nikal rahe hain
hg: {at} meri 17 saal ki bhatiji ki agle hafte zabardasti shaadi karwa rahe hain, wo padhna chahti hai

@complaint women_safety long_term
en: Girls going to the ghats {at} in the evening face comments from groups of boys every day. Please post women police there.
hi: {at} शाम को घाट पर जाने वाली लड़कियों पर रोज लड़कों के झुंड फब्तियां कसते हैं, वहां महिला पुलिस तैनात करें।
hg: {at} shaam ko ghaat pe jaane wali ladkiyon pe roz ladko ke jhund comment karte hain, mahila police lagao

@complaint assault_threat mid_term
en: Road rage {at}: an SUV driver and his friends beat my brother with a rod because he honked. They had a political party flag.
en: We received a letter threatening to kill my father if he doesn't withdraw the court case, it was left at our gate {at}.
en: Some men hurled caste abuse at my family and attacked my uncle {at} during a village function.
hi: {at} हॉर्न बजाने पर एक एसयूवी सवार और उसके साथियों ने मेरे भाई को रॉड से पीटा, गाड़ी पर पार्टी का झंडा था।
hi: {at} हमारे गेट पर धमकी भरा पत्र छोड़ा गया कि पिताजी ने मुकदमा वापस नहीं लिया तो जान से मार देंगे।
hg: {at} horn bajane pe ek SUV wale aur uske doston ne bhai ko rod se maara, gaadi pe party ka jhanda tha
hg: {at} gate pe dhamki wala letter chhoda ki papa ne case wapas nahi liya to maar denge

@complaint missing_person mid_term
en: My nephew, a student in a hostel {at}, has not been in touch for 4 days. The warden says he left with his bag.
en: My 15 year old son left home {at} two days ago after we scolded him. We have checked with all relatives.
hi: {at} हॉस्टल में रहने वाला मेरा भतीजा चार दिन से संपर्क में नहीं है, वार्डन कहते हैं बैग लेकर गया।
hi: डांटने के बाद मेरा 15 साल का बेटा दो दिन पहले {at} घर से चला गया, सभी रिश्तेदारों के यहां देख लिया।
hg: {at} hostel wala mera bhatija 4 din se contact me nahi hai, warden bolta hai bag leke gaya
hg: daant ke baad mera 15 saal ka beta 2 din pehle {at} ghar se chala gaya, sab rishtedaro ke yahan dekh liya

@complaint land_dispute mid_term
en: A builder has started construction on my plot {at} claiming he bought it from someone else, with forged papers.
en: My uncle forged my grandfather's will to take our share of the house {at} and has put his own lock on it.
en: The shopkeeper renting my shop {at} has stopped paying and says the shop is now his.
hi: {at} एक बिल्डर फर्जी कागजों के सहारे मेरे प्लॉट पर निर्माण करा रहा है, कहता है किसी और से खरीदा।
hi: चाचा ने दादाजी की फर्जी वसीयत बनाकर {at} मकान के हमारे हिस्से पर ताला लगा दिया।
hg: {at} ek builder fake kagaz se mere plot pe construction kar raha hai, bolta hai kisi aur se kharida
hg: chacha ne dadaji ki fake vasiyat bana ke {at} ghar ke hamare hisse pe tala laga diya
hg: {at} meri dukaan ka kirayedar kiraya nahi deta aur bolta hai dukaan ab uski hai

@complaint land_dispute long_term
en: The village pond and grazing land {at} have been occupied by influential people for years. The revenue staff do nothing.
hi: {at} गांव के तालाब और चरागाह की जमीन पर सालों से दबंगों का कब्जा है, लेखपाल कुछ नहीं करते।
hg: {at} gaon ke talab aur charagah ki zameen pe saalo se dabango ka kabza hai, lekhpal kuch nahi karte

@complaint traffic immediate
en: A school bus driver {at} is driving at full speed and overtaking wrongly with kids inside, bus is heading to the bypass now.
hi: {at} स्कूल बस का ड्राइवर बच्चों को बैठाकर बहुत तेज और गलत ओवरटेक कर रहा है, बस अभी बाईपास की तरफ जा रही है।
hg: {at} school bus ka driver bacho ko leke bahut tez aur galat overtake kar raha hai, abhi bypass ki taraf ja raha hai

@complaint traffic long_term
en: The tempo stand has taken over half the road near the station {at}, the jam lasts all day.
en: The traffic signal at the main crossing {at} has been broken for two months, accidents every week.
hi: {at} स्टेशन के पास टेम्पो स्टैंड ने आधी सड़क घेर रखी है, दिनभर जाम रहता है।
hi: {at} मुख्य चौराहे की ट्रैफिक लाइट दो महीने से खराब है, हर हफ्ते दुर्घटना होती है।
hg: {at} station ke paas tempo stand ne aadhi sadak gher rakhi hai, din bhar jam
hg: {at} main chauraha ki traffic light 2 mahine se kharab hai, har hafte accident hota hai

@complaint public_nuisance long_term
en: A dhaba on the highway {at} serves liquor openly every night and drunk truck drivers then drive off.
en: Firecrackers and celebratory firing at weddings {at} go on past midnight every week in the season.
hi: {at} हाईवे के ढाबे पर हर रात खुलेआम शराब परोसी जाती है और नशे में ट्रक ड्राइवर गाड़ी लेकर निकलते हैं।
hi: {at} शादियों के मौसम में हर हफ्ते आधी रात के बाद तक पटाखे और हर्ष फायरिंग होती है।
hg: {at} highway ke dhabe pe roz raat khule aam daaru milti hai, fir truck wale nashe me gaadi chalate hain
hg: {at} shaadi ke season me har hafte aadhi raat tak patakhe aur harsh firing hoti hai

@complaint public_nuisance mid_term
en: My neighbour {at} plays loud music every night after midnight and threatens us when we ask him to stop.
hi: {at} पड़ोसी हर रात बारह बजे के बाद तेज गाना बजाता है, मना करने पर झगड़ा करता है।
hg: {at} padosi roz raat 12 baje ke baad tez gaana bajata hai, mana karo to ladta hai

@complaint police_conduct mid_term
en: Police {at} have named my 70 year old father in a false case at the behest of the other party. He was not even in town.
en: The thana {at} refused to accept my mother's complaint against her son-in-law and asked her to come with a 'recommendation'.
en: The IO changed my statement in the chargesheet {at}, what I said is not what is written.
hi: {at} पुलिस ने दूसरे पक्ष के कहने पर मेरे 70 साल के पिता को झूठे मुकदमे में नामजद कर दिया, वे शहर में थे ही नहीं।
hi: {at} थाने ने मेरी मां की शिकायत लेने से मना कर दिया और 'सिफारिश' लेकर आने को कहा।
hg: {at} police ne doosri party ke kehne pe mere 70 saal ke papa ko jhoothe case me daal diya, wo sheher me the hi nahi
hg: {at} thane ne mummy ki complaint lene se mana kar diya, bole sifarish leke aao

@complaint fraud_cheating mid_term
en: A man promised to double my savings in 6 months through a 'scheme', took {amt} and his office {at} is now locked.
en: A visa agent {at} took {amt} for a Gulf work visa, gave a fake visa, and my brother was stopped at the airport.
en: The same plot {at} was sold to us and two other families by the same dealer. He is absconding.
hi: एक व्यक्ति ने छह महीने में पैसा दोगुना करने की 'स्कीम' में {amt} लिए, {at} उसका दफ्तर अब बंद है।
hi: {at} एक वीजा एजेंट ने खाड़ी देश के वीजा के नाम पर {amt} लिए और फर्जी वीजा थमा दिया।
hi: {at} एक ही प्लॉट डीलर ने हमें और दो और परिवारों को बेच दिया, अब फरार है।
hg: ek aadmi ne 6 mahine me paisa double karne ki scheme me {amt} liye, {at} uska office ab band hai
hg: {at} ek visa agent ne gulf visa ke naam pe {amt} liye, fake visa de diya, bhai airport pe pakda gaya
hg: {at} ek hi plot dealer ne hume aur 2 aur family ko bech diya, ab faraar hai

@complaint other immediate
en: A phone call says there is a bomb in the school {at}, the school is being evacuated. Please send the bomb squad.
en: A leopard has entered a house {at} and people are gathering with sticks, someone will get hurt. Send police and forest team.
hi: {at} स्कूल में बम होने की कॉल आई है, स्कूल खाली कराया जा रहा है। बम निरोधक दस्ता भेजें।
hi: {at} एक घर में तेंदुआ घुस आया है, लोग लाठी लेकर जमा हो रहे हैं। पुलिस और वन विभाग भेजें।
hg: {at} school me bomb ki call aayi hai, school khali karwa rahe hain. bomb squad bhejo
hg: {at} ek ghar me tendua ghus gaya hai, log lathi leke jama ho rahe hain, police aur van vibhag bhejo

@complaint other mid_term
en: Children as young as 10 are made to work at the brick kiln {at} and are not allowed to leave.
en: Illegal sand mining goes on every night in the river {at}, trucks without papers.
hi: {at} ईंट भट्ठे पर 10 साल तक के बच्चों से काम कराया जा रहा है और जाने नहीं दिया जाता।
hi: {at} नदी में हर रात अवैध बालू खनन हो रहा है, बिना कागज के ट्रक चलते हैं।
hg: {at} eent bhatte pe 10 saal tak ke bacho se kaam karwaya ja raha hai, jaane nahi dete
hg: {at} nadi me roz raat illegal balu khanan ho raha hai

@query service_request long_term
en: Do I need to inform the local police when I rent my flat {at} to students? Is there a form?
en: Can a senior citizen living alone {at} register with the police for regular check-ins?
hi: {at} फ्लैट छात्रों को किराये पर देने से पहले क्या थाने में सूचना देनी होती है? कोई फॉर्म है?
hi: {at} अकेले रहने वाले बुजुर्ग क्या पुलिस में पंजीकरण करा सकते हैं ताकि कोई हालचाल लेता रहे?
hg: {at} flat students ko kiraye pe dene se pehle thane me batana padta hai kya? koi form hai?
hg: {at} akele rehne wale buzurg police me registration kara sakte hain kya?

@query service_request mid_term
en: My wedding is next week {at} and there were threats from a relative. Can we get police presence at the venue? Whom do I ask?
hi: अगले हफ्ते {at} शादी है और एक रिश्तेदार से धमकी मिली थी, क्या कार्यक्रम में पुलिस मौजूद रह सकती है? किससे बात करें?
hg: agle hafte {at} shaadi hai aur ek rishtedar se dhamki mili thi, kya function me police aa sakti hai? kisse baat kare?

@feedback - -
en: Whoever runs this account, you replied at 2 am and the patrol came. Respect.
en: The new SP {at} is doing surprise checks at thanas, people are noticing the change. 👍
en: Not happy at all. My case was closed as 'resolved' without anyone contacting me.
hi: इस अकाउंट को चलाने वालों को सलाम, रात 2 बजे जवाब दिया और गश्ती दल पहुंच गया।
hi: {at} नए एसपी साहब थानों का औचक निरीक्षण कर रहे हैं, बदलाव दिख रहा है 👍
hi: बिल्कुल संतुष्ट नहीं, मुझसे बात किए बिना ही मामला 'निस्तारित' कर दिया गया।
hg: jo bhi ye account chalata hai, raat 2 baje reply kiya aur gasht wale aa gaye. respect
hg: {at} naye SP sahab thano me surprise check kar rahe hain, farak dikh raha hai 👍
hg: bilkul khush nahi, bina baat kiye hi case 'nistarit' kar diya

@other - -
en: RT if you think the police should get weekly offs too. They work 14 hour shifts.
en: Watch our new vlog on the famous chaat of {at} 😋 link in bio
en: Is the Agra-Lucknow expressway open tonight or is there fog? Planning to drive.
hi: पुलिस वालों को भी साप्ताहिक अवकाश मिलना चाहिए, 14 घंटे ड्यूटी करते हैं।
hi: {at} की मशहूर चाट पर हमारा नया व्लॉग देखें 😋
hg: police walo ko bhi weekly off milna chahiye, 14 ghante duty karte hain
hg: {at} ki famous chaat pe naya vlog dekho 😋 link bio me
`
