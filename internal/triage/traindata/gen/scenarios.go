package main

// scenarioBank holds hand-written situations. A block starts with
// "@intent type urgency" ("-" for none) and has one or more lines per
// language: en (English), hi (Devanagari Hindi), hg (Hinglish). Slots in
// braces are filled at random: {at} where the incident is, {veh} a vehicle,
// {amt} an amount, {rel} a relative, {num} a registration number, {code} a
// complaint reference, {days} a number of days, {name} a person, {phone} a
// masked phone number, {item} a stolen thing.
const scenarioBank = `
@complaint theft mid_term
en: My {veh} ({num}) was stolen from outside my house {at} last night. Locked it at 11 pm, gone by morning.
en: someone stole my {veh} from the parking {at} yesterday evening, CCTV footage available. please register FIR
en: Two bike-borne men snatched my mother's gold chain {at} while she was returning from the temple this morning.
en: Burglary at our house {at} while we were away for a wedding. Locks broken, jewellery and {amt} cash missing.
hi: {at} कल रात घर के बाहर खड़ी मेरी {veh} ({num}) चोरी हो गई। सुबह देखा तो गायब थी।
hi: {at} बाइक सवार दो युवकों ने मेरी मां की सोने की चेन झपट ली और भाग गए। कृपया कार्रवाई करें।
hi: हम शादी में गए थे, पीछे से {at} हमारे घर का ताला तोड़कर चोरों ने गहने और {amt} नकद चुरा लिए।
hi: {at} बाजार में भीड़ का फायदा उठाकर किसी ने मेरा मोबाइल निकाल लिया, IMEI नंबर मेरे पास है।
hg: kal raat {at} ghar ke bahar se meri {veh} {num} chori ho gayi, subah dekha to gayab thi. FIR karwani hai
hg: {at} market me kisi ne meri jeb se mobile nikal liya, IMEI number hai mere paas. plz help
hg: hum shaadi me gaye the aur {at} hamare ghar ka tala tod ke chor gehne aur {amt} cash le gaye
hg: {at} do ladko ne bike pe aake meri mummy ki chain chheen li subah mandir se lautte waqt

@complaint theft immediate
en: Thieves are inside my neighbour's house {at} right now, we can hear them breaking things. Family is out of town. Send PRV fast!
en: A man just snatched a woman's purse {at} and is running towards the main road, he is still in sight. Please send police now
hi: {at} अभी-अभी पड़ोसी के घर में चोर घुसे हैं, अंदर से आवाजें आ रही हैं, घर वाले बाहर गए हैं। तुरंत पुलिस भेजें!
hi: {at} अभी एक लड़का महिला का पर्स छीनकर भागा है, मेन रोड की तरफ गया है। जल्दी टीम भेजिए
hg: bhai abhi {at} padosi ke ghar me chor ghuse hue hai, awaaz aa rahi hai andar se, ghar wale bahar gaye hain. jaldi PRV bhejo
hg: abhi abhi {at} ek ladka purse chheen ke bhaga hai main road ki taraf, pakda ja sakta hai jaldi aao

@complaint theft long_term
en: Bike thefts have become routine in our colony {at}, 6 bikes stolen in two months. Please increase night patrolling and fix the CCTV.
hi: {at} हमारी कॉलोनी में पिछले दो महीने में छह बाइक चोरी हो चुकी हैं। रात की गश्त बढ़ाई जाए।
hg: {at} hamari colony me har hafte koi na koi bike chori ho rahi hai, 2 mahine me 6 bike gayi. raat me patrolling badhaiye

@complaint cyber_fraud mid_term
en: I got a call from someone posing as a bank officer, he asked for an OTP and {amt} was debited from my account. Please help me get it back.
en: Lost {amt} to a fake UPI request from a buyer on OLX. He sent a QR code saying I'll receive money, money went out instead.
en: Someone made a fake Instagram profile with my sister's photos and is messaging her friends for money. Reported to Instagram, nothing happened.
en: I am being blackmailed after a video call, the caller recorded it and is demanding {amt} or he will send it to my contacts.
hi: बैंक अधिकारी बनकर एक व्यक्ति ने फोन किया, ओटीपी पूछा और मेरे खाते से {amt} निकल गए। कृपया मदद करें, 1930 पर भी शिकायत की है।
hi: किसी ने मेरी बहन की फोटो लगाकर फर्जी फेसबुक आईडी बनाई है और उसके दोस्तों से पैसे मांग रहा है।
hi: यूपीआई पर एक अनजान लिंक खोलते ही मेरे खाते से {amt} कट गए। साइबर सेल से निवेदन है कार्रवाई करें।
hi: वीडियो कॉल के बाद मुझे ब्लैकमेल किया जा रहा है, {amt} मांग रहा है वरना वीडियो वायरल करने की धमकी दे रहा है।
hg: ek banda bank wala banke call kiya, OTP maanga aur account se {amt} kat gaye. 1930 pe complaint ki hai, help karo
hg: OLX pe ek buyer ne QR code bheja bola paise milenge, scan kiya to mere hi {amt} chale gaye. fraud hai ye
hg: meri behen ki photo laga ke kisi ne fake insta id bana di hai, sabse paise maang raha hai. report kiya kuch nahi hua
hg: video call ke baad koi blackmail kar raha hai, {amt} maang raha hai nahi to video viral kar dega bol raha hai
hg: part time job ke naam pe telegram pe task diye, pehle thode paise diye fir {amt} dalwa liye. ab group se nikal diya

@complaint cyber_fraud immediate
en: Money is being debited from my account right now, 3 transactions in 10 minutes, I didn't share any OTP. Please block it urgently!
hi: मेरे खाते से अभी लगातार पैसे कट रहे हैं, 10 मिनट में तीन ट्रांजैक्शन हुए, मैंने कोई ओटीपी नहीं दिया। तुरंत रोकिए!
hg: abhi mere account se lagatar paise kat rahe hain, 10 min me 3 transaction, maine koi OTP nahi diya. turant block karwao please

@complaint cyber_fraud long_term
en: Fake loan apps are harassing people in our area with morphed photos. Please run an awareness drive and take down these apps.
hi: फर्जी लोन ऐप वाले लोगों की फोटो एडिट करके परेशान कर रहे हैं। ऐसे ऐप्स पर स्थायी रोक और जागरूकता अभियान चलाया जाए।
hg: fake loan app wale logo ki photo edit karke pareshan karte hain, in apps ko band karwao aur jagrukta abhiyan chalao

@complaint women_safety immediate
en: A drunk man is following my sister {at} right now and passing lewd comments, she is scared. Please send someone immediately.
en: My neighbour is beating his wife badly right now, she is screaming for help {at}. Please send police fast.
en: Some boys are harassing girls outside the coaching centre {at} at this moment, one of them grabbed a girl's dupatta. Urgent!
hi: {at} अभी एक शराबी मेरी बहन का पीछा कर रहा है और गंदे कमेंट कर रहा है, वह बहुत डरी हुई है। तुरंत किसी को भेजें।
hi: पड़ोस में पति अपनी पत्नी को बुरी तरह पीट रहा है, वह चिल्ला रही है, {at}। जल्दी पुलिस भेजिए।
hi: {at} कोचिंग के बाहर कुछ लड़के अभी लड़कियों को छेड़ रहे हैं, एक ने दुपट्टा खींचा। कृपया तुरंत पहुंचें।
hg: abhi {at} ek sharabi meri behen ka peecha kar raha hai aur gande comment kar raha hai, wo bahut dari hui hai. jaldi kisi ko bhejo
hg: padosi apni wife ko bahut buri tarah maar raha hai abhi, wo chilla rahi hai {at}. police bhejo jaldi
hg: coaching ke bahar {at} kuch ladke abhi ladkiyon ko ched rahe hain, ek ne dupatta kheecha. urgent hai

@complaint women_safety mid_term
en: A boy from our locality {at} has been stalking my daughter on her way to college for a month and now calls her from different numbers.
en: My sister's in-laws {at} are demanding {amt} more as dowry and beat her last week. We want an FIR against them.
en: A man in the bus stand area {at} flashed at girls yesterday evening. He is seen there every day, please identify him.
hi: {at} मोहल्ले का एक लड़का एक महीने से कॉलेज जाते समय मेरी बेटी का पीछा करता है और अलग-अलग नंबरों से फोन करता है।
hi: मेरी बहन के ससुराल वाले {at} दहेज में {amt} और मांग रहे हैं, पिछले हफ्ते उसे मारा भी। एफआईआर दर्ज की जाए।
hi: शादी के बाद से पति और सास मुझे दहेज के लिए प्रताड़ित करते हैं, कल मुझे घर से निकाल दिया। {at} थाने में सुनवाई नहीं हुई।
hg: {at} mohalle ka ek ladka 1 mahine se meri beti ka college jaate waqt peecha karta hai, alag alag number se call karta hai
hg: behen ke sasural wale {at} dahej me {amt} aur maang rahe hain, pichle hafte maara bhi. FIR chahiye
hg: shaadi ke baad se pati aur saas dahej ke liye tang karte hain, kal ghar se nikal diya mujhe. please madad kijiye

@complaint women_safety long_term
en: The lane behind the girls' inter college {at} has no lights and boys gather there every evening. Please post a pink patrol there regularly.
hi: {at} कन्या इंटर कॉलेज के पीछे वाली गली में रोज शाम लड़के जमा होते हैं, लाइट भी नहीं है। वहां नियमित पिंक पेट्रोलिंग लगाई जाए।
hg: girls college ke peeche wali gali me {at} roz shaam ko ladke khade rehte hain, light bhi nahi hai. wahan pink booth lagwao

@complaint assault_threat immediate
en: Firing going on in our village {at} over a land dispute, two people injured. Please send force immediately!!
en: A big fight has broken out {at}, people are throwing stones and there are lathis. Someone will get killed, send police now.
en: A gang of 5-6 men with sticks is attacking my brother outside our shop {at} right now. Please help!
hi: {at} गांव में जमीन के विवाद को लेकर फायरिंग हो रही है, दो लोग घायल हैं। तुरंत फोर्स भेजें!!
hi: {at} अभी जमकर मारपीट हो रही है, ईंट-पत्थर चल रहे हैं, लाठी-डंडे निकल आए हैं। कोई मर जाएगा, पुलिस भेजो।
hi: दुकान के बाहर {at} पांच-छह लोग लाठी लेकर मेरे भाई को पीट रहे हैं, अभी। बचाइए!
hg: {at} gaon me zameen ke jhagde me goli chal rahi hai, 2 log ghayal hain. turant force bhejo!!
hg: {at} abhi bahut maarpeet ho rahi hai, eent patthar chal rahe hain, lathi danda nikal aaye. koi mar jayega police bhejo
hg: dukaan ke bahar {at} 5-6 log lathi leke mere bhai ko maar rahe hain abhi. bachao please

@complaint assault_threat mid_term
en: The local goon {name} {at} threatened to kill me yesterday for refusing to pay him {amt}. I have the call recording.
en: My father was beaten up by neighbours {at} over parking two days ago. Medical done, but they keep threatening us.
en: I am getting extortion calls from an unknown number demanding {amt}, the caller says he knows where my kids study.
hi: {at} के दबंग {name} ने कल {amt} न देने पर मुझे जान से मारने की धमकी दी। कॉल रिकॉर्डिंग मेरे पास है।
hi: दो दिन पहले पार्किंग को लेकर {at} पड़ोसियों ने मेरे पिता को पीटा, मेडिकल हो चुका है पर अब भी धमका रहे हैं।
hi: एक अनजान नंबर से रंगदारी की कॉल आ रही है, {amt} मांग रहा है और कहता है बच्चों का स्कूल पता है।
hg: {at} ke dabang {name} ne kal {amt} na dene pe jaan se maarne ki dhamki di, call recording hai mere paas
hg: 2 din pehle parking ko leke {at} padosiyon ne papa ko peet diya, medical ho gaya par ab bhi dhamka rahe hain
hg: unknown number se rangdari ki call aa rahi hai, {amt} maang raha hai bolta hai bacho ka school pata hai

@complaint assault_threat long_term
en: Every weekend there are fights outside the liquor vend {at} and locals are scared to pass. Please set up a permanent picket.
hi: {at} शराब के ठेके के बाहर हर हफ्ते झगड़े होते हैं, लोग वहां से गुजरने में डरते हैं। स्थायी पिकेट लगाई जाए।
hg: theke ke bahar {at} har weekend jhagda hota hai, log wahan se nikalne me darte hain. permanent picket lagao

@complaint missing_person immediate
en: My 9 year old son went out to play {at} at 4 pm and hasn't come back, it's dark now. We searched everywhere. Please help!
en: My {rel} (72, dementia) left home this morning {at} and is missing. He can't remember his address. Wearing a white kurta.
en: A 14 year old girl from our street {at} has been missing since school time today, family fears she was taken away.
hi: मेरा 9 साल का बेटा शाम 4 बजे {at} खेलने गया था, अब तक नहीं लौटा, अंधेरा हो गया। सब जगह ढूंढ लिया। मदद करें!
hi: मेरे {rel} (72 वर्ष, याददाश्त कमजोर) आज सुबह {at} घर से निकले और लापता हैं। सफेद कुर्ता पहने हैं।
hi: {at} हमारी गली की 14 साल की बच्ची आज स्कूल के बाद से लापता है, परिवार को अपहरण का शक है।
hg: mera 9 saal ka beta 4 baje {at} khelne gaya tha abhi tak nahi aaya, andhera ho gaya. sab jagah dhoond liya help karo
hg: {rel} (72 saal, bhoolne ki bimari) aaj subah {at} ghar se nikle aur lapata hain. safed kurta pehne hain
hg: {at} hamari gali ki 14 saal ki ladki aaj school ke baad se gayab hai, ghar walo ko shak hai koi utha le gaya

@complaint missing_person mid_term
en: My {rel} (34) has been missing for 5 days {at}. Missing report filed at the thana, but no search has started. Phone switched off.
hi: मेरे {rel} (34 वर्ष) पांच दिन से {at} लापता हैं। थाने में गुमशुदगी दर्ज है पर अब तक कोई खोजबीन नहीं हुई।
hg: mere {rel} (34 saal) 5 din se {at} lapata hain, thane me gumshudgi likhwa di par koi dhoondh nahi rahi police

@complaint land_dispute mid_term
en: Some people are trying to forcibly occupy our ancestral plot {at}, they have started building a wall. We have the registry papers.
en: My tenant {at} refuses to vacate and has changed the locks of my house. He is threatening me when I ask for rent.
en: The land mafia {name} has grabbed my father's field {at} using fake papers and threatens us when we go there.
hi: {at} हमारी पुश्तैनी जमीन पर कुछ दबंग जबरन कब्जा कर रहे हैं, दीवार खड़ी कर दी है। रजिस्ट्री के कागज हमारे पास हैं।
hi: किरायेदार {at} मकान खाली नहीं कर रहा, ताले बदल दिए हैं और किराया मांगने पर धमकी देता है।
hi: भू-माफिया {name} ने फर्जी कागजों से {at} मेरे पिता के खेत पर कब्जा कर लिया है और जाने पर धमकाता है।
hg: {at} hamari khandani zameen pe kuch dabang kabza kar rahe hain, deewar bana di hai. registry ke papers hamare paas hain
hg: kirayedar {at} makaan khaali nahi kar raha, tala badal diya aur kiraya maango to dhamki deta hai
hg: bhu mafia {name} ne fake kagaz se {at} papa ke khet pe kabza kar liya, wahan jao to dhamkata hai

@complaint land_dispute immediate
en: Right now a JCB is demolishing the boundary of our plot {at} and 20 men with lathis are standing there. Please stop them now!
hi: अभी {at} हमारे प्लॉट की बाउंड्री जेसीबी से गिराई जा रही है, 20 लोग लाठी लेकर खड़े हैं। तुरंत रोकिए!
hg: abhi {at} hamare plot ki boundary JCB se gira rahe hain, 20 log lathi leke khade hain. turant roko please

@complaint land_dispute long_term
en: The public park {at} has been encroached by a few people for years, they built rooms on it. Please get it freed.
hi: {at} सार्वजनिक पार्क पर सालों से कुछ लोगों ने अवैध कब्जा कर कमरे बना लिए हैं। इसे मुक्त कराया जाए।
hg: {at} public park pe saalo se kuch logo ne kabza karke kamre bana liye hain, isko khali karwaiye

@complaint traffic immediate
en: Major accident {at}, a truck hit two bikers, both bleeding on the road. Ambulance and police needed immediately!
en: A car is being driven dangerously on the highway {at}, nearly hit 3 people, driver looks drunk. Heading towards the city now.
hi: {at} बड़ा हादसा, ट्रक ने दो बाइक सवारों को टक्कर मार दी, दोनों सड़क पर घायल पड़े हैं। एम्बुलेंस और पुलिस तुरंत भेजें!
hi: {at} हाईवे पर एक कार वाला नशे में अंधाधुंध गाड़ी चला रहा है, तीन लोगों को टक्कर मारते-मारते बचा। अभी शहर की तरफ जा रहा है।
hg: {at} bada accident hua hai, truck ne 2 bike walo ko takkar maari, dono sadak pe ghayal pade hain. ambulance aur police jaldi bhejo
hg: highway pe {at} ek car wala nashe me gaadi bhaga raha hai, 3 logo ko lagbhag thok diya. abhi city ki taraf ja raha hai

@complaint traffic long_term
en: The crossing {at} is jammed every evening from 5 to 8 because of e-rickshaws and no traffic police. Please deploy staff daily.
en: Illegal parking on both sides of the road {at} makes it impossible for ambulances to pass. This has been going on for months.
en: Heavy trucks enter the city {at} during no-entry hours every day. Please enforce the no-entry timing.
hi: {at} चौराहे पर रोज शाम 5 से 8 बजे तक ई-रिक्शा की वजह से भयंकर जाम लगता है, ट्रैफिक पुलिस नहीं रहती।
hi: {at} सड़क के दोनों तरफ अवैध पार्किंग से एम्बुलेंस तक नहीं निकल पाती। महीनों से यही हाल है।
hi: नो एंट्री के समय में भी {at} रोज भारी ट्रक शहर में घुसते हैं। नो एंट्री का पालन कराया जाए।
hg: {at} chauraha pe roz shaam 5 se 8 tak e-rickshaw ki wajah se jam lagta hai, traffic police hoti hi nahi
hg: {at} road ke dono taraf illegal parking, ambulance tak nahi nikal pati. mahino se yahi haal hai
hg: no entry me bhi {at} roz heavy truck ghus jate hain sheher me, no entry follow karwao

@complaint traffic mid_term
en: A car hit my parked scooty {at} yesterday and the driver fled. I have his number plate {num} from the CCTV.
hi: कल {at} एक कार ने मेरी खड़ी स्कूटी में टक्कर मार दी और ड्राइवर भाग गया। सीसीटीवी में नंबर {num} दिख रहा है।
hg: kal {at} ek car ne meri khadi scooty thok di aur driver bhaag gaya, CCTV me number {num} dikh raha hai

@complaint public_nuisance long_term
en: An illegal liquor shop runs every night behind the school {at}, drunk men create trouble for families. Please shut it down.
en: Gambling goes on openly in the park {at} every afternoon, youngsters are getting addicted. Local beat staff ignore it.
en: Smack and ganja are being sold openly near the railway crossing {at}. Young boys of our area are getting addicted.
hi: {at} स्कूल के पीछे हर रात अवैध शराब बिकती है, नशेड़ी परिवारों को परेशान करते हैं। इसे बंद कराया जाए।
hi: {at} पार्क में रोज दोपहर खुलेआम जुआ होता है, बच्चे इसकी लत में पड़ रहे हैं। बीट सिपाही ध्यान नहीं देते।
hi: {at} रेलवे क्रॉसिंग के पास खुलेआम स्मैक और गांजा बिक रहा है, मोहल्ले के लड़के नशे के आदी हो रहे हैं।
hg: {at} school ke peeche roz raat kachi sharab bikti hai, nashedi log families ko pareshan karte hain. band karwao
hg: {at} park me roz dopahar khule aam jua chalta hai, bache bigad rahe hain. beat wale dhyan hi nahi dete
hg: railway crossing ke paas {at} smack aur ganja khule aam bik raha hai, mohalle ke ladke nashe me pad gaye

@complaint public_nuisance mid_term
en: The DJ at the marriage lawn {at} plays till 2 am every night of the season, my mother is a heart patient. Complained twice already.
hi: {at} मैरिज लॉन में रात 2 बजे तक तेज डीजे बजता है, मेरी मां हृदय रोगी हैं। दो बार शिकायत कर चुके हैं।
hg: {at} marriage lawn me raat 2 baje tak DJ bajta hai full volume, mummy heart patient hain. 2 baar bol chuke
hg: padosi roz raat chhat pe daaru party karte hain {at}, gaali galoch aur shor, mana karo to ladne aate hain

@complaint public_nuisance immediate
en: Loud DJ and drunk men fighting on the road outside my house {at} right now, it's 1 am. Please send the patrol car.
hi: अभी रात 1 बजे {at} घर के बाहर शराबी तेज डीजे बजाकर सड़क पर हंगामा कर रहे हैं। पुलिस गाड़ी भेजिए।
hg: abhi raat ke 1 baje {at} ghar ke bahar sharabi DJ bajake sadak pe hungama kar rahe hain, gaadi bhejo please

@complaint police_conduct mid_term
en: The SHO {at} refused to register my FIR for the theft of my phone and told me to come back next week. Is this how it works?
en: A constable at the checkpoint {at} demanded {amt} from me to let my truck pass. I refused and he tore my papers.
en: Went to the police station {at} to report my neighbour's threats, the munshi misbehaved and threw me out.
hi: {at} थाने के प्रभारी ने मेरी एफआईआर दर्ज करने से मना कर दिया और अगले हफ्ते आने को कहा। यह कैसा न्याय है?
hi: {at} चेकिंग पर एक सिपाही ने ट्रक छोड़ने के लिए {amt} रिश्वत मांगी, मना करने पर कागज फाड़ दिए।
hi: पड़ोसी की धमकी की शिकायत लेकर {at} थाने गया तो मुंशी ने बदतमीजी की और भगा दिया।
hg: {at} thane ke SHO ne FIR likhne se mana kar diya, bole agle hafte aana. ye kaisa system hai
hg: checking pe {at} ek sipahi ne truck chhodne ke {amt} maange, mana kiya to kagaz phaad diye
hg: shikayat leke {at} thane gaya to munshi ne badtameezi ki aur bhaga diya. koi sunne wala nahi

@complaint police_conduct immediate
en: Two policemen are beating a vegetable seller {at} right now for not paying them, a crowd has gathered. Please intervene.
hi: {at} अभी दो पुलिसकर्मी एक सब्जी वाले को पैसे न देने पर पीट रहे हैं, भीड़ जमा हो गई है। हस्तक्षेप करें।
hg: abhi {at} 2 police wale ek sabzi wale ko paise na dene pe peet rahe hain, bheed lag gayi hai. dekhiye

@complaint fraud_cheating mid_term
en: A man took {amt} from my brother promising a railway job and gave a fake appointment letter. Now he is not picking up.
en: The builder {at} took {amt} booking amount for a flat 3 years ago, no construction, no refund. He has cheated 40 families.
en: A chit fund company {at} collected money from our whole village and shut its office overnight.
hi: एक व्यक्ति ने रेलवे में नौकरी दिलाने के नाम पर मेरे भाई से {amt} लिए और फर्जी नियुक्ति पत्र दे दिया। अब फोन नहीं उठाता।
hi: {at} बिल्डर ने तीन साल पहले फ्लैट के नाम पर {amt} लिए, न निर्माण हुआ न पैसा लौटाया। 40 परिवार ठगे गए हैं।
hi: {at} एक चिटफंड कंपनी पूरे गांव से पैसा जमा कराकर रातों-रात दफ्तर बंद करके भाग गई।
hg: ek aadmi ne railway me naukri dilane ke naam pe bhai se {amt} le liye, fake joining letter de diya. ab phone nahi uthata
hg: {at} builder ne 3 saal pehle flat ke liye {amt} liye, na flat na paisa. 40 family phas gayi hain
hg: {at} ek company wale poore gaon se paisa jama karwa ke raato raat office band karke bhaag gaye
hg: dukaandar ne {at} purani gaadi bechi, kagaz kisi aur ke naam ke nikle. {amt} doob gaye hamare

@complaint fraud_cheating long_term
en: Fake job placement agencies are operating openly {at}, cheating unemployed youth every week. Please run a drive against them.
hi: {at} फर्जी प्लेसमेंट एजेंसियां खुलेआम चल रही हैं, हर हफ्ते बेरोजगार युवा ठगे जाते हैं। इन पर अभियान चलाएं।
hg: {at} fake placement agency khule aam chal rahi hain, har hafte berozgar ladke thage jaate hain. inpe action lo

@complaint other mid_term
en: Someone keeps throwing garbage and dead animals in front of my gate {at} at night to provoke us, it's deliberate. Please look into it.
hi: {at} कोई रात में जानबूझकर हमारे गेट के सामने मरे जानवर फेंक जाता है, माहौल खराब करने की कोशिश है।
hg: {at} koi raat me jaan boojh ke hamare gate ke saamne mare hue janwar phenk jata hai, mahaul kharab karne ki koshish

@complaint other long_term
en: Stray cattle are tied on the road {at} by a dairy owner every day, causing trouble. Please get it sorted with the owner.
hi: {at} एक डेयरी वाला रोज सड़क पर मवेशी बांध देता है, आने-जाने वालों को दिक्कत होती है। उसे समझाया जाए।
hg: {at} ek dairy wala roz sadak pe bhains baandh deta hai, aane jaane me dikkat hoti hai. samjhao usko

@query service_request long_term
en: How can I get my tenant's police verification done online? Which documents are needed and how long does it take?
en: I lost my Aadhaar card and driving licence in a tempo {at}. How do I file a lost report online for a duplicate?
en: What is the process to get a character certificate from the police for a government job? Applied 15 days ago {at}, no update.
en: Passport verification pending for 3 weeks {at}. Whom should I contact? Application number {code}.
en: We want to hold a religious procession {at} next month. Where do we apply for permission and how many days before?
en: Is there a helpline number for senior citizens living alone? My parents live {at} and I work abroad.
hi: किरायेदार का पुलिस सत्यापन ऑनलाइन कैसे कराएं? कौन से कागज लगेंगे और कितना समय लगेगा?
hi: {at} टेम्पो में मेरा आधार कार्ड और ड्राइविंग लाइसेंस खो गया। डुप्लीकेट के लिए ऑनलाइन गुमशुदगी रिपोर्ट कैसे दर्ज करें?
hi: सरकारी नौकरी के लिए चरित्र प्रमाण पत्र की क्या प्रक्रिया है? {at} से 15 दिन पहले आवेदन किया था।
hi: पासपोर्ट सत्यापन तीन हफ्ते से लंबित है {at}, किससे संपर्क करें? आवेदन संख्या {code}।
hi: अगले महीने {at} धार्मिक शोभायात्रा निकालनी है, अनुमति के लिए कहां और कितने दिन पहले आवेदन करें?
hg: tenant ka police verification online kaise karwayein? kaun se documents lagenge aur kitne din lagte hain?
hg: {at} tempo me mera aadhar card aur DL kho gaya, duplicate ke liye lost report online kaise darj karu?
hg: character certificate banwana hai govt job ke liye, {at} 15 din pehle apply kiya tha koi update nahi. kya karu
hg: passport verification 3 hafte se pending hai {at}, kisse baat karu? application no {code}
hg: agle mahine {at} shobhayatra nikalni hai, permission ke liye kahan apply karna hoga aur kitne din pehle?

@query service_request mid_term
en: I lost my phone {at} yesterday and need a police report for the SIM and insurance claim. Can I get it online today?
hi: कल {at} मेरा मोबाइल गुम हो गया, सिम और इंश्योरेंस के लिए पुलिस रिपोर्ट चाहिए। क्या ऑनलाइन मिल जाएगी?
hg: kal {at} mera phone gum ho gaya, SIM aur insurance ke liye police report chahiye. online mil jayegi kya?

@query cyber_fraud mid_term
en: I lost {amt} in an online fraud yesterday. Should I complain on 1930 or go to the cyber cell {at}? What details do they need?
hi: कल ऑनलाइन ठगी में {amt} चले गए। 1930 पर शिकायत करूं या {at} साइबर सेल जाऊं? क्या जानकारी चाहिए होगी?
hg: kal online fraud me {amt} chale gaye, 1930 pe complaint karu ya {at} cyber cell jaun? kya kya details chahiye?

@follow_up police_conduct mid_term
en: Complaint {code} filed {days} days ago. Still no action, no call from anyone. Is anyone reading these?
en: 3rd reminder. My complaint {code} is still pending, nobody from the thana has contacted me.
en: It's been {days} days since I reported this here. Zero response. Please check {code}.
hi: शिकायत संख्या {code} को {days} दिन हो गए, अब तक कोई कार्रवाई नहीं हुई, न कोई फोन आया।
hi: तीसरी बार याद दिला रहा हूं, मेरी शिकायत {code} अब भी लंबित है। थाने से किसी ने संपर्क नहीं किया।
hi: {days} दिन पहले यहीं शिकायत की थी, कोई जवाब नहीं। कृपया {code} देखें।
hg: complaint {code} kiye {days} din ho gaye, ab tak koi action nahi, koi call bhi nahi aaya
hg: teesri baar yaad dila raha hu, meri shikayat {code} abhi bhi pending hai. thane se kisi ne contact nahi kiya
hg: {days} din pehle yahin complaint ki thi, koi jawab nahi. {code} dekh lijiye please

@follow_up theft mid_term
en: Following up on my stolen {veh} {num}, complaint {code}. {days} days and no trace. The thief was seen on CCTV.
hi: मेरी चोरी हुई {veh} {num} के मामले में शिकायत {code} पर {days} दिन बाद भी कुछ नहीं हुआ। चोर सीसीटीवी में दिखा था।
hg: meri chori hui {veh} {num} wale case me {code} pe {days} din baad bhi kuch nahi hua, chor CCTV me dikha tha

@follow_up cyber_fraud mid_term
en: Update please on my cyber fraud complaint {code}, {amt} was taken. Bank says they need a letter from police to freeze.
hi: साइबर ठगी की शिकायत {code} पर अपडेट दें, {amt} गए थे। बैंक कह रहा है खाता फ्रीज करने के लिए पुलिस का पत्र चाहिए।
hg: cyber fraud complaint {code} ka kya hua? {amt} gaye the. bank bol raha police ka letter chahiye freeze ke liye

@follow_up women_safety mid_term
en: I complained about the boy stalking my daughter ({code}). He is still following her every day. Please act.
hi: बेटी का पीछा करने वाले लड़के की शिकायत {code} की थी, वह अब भी रोज पीछा कर रहा है। कृपया कार्रवाई करें।
hg: beti ka peecha karne wale ladke ki complaint {code} ki thi, wo abhi bhi roz peecha karta hai. kuch karo please

@follow_up land_dispute mid_term
en: Reminder about {code}: the people occupying our land have now started construction. The halka in-charge hasn't visited even once.
hi: {code} के संबंध में दोबारा निवेदन: कब्जा करने वालों ने अब निर्माण शुरू कर दिया है, हल्का प्रभारी एक बार भी नहीं आए।
hg: {code} ke baare me fir se bata raha hu, kabza karne walo ne ab construction shuru kar diya hai, halka incharge ek baar nahi aaye

@follow_up missing_person immediate
en: My son is still missing, it's the second night. Complaint {code}. Please, we are desperate, trace his phone.
hi: मेरा बेटा अब भी लापता है, दूसरी रात है। शिकायत {code}। कृपया उसका फोन ट्रेस कराइए।
hg: mera beta abhi bhi nahi mila, doosri raat hai. complaint {code}. please uska phone trace karwao

@follow_up traffic long_term
en: Posted about the daily jam at the crossing last month ({code}), still no traffic police there in the evening.
hi: पिछले महीने चौराहे के रोज के जाम के बारे में लिखा था ({code}), शाम को अब भी कोई ट्रैफिक पुलिस नहीं रहती।
hg: pichle mahine chaurahe ke jam ke baare me likha tha ({code}), shaam ko ab bhi koi traffic police nahi hota

@follow_up public_nuisance long_term
en: Again reporting the illegal liquor sale near the school, complained earlier ({code}). It restarted after two days.
hi: स्कूल के पास अवैध शराब बिक्री की फिर शिकायत, पहले भी की थी ({code})। दो दिन बंद रहकर फिर शुरू हो गई।
hg: school ke paas daaru ki bikri fir shuru ho gayi, pehle bhi complaint ki thi ({code}). 2 din band rahi bas

@feedback - -
en: Thank you {handle} for the quick action, got my stolen phone back within 3 days. Proud of our police.
en: Salute to the PRV team who reached in 7 minutes last night and helped my father get to the hospital. Grateful.
en: Big thanks to the cyber cell, {amt} returned to my account. Didn't expect this. Great work!
en: UP Police is completely useless, they never pick up the phone and only harass common people. Shameful.
en: Your helpline is a joke. Called 3 times, nobody answered. Worst police in the country.
en: Good initiative by the women power line, my sister felt safe using it. Keep it up.
hi: {handle} का बहुत बहुत धन्यवाद, तीन दिन में मेरा चोरी हुआ मोबाइल वापस मिल गया। हमें अपनी पुलिस पर गर्व है।
hi: कल रात पीआरवी टीम सात मिनट में पहुंची और पिताजी को अस्पताल पहुंचाया। सलाम है।
hi: साइबर सेल का आभार, मेरे {amt} वापस खाते में आ गए। बहुत सराहनीय कार्य।
hi: यूपी पुलिस किसी काम की नहीं, फोन तक नहीं उठाती, सिर्फ आम आदमी को परेशान करती है। शर्मनाक।
hi: महिला हेल्पलाइन की पहल बहुत अच्छी है, मेरी बहन ने इस्तेमाल किया और सुरक्षित महसूस किया।
hg: {handle} ka bahut bahut shukriya, 3 din me mera chori hua phone wapas mil gaya. proud of you
hg: kal raat PRV wale 7 minute me aa gaye aur papa ko hospital pahunchaya. salute hai aapko
hg: cyber cell ka dhanyavad, mere {amt} wapas aa gaye account me. mast kaam kiya
hg: UP police kisi kaam ki nahi, phone tak nahi uthate, bas aam aadmi ko pareshan karte ho. sharam karo
hg: helpline ek mazaak hai, 3 baar call kiya kisi ne nahi uthaya. bekar system

@other - -
en: Breaking: 3 arrested {at} in a fake currency racket, notes worth {amt} recovered, says SP.
en: Who will win the 2027 UP election? Comment below. #UPElections
en: Earn 5000 daily from home!! DM for details, limited slots. #job #workfromhome
en: Good morning {handle}, have a nice day everyone 🌞
en: No electricity {at} since 6 hours, transformer burnt. Power department please fix it.
en: The road {at} is full of potholes for a year. Municipal corporation is sleeping.
en: Drinking water supply has been off {at} for 4 days. Jal Nigam please look into this.
en: Garbage has not been picked up in our colony {at} for a week, the smell is unbearable.
en: Watched the new cop series last night, the UP police officer character was hilarious 😂
hi: ब्रेकिंग: {at} नकली नोटों के गिरोह के तीन सदस्य गिरफ्तार, {amt} के नोट बरामद।
hi: 2027 में यूपी में किसकी सरकार बनेगी? अपनी राय दें।
hi: {at} छह घंटे से बिजली गायब है, ट्रांसफार्मर फुंक गया। बिजली विभाग ध्यान दे।
hi: {at} सड़क में एक साल से गड्ढे ही गड्ढे हैं, नगर निगम सो रहा है।
hi: {at} चार दिन से पीने का पानी नहीं आ रहा, जल निगम ध्यान दे।
hi: हमारी कॉलोनी {at} में हफ्ते भर से कूड़ा नहीं उठा, बदबू से जीना मुश्किल है।
hi: सुप्रभात {handle}, आपका दिन शुभ हो 🙏
hg: {at} 6 ghante se light nahi hai, transformer phunk gaya. bijli vibhag kuch karo
hg: {at} road pe saal bhar se gaddhe hi gaddhe hain, nagar nigam so raha hai
hg: {at} 4 din se paani nahi aa raha, jal nigam wale dhyan do
hg: colony me {at} hafte bhar se kooda nahi utha, badbu se jeena mushkil
hg: ghar baithe roz 5000 kamao!! DM karo details ke liye
hg: 2027 me UP me kiski sarkar banegi? comment karo
hg: good morning {handle} sabko, aaj mausam mast hai
`
