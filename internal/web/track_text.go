package web

// trackText is every word of the public tracking page, in Hindi and in
// English: the page never shows a string of one language on the other's
// page. Keys: the page's own words, "stage.*" (DESIGN's stages),
// "status.*", "step.*" (shikayat.Step*) and "res.*" (resolutions). The test
// checks that both languages have the same keys and that every step,
// stage, status and resolution has its words.
var trackText = map[string]map[string]string{
	"en": {
		"title": "Complaint status", "complaint": "Complaint", "district": "District", "updated": "Updated",
		"history": "History", "other_lang": "हिन्दी",
		"typo": "This code has a typo", "typo_help": "Please check the code in the reply you received, e.g. UP26-7K3QM9XD4P.",
		"invalid": "This is not a complaint code", "invalid_help": "A code looks like UP26-7K3QM9XD4P.",
		"unknown": "No complaint has this code",
		"busy":    "Too many look-ups from your network", "busy_help": "Please try again in a few minutes.",

		"status.open": "Open", "status.in_process": "In process", "status.closed": "Closed",

		"stage.received": "Received", "stage.forwarded": "Sent to the district", "stage.classified": "Category set",
		"stage.assigned": "Sent to the police station", "stage.in_progress": "Action under way", "stage.closed": "Disposed of",

		"step.received": "Complaint received.", "step.forwarded": "Sent to the district concerned.",
		"step.classified": "Category set by the district.", "step.assigned": "Sent to the police station concerned.",
		"step.in_progress": "The police station has started action.", "step.note": "Update from the police.",
		"step.replied": "Reply sent to you on X.", "step.closed": "Complaint disposed of.",
		"step.merged":   "Joined with another complaint about the same matter.",
		"step.reopened": "Complaint reopened.", "step.appeal": "Reopened on your appeal.",

		"res.action_taken": "Action taken", "res.fir_registered": "FIR registered", "res.not_police_matter": "Not a police matter",
		"res.duplicate": "Duplicate", "res.withdrawn": "Withdrawn", "res.no_response": "No response from the complainant",
	},
	"hi": {
		"title": "शिकायत की स्थिति", "complaint": "शिकायत", "district": "ज़िला", "updated": "अद्यतन",
		"history": "कार्यवाही", "other_lang": "English",
		"typo": "इस कोड में टाइपिंग की गलती है", "typo_help": "कृपया जवाब में मिला कोड दोबारा जाँचें, जैसे UP26-7K3QM9XD4P।",
		"invalid": "यह शिकायत कोड नहीं है", "invalid_help": "कोड ऐसा दिखता है: UP26-7K3QM9XD4P",
		"unknown": "यह शिकायत नहीं मिली",
		"busy":    "आपके नेटवर्क से बहुत अधिक खोजें हुई हैं", "busy_help": "कृपया कुछ मिनट बाद फिर प्रयास करें।",

		"status.open": "खुली", "status.in_process": "प्रक्रिया में", "status.closed": "बंद",

		"stage.received": "प्राप्त", "stage.forwarded": "ज़िले को भेजी गई", "stage.classified": "श्रेणी तय",
		"stage.assigned": "थाने को सौंपी गई", "stage.in_progress": "कार्यवाही जारी", "stage.closed": "निस्तारित",

		"step.received": "शिकायत प्राप्त हुई।", "step.forwarded": "संबंधित ज़िले को भेजी गई।",
		"step.classified": "ज़िले ने श्रेणी तय की।", "step.assigned": "संबंधित थाने को सौंपी गई।",
		"step.in_progress": "थाने ने कार्यवाही शुरू की।", "step.note": "पुलिस की ओर से सूचना।",
		"step.replied": "आपको X पर जवाब भेजा गया।", "step.closed": "शिकायत निस्तारित।",
		"step.merged":   "इसी मामले की दूसरी शिकायत के साथ जोड़ी गई।",
		"step.reopened": "शिकायत फिर से खोली गई।", "step.appeal": "आपकी अपील पर फिर से खोली गई।",

		"res.action_taken": "कार्यवाही की गई", "res.fir_registered": "एफ़आईआर दर्ज", "res.not_police_matter": "पुलिस से संबंधित मामला नहीं",
		"res.duplicate": "दोहराई गई शिकायत", "res.withdrawn": "वापस ली गई", "res.no_response": "शिकायतकर्ता से संपर्क नहीं हो सका",
	},
}
