package shikayat

// districts lists Uttar Pradesh's 75 districts in LGD code order.
//
// Codes follow the Local Government Directory (see docs/data-sources.md); Name
// is the form people write, and LGD's own spelling is kept among the Aliases
// when it differs (beyond case and spaces). Division is the revenue division
// (mandal). Lat, Lon is a point inside the district's boundary, made by
// internal/tools/gendistricts from the district polygons; it stands for the
// district when only a rough location is known and is not its headquarters.
var districts = []District{
	{LGD: 118, Name: "Agra", NameHi: "आगरा", Division: "Agra", Lat: 27.0370, Lon: 78.0784},
	{LGD: 119, Name: "Aligarh", NameHi: "अलीगढ़", Division: "Aligarh", Lat: 27.9263, Lon: 78.0607,
		Aliases: []string{"Koil", "अलीगढ"}},
	{LGD: 120, Name: "Prayagraj", NameHi: "प्रयागराज", Division: "Prayagraj", Lat: 25.3038, Lon: 81.9615,
		Aliases: []string{"Allahabad", "इलाहाबाद", "Ilahabad", "Prayag", "प्रयाग"}},
	{LGD: 121, Name: "Ambedkar Nagar", NameHi: "अम्बेडकर नगर", Division: "Ayodhya", Lat: 26.4213, Lon: 82.6687,
		Aliases: []string{"Ambedkarnagar", "आंबेडकर नगर", "अंबेडकर नगर"}},
	{LGD: 122, Name: "Auraiya", NameHi: "औरैया", Division: "Kanpur", Lat: 26.6576, Lon: 79.4802},
	{LGD: 123, Name: "Azamgarh", NameHi: "आज़मगढ़", Division: "Azamgarh", Lat: 26.0455, Lon: 83.0698,
		Aliases: []string{"Azamgadh", "आजमगढ़"}},
	{LGD: 124, Name: "Baghpat", NameHi: "बागपत", Division: "Meerut", Lat: 29.0567, Lon: 77.3098,
		Aliases: []string{"Bagpat"}},
	{LGD: 125, Name: "Bahraich", NameHi: "बहराइच", Division: "Devipatan", Lat: 27.7310, Lon: 81.4517},
	{LGD: 126, Name: "Ballia", NameHi: "बलिया", Division: "Azamgarh", Lat: 25.8760, Lon: 84.1043},
	{LGD: 127, Name: "Balrampur", NameHi: "बलरामपुर", Division: "Devipatan", Lat: 27.4635, Lon: 82.3675},
	{LGD: 128, Name: "Banda", NameHi: "बाँदा", Division: "Chitrakoot Dham", Lat: 25.4657, Lon: 80.5625,
		Aliases: []string{"बांदा"}},
	{LGD: 129, Name: "Barabanki", NameHi: "बाराबंकी", Division: "Ayodhya", Lat: 26.9379, Lon: 81.3342,
		Aliases: []string{"Bara Banki"}},
	{LGD: 130, Name: "Bareilly", NameHi: "बरेली", Division: "Bareilly", Lat: 28.4577, Lon: 79.4338,
		Aliases: []string{"Bareli"}},
	{LGD: 131, Name: "Basti", NameHi: "बस्ती", Division: "Basti", Lat: 26.8205, Lon: 82.6342},
	{LGD: 132, Name: "Bijnor", NameHi: "बिजनौर", Division: "Moradabad", Lat: 29.3831, Lon: 78.3943},
	{LGD: 133, Name: "Budaun", NameHi: "बदायूँ", Division: "Bareilly", Lat: 28.0775, Lon: 79.0441,
		Aliases: []string{"Badaun", "बदायूं"}},
	{LGD: 134, Name: "Bulandshahr", NameHi: "बुलंदशहर", Division: "Meerut", Lat: 28.3622, Lon: 78.0173,
		Aliases: []string{"Bulandshahar", "बुलन्दशहर"}},
	{LGD: 135, Name: "Chandauli", NameHi: "चंदौली", Division: "Varanasi", Lat: 25.1413, Lon: 83.2599,
		Aliases: []string{"चन्दौली"}},
	{LGD: 136, Name: "Chitrakoot", NameHi: "चित्रकूट", Division: "Chitrakoot Dham", Lat: 25.2064, Lon: 81.0936,
		Aliases: []string{"Karwi", "कर्वी"}},
	{LGD: 137, Name: "Deoria", NameHi: "देवरिया", Division: "Gorakhpur", Lat: 26.4202, Lon: 83.8360,
		Aliases: []string{"Devaria"}},
	{LGD: 138, Name: "Etah", NameHi: "एटा", Division: "Aligarh", Lat: 27.5116, Lon: 78.7085},
	{LGD: 139, Name: "Etawah", NameHi: "इटावा", Division: "Kanpur", Lat: 26.7636, Lon: 79.0961},
	{LGD: 140, Name: "Ayodhya", NameHi: "अयोध्या", Division: "Ayodhya", Lat: 26.6584, Lon: 82.0061,
		Aliases: []string{"Faizabad", "फैजाबाद", "फ़ैज़ाबाद"}},
	{LGD: 141, Name: "Farrukhabad", NameHi: "फ़र्रुख़ाबाद", Division: "Kanpur", Lat: 27.4314, Lon: 79.4598,
		Aliases: []string{"फर्रुखाबाद", "Fatehgarh", "फतेहगढ़"}},
	{LGD: 142, Name: "Fatehpur", NameHi: "फ़तेहपुर", Division: "Prayagraj", Lat: 25.8735, Lon: 80.8096,
		Aliases: []string{"फतेहपुर"}},
	{LGD: 143, Name: "Firozabad", NameHi: "फ़िरोज़ाबाद", Division: "Agra", Lat: 27.1818, Lon: 78.5332,
		Aliases: []string{"फिरोजाबाद", "Ferozabad"}},
	{LGD: 144, Name: "Gautam Buddha Nagar", NameHi: "गौतम बुद्ध नगर", Division: "Meerut", Lat: 28.3980, Lon: 77.5517,
		Aliases: []string{"Gautam Buddh Nagar", "Gautambudh Nagar", "GB Nagar", "गौतमबुद्ध नगर", "Noida", "नोएडा", "नोयडा", "Greater Noida", "ग्रेटर नोएडा"}},
	{LGD: 145, Name: "Ghaziabad", NameHi: "गाज़ियाबाद", Division: "Meerut", Lat: 28.7716, Lon: 77.4890,
		Aliases: []string{"गाजियाबाद"}},
	{LGD: 146, Name: "Ghazipur", NameHi: "ग़ाज़ीपुर", Division: "Varanasi", Lat: 25.6234, Lon: 83.5575,
		Aliases: []string{"गाजीपुर", "Gazipur"}},
	{LGD: 147, Name: "Gonda", NameHi: "गोंडा", Division: "Devipatan", Lat: 27.0836, Lon: 82.0254,
		Aliases: []string{"गोण्डा"}},
	{LGD: 148, Name: "Gorakhpur", NameHi: "गोरखपुर", Division: "Gorakhpur", Lat: 26.6553, Lon: 83.3615},
	{LGD: 149, Name: "Hamirpur", NameHi: "हमीरपुर", Division: "Chitrakoot Dham", Lat: 25.7330, Lon: 79.8822},
	{LGD: 150, Name: "Hardoi", NameHi: "हरदोई", Division: "Lucknow", Lat: 27.3300, Lon: 80.1632},
	{LGD: 151, Name: "Jalaun", NameHi: "जालौन", Division: "Jhansi", Lat: 26.0909, Lon: 79.3873,
		Aliases: []string{"Orai", "उरई"}},
	{LGD: 152, Name: "Jaunpur", NameHi: "जौनपुर", Division: "Varanasi", Lat: 25.7461, Lon: 82.5768},
	{LGD: 153, Name: "Jhansi", NameHi: "झाँसी", Division: "Jhansi", Lat: 25.5171, Lon: 79.1560,
		Aliases: []string{"झांसी"}},
	{LGD: 154, Name: "Amroha", NameHi: "अमरोहा", Division: "Moradabad", Lat: 28.8116, Lon: 78.3313,
		Aliases: []string{"Jyotiba Phule Nagar", "Jyotiba Phoole Nagar", "J.P. Nagar", "ज्योतिबा फुले नगर"}},
	{LGD: 155, Name: "Kannauj", NameHi: "कन्नौज", Division: "Kanpur", Lat: 27.0132, Lon: 79.6899,
		Aliases: []string{"Kanauj"}},
	{LGD: 156, Name: "Kanpur Dehat", NameHi: "कानपुर देहात", Division: "Kanpur", Lat: 26.4391, Lon: 79.8558,
		Aliases: []string{"Ramabai Nagar", "रमाबाई नगर"}},
	{LGD: 157, Name: "Kanpur Nagar", NameHi: "कानपुर नगर", Division: "Kanpur", Lat: 26.3930, Lon: 80.2112,
		Aliases: []string{"Kanpur", "कानपुर", "Cawnpore"}},
	{LGD: 158, Name: "Kaushambi", NameHi: "कौशाम्बी", Division: "Prayagraj", Lat: 25.4983, Lon: 81.4153,
		Aliases: []string{"कौशांबी", "Manjhanpur"}},
	{LGD: 159, Name: "Lakhimpur Kheri", NameHi: "लखीमपुर खीरी", Division: "Lucknow", Lat: 28.1207, Lon: 80.6686,
		Aliases: []string{"Kheri", "खीरी", "Lakhimpur", "लखीमपुर"}},
	{LGD: 160, Name: "Kushinagar", NameHi: "कुशीनगर", Division: "Gorakhpur", Lat: 26.8612, Lon: 83.9353,
		Aliases: []string{"Kushi Nagar", "Padrauna", "पडरौना"}},
	{LGD: 161, Name: "Lalitpur", NameHi: "ललितपुर", Division: "Jhansi", Lat: 24.6534, Lon: 78.5627},
	{LGD: 162, Name: "Lucknow", NameHi: "लखनऊ", Division: "Lucknow", Lat: 26.8418, Lon: 80.9074,
		Aliases: []string{"Lakhnau", "Lakhnow", "Lko"}},
	{LGD: 163, Name: "Hathras", NameHi: "हाथरस", Division: "Aligarh", Lat: 27.5818, Lon: 78.1661,
		Aliases: []string{"Mahamaya Nagar", "महामाया नगर"}},
	{LGD: 164, Name: "Maharajganj", NameHi: "महराजगंज", Division: "Gorakhpur", Lat: 27.2004, Lon: 83.5325,
		Aliases: []string{"Mahrajganj", "महाराजगंज"}},
	{LGD: 165, Name: "Mahoba", NameHi: "महोबा", Division: "Chitrakoot Dham", Lat: 25.3510, Lon: 79.6989},
	{LGD: 166, Name: "Mainpuri", NameHi: "मैनपुरी", Division: "Agra", Lat: 27.1817, Lon: 79.0534},
	{LGD: 167, Name: "Mathura", NameHi: "मथुरा", Division: "Agra", Lat: 27.5958, Lon: 77.6270},
	{LGD: 168, Name: "Mau", NameHi: "मऊ", Division: "Azamgarh", Lat: 26.0429, Lon: 83.5597,
		Aliases: []string{"Maunath Bhanjan", "मऊनाथ भंजन"}},
	{LGD: 169, Name: "Meerut", NameHi: "मेरठ", Division: "Meerut", Lat: 29.0366, Lon: 77.7825},
	{LGD: 170, Name: "Mirzapur", NameHi: "मिर्ज़ापुर", Division: "Mirzapur", Lat: 24.9838, Lon: 82.6193,
		Aliases: []string{"मिर्जापुर"}},
	{LGD: 171, Name: "Moradabad", NameHi: "मुरादाबाद", Division: "Moradabad", Lat: 28.9435, Lon: 78.7785},
	{LGD: 172, Name: "Muzaffarnagar", NameHi: "मुज़फ़्फ़रनगर", Division: "Saharanpur", Lat: 29.4203, Lon: 77.7430,
		Aliases: []string{"मुजफ्फरनगर", "Muzzafarnagar"}},
	{LGD: 173, Name: "Pilibhit", NameHi: "पीलीभीत", Division: "Bareilly", Lat: 28.5416, Lon: 79.9772},
	{LGD: 174, Name: "Pratapgarh", NameHi: "प्रतापगढ़", Division: "Prayagraj", Lat: 25.8725, Lon: 81.8302},
	{LGD: 175, Name: "Rae Bareli", NameHi: "रायबरेली", Division: "Lucknow", Lat: 26.2247, Lon: 81.1345,
		Aliases: []string{"Raebareli", "Raebareilly", "Rae Bareilly", "Raibareli"}},
	{LGD: 176, Name: "Rampur", NameHi: "रामपुर", Division: "Moradabad", Lat: 28.8088, Lon: 79.1168},
	{LGD: 177, Name: "Saharanpur", NameHi: "सहारनपुर", Division: "Saharanpur", Lat: 29.9508, Lon: 77.5479},
	{LGD: 178, Name: "Sant Kabir Nagar", NameHi: "संत कबीर नगर", Division: "Basti", Lat: 26.7776, Lon: 83.0315,
		Aliases: []string{"Sant Kabeer Nagar", "Khalilabad", "खलीलाबाद"}},
	{LGD: 179, Name: "Bhadohi", NameHi: "भदोही", Division: "Mirzapur", Lat: 25.3476, Lon: 82.4662,
		Aliases: []string{"Sant Ravidas Nagar", "Sant Ravi Das Nagar", "संत रविदास नगर", "Gyanpur", "ज्ञानपुर"}},
	{LGD: 180, Name: "Shahjahanpur", NameHi: "शाहजहाँपुर", Division: "Bareilly", Lat: 27.9748, Lon: 79.8485,
		Aliases: []string{"शाहजहांपुर"}},
	{LGD: 181, Name: "Shravasti", NameHi: "श्रावस्ती", Division: "Devipatan", Lat: 27.6562, Lon: 81.8834,
		Aliases: []string{"Bhinga", "भिनगा"}},
	{LGD: 182, Name: "Siddharthnagar", NameHi: "सिद्धार्थनगर", Division: "Basti", Lat: 27.2684, Lon: 82.8743,
		Aliases: []string{"Siddharth Nagar", "सिद्धार्थ नगर"}},
	{LGD: 183, Name: "Sitapur", NameHi: "सीतापुर", Division: "Lucknow", Lat: 27.5169, Lon: 80.8541},
	{LGD: 184, Name: "Sonbhadra", NameHi: "सोनभद्र", Division: "Mirzapur", Lat: 24.3989, Lon: 83.0530,
		Aliases: []string{"Sonebhadra", "Robertsganj", "रॉबर्ट्सगंज"}},
	{LGD: 185, Name: "Sultanpur", NameHi: "सुल्तानपुर", Division: "Ayodhya", Lat: 26.2624, Lon: 82.1977,
		Aliases: []string{"सुलतानपुर"}},
	{LGD: 186, Name: "Unnao", NameHi: "उन्नाव", Division: "Lucknow", Lat: 26.6082, Lon: 80.5641},
	{LGD: 187, Name: "Varanasi", NameHi: "वाराणसी", Division: "Varanasi", Lat: 25.3883, Lon: 82.9155,
		Aliases: []string{"Banaras", "Benares", "Kashi", "बनारस", "काशी"}},
	{LGD: 633, Name: "Kasganj", NameHi: "कासगंज", Division: "Aligarh", Lat: 27.7729, Lon: 78.8479,
		Aliases: []string{"Kanshiram Nagar", "Kanshi Ram Nagar", "कांशीराम नगर"}},
	{LGD: 640, Name: "Amethi", NameHi: "अमेठी", Division: "Ayodhya", Lat: 26.2738, Lon: 81.6291,
		Aliases: []string{"Chhatrapati Shahuji Maharaj Nagar", "CSM Nagar", "छत्रपति शाहूजी महाराज नगर", "Gauriganj", "गौरीगंज"}},
	{LGD: 659, Name: "Sambhal", NameHi: "संभल", Division: "Moradabad", Lat: 28.4619, Lon: 78.5838,
		Aliases: []string{"Bhim Nagar", "भीम नगर", "सम्भल"}},
	{LGD: 660, Name: "Shamli", NameHi: "शामली", Division: "Saharanpur", Lat: 29.4856, Lon: 77.2884,
		Aliases: []string{"Prabuddh Nagar", "Prabuddha Nagar", "प्रबुद्ध नगर"}},
	{LGD: 661, Name: "Hapur", NameHi: "हापुड़", Division: "Meerut", Lat: 28.7205, Lon: 77.8915,
		Aliases: []string{"Panchsheel Nagar", "पंचशील नगर"}},
}

