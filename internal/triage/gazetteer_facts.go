package triage

// Hand-written gazetteer facts: what the Local Government Directory does not
// carry. Each line of a table is "LGD|name|name|…"; names may be Latin or
// Devanagari and are folded before use.

// districtExtras holds alternative names, short forms and common
// misspellings of districts beyond the domain's district table.
const districtExtras = `
118|agra|aagra|आगरा
119|aligarh|aligadh|koil|अलीगढ़
120|prayagraj|allahabad|allhabad|alahabad|ilahabad|pryagraj|prayagraaj|prayag raj|इलाहाबाद|प्रयागराज
121|ambedkar nagar|ambedkarnagar|अंबेडकरनगर
122|auraiya|oraiya|auraiyya|औरैया
123|azamgarh|azamgadh|aazamgarh|आजमगढ़
124|baghpat|bagpat|बागपत
125|bahraich|behraich|baharaich|बहराइच
126|ballia|baliya|balia|बलिया
127|balrampur|बलरामपुर
128|banda|बांदा
129|barabanki|bara banki|बाराबंकी
130|bareilly|bareli|barelly|bareily|बरेली
131|basti|बस्ती
132|bijnor|bijnaur|बिजनौर
133|budaun|badaun|badayun|बदायूं
134|bulandshahr|bulandshahar|bulandsahar|बुलंदशहर
135|chandauli|chandoli|चंदौली
136|chitrakoot|chitrakut|chitrakoot dham|चित्रकूट
137|deoria|devariya|deoriya|देवरिया
138|etah|एटा
139|etawah|itawa|etawa|इटावा
140|ayodhya|faizabad|faizabaad|fyzabad|अयोध्या|फैजाबाद
141|farrukhabad|farukhabad|farrukhabaad|फर्रुखाबाद
142|fatehpur|फतेहपुर
143|firozabad|ferozabad|firojabad|फिरोजाबाद
144|gautam buddha nagar|gautam budh nagar|gautambudhnagar|gautam buddh nagar|gb nagar|gbn|noida|greater noida|gr noida|greater noida west|noida extension|noida extn|नोएडा|नोयडा|ग्रेटर नोएडा|गौतमबुद्ध नगर|गौतम बुद्ध नगर
145|ghaziabad|gaziabad|ghaziabaad|gzb|गाजियाबाद|गाज़ियाबाद
146|ghazipur|gazipur|ghazipur city|गाजीपुर
147|gonda|गोंडा
148|gorakhpur|gorakpur|gkp|गोरखपुर
149|hamirpur|हमीरपुर
150|hardoi|हरदोई
151|jalaun|orai|जालौन|उरई
152|jaunpur|jonpur|जौनपुर
153|jhansi|jhaansi|झांसी
154|amroha|jyotiba phule nagar|jp nagar|अमरोहा|ज्योतिबा फुले नगर
155|kannauj|kanauj|कन्नौज
156|kanpur dehat|ramabai nagar|kanpur dehaat|कानपुर देहात
157|kanpur nagar|kanpur|cawnpore|knp|kanpur city|कानपुर|कानपुर नगर
158|kaushambi|kausambi|कौशांबी
159|kheri|lakhimpur|lakhimpur kheri|lakhimpur-kheri|खीरी|लखीमपुर|लखीमपुर खीरी
160|kushinagar|kushi nagar|padrauna|कुशीनगर|पडरौना
161|lalitpur|ललितपुर
162|lucknow|lko|lakhnau|lucknw|luckhnow|lukhnow|लखनऊ|लखनउ
163|hathras|mahamaya nagar|हाथरस
164|maharajganj|mahrajganj|maharajgunj|महराजगंज|महाराजगंज
165|mahoba|महोबा
166|mainpuri|मैनपुरी
167|mathura|mathra|मथुरा
168|mau|maunath bhanjan|mau nath bhanjan|मऊ
169|meerut|merut|meeruth|मेरठ
170|mirzapur|mirjapur|मिर्जापुर
171|moradabad|muradabad|moradabaad|मुरादाबाद
172|muzaffarnagar|muzafarnagar|mujaffarnagar|muzzafarnagar|मुजफ्फरनगर
173|pilibhit|पीलीभीत
174|pratapgarh|partapgarh|pratapgadh|bela pratapgarh|प्रतापगढ़
175|rae bareli|raebareli|raibareli|rae bareilly|रायबरेली
176|rampur|रामपुर
177|saharanpur|sharanpur|सहारनपुर
178|sant kabir nagar|sant kabeer nagar|santkabirnagar|skn|संत कबीर नगर
179|bhadohi|sant ravidas nagar|sant ravidas nagar bhadohi|sr nagar|भदोही|संत रविदास नगर
180|shahjahanpur|shajahanpur|शाहजहांपुर
181|shravasti|sravasti|श्रावस्ती
182|siddharth nagar|siddharthnagar|sidharthnagar|सिद्धार्थनगर|सिद्धार्थ नगर
183|sitapur|सीतापुर
184|sonbhadra|sonebhadra|robertsganj|सोनभद्र
185|sultanpur|सुल्तानपुर
186|unnao|unnav|उन्नाव
187|varanasi|banaras|benaras|benares|banaras city|kashi|वाराणसी|बनारस|काशी
633|kasganj|kanshiram nagar|कासगंज
640|amethi|chhatrapati shahuji maharaj nagar|अमेठी
659|sambhal|bhim nagar|संभल
660|shamli|prabuddh nagar|शामली
661|hapur|panchsheel nagar|हापुड़
`

