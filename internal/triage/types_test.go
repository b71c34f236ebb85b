package triage

import (
	"testing"

	"github.com/shikayat/shikayat"
)

// Types told by phrases rather than single words, as the guidelines define
// them: someone not come back is missing; the police as the ones who did
// wrong is police conduct; shots fired is an assault; something taken away
// is a theft; money collected on a promise is cheating; a body is other.
func TestTypesByPhrases(t *testing.T) {
	tr := newTestTriager(t)
	for _, c := range []struct {
		text string
		want shikayat.Type
	}{
		{"मेरा भाई परसों शाम से घर नहीं लौटा, फोन बंद है, कुछ पता नहीं चल रहा", shikayat.TypeMissingPerson},
		{"my uncle went to the market on Monday and has not returned, his phone is switched off", shikayat.TypeMissingPerson},
		{"police ne mere chacha ko jhoothe case me naamzad kar diya, wo us din gaon me the hi nahi, please karwai kijiye", shikayat.TypePoliceConduct},
		{"थाने वाले दूसरे पक्ष से मिलकर हम पर समझौते का दबाव बना रहे हैं, कृपया कार्रवाई करें", shikayat.TypePoliceConduct},
		{"some men fired in the air outside our house last night and said they will be back", shikayat.TypeAssaultThreat},
		{"रात में कुछ लोग हमारे दरवाजे पर हवाई फायर करके चले गए", shikayat.TypeAssaultThreat},
		{"a man ran off with my laptop bag at the railway station", shikayat.TypeTheft},
		{"ek company wale paisa dogna karne ki scheme me sabka paisa jama karwa ke office band karke gayab", shikayat.TypeFraudCheating},
		{"नदी किनारे सुबह से एक शव पड़ा है, कोई देखने नहीं आया, कृपया पुलिस भेजें", shikayat.TypeOther},
		{"school van me bache bhare jaate hain aur driver tez raftar se chalata hai, please action lijiye", shikayat.TypeTraffic},
	} {
		res := triageText(t, tr, c.text, "")
		if res.Type != c.want {
			t.Errorf("%q: type %q (actionable %v), want %q", c.text, res.Type, res.Actionable, c.want)
		}
	}
}
