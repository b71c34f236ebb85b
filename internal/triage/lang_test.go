package triage

import "testing"

func TestDetectLang(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"devanagari", "@Uppolice मेरी बाइक चोरी हो गई है कृपया मदद करें", LangHindi},
		{"devanagari with english words", "मेरा mobile चोरी हो गया, FIR दर्ज करें", LangHindi},
		{"english", "My bike was stolen from outside my house last night, please register an FIR", LangEnglish},
		{"english with an app and a bus", "I lost my phone on the bus, is the UPCOP app the right way to report it?", LangEnglish},
		{"english naming Indian places", "A placement agency in Civil Lines, Allahabad took Rs 35,000 from me", LangEnglish},
		{"hinglish", "kal raat meri bike chori ho gayi, FIR nahi likh rahe", LangHinglish},
		{"short hinglish", "jaldi aao bhai", LangHinglish},
		{"hinglish advert", "Sabse sasta coaching! batch shuru, fees sirf 999", LangHinglish},
		{"code-mixed hinglish", "sir mera account hack ho gaya hai aur paise kat gaye please help", LangHinglish},
		{"mentions and tags only", "@Uppolice #help", LangEnglish},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLang(Tokenize(Fold(tt.text))); got != tt.want {
				t.Errorf("DetectLang(%q) = %s, want %s", tt.text, got, tt.want)
			}
		})
	}
}