// localPlaces holds towns, tehsils and well-known localities with their
// Hindi forms. Names shared by several districts (Civil Lines, Nawabganj,
// Lalganj, …) are left out or listed under each district, so that the
// matcher sees them as ambiguous.
const localPlaces = `
162|hazratganj|हजरतगंज
162|gomti nagar|gomtinagar|gomati nagar|गोमती नगर|गोमतीनगर
162|aminabad|अमीनाबाद
162|aliganj|अलीगंज
162|alambagh|आलमबाग
162|charbagh|चारबाग
162|kaiserbagh|qaiserbagh|कैसरबाग
162|jankipuram|जानकीपुरम
162|rajajipuram|राजाजीपुरम
162|ashiyana|ashiana|आशियाना
162|thakurganj|ठाकुरगंज
162|chinhat|चिनहट
162|nishatganj|निशातगंज
162|husainganj|hussainganj|हुसैनगंज
162|sushant golf city|सुशांत गोल्फ सिटी
162|naka hindola|नाका हिंडोला
162|telibagh|तेलीबाग
162|sarojini nagar|सरोजिनी नगर
162|amausi|अमौसी
162|aishbagh|ऐशबाग
162|daliganj|डालीगंज
162|madiyaon|madiaon|मड़ियांव
162|gudamba|गुडंबा
162|hussainabad|हुसैनाबाद
162|vibhuti khand|विभूति खंड
162|malihaabad|malihabad|मलिहाबाद
162|mohanlalganj|मोहनलालगंज
162|bakshi ka talab|bkt|बख्शी का तालाब
162|kakori|काकोरी
162|itaunja|इटौंजा
162|indira nagar lucknow|polytechnic chauraha|पॉलिटेक्निक चौराहा
157|kidwai nagar|किदवई नगर
157|kakadeo|काकादेव
157|swaroop nagar|swarup nagar|स्वरूप नगर
157|govind nagar|गोविंद नगर
157|kalyanpur|कल्याणपुर
157|panki|पनकी
157|rawatpur|रावतपुर
157|barra|बर्रा
157|naubasta|नौबस्ता
157|chakeri|चकेरी
157|jajmau|जाजमऊ
157|shyam nagar|श्याम नगर
157|bithoor|bithur|बिठूर
157|fazalganj|फजलगंज
157|chamanganj|चमनगंज
157|beconganj|बेकनगंज
157|sisamau|सीसामऊ
157|gwaltoli|ग्वालटोली
157|ghatampur|घाटमपुर
157|bilhaur|बिल्हौर
157|armapur|अर्मापुर
157|harsh nagar|हर्ष नगर
144|sector 18|sector 62|sector 63|sector 15|sector 16|sector 137|sector 76|sector 50|sector 12|sector 22|sector 58|sector 59|sector 128|sector 49|sector 39|sector 20|sector 24|sector 126|sector 142|sector 150|सेक्टर 62|सेक्टर 18|सेक्टर 63
144|pari chowk|परी चौक
144|knowledge park|नॉलेज पार्क
144|bisrakh|बिसरख
144|jewar|जेवर
144|dadri|दादरी
144|dankaur|दनकौर
144|kasna|कासना
144|surajpur|सूरजपुर
144|gaur city|गौर सिटी
144|film city noida|botanical garden|atta market|अट्टा मार्केट
144|noida expressway|नोएडा एक्सप्रेसवे
144|jalpura|जलपुरा
145|indirapuram|इंदिरापुरम
145|vaishali|वैशाली
145|vasundhara|वसुंधरा
145|raj nagar extension|rajnagar extension|राजनगर एक्सटेंशन
145|raj nagar|rajnagar|राजनगर
145|crossings republik|crossing republic|क्रॉसिंग्स रिपब्लिक
145|sahibabad|साहिबाबाद
145|khoda|खोड़ा
145|loni|लोनी
145|modinagar|modi nagar|मोदीनगर
145|muradnagar|मुरादनगर
145|kavi nagar|kavinagar|कविनगर
145|nandgram|नंदग्राम
145|govindpuram|गोविंदपुरम
145|shalimar garden|शालीमार गार्डन
145|pratap vihar|प्रताप विहार
145|mohan nagar|मोहन नगर
145|dasna|डासना
145|tronica city|ट्रोनिका सिटी
187|lanka|लंका
187|sigra|सिगरा
187|godowlia|godaulia|गोदौलिया
187|dashashwamedh|dashashwamedh ghat|दशाश्वमेध
187|assi ghat|अस्सी घाट
187|बीएचयू|banaras hindu university
187|lahurabir|लहुराबीर
187|maidagin|मैदागिन
187|bhelupur|भेलूपुर
187|chetganj|चेतगंज
187|sarnath|सारनाथ
187|shivpur|शिवपुर
187|pandeypur|पांडेयपुर
187|rohania|rohaniya|रोहनिया
187|lohta|लोहता
187|manduadih|मंडुवाडीह
187|chaubeypur|चौबेपुर
187|pindra|पिंडरा
120|naini|नैनी
120|jhunsi|झूसी
120|phaphamau|फाफामऊ
120|kareli|करेली
120|mutthiganj|मुट्ठीगंज
120|kydganj|कीडगंज
120|daraganj|दारागंज
120|sangam|संगम
120|allahapur|अल्लापुर
120|tagore town|टैगोर टाउन
120|khuldabad|खुल्दाबाद
120|dhoomanganj|धूमनगंज
120|shivkuti|शिवकुटी
120|teliarganj|तेलियरगंज
120|bamrauli|बमरौली
120|phulpur prayagraj|handia|हंडिया
120|soraon|सोरांव
120|meja|मेजा
120|karchhana|करछना
120|koraon|कोरांव
118|tajganj|ताजगंज
118|sikandra agra|sanjay place|संजय प्लेस
118|dayalbagh|दयालबाग
118|lohamandi|लोहामंडी
118|rakabganj|रकाबगंज
118|hariparvat|हरीपर्वत
118|taj mahal|ताजमहल
118|khandari|खंदारी
118|bodla|बोदला
118|fatehabad|फतेहाबाद
118|etmadpur|एत्मादपुर
118|kheragarh|खेरागढ़
118|kiraoli|किरावली
118|achhnera|अछनेरा
118|shamsabad|शमसाबाद
169|sardhana|सरधना
169|mawana|मवाना
169|partapur|परतापुर
169|lalkurti|लालकुर्ती
169|abulane|आबूलेन
169|begum bridge|बेगमपुल
169|kankerkhera|कंकरखेड़ा
169|modipuram|मोदीपुरम
169|daurala|दौराला
169|brahmpuri|ब्रह्मपुरी
169|lisari gate|लिसाड़ी गेट
169|nauchandi|नौचंदी
169|pallavpuram|पल्लवपुरम
169|kithore|किठौर
148|golghar|गोलघर
148|gorakhnath|गोरखनाथ
148|tiwaripur|तिवारीपुर
148|chauri chaura|चौरीचौरा|चौरी चौरा
148|kauriram|कौड़ीराम
148|gida|गीडा
148|jhangaha|झंगहा
148|pipraich|पिपराइच
148|bansgaon|बांसगांव
148|khorabar|खोराबार
148|ramgarh taal|रामगढ़ताल
148|sahjanwa|सहजनवा
148|campierganj|कैंपियरगंज
130|izzatnagar|इज्जतनगर
130|baradari|बारादरी
130|cb ganj|सीबीगंज
130|bhojipura|भोजीपुरा
130|faridpur|फरीदपुर
130|aonla|आंवला
130|baheri|बहेड़ी
130|mirganj|मीरगंज
130|prem nagar bareilly|प्रेमनगर
140|hanuman garhi|हनुमानगढ़ी
140|rudauli|रुदौली
140|milkipur|मिल्कीपुर
140|sohawal|सोहावल
140|bikapur|बीकापुर
140|ram janmabhoomi|राम जन्मभूमि
167|vrindavan|vrindaban|वृंदावन|वृन्दावन
167|govardhan|goverdhan|गोवर्धन
167|barsana|बरसाना
167|nandgaon|नंदगांव
167|gokul|गोकुल
167|kosi kalan|कोसीकलां
167|mant|मांट
167|baldeo|बलदेव
167|raya|राया
119|atrauli|अतरौली
119|iglas|इगलास
119|gabhana|गभाना
119|amu|एएमयू
119|quarsi|क्वार्सी
171|thakurdwara|ठाकुरद्वारा
171|bilari|बिलारी
171|kanth|कांठ
171|katghar|कटघर
177|deoband|देवबंद
177|nakur|नकुड़
177|behat|बेहट
177|gangoh|गंगोह
172|khatauli|खतौली
172|budhana|बुढ़ाना
172|jansath|जानसठ
172|purkazi|पुरकाजी
172|mirapur|मीरापुर
153|mauranipur|मऊरानीपुर
153|garautha|गरौठा
153|babina|बबीना
153|sipri bazar|सीपरी बाजार
153|samthar|समथर
153|chirgaon|चिरगांव
143|tundla|टूंडला
143|shikohabad|शिकोहाबाद
143|sirsaganj|सिरसागंज
143|jasrana|जसराना
139|saifai|सैफई
139|jaswantnagar|जसवंतनगर
139|bharthana|भरथना
186|shuklaganj|शुक्लागंज
186|bangarmau|बांगरमऊ
186|safipur|सफीपुर
186|hasanganj|हसनगंज
186|bighapur|बीघापुर
175|unchahar|ऊंचाहार
175|सलोन
175|dalmau|डलमऊ
175|bachhrawan|बछरावां
185|kadipur|कादीपुर
185|lambhua|लंभुआ
185|jaisinghpur|जयसिंहपुर
640|gauriganj|गौरीगंज
640|musafirkhana|मुसाफिरखाना
640|tiloi|तिलोई
640|jagdishpur|जगदीशपुर
129|ramsanehighat|रामसनेहीघाट
129|haidergarh|हैदरगढ़
129|dewa|देवा
129|zaidpur|जैदपुर
183|biswan|बिसवां
183|mahmudabad|महमूदाबाद
183|misrikh|मिश्रिख
183|laharpur|लहरपुर
183|sidhauli|सिधौली
183|naimisharanya|नैमिषारण्य
150|sandila|संडीला
150|bilgram|बिलग्राम
150|sawayajpur|सवायजपुर
150|mallawan|मल्लावां
150|pihani|पिहानी
159|gola gokarannath|gola gokarnath|गोला गोकर्णनाथ
159|mohammadi|मोहम्मदी
159|palia kalan|palia|पलिया
159|nighasan|निघासन
159|dhaurahra|धौरहरा
159|dudhwa|दुधवा
180|tilhar|तिलहर
180|powayan|puwayan|पुवायां
173|puranpur|पूरनपुर
173|bisalpur|बीसलपुर
173|amariya|अमरिया
133|sahaswan|सहसवान
133|bisauli|बिसौली
133|ujhani|उझानी
133|dataganj|दातागंज
133|bilsi|बिल्सी
176|milak|मिलक
176|suar|स्वार
132|najibabad|नजीबाबाद
132|nagina|नगीना
132|dhampur|धामपुर
132|chandpur|चांदपुर
132|noorpur|नूरपुर
132|kiratpur|किरतपुर
132|sherkot|शेरकोट
154|gajraula|गजरौला
154|hasanpur|हसनपुर
154|dhanaura|धनौरा
659|chandausi|चंदौसी
659|gunnaur|गुन्नौर
659|bahjoi|बहजोई
661|pilkhuwa|पिलखुवा
661|garhmukteshwar|garh mukteshwar|गढ़मुक्तेश्वर
661|dhaulana|धौलाना
660|kairana|कैराना
660|kandhla|कांधला
660|thana bhawan|थानाभवन
124|baraut|बड़ौत
124|khekra|खेकड़ा
124|chhaprauli|छपरौली
134|khurja|खुर्जा
134|siana|स्याना
134|anupshahr|अनूपशहर
134|debai|डिबाई
134|shikarpur|शिकारपुर
134|jahangirabad|जहांगीराबाद
134|gulaothi|गुलावठी
633|soron|सोरों
633|patiyali|पटियाली
633|ganjdundwara|गंजडुंडवारा
138|jalesar|जलेसर
138|marhara|मारहरा
163|sikandra rao|sikandrarao|सिकंदराराऊ
163|sadabad|सादाबाद
163|sasni|सासनी
163|mursan|मुरसान
166|bhongaon|भोगांव
166|karhal|करहल
166|kishni|किशनी
141|fatehgarh|फतेहगढ़
141|kaimganj|कायमगंज
141|kampil|कंपिल
155|chhibramau|छिबरामऊ
155|tirwa|तिर्वा
155|gursahaiganj|गुरसहायगंज
122|bidhuna|बिधूना
122|dibiyapur|दिबियापुर
122|achhalda|अछल्दा
122|ajitmal|अजीतमल
156|rasulabad|रसूलाबाद
156|bhognipur|भोगनीपुर
156|derapur|डेरापुर
156|pukhrayan|पुखरायां
156|rura|रूरा
151|konch|कोंच
151|kalpi|कालपी
151|madhogarh|माधौगढ़
149|maudaha|मौदहा
149|sarila|सरीला
165|charkhari|चरखारी
165|kulpahar|कुलपहाड़
128|atarra|अतर्रा
128|baberu|बबेरू
128|naraini|नरैनी
136|karwi|karvi|कर्वी
136|manikpur|मानिकपुर
142|bindki|बिंदकी
142|khaga|खागा
158|manjhanpur|मंझनपुर
158|sirathu|सिराथू
158|bharwari|भरवारी
174|kunda|कुंडा
174|raniganj|रानीगंज
179|gyanpur|ज्ञानपुर
179|aurai|औराई
179|gopiganj|गोपीगंज
170|chunar|चुनार
170|marihan|मड़िहान
170|vindhyachal|विंध्याचल
170|ahraura|अहरौरा
184|obra|ओबरा
184|renukoot|renukut|रेणुकूट
184|anpara|अनपरा
184|dudhi|दुद्धी
184|ghorawal|घोरावल
184|chopan|चोपन
184|robertsganj|रॉबर्ट्सगंज|राबर्ट्सगंज
135|mughalsarai|mughal sarai|ddu nagar|pt deen dayal upadhyaya nagar|deen dayal upadhyay nagar|मुगलसराय|दीनदयाल उपाध्याय नगर
135|chakia|चकिया
135|sakaldiha|सकलडीहा
135|saiyadraja|सैयदराजा
146|zamania|जमानिया
146|saidpur|सैदपुर
146|jakhania|जखनियां
146|dildarnagar|दिलदारनगर
152|shahganj|शाहगंज
152|machhlishahr|machhlishahar|मछलीशहर
152|kerakat|केराकत
152|mariahu|मड़ियाहूं
152|badlapur|बदलापुर
152|mungra badshahpur|मुंगरा बादशाहपुर
123|sagri|सगड़ी
123|mehnagar|मेहनगर
123|mubarakpur|मुबारकपुर
123|bilariaganj|बिलरियागंज
123|atraulia|अतरौलिया
168|ghosi|घोसी
168|kopaganj|कोपागंज
126|rasra|रसड़ा
126|bansdih|बांसडीह
126|bairia|बैरिया
126|sikandarpur|सिकंदरपुर
126|belthara road|बेल्थरा रोड
137|salempur|सलेमपुर
137|barhaj|बरहज
137|bhatpar rani|भाटपाररानी
137|bhatni|भटनी
160|kasia|kasya|कसया
160|tamkuhi raj|तमकुहीराज
160|khadda|खड्डा
164|nautanwa|नौतनवा
164|sonauli|सोनौली
164|pharenda|फरेंदा
164|nichlaul|निचलौल
182|domariyaganj|डुमरियागंज
182|itwa|इटवा
182|shohratgarh|शोहरतगढ़
182|kapilvastu|कपिलवस्तु
182|bansi|बांसी
178|khalilabad|खलीलाबाद
178|mehdawal|मेंहदावल
178|dhanghata|धनघटा
131|harraiya|हर्रैया
131|rudhauli|रुधौली
147|tarabganj|तरबगंज
147|mankapur|मनकापुर
147|karnailganj|colonelganj gonda|करनैलगंज
127|tulsipur|तुलसीपुर
127|utraula|उतरौला
181|bhinga|भिनगा
181|ikauna|इकौना
125|nanpara|नानपारा
125|kaiserganj|कैसरगंज
125|mahsi|महसी
125|payagpur|पयागपुर
125|rupaidiha|रुपईडीहा
121|jalalpur|जलालपुर
121|tanda|टांडा
121|akbarpur ambedkar nagar|bhiti|भीटी
161|talbehat|तालबेहट
161|mehroni|महरौनी
161|madawara|मड़ावरा
`

