package main

// plainScenarios are short, plain reports of the author's own loss or
// harm, told in the past tense as people first write them: no greeting,
// no "please help", often only a place or none ("ghar mein chori ho
// gayi", "मेरा फोन छीन लिया", "my scooter was stolen"), most of them
// without the greeting and appeal other complaints get. Beside them, posts
// that use the same words for no report: a loss long settled and
// recovered, a theft in a song or a cricket match.
const plainScenarios = `
@complaint theft mid_term plain
en: my scooter was stolen from the market {at}
en: my cycle got stolen outside the coaching centre
en: got robbed on my way home {at}, they took my phone and cash
en: our house was broken into {at}, gold and cash gone
en: my purse was stolen in the tempo
en: someone took my goats from the shed at night {at}
en: my laptop bag was stolen from the car {at}, window smashed
en: thieves took the water motor from our farm
en: my shop was burgled {at}, the till is empty
en: got mugged near the bus stand {at}
en: house burgled while we were asleep, cupboard emptied
en: shop broken into last night {at}, shutter bent and stock gone
en: got robbed at gunpoint on the way back from the bank
en: burglars cleaned out the flat while we were in the village
hi: मेरी स्कूटी चोरी हो गई {at}
hi: हमारे घर में चोरी हो गई, ताला टूटा मिला
hi: {at} रास्ते में मेरा मोबाइल छीन लिया
hi: रात में चोर दुकान से सामान ले गए
hi: मेरी बकरियां कोई खोल ले गया
hi: {at} बस में मेरा बटुआ किसी ने निकाल लिया
hi: खेत से ट्यूबवेल का मोटर चोरी हो गया
hi: घर के बाहर से मेरी कार का पहिया खोल ले गए
hi: मेरे घर का ताला तोड़कर गहने चुरा लिए गए {at}
hi: ताला तोड़कर चोर नकदी और जेवर ले गए
hi: {at} रात में दुकान का शटर उखाड़कर माल ले गए
hi: गोदाम से बोरियां चोरी हो गईं
hi: तमंचा दिखाकर रास्ते में लूट लिया
hg: mere ghar me chori ho gayi
hg: meri scooty chori ho gayi {at}
hg: dukaan ka tala toot gaya, chor galla le gaye
hg: {at} raaste me mera mobile chheen liya
hg: meri bakri koi khol le gaya raat me
hg: tempo me mera batua kisi ne maar liya
hg: khet se tubewell ki motor chori ho gayi
hg: ghar ke bahar khadi car ka tyre khol le gaye {at}
hg: ghar me ghus ke chor gehne le gaye
hg: tala tod ke chor cash aur zevar le gaye
hg: {at} raat me shop ka shutter ukhaad ke maal le gaye
hg: godown se boriyan chori ho gayi
hg: tamancha dikha ke raaste me loot liya

@complaint theft mid_term plain
en: two guys on a bike snatched my chain {at}
en: my phone was snatched at the bus stop
en: a man grabbed my bag and ran off {at}
hi: {at} बाइक सवार मेरी चेन छीन ले गए
hi: बस स्टॉप पर मेरा फोन झपट लिया
hi: एक आदमी मेरा थैला छीनकर भाग गया
hg: bike wale meri chain chheen ke bhaag gaye {at}
hg: bus stop pe mera phone jhapat liya
hg: ek aadmi mera bag chheen ke bhaga

@complaint assault_threat mid_term plain
en: my brother was beaten up by some boys {at}
en: my neighbour hit my mother with a stick
en: got attacked outside my house last night {at}
en: some men threatened to kill my son
hi: {at} कुछ लड़कों ने मेरे भाई को पीट दिया
hi: पड़ोसी ने मेरी मां पर डंडे से हमला किया
hi: कल रात घर के बाहर मुझ पर हमला हुआ
hi: कुछ लोग मेरे बेटे को जान से मारने की धमकी दे गए
hg: kuch ladko ne mere bhai ko maara {at}
hg: padosi ne meri mummy pe danda chala diya
hg: kal raat ghar ke bahar mujh pe hamla hua
hg: kuch log mere bete ko jaan se maarne ki dhamki de gaye

@complaint missing_person immediate plain
en: my son hasn't come home since morning {at}
en: my grandfather went out for a walk and never came back
hi: मेरा बेटा सुबह से घर नहीं लौटा {at}
hi: मेरी बेटी स्कूल से वापस नहीं आई
hi: दादाजी टहलने गए थे, अब तक नहीं लौटे
hg: mera beta subah se ghar nahi aaya {at}
hg: meri beti school se wapas nahi aayi
hg: dadaji ghoomne gaye the, abhi tak nahi laute

@complaint fraud_cheating mid_term plain
en: a dealer took 2 lakh for a car and vanished {at}
en: got cheated by a man who sold me a fake gold chain
hi: {at} एक दलाल ने जमीन के नाम पर मुझसे पैसे ठग लिए
hi: नौकरी दिलाने के नाम पर मेरे पैसे ले गया
hg: {at} ek dalaal ne zameen ke naam pe mere paise thag liye
hg: naukri dilane ke naam pe mere paise le gaya

@complaint cyber_fraud mid_term plain
en: money went out of my account after a call about KYC
en: my facebook was hacked and someone is asking my relatives for money
hi: केवाईसी के नाम पर कॉल आया और मेरे खाते से पैसे कट गए
hi: मेरा फेसबुक हैक हो गया, रिश्तेदारों से पैसे मांगे जा रहे हैं
hg: KYC wala call aaya aur mere account se paise kat gaye
hg: mera facebook hack ho gaya, rishtedaro se paise maang rahe

@complaint women_safety mid_term plain
en: a boy in my lane keeps following my sister
en: someone keeps sending my daughter dirty messages
hi: गली का एक लड़का मेरी बहन का पीछा करता है {at}
hi: कोई मेरी बेटी को गंदे मैसेज भेजता है
hg: gali ka ek ladka meri behen ka peecha karta hai {at}
hg: koi meri beti ko gande message bhejta hai

@complaint land_dispute mid_term plain
en: our neighbour took over our plot and put up a fence {at}
hi: {at} पड़ोसी ने हमारे प्लॉट पर कब्जा कर लिया
hg: {at} padosi ne hamare plot pe kabza kar liya

@complaint public_nuisance immediate plain
en: music blaring from the banquet hall at 3 am, the whole street is awake
en: loud music from the terrace opposite at 1am, kids can't sleep
en: music at full blast past midnight from the hostel next door {at}
en: 2 am and the party next door is still playing songs at full volume {at}
hi: रात के 2 बजे भी बारात घर में गाने बज रहे हैं, कोई सो नहीं पा रहा
hg: raat ke 2 baje bhi banquet hall me gaane baj rahe, koi so nahi pa raha {at}
en: loud DJ next door and it is past midnight {at}
en: drunk men shouting outside my gate at 1 am
hi: {at} आधी रात को पड़ोस में तेज डीजे बज रहा है
hi: रात 1 बजे गेट के बाहर शराबी हल्ला कर रहे हैं
hg: {at} aadhi raat ko padosi ka DJ full volume pe baj raha hai
hg: raat 1 baje gate ke bahar sharabi shor macha rahe

@complaint traffic immediate plain
en: a drunk driver is swerving across lanes on the highway {at}
hi: {at} हाईवे पर एक नशे में ड्राइवर गाड़ी लहराता हुआ चला रहा है
hg: {at} highway pe ek peeke driver gaadi lehra ke chala raha hai

@complaint theft mid_term plain
en: thieves broke into my godown {at} and carried off the grain sacks
en: someone broke into our car in the parking and took the stereo
hi: {at} चोरों ने मेरी दुकान का शटर तोड़कर नकदी निकाल ली
hi: भीड़ में किसी ने मेरी जेब से पर्स निकाल लिया
hg: raat me chor meri dukaan ka shutter tod ke saaman le gaye
hg: mele me kisi ne meri jeb se phone nikal liya {at}
hg: chor godown ka taala tod ke boriyan le gaye

@complaint missing_person mid_term plain
hi: पड़ोस का एक लड़का मेरी नाबालिग भतीजी को भगा ले गया है {at}
hg: gaon ka ek aadmi meri 16 saal ki bhanji ko bhaga le gaya {at}
en: a man from the next village lured away my minor niece {at}

@complaint fraud_cheating mid_term plain
hi: {at} एक चिट फंड वाले ने पैसा दोगुना करने का वादा करके मेरी जमा पूंजी ले ली
hg: chit fund wale ne paisa double karne ka jhansa de ke mere 50 hazaar hadap liye
en: a chit fund agent promised to double my savings and disappeared with them {at}

@other - - plain
en: the airline cancelled my flight and their support keeps closing the chat
en: the delivery app marked my parcel delivered but it never came, no refund yet
hg: delivery wale ne order delivered dikha diya par parcel aaya hi nahi, refund chahiye
hg: cable wala har mahine paise leta hai par channel aate hi nahi
hi: केबल वाला हर महीने पैसे लेता है पर चैनल आते ही नहीं
hi: कंपनी ने गलत सामान भेजा और अब रिफंड भी नहीं दे रही

@other - - plain
en: my bike was stolen back in 2022, got it back the same month. all good now
en: lost my phone last year, found it in my own car lol
en: this song stole my heart 😍
en: a jeweller in Mumbai got robbed yesterday, saw it on TV
hi: पिछले साल चोरी हुई थी, सामान मिल गया था, अब सब ठीक है
hi: इस गाने ने तो दिल चुरा लिया 😍
hi: अंपायर ने तो आज विकेट ही चुरा लिया 😂
hi: कल टीवी पर देखा मुंबई में एक सुनार के यहां लूट हो गई
hg: pichhle saal chori hui thi, saman mil gaya tha, ab sab theek hai
hg: is gaane ne dil chura liya 😍
hg: kisi ne mera dil chura liya 😂
hg: is garmi ne meri neend chori kar li 😂
hi: इस फिल्म ने तो मेरी नींद चुरा ली 😂
hi: किसी ने मेरा दिल चुरा लिया 😂
en: someone stole my heart at the wedding lol 😂
hg: umpire ne aaj wicket chori kar liya 😂
hg: kal TV pe dekha Mumbai me ek sunar ke yahan loot ho gayi

@feedback - - plain
en: the PRV came to our lane within ten minutes last night, first time I have seen that
en: my mother called 112 for my father's fall and they took him to hospital, never expected it
en: the traffic at our crossing moves now that a constable stands there every evening
en: the women's helpdesk at our thana listened to my aunt for an hour and sorted it out
en: the beat constable knows everyone on our street by name now, feels different
hi: कल रात दस मिनट में पीआरवी हमारी गली में आ गई, पहली बार ऐसा देखा
hi: पापा गिर गए थे, 112 पर फोन किया तो गाड़ी अस्पताल ले गई, उम्मीद नहीं थी
hi: अब हमारे चौराहे पर शाम को सिपाही खड़ा रहता है तो जाम नहीं लगता
hi: थाने की महिला हेल्प डेस्क ने मौसी की पूरी बात सुनी और मामला सुलझाया
hg: kal raat das minute me PRV hamari gali me aa gayi, pehli baar aisa dekha
hg: papa gir gaye the, 112 pe call kiya to gaadi hospital le gayi, umeed nahi thi
hg: ab chaurahe pe shaam ko sipahi khada rehta hai to jam nahi lagta
hg: beat wale sipahi ab gali me sabko naam se jaante hain, achha lagta hai
`
