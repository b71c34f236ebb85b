package desk

import "github.com/shikayat/shikayat"

// Lang is a language of the desk: "hi" or "en".
type Lang string

const (
	Hindi   Lang = "hi"
	English Lang = "en"
)

// messages is the one table of the desk's words, in English and Hindi.
// Templates name a key; a key missing here is a start-up error.
var messages = map[string]struct{ en, hi string }{
	"app":                    {"shikayat — complaint desk", "शिकायत — शिकायत डेस्क"},
	"sign_in":                {"Sign in", "साइन इन करें"},
	"sign_out":               {"Sign out", "साइन आउट"},
	"username":               {"Username", "यूज़रनेम"},
	"password":               {"Password", "पासवर्ड"},
	"login_failed":           {"Wrong username or password.", "यूज़रनेम या पासवर्ड गलत है।"},
	"login_locked":           {"Too many failed attempts. Try again in a few minutes.", "बहुत सारे गलत प्रयास। कुछ मिनट बाद फिर कोशिश करें।"},
	"signed_in_as":           {"Signed in as", "साइन इन:"},
	"unit":                   {"Unit", "इकाई"},
	"role":                   {"Role", "भूमिका"},
	"inbox":                  {"Complaints", "शिकायतें"},
	"by_stage":               {"By stage", "चरण के अनुसार"},
	"none":                   {"No complaints.", "कोई शिकायत नहीं।"},
	"code":                   {"Code", "कोड"},
	"stage":                  {"Stage", "चरण"},
	"received_at":            {"Received", "प्राप्त"},
	"text":                   {"Post", "पोस्ट"},
	"total":                  {"Total", "कुल"},
	"overdue":                {"overdue", "समय-सीमा पार"},
	"change_password":        {"Change password", "पासवर्ड बदलें"},
	"current_password":       {"Current password", "मौजूदा पासवर्ड"},
	"new_password":           {"New password", "नया पासवर्ड"},
	"password_changed":       {"Password changed. Other sessions were signed out.", "पासवर्ड बदल गया। बाकी सत्र बंद कर दिए गए।"},
	"password_wrong":         {"The current password is wrong.", "मौजूदा पासवर्ड गलत है।"},
	"password_rules":         {"At least 10 characters.", "कम से कम 10 अक्षर।"},
	"other_lang":             {"हिन्दी", "English"},
	"stage_received":         {"Received", "प्राप्त"},
	"stage_forwarded":        {"Forwarded", "ज़िले को भेजी गई"},
	"stage_classified":       {"Classified", "श्रेणी तय"},
	"stage_assigned":         {"Assigned", "थाने को सौंपी गई"},
	"stage_in_progress":      {"In progress", "कार्यवाही जारी"},
	"stage_closed":           {"Closed", "निस्तारित"},
	"role_hq_admin":          {"HQ administrator", "मुख्यालय प्रशासक"},
	"role_hq_operator":       {"HQ operator", "मुख्यालय ऑपरेटर"},
	"role_supervisor":        {"Supervisor", "पर्यवेक्षक"},
	"role_district_operator": {"District operator", "ज़िला ऑपरेटर"},
	"role_station_officer":   {"Station officer", "थाना अधिकारी"},
	// HQ's review queue.
	"review_queue":              {"Review queue", "समीक्षा कतार"},
	"review_search":             {"Find a post by its text or id", "पोस्ट उसके शब्दों या आईडी से खोजें"},
	"review_search_button":      {"Search", "खोजें"},
	"review_found":              {"Posts found", "मिली पोस्ट"},
	"review_nothing":            {"Nothing here.", "यहाँ कुछ नहीं।"},
	"review_held":               {"Posts held for review", "समीक्षा हेतु रोकी गई पोस्ट"},
	"review_no_district":        {"Complaints with no district", "बिना ज़िले की शिकायतें"},
	"review_unsure":             {"Complaints triage was unsure of", "कम भरोसे वाली शिकायतें"},
	"review_immediate":          {"Immediate", "तत्काल"},
	"review_overdue":            {"Overdue", "समय सीमा पार"},
	"review_due":                {"due", "नियत समय"},
	"review_confidence":         {"Confidence", "भरोसा"},
	"review_make_complaint":     {"Make it a complaint", "शिकायत दर्ज करें"},
	"review_not_complaint":      {"Not a complaint", "शिकायत नहीं है"},
	"review_made_complaint":     {"The post is now a complaint; the citizen will get the docket.", "पोस्ट अब शिकायत है; नागरिक को डॉकेट भेजा जाएगा।"},
	"review_not_complaint_done": {"Recorded as not a complaint.", "शिकायत नहीं के रूप में दर्ज।"},
	"review_bad_query":          {"The search text is too long.", "खोज के शब्द बहुत लंबे हैं।"},
}

// T returns the message key in lang, the key itself when unknown (which
// the start-up check rules out for templates).
func T(lang Lang, key string) string {
	m, ok := messages[key]
	switch {
	case !ok:
		return key
	case lang == English:
		return m.en
	}
	return m.hi
}

func stageKey(s shikayat.Stage) string { return "stage_" + string(s) }

func roleKey(r shikayat.Role) string { return "role_" + string(r) }
