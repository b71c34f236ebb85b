package main

// typeScenarios covers situations where the words of one type surround
// the subject of another: police misconduct around a theft, a challan or a
// dowry case; violence against women; online fraud that sounds like a
// threat; and emergencies that have no type of their own.
const typeScenarios = `
@complaint police_conduct mid_term
en: Police traced my stolen phone but the SI {at} refuses to hand it over unless I pay 'kharcha-pani' of {amt}.
en: A traffic constable {at} pulled the key out of my scooter and asked for {amt}, no challan, nothing in writing.
en: The IO of my dowry case {at} is sharing my statement with my in-laws and asks me to settle.
en: When I went to report that my neighbour hit me, the duty officer {at} laughed and told me to sort it out outside.
en: My cousin was picked up in a theft case {at} and beaten in custody, he has bruises all over. No one will tell us the charge.
en: The beat constable {at} collects money every week from the man who sells illegal liquor. That's why it never stops.
en: The chowki in-charge {at} is siding with the land mafia and telling us to vacate our own plot.
en: My FIR for the online fraud {at} was written with a smaller amount than I lost, and the munshi refused to correct it.
hi: पुलिस ने मेरा चोरी हुआ फोन बरामद कर लिया पर {at} दरोगा जी {amt} खर्चा-पानी लिए बिना लौटा नहीं रहे।
hi: {at} एक ट्रैफिक सिपाही ने मेरी स्कूटी की चाबी निकाल ली और {amt} मांगे, न चालान न रसीद।
hi: मेरे दहेज के मुकदमे के विवेचक {at} मेरे बयान ससुराल वालों को बता देते हैं और समझौते का दबाव डालते हैं।
hi: पड़ोसी की मारपीट की रिपोर्ट लिखाने गया तो {at} ड्यूटी पर बैठे दरोगा हंसकर बोले आपस में निपट लो।
hi: चोरी के मामले में {at} पुलिस मेरे भाई को उठा ले गई और हिरासत में पीटा, पूरे शरीर पर चोट के निशान हैं।
hi: {at} बीट सिपाही अवैध शराब बेचने वाले से हर हफ्ते पैसे लेता है, इसीलिए धंधा कभी बंद नहीं होता।
hi: {at} चौकी प्रभारी भू-माफिया का साथ दे रहे हैं और हमें अपना ही प्लॉट खाली करने को कह रहे हैं।
hg: police ne mera chori hua phone dhoondh liya par {at} daroga ji {amt} kharcha pani ke bina wapas nahi de rahe
hg: {at} traffic wale sipahi ne scooty ki chaabi nikaal li aur {amt} maange, na challan na receipt
hg: mere dahej wale case ke IO {at} mera bayan sasural walo ko bata dete hain, samjhauta karne bolte hain
hg: padosi ne maara uski report likhwane gaya to {at} daroga ji hans ke bole aapas me nipat lo
hg: chori ke case me {at} police bhai ko utha le gayi aur hawalat me maara, poore badan pe nishaan hain
hg: {at} beat sipahi daaru bechne wale se har hafte paise leta hai, isliye dhandha band hi nahi hota
hg: {at} chowki incharge bhu mafia ka saath de rahe hain, hume apna hi plot khali karne bol rahe

@complaint police_conduct immediate
en: I called about a fight {at} three hours ago, the thana landline isn't being picked up and nobody came. It's still going on.
hi: तीन घंटे पहले {at} झगड़े की सूचना दी थी, थाने का फोन कोई नहीं उठा रहा, अब तक कोई नहीं आया।
hg: 3 ghante pehle {at} jhagde ki khabar di thi, thane ka phone koi nahi utha raha, koi nahi aaya abhi tak

@complaint women_safety immediate
en: My brother-in-law has beaten my sister with a belt and locked her in a room {at}. She just managed to message me. Please go now.
en: My ex-husband is outside my office {at} shouting that he will take our child and hurt me. I am scared to step out.
en: A man has climbed the wall of the girls' hostel {at} and threatened the guard with a knife. The girls are terrified.
hi: जीजा ने मेरी बहन को बेल्ट से पीटा और {at} कमरे में बंद कर दिया है, उसने किसी तरह मैसेज किया। तुरंत पहुंचिए।
hi: मेरा पूर्व पति {at} मेरे दफ्तर के बाहर चिल्ला रहा है कि बच्चे को ले जाएगा और मुझे नुकसान पहुंचाएगा।
hi: {at} गर्ल्स हॉस्टल की दीवार पर एक आदमी चढ़ आया और चौकीदार को चाकू दिखाकर धमकाया, लड़कियां डरी हुई हैं।
hg: jija ne behen ko belt se maara aur {at} kamre me band kar diya, kisi tarah msg kiya usne. turant jao please
hg: ex husband {at} mere office ke bahar chilla raha hai ki bacha le jayega aur mujhe nuksaan pahunchayega
hg: {at} girls hostel ki deewar pe ek aadmi chadh aaya, guard ko chaku dikha ke dhamkaya. ladkiyan dari hui hain

@complaint women_safety mid_term
en: A man threw a stone at my daughter {at} because she refused to talk to him. He keeps waiting near her coaching.
en: A man is pressuring my cousin to marry him, threatening to kill himself and her if she says no.
hi: {at} बात करने से मना करने पर एक युवक ने मेरी बेटी पर पत्थर फेंका, वह कोचिंग के पास रोज खड़ा रहता है।
hi: एक आदमी मेरी चचेरी बहन पर शादी का दबाव बना रहा है, मना करने पर उसे और खुद को मारने की धमकी देता है।
hg: {at} baat karne se mana kiya to ek ladke ne meri beti pe patthar phenka, coaching ke paas roz khada rehta hai
hg: ek aadmi meri cousin pe shaadi ka dabav bana raha hai, mana kare to use aur khud ko maarne ki dhamki deta hai

@complaint cyber_fraud mid_term
en: A caller posing as a CBI officer said I am under 'digital arrest' and threatened me with jail, I transferred {amt} out of fear.
en: A friend from an online game is threatening to leak our private chats unless I pay him {amt}.
en: I searched for customer care on Google, called the number, they made me install a remote app and emptied my account of {amt}.
en: My email was hacked and the hacker threatens to delete all my business files unless I pay in crypto.
hi: सीबीआई अधिकारी बनकर किसी ने फोन किया, 'डिजिटल अरेस्ट' बताकर जेल की धमकी दी, डर के मारे मैंने {amt} भेज दिए।
hi: ऑनलाइन गेम का एक दोस्त निजी चैट लीक करने की धमकी देकर {amt} मांग रहा है।
hi: गूगल पर कस्टमर केयर नंबर खोजा, उन्होंने एक ऐप डलवाया और खाते से {amt} निकाल लिए।
hg: CBI officer banke kisi ne call kiya, 'digital arrest' bol ke jail ki dhamki di, darr ke maine {amt} bhej diye
hg: online game wala ek dost private chat leak karne ki dhamki deke {amt} maang raha hai
hg: google pe customer care number dhoonda, unhone ek app dalwaya aur account se {amt} nikaal liye

@complaint assault_threat immediate
en: Men on a bike just fired in the air outside our house {at} and shouted that they'll be back. We are hiding inside.
hi: {at} अभी बाइक सवार हमारे घर के बाहर हवाई फायर करके गए और कह गए फिर आएंगे, हम अंदर छिपे हैं।
hg: {at} abhi bike wale ghar ke bahar hawai fire karke gaye aur bole fir aayenge, hum andar chhupe hain

@complaint assault_threat mid_term
en: Our neighbours attacked us with sticks over the shared water tap {at}, my mother's arm is broken. They are still threatening us.
en: Customers stabbed the salesman of the liquor shop {at} in an argument over change. He is in hospital, the attackers are local boys.
hi: {at} साझा नल को लेकर पड़ोसियों ने हम पर लाठियों से हमला किया, मां का हाथ टूट गया, अब भी धमका रहे हैं।
hg: {at} nal ke jhagde me padosiyon ne lathi se hamla kiya, mummy ka haath toot gaya, ab bhi dhamka rahe hain

@complaint other immediate
en: Fire in a godown {at}, two workers are trapped inside. Fire brigade called, police needed to control the crowd.
en: A man is threatening to set himself on fire outside the collectorate {at}, he has a can of petrol.
en: A boat has capsized in the river {at}, at least 6 people are missing. Please send divers and police.
en: Someone is doing a live video saying he will end his life tonight, he is from {at}. Please trace him.
hi: {at} एक गोदाम में आग लगी है, दो मजदूर अंदर फंसे हैं। भीड़ संभालने के लिए पुलिस चाहिए।
hi: {at} कलेक्ट्रेट के बाहर एक व्यक्ति पेट्रोल लेकर आत्मदाह की धमकी दे रहा है।
hi: {at} नदी में नाव पलट गई है, कम से कम छह लोग लापता हैं। गोताखोर और पुलिस भेजें।
hg: {at} godown me aag lagi hai, 2 mazdoor andar phase hain. bheed sambhalne ke liye police chahiye
hg: {at} collectorate ke bahar ek aadmi petrol leke khud ko aag lagane ki dhamki de raha hai
hg: {at} nadi me naav palat gayi, 6 log lapata hain. gotakhor aur police bhejo

@complaint other long_term
en: Please install more CCTV cameras at the ghats {at} before the festival, the crowd is huge every year.
en: Suggestion: a police help booth at the district hospital gate {at}, fights with attendants happen often.
hi: त्योहार से पहले {at} घाटों पर और सीसीटीवी कैमरे लगवाए जाएं, हर साल भारी भीड़ होती है।
hi: सुझाव: {at} जिला अस्पताल के गेट पर पुलिस सहायता बूथ बनाया जाए।
hg: tyohaar se pehle {at} ghaaton pe aur CCTV lagwao, har saal bahut bheed hoti hai
hg: suggestion: {at} district hospital ke gate pe police help booth banao

@complaint fraud_cheating mid_term
en: A fake tantrik {at} took my aunt's jewellery saying he would 'double' it with a ritual, and disappeared.
en: A car dealer {at} sold me a car with a tampered meter and a fake service record, he now refuses to refund.
en: A man took {amt} promising my son's admission to a medical college through 'management quota'. No admission, no refund.
hi: {at} एक ढोंगी तांत्रिक मौसी के गहने दोगुना करने के नाम पर लेकर गायब हो गया।
hi: {at} कार डीलर ने मीटर से छेड़छाड़ वाली कार बेच दी, अब पैसे लौटाने से मना कर रहा है।
hg: {at} ek dhongi tantrik mausi ke gehne double karne ke naam pe le ke gayab ho gaya
hg: {at} car dealer ne meter ghuma ke car bech di, fake service record, ab paisa wapas nahi kar raha
hg: ek aadmi ne bete ke medical college admission ke naam pe {amt} le liye, na admission na paisa

@complaint missing_person immediate
en: Three girls from the shelter home {at} have been missing since last night. The staff noticed only this morning.
en: An 11 year old boy with special needs wandered off at the fair {at}, blue shirt, doesn't speak. Please announce and search.
hi: {at} बालिका गृह से तीन लड़कियां कल रात से लापता हैं, सुबह पता चला।
hi: {at} मेले में 11 साल का एक मूक बच्चा बिछड़ गया है, नीली शर्ट पहने है। कृपया तलाश कराएं।
hg: {at} shelter home se 3 ladkiyan kal raat se gayab hain, subah pata chala
hg: {at} mele me 11 saal ka ek bacha kho gaya hai, bol nahi pata, neeli shirt. please dhoondho

@complaint public_nuisance long_term
en: An illegal hookah bar runs near the college {at} till late night, students are getting hooked.
en: Dogfights with betting are organised every Sunday in the dry riverbed {at}.
hi: {at} कॉलेज के पास देर रात तक अवैध हुक्का बार चलता है, छात्र लत में पड़ रहे हैं।
hg: {at} college ke paas raat tak illegal hookah bar chalta hai, students aadi ho rahe hain

@complaint traffic long_term
en: Overloaded sand tractors without number plates race through our village {at} every night.
hi: {at} रोज रात बिना नंबर प्लेट के ओवरलोड बालू भरे ट्रैक्टर गांव से तेज रफ्तार में निकलते हैं।
hg: {at} roz raat bina number plate ke overload balu wale tractor gaon se tez nikalte hain
`
