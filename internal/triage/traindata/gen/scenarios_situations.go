package main

// situationScenarios adds more situations for the types that are easiest
// to confuse: police misconduct told with the words of the case it is
// about, emergencies and crimes that have no type of their own, land taken
// by force, road dangers that are not fights, thefts that sound like
// fraud or a chase, violence against women with a weapon in it, and
// follow-ups that name their subject.
const situationScenarios = `
@complaint police_conduct mid_term
en: The SHO {at} would not write an FIR for my stolen phone, he made me write that I lost it instead.
en: Both sides in our boundary quarrel paid the halka in-charge {at}, and now he does nothing for anyone.
en: The constables at the checkpost {at} stop every truck at night and take money openly, no receipt.
en: We called 112 about a fight and the PRV crew that came {at} were drunk and abused my father instead.
en: Police seized my e-rickshaw {at} without any challan and are asking {amt} to release it.
en: My daughter's harassment complaint was closed by the thana {at} with a false report that we had compromised.
en: The woman constable at the help desk {at} shouted at my mother and sent her home without hearing her.
hi: {at} थानाध्यक्ष ने मेरे चोरी हुए मोबाइल की एफआईआर नहीं लिखी, जबरदस्ती गुमशुदगी का प्रार्थना पत्र लिखवा लिया।
hi: मेड़ के विवाद में {at} हल्का प्रभारी ने दोनों पक्षों से पैसे ले लिए, अब किसी की नहीं सुनते।
hi: {at} चेकपोस्ट पर सिपाही रात में हर ट्रक से खुलेआम वसूली करते हैं।
hi: झगड़े की सूचना पर आई पीआरवी के कर्मचारी {at} नशे में थे और उल्टा मेरे पिता को गाली दी।
hi: {at} पुलिस ने बिना चालान मेरा ई-रिक्शा थाने में खड़ा कर लिया, छोड़ने के {amt} मांग रहे हैं।
hi: बेटी से छेड़छाड़ की शिकायत को थाने ने {at} झूठी सुलह दिखाकर बंद कर दिया।
hi: महिला हेल्प डेस्क की सिपाही ने {at} मेरी मां को डांटकर भगा दिया, बात तक नहीं सुनी।
hg: {at} SHO ne mere chori hue phone ki FIR nahi likhi, zabardasti gum hone ki application likhwa li
hg: medh ke jhagde me {at} halka incharge ne dono taraf se paise le liye, ab kisi ki nahi sunte
hg: {at} checkpost pe sipahi raat ko har truck se khulleaam vasooli karte hain
hg: 112 pe jhagde ki khabar di, PRV wale {at} nashe me aaye aur ulta papa ko gaali de di
hg: {at} police ne bina challan mera e-rickshaw thane me khada kar liya, chhodne ke {amt} maang rahe
hg: beti ke saath chhedkhani wali complaint thane ne {at} jhoothi sulah dikha ke band kar di

@complaint police_conduct immediate
en: The SI is making my father sign blank papers at the thana {at} right now and won't let him leave.
hi: {at} थाने में दरोगा अभी मेरे पिता से सादे कागज पर दस्तखत करवा रहे हैं और जाने नहीं दे रहे।
hg: {at} thane me daroga abhi papa se khaali kagaz pe sign karwa rahe hain aur jaane nahi de rahe
en: A drunk constable is waving his pistol at customers of a dhaba {at} right now.
hi: {at} एक सिपाही नशे में अभी ढाबे पर लोगों को पिस्तौल दिखा रहा है।
hg: {at} ek sipahi nashe me abhi dhabe pe logo ko pistol dikha raha hai

@complaint other immediate
en: A gas tanker is leaking on the road {at} and people are gathering to make videos. Please cordon it off.
hi: {at} सड़क पर गैस टैंकर से रिसाव हो रहा है, लोग वीडियो बनाने जमा हो रहे हैं, घेराबंदी कराइए।
hg: {at} road pe gas tanker leak ho raha hai, log video banane jama ho rahe, gherabandi karwao
en: A body is lying in the canal {at} since morning, people are crowding around. Please send police.
en: A leopard was seen in the sugarcane fields {at} an hour ago, children are out. Please alert the forest team.
en: The cylinder in a sweet shop {at} caught fire, the lane is full of people and smoke.
hi: {at} नहर में सुबह से एक शव पड़ा है, भीड़ जमा हो रही है, पुलिस भेजें।
hi: {at} गन्ने के खेत में एक घंटे पहले तेंदुआ दिखा है, बच्चे बाहर हैं, वन विभाग को सूचना दें।
hi: {at} मिठाई की दुकान में सिलेंडर से आग लग गई, गली में धुआं और भीड़ है।
hg: {at} nahar me subah se ek laash padi hai, bheed lag rahi hai, police bhejo
hg: {at} ganne ke khet me ghante bhar pehle tendua dikha hai, bache bahar hain. forest wale ko bolo
hg: {at} mithai ki dukaan me cylinder se aag lag gayi, gali me dhuan aur bheed hai

@complaint other mid_term
en: Child marriage is being arranged {at} next week, the girl is 14. Please stop it.
en: A factory {at} keeps twelve-year-old boys at work till midnight and doesn't let them go home.
en: Cows are being packed into trucks at night {at} and taken away, the animals are hurt.
en: Someone dumped chemical drums in the field next to the school {at}, children feel sick.
hi: {at} अगले हफ्ते 14 साल की बच्ची की शादी कराई जा रही है, कृपया रुकवाइए।
hi: {at} एक फैक्ट्री में बारह साल के बच्चों से आधी रात तक काम कराया जाता है।
hi: {at} रात में गायों को ट्रक में ठूंसकर ले जाया जा रहा है, जानवर घायल हो रहे हैं।
hi: {at} स्कूल के पास खेत में किसी ने केमिकल के ड्रम फेंक दिए हैं, बच्चों की तबीयत बिगड़ रही है।
hg: {at} agle hafte 14 saal ki bachi ki shaadi karwa rahe hain, rukwa dijiye
hg: {at} ek factory me 12 saal ke bacho se aadhi raat tak kaam karwate hain
hg: {at} school ke paas khet me kisi ne chemical ke drum phenk diye, bache beemar ho rahe

@complaint other long_term
en: The bathing ghat {at} has no barricades and no boat patrol, people drown every monsoon.
hi: {at} स्नान घाट पर न बैरिकेडिंग है न नाव से गश्त, हर बरसात में लोग डूबते हैं।
hg: {at} snan ghat pe na barricading hai na naav se gasht, har barsaat me log doobte hain

@complaint traffic long_term
en: Buses stop in the middle of the flyover {at} to pick up passengers and cars pile up behind them every day.
hi: {at} फ्लाईओवर के बीच में बसें रुककर सवारी भरती हैं, रोज पीछे गाड़ियों की लाइन लग जाती है।
hg: {at} flyover ke beech me bus ruk ke sawari bharti hain, roz peeche gaadiyon ki line lag jaati hai
en: School vans {at} carry 20 children in a vehicle meant for 8, the doors are tied with rope.
en: Wedding processions block the highway {at} for hours every evening in the season.
en: The speed breaker near the school {at} was removed and cars now fly past the gate.
en: Vendors' carts and parked autos have eaten the road outside the station {at}, it takes 30 minutes to cross.
hi: {at} स्कूल वैन में आठ की जगह बीस बच्चे ठूंसे जाते हैं, दरवाजा रस्सी से बंधा रहता है।
hi: {at} शादी के मौसम में हर शाम बारात की वजह से घंटों हाईवे जाम रहता है।
hi: {at} स्कूल के पास का स्पीड ब्रेकर हटा दिया गया, अब गाड़ियां गेट के सामने से तेजी से निकलती हैं।
hi: {at} स्टेशन के बाहर ठेले और खड़े ऑटो ने सड़क घेर ली है, निकलने में आधा घंटा लगता है।
hg: {at} school van me 8 ki jagah 20 bache bhare jaate hain, darwaza rassi se bandha hota hai
hg: {at} shaadi ke season me roz shaam baraat ki wajah se ghanto highway band rehta hai
hg: {at} school ke paas ka speed breaker hata diya, ab gaadiyan gate ke saamne se tez nikalti hain
hg: {at} station ke bahar thele aur auto ne poori sadak gher li, nikalne me aadha ghanta lagta hai

@complaint traffic immediate
en: A truck has overturned on the highway {at}, both lanes blocked and the driver is trapped.
en: An ambulance with a patient is stuck in the jam {at} for 25 minutes, please clear the road.
en: A tractor-trolley hit a tempo {at} just now, passengers are lying on the road.
hi: {at} हाईवे पर ट्रक पलट गया है, दोनों लेन बंद हैं और चालक फंसा हुआ है।
hi: {at} मरीज को ले जा रही एंबुलेंस 25 मिनट से जाम में फंसी है, रास्ता खुलवाइए।
hi: {at} अभी ट्रैक्टर-ट्रॉली ने टेंपो को टक्कर मार दी, सवारियां सड़क पर पड़ी हैं।
hg: {at} highway pe truck palat gaya, dono lane band aur driver fansa hua hai
hg: {at} mareez wali ambulance 25 minute se jam me fasi hai, rasta khulwao
hg: {at} abhi tractor trolley ne tempo ko thok diya, sawari sadak pe padi hain

@complaint traffic mid_term
en: A car reversing without looking knocked down my mother {at} yesterday, the driver paid nothing and left. We have the number {num}.
en: A roadways bus brushed my bike {at} this morning and the driver sped off, I have a leg injury.
hi: {at} कल एक कार वाले ने बिना देखे गाड़ी पीछे की और मेरी मां को गिरा दिया, नंबर {num} है।
hi: {at} आज सुबह रोडवेज बस ने मेरी बाइक को रगड़ दिया और चालक भाग गया, पैर में चोट है।
hg: {at} kal ek car wale ne bina dekhe gaadi peeche ki aur mummy ko gira diya, number {num} hai
hg: {at} aaj subah roadways bus ne bike ko ragad diya aur driver bhaag gaya, pair me chot hai

@complaint assault_threat immediate
en: Our neighbours are throwing bricks at our house {at} right now and kicking the door, we are inside with the children.
hi: {at} पड़ोसी अभी हमारे घर पर ईंटें फेंक रहे हैं और दरवाजे पर लात मार रहे हैं, हम बच्चों के साथ अंदर हैं।
hg: {at} padosi abhi hamare ghar pe eent phenk rahe hain aur darwaze pe laat maar rahe, hum bacho ke saath andar hain
en: Two groups are fighting with sticks in the village square {at} right now, an old man is hurt.
en: A man with a sword is chasing people in the market {at}, shops are shutting.
hi: {at} गांव के चौक पर अभी दो गुटों में लाठी-डंडे चल रहे हैं, एक बुजुर्ग घायल है।
hi: {at} बाजार में एक आदमी तलवार लेकर लोगों को दौड़ा रहा है, दुकानें बंद हो रही हैं।
hg: {at} gaon ke chowk pe abhi do guto me lathi danda chal raha hai, ek buzurg ghayal hai
hg: {at} bazaar me ek aadmi talwar leke logo ko daudaa raha hai, dukaane band ho rahi

@complaint assault_threat mid_term
en: My neighbour attacked my brother with an iron rod {at} over the drain water, his head needed stitches.
en: A moneylender {at} is threatening to burn my shop because I could not pay the interest this month.
en: Boys from the next village beat my son outside his college {at} over a cricket match.
hi: नाली के पानी को लेकर {at} पड़ोसी ने मेरे भाई पर लोहे की रॉड से हमला किया, सिर में टांके आए।
hi: {at} सूदखोर ब्याज न देने पर मेरी दुकान जलाने की धमकी दे रहा है।
hi: क्रिकेट मैच के झगड़े में {at} दूसरे गांव के लड़कों ने मेरे बेटे को कॉलेज के बाहर पीटा।
hg: naali ke paani ko leke {at} padosi ne bhai pe lohe ki rod se hamla kiya, sar me taanke aaye
hg: {at} byaaj wala paise na dene pe dukaan jalane ki dhamki de raha hai
hg: cricket match ke jhagde me {at} dusre gaon ke ladko ne bete ko college ke bahar peeta

@complaint theft mid_term
en: The gas cylinder was taken from our verandah {at} in the night, the gate was latched from inside.
en: The solar panel and both batteries were removed from our roof {at} while we slept.
hi: {at} रात में बरामदे से हमारा गैस सिलेंडर उठा ले गए, गेट अंदर से बंद था।
hi: {at} हमारे सोते समय छत से सोलर पैनल और दोनों बैटरियां खोल ले गए।
hg: {at} raat me baramde se hamara gas cylinder utha le gaye, gate andar se band tha
hg: {at} hum so rahe the aur chhat se solar panel aur dono battery khol le gaye
en: The donation box of the temple {at} was broken open and emptied last night.
en: Someone took the battery and wheels of my car parked {at}, only the body is left.
hi: {at} मंदिर की दानपेटी तोड़कर बीती रात सारा पैसा निकाल लिया गया।
hi: {at} खड़ी मेरी कार की बैटरी और पहिए निकाल ले गए, सिर्फ ढांचा बचा है।
hg: {at} mandir ki daanpeti tod ke kal raat saara paisa nikaal liya
hg: {at} khadi car ki battery aur pahiye nikaal le gaye, sirf dhaancha bacha hai

@complaint theft immediate
en: A boy just ran off with my bag from the e-rickshaw {at}, he went into the lane behind the vegetable market.
hi: {at} अभी एक लड़का ई-रिक्शा से मेरा बैग लेकर सब्जी मंडी के पीछे वाली गली में भागा है।
hg: {at} abhi ek ladka e-rickshaw se mera bag leke sabzi mandi ke peeche wali gali me bhaaga
en: I can see on the live CCTV that someone is breaking the lock of my shop {at} right now.
hi: सीसीटीवी में लाइव दिख रहा है कि {at} मेरी दुकान का ताला अभी कोई तोड़ रहा है।
hg: CCTV me live dikh raha hai {at} meri dukaan ka taala abhi koi tod raha hai

@complaint women_safety immediate
en: My sister's husband is threatening her with a knife {at} right now and says he will kill her.
en: Someone is trying to pull a girl into a car {at} right now, she is screaming. White car.
hi: {at} जीजा अभी मेरी बहन को चाकू दिखाकर जान से मारने की धमकी दे रहा है।
hi: {at} अभी कोई एक लड़की को जबरन कार में खींच रहा है, वह चिल्ला रही है। सफेद कार है।
hg: {at} jija abhi behen ko chaku dikha ke jaan se maarne ki dhamki de raha hai
hg: {at} abhi koi ek ladki ko zabardasti car me kheench raha hai, wo chilla rahi hai. white car hai

@complaint women_safety mid_term
en: The teacher at my daughter's tuition {at} touches the girls and tells them not to tell anyone.
en: My husband and his brother beat me for a car in dowry and threw me out {at} with my baby.
en: An auto driver {at} took my sister down an empty road and tried to grab her, she jumped out.
hi: {at} ट्यूशन वाले सर लड़कियों को गलत तरीके से छूते हैं और किसी को न बताने को कहते हैं।
hi: {at} दहेज में कार के लिए पति और देवर ने मुझे मारा और बच्चे के साथ घर से निकाल दिया।
hi: {at} ऑटो वाला मेरी बहन को सुनसान रास्ते पर ले गया और पकड़ने की कोशिश की, वह कूदकर भागी।
hg: {at} tuition wale sir ladkiyo ko galat tarike se chhute hain aur kisi ko na batane bolte hain
hg: {at} dahej me car ke liye pati aur dewar ne maara aur bache ke saath ghar se nikaal diya
hg: {at} auto wala behen ko sunsaan raste pe le gaya aur pakadne ki koshish ki, wo kood ke bhaagi

@complaint land_dispute immediate
en: Some strongmen are putting up a tin shed on our plot {at} tonight, they pushed my father away.
hi: {at} दबंग आज रात हमारे प्लॉट पर टीन शेड डाल रहे हैं, पिताजी को धक्का देकर हटा दिया।
hg: {at} dabang log aaj raat hamare plot pe tin shed daal rahe hain, papa ko dhakka de ke hata diya
en: The other party has brought a tractor {at} and is ploughing our field this moment, they are armed.
hi: {at} दूसरा पक्ष इस समय ट्रैक्टर लाकर हमारा खेत जोत रहा है, उनके पास हथियार हैं।
hg: {at} dusri party abhi tractor leke hamara khet jot rahi hai, unke paas hathiyar hain

@complaint land_dispute mid_term
en: My neighbour has built his staircase on the common lane {at} and our way to the house is closed.
en: My brothers have put their names on my father's land {at} and stop me from entering the field.
en: Someone has sold my late father's plot {at} to a third person with a fake seller standing in his place.
en: The tenant in my shop {at} has stopped paying for a year and has put his own lock on it.
hi: {at} पड़ोसी ने साझा गली में सीढ़ी बना ली, हमारे घर का रास्ता बंद हो गया है।
hi: {at} भाइयों ने पिता की जमीन अपने नाम करवा ली और मुझे खेत में घुसने नहीं देते।
hi: {at} मेरे स्वर्गीय पिता का प्लॉट फर्जी विक्रेता खड़ा करके किसी और को बेच दिया गया।
hi: {at} मेरी दुकान के किरायेदार ने साल भर से किराया नहीं दिया और अपना ताला लगा दिया है।
hg: {at} padosi ne common gali me seedhi bana li, hamare ghar ka rasta band ho gaya
hg: {at} bhaiyo ne papa ki zameen apne naam karwa li, mujhe khet me ghusne nahi dete
hg: {at} mere swargiya papa ka plot fake bechne wala khada karke kisi aur ko bech diya
hg: {at} dukaan ke kirayedar ne saal bhar se kiraya nahi diya aur apna taala laga diya

@complaint missing_person immediate
en: My father (70) has memory loss and walked out of the house {at} this afternoon, he is not back.
en: My son (15) left home {at} after his father scolded him this morning, his phone is switched off.
hi: {at} मेरे पिता (70) को भूलने की बीमारी है, दोपहर को घर से निकले और वापस नहीं आए।
hi: {at} आज सुबह डांट पड़ने के बाद मेरा 15 साल का बेटा घर से चला गया, फोन बंद है।
hg: {at} papa (70 saal) ko bhoolne ki bimari hai, dopahar ko ghar se nikle aur wapas nahi aaye
hg: {at} aaj subah daant padne ke baad mera 15 saal ka beta ghar se chala gaya, phone band hai

@complaint missing_person mid_term
en: My brother went to Surat for work from {at} and we have had no call from him for 12 days.
en: My married sister {at} has not been seen for five days, her in-laws say she ran away. We do not believe them.
hi: {at} से मेरा भाई काम के लिए सूरत गया था, 12 दिन से कोई फोन नहीं आया।
hi: {at} मेरी शादीशुदा बहन पांच दिन से दिखाई नहीं दी, ससुराल वाले कहते हैं भाग गई, हमें भरोसा नहीं।
hg: {at} se bhai kaam ke liye Surat gaya tha, 12 din se koi call nahi aaya
hg: {at} meri shaadishuda behen 5 din se nahi dikhi, sasural wale bolte hain bhaag gayi, hume yakeen nahi

@complaint fraud_cheating mid_term
en: A travel agent {at} took {amt} for a Dubai work visa, the visa he gave us is fake.
hi: {at} एक ट्रैवल एजेंट ने दुबई के वर्क वीजा के लिए {amt} लिए, जो वीजा दिया वह नकली निकला।
hg: {at} ek travel agent ne Dubai ke work visa ke {amt} liye, jo visa diya wo nakli nikla
en: A jeweller {at} sold my mother gold bangles that turned out to be brass.
en: A man took {amt} from my father {at} to get me a railway job and has stopped picking up the phone.
hi: {at} सुनार ने मेरी मां को सोने के कंगन बताकर पीतल के कंगन बेच दिए।
hi: {at} रेलवे में नौकरी दिलाने के नाम पर एक आदमी ने पिताजी से {amt} लिए, अब फोन नहीं उठाता।
hg: {at} sunaar ne mummy ko sone ke kangan bol ke peetal ke kangan bech diye
hg: {at} railway me naukri ke naam pe ek aadmi ne papa se {amt} liye, ab phone nahi uthata

@complaint cyber_fraud mid_term
en: A caller said a parcel in my name had drugs and the customs would arrest me, I paid {amt} on a video call.
hi: फोन करने वाले ने कहा मेरे नाम के पार्सल में ड्रग्स हैं, कस्टम गिरफ्तार करेगा, डर से वीडियो कॉल पर {amt} दे दिए।
hg: call aaya ki mere naam ke parcel me drugs hain, customs arrest karega, darr ke video call pe {amt} de diye
en: A buyer claiming to be an army man sent a payment link for my sofa on OLX and took {amt} instead.
hi: ओएलएक्स पर सोफा खरीदने वाला खुद को फौजी बता रहा था, भुगतान लिंक भेजकर {amt} निकाल लिए।
hg: OLX pe sofa lene wala khud ko fauji bata raha tha, payment link bhej ke {amt} nikaal liye

@complaint public_nuisance long_term
en: Boys sit with hookahs and bottles in the park {at} every evening, families have stopped going there.
en: A dairy {at} plays film songs on a loudspeaker from 4 am daily, the whole lane wakes up.
hi: {at} पार्क में हर शाम लड़के हुक्का और बोतल लेकर बैठते हैं, परिवारों ने जाना छोड़ दिया।
hi: {at} एक डेयरी वाला रोज सुबह चार बजे से लाउडस्पीकर पर गाने बजाता है, पूरी गली जाग जाती है।
hg: {at} park me roz shaam ladke hookah aur bottle leke baithte hain, family wale jaana chhod diye
hg: {at} ek dairy wala roz subah 4 baje se loudspeaker pe gaane bajata hai, poori gali jaag jaati hai

@follow_up missing_person immediate
en: Reminder: my daughter (9) missing since this morning {at}, nobody from the thana has come yet.
hi: फिर से लिख रहा हूं, सुबह से लापता मेरी 9 साल की बेटी का अभी तक पता नहीं, {at} थाने से कोई नहीं आया।
hg: dobara likh raha hu, subah se gayab meri 9 saal ki beti ka abhi tak pata nahi, {at} thane se koi nahi aaya

@follow_up missing_person mid_term
en: My mother (62) went to the hospital {at} on Monday and is still not traced, the thana keeps saying wait. Complaint {code}.
hi: मेरी मां (62) सोमवार को {at} अस्पताल गई थीं, अब तक पता नहीं चला, थाने वाले बस इंतजार करने को कहते हैं। शिकायत {code}।
hg: mummy (62) monday ko {at} hospital gayi thi, ab tak pata nahi chala, thane wale bas wait karne bolte hain. complaint {code}

@follow_up assault_threat mid_term
en: Complaint {code}: the men who attacked my brother {at} are roaming free and threatening us again.
hi: शिकायत {code}: {at} मेरे भाई पर हमला करने वाले खुलेआम घूम रहे हैं और फिर धमका रहे हैं।
hg: complaint {code}: {at} bhai pe hamla karne wale khule ghoom rahe hain aur fir dhamka rahe hain

@follow_up fraud_cheating mid_term
en: Third reminder about the job agent {at} who took {amt} from us. He is still running his office.
hi: तीसरी बार याद दिला रहा हूं, {at} नौकरी के नाम पर {amt} लेने वाला एजेंट अब भी दफ्तर चला रहा है।
hg: teesri baar yaad dila raha hu, {at} naukri ke naam pe {amt} lene wala agent abhi bhi office chala raha hai
`
