package triage

import (
	"strings"
	"testing"
)

// TestSensitiveSuggestion: triage suggests a sensitive complaint for a
// sexual offence, a minor as victim or the victim's identity, in Hindi,
// Hinglish and English, and not for rhetoric or for ages of things.
func TestSensitiveSuggestion(t *testing.T) {
	tr := newTestTriager(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		// sexual offences
		{"A man molested my sister in the metro at Hazratganj, please act", true},
		{"My friend was raped by her neighbour last night in Kanpur, police are not registering FIR", true},
		{"Some boys are doing eve teasing outside the girls college every evening", true},
		{"मेरी बहन के साथ कॉलेज के बाहर छेड़छाड़ हुई, आरोपी खुलेआम घूम रहे हैं", true},
		{"गांव की महिला के साथ दुष्कर्म हुआ, थाने में रिपोर्ट नहीं लिखी जा रही", true},
		{"mohalle ke ladke roz chhedchhad karte hain, koi action nahi", true},
		{"dushkarm ke aaropi ko police ne ab tak nahi pakda", true},
		{"Please register a case under POCSO, the accused is the school van driver", true},
		{"Someone is sending obscene videos to my wife on WhatsApp and threatening her", true},
		{"koi meri behen ki ashleel photo viral karne ki dhamki de raha hai", true},
		{"I am a victim of sextortion, a woman recorded a video call and wants 50000", true},
		{"कोई मेरी पत्नी को अश्लील मैसेज और अश्लील वीडियो भेज रहा है", true},
		// a minor as victim
		{"मेरी नाबालिग बेटी को पड़ोस का लड़का भगा ले गया", true},
		{"meri 14 saal ki beti ko ek aadmi roz school ke raste mein pareshan karta hai", true},
		{"A 12 year old girl is being made to work as a maid and beaten in Gomti Nagar", true},
		{"nabalig ladki ki shaadi karai ja rahi hai kal, rokiye", true},
		{"पड़ोसी ने 8 साल की बच्ची को पीटा", true},
		// the victim's identity
		{"This page is sharing the victim's name and photo, please take it down", true},
		{"पीड़िता का नाम सोशल मीडिया पर डाला जा रहा है", true},
		// not sensitive
		{"This government is doing rape of democracy every day", false},
		{"यह लोकतंत्र का बलात्कार है, शर्म करो", false},
		{"loktantra ka balatkar ho raha hai UP mein", false},
		{"My phone was stolen near the bus stand in Lucknow", false},
		{"10 saal ki saza ho aur 5 saal ka jurmana, tabhi sudhrenge", false},
		{"There was a minor accident near Charbagh, no one hurt", false},
		{"मेरे 30 साल के भाई का मोबाइल छीन लिया", false},
		{"Loud DJ playing obscene songs till 2 am in our colony", false},
		{"पड़ोसी ने मेरी ज़मीन पर कब्जा कर लिया है", false},
	} {
		name := tc.text
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			res := triageText(t, tr, tc.text, "")
			if res.Sensitive != tc.want {
				t.Fatalf("sensitive = %v, want %v (reasons %q)", res.Sensitive, tc.want, res.Reasons)
			}
			if tc.want && !strings.Contains(strings.Join(res.Reasons, "\n"), "sensitive") {
				t.Fatalf("no reason names it sensitive: %q", res.Reasons)
			}
		})
	}
}

// FuzzSensitive: the rule reads any post without panicking, and a post it
// finds sensitive stays so with more text after it.
func FuzzSensitive(f *testing.F) {
	for _, s := range []string{"meri 14 saal ki beti", "rape of democracy", "१२yr बच्ची", "12yrs", "999999 year old girl", "पीड़िता", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(Fold(s))
		w := sensitive(toks)
		if w != "" && sensitive(Tokenize(Fold(s+" and then"))) == "" {
			t.Fatalf("%q is sensitive (%s) but not with text after it", s, w)
		}
	})
}