// DefaultPoliceZones is the default zone/range table for UP Police: 8 zones,
// 18 ranges, each district in exactly one range. The ranges follow the revenue
// divisions. The police commissionerates (Lucknow, Kanpur Nagar, Varanasi,
// Prayagraj, Agra, Ghaziabad, Gautam Buddha Nagar) stand outside the range
// hierarchy in practice; they are listed under the range of their division so
// that every district has one place in the tree.
//
// This table is a default, to be verified by the deployment against the
// current UP Police orders and edited where it differs.
var DefaultPoliceZones = []PoliceZone{
	// Agra zone
	{Zone: "agra", ZoneName: "Agra", Range: "agra", RangeName: "Agra",
		Districts: []int{118, 143, 166, 167}}, // Agra, Firozabad, Mainpuri, Mathura
	{Zone: "agra", ZoneName: "Agra", Range: "aligarh", RangeName: "Aligarh",
		Districts: []int{119, 138, 163, 633}}, // Aligarh, Etah, Hathras, Kasganj
	// Bareilly zone
	{Zone: "bareilly", ZoneName: "Bareilly", Range: "bareilly", RangeName: "Bareilly",
		Districts: []int{130, 133, 173, 180}}, // Bareilly, Budaun, Pilibhit, Shahjahanpur
	{Zone: "bareilly", ZoneName: "Bareilly", Range: "moradabad", RangeName: "Moradabad",
		Districts: []int{132, 154, 171, 176, 659}}, // Bijnor, Amroha, Moradabad, Rampur, Sambhal
	// Gorakhpur zone
	{Zone: "gorakhpur", ZoneName: "Gorakhpur", Range: "gorakhpur", RangeName: "Gorakhpur",
		Districts: []int{137, 148, 160, 164}}, // Deoria, Gorakhpur, Kushinagar, Maharajganj
	{Zone: "gorakhpur", ZoneName: "Gorakhpur", Range: "basti", RangeName: "Basti",
		Districts: []int{131, 178, 182}}, // Basti, Sant Kabir Nagar, Siddharthnagar
	{Zone: "gorakhpur", ZoneName: "Gorakhpur", Range: "devipatan", RangeName: "Devipatan (Gonda)",
		Districts: []int{125, 127, 147, 181}}, // Bahraich, Balrampur, Gonda, Shravasti
	// Kanpur zone
	{Zone: "kanpur", ZoneName: "Kanpur", Range: "kanpur", RangeName: "Kanpur",
		Districts: []int{122, 139, 141, 155, 156, 157}}, // Auraiya, Etawah, Farrukhabad, Kannauj, Kanpur Dehat, Kanpur Nagar
	{Zone: "kanpur", ZoneName: "Kanpur", Range: "jhansi", RangeName: "Jhansi",
		Districts: []int{151, 153, 161}}, // Jalaun, Jhansi, Lalitpur
	{Zone: "kanpur", ZoneName: "Kanpur", Range: "chitrakoot-dham", RangeName: "Chitrakoot Dham (Banda)",
		Districts: []int{128, 136, 149, 165}}, // Banda, Chitrakoot, Hamirpur, Mahoba
	// Lucknow zone
	{Zone: "lucknow", ZoneName: "Lucknow", Range: "lucknow", RangeName: "Lucknow",
		Districts: []int{150, 159, 162, 175, 183, 186}}, // Hardoi, Lakhimpur Kheri, Lucknow, Rae Bareli, Sitapur, Unnao
	{Zone: "lucknow", ZoneName: "Lucknow", Range: "ayodhya", RangeName: "Ayodhya",
		Districts: []int{121, 129, 140, 185, 640}}, // Ambedkar Nagar, Barabanki, Ayodhya, Sultanpur, Amethi
	// Meerut zone
	{Zone: "meerut", ZoneName: "Meerut", Range: "meerut", RangeName: "Meerut",
		Districts: []int{124, 134, 144, 145, 169, 661}}, // Baghpat, Bulandshahr, Gautam Buddha Nagar, Ghaziabad, Meerut, Hapur
	{Zone: "meerut", ZoneName: "Meerut", Range: "saharanpur", RangeName: "Saharanpur",
		Districts: []int{172, 177, 660}}, // Muzaffarnagar, Saharanpur, Shamli
	// Prayagraj zone
	{Zone: "prayagraj", ZoneName: "Prayagraj", Range: "prayagraj", RangeName: "Prayagraj",
		Districts: []int{120, 142, 158, 174}}, // Prayagraj, Fatehpur, Kaushambi, Pratapgarh
	// Varanasi zone
	{Zone: "varanasi", ZoneName: "Varanasi", Range: "varanasi", RangeName: "Varanasi",
		Districts: []int{135, 146, 152, 187}}, // Chandauli, Ghazipur, Jaunpur, Varanasi
	{Zone: "varanasi", ZoneName: "Varanasi", Range: "azamgarh", RangeName: "Azamgarh",
		Districts: []int{123, 126, 168}}, // Azamgarh, Ballia, Mau
	{Zone: "varanasi", ZoneName: "Varanasi", Range: "mirzapur", RangeName: "Mirzapur",
		Districts: []int{170, 179, 184}}, // Mirzapur, Bhadohi, Sonbhadra
}