// outsideUP names places beyond Uttar Pradesh that posts to UP Police name.
// When the text puts the incident there, no UP district must act.
const outsideUP = `
delhi|new delhi|nai dilli|dilli|दिल्ली|नई दिल्ली|mumbai|bombay|मुंबई|kolkata|calcutta|कोलकाता|chennai|चेन्नई|
bangalore|bengaluru|बेंगलुरु|hyderabad|हैदराबाद|pune|पुणे|jaipur|जयपुर|bhopal|भोपाल|indore|इंदौर|patna|पटना|
ranchi|रांची|gurgaon|gurugram|गुड़गांव|गुरुग्राम|faridabad|फरीदाबाद|chandigarh|चंडीगढ़|dehradun|देहरादून|
haridwar|हरिद्वार|rishikesh|ऋषिकेश|haldwani|हल्द्वानी|roorkee|रुड़की|nainital|नैनीताल|uttarakhand|उत्तराखंड|
bihar|बिहार|rajasthan|राजस्थान|haryana|हरियाणा|punjab|पंजाब|madhya pradesh|मध्य प्रदेश|gujarat|गुजरात|
maharashtra|महाराष्ट्र|ahmedabad|अहमदाबाद|surat|सूरत|nagpur|नागपुर|gwalior|ग्वालियर|sonipat|सोनीपत|
panipat|पानीपत|rohtak|रोहतक|ambala|अंबाला|karnal|करनाल|alwar|अलवर|bharatpur|भरतपुर|muzaffarpur|मुजफ्फरपुर|
darbhanga|दरभंगा|bhagalpur|भागलपुर|siwan|सीवान|nepal|नेपाल|kathmandu|jammu|जम्मू|srinagar|shimla|शिमला|
goa|गोवा|kerala|केरल|dubai|दुबई|ludhiana|लुधियाना|amritsar|अमृतसर|jodhpur|जोधपुर|udaipur|उदयपुर|kota|कोटा|
noida delhi border|anand vihar|आनंद विहार|dwarka|द्वारका|rohini|रोहिणी|laxmi nagar|लक्ष्मी नगर|connaught place|
karol bagh|करोल बाग|chandni chowk|चांदनी चौक|saket|mayur vihar|मयूर विहार|janakpuri|जनकपुरी|
`

// stateOnly names the state as a whole: such a place gives no district.
const stateOnly = `uttar pradesh|uttarpradesh|उत्तर प्रदेश|उत्तरप्रदेश|यूपी|यू पी|up india|uttar pradesh india`

// defaultHandles maps district police accounts on X to districts. The
// deployment can replace it (see Gazetteer options); accounts not listed
// here are still recognised when their name joins a district name to
// "police" or "pol".
const defaultHandles = `
lkopolice|162
lucknowpolice|162
noidapolice|144
cp_noida|144
dcpnoida|144
ghaziabadpolice|145
prayagraj_pol|120
kanpurnagarpol|157
kanpurpolice|157
kanpurdehatpol|156
varanasipolice|187
agrapolice|118
meerutpolice|169
gorakhpurpolice|148
bareillypolice|130
ayodhya_police|140
muzafarnagarpol|172
santkabirnagpol|178
sidharthnagarpol|182
shahjahanpurpol|180
`
