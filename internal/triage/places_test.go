package triage

import (
	"strings"
	"testing"
)

func TestPlacesWithoutFalseFriends(t *testing.T) {
	tr := newTestTriager(t)
	tests := []struct {
		name, text, profile string
		want                int
	}{
		// stop-list: ordinary words that look like places
		{"प्रयास is an effort, not Prayagraj", "हमारे प्रयास से गांव में शांति है, पुलिस का धन्यवाद", "", 0},
		{"बार-बार is again and again", "बार-बार शिकायत करने पर भी कोई सुनवाई नहीं", "", 0},
		{"jhanse me le ke is to con", "usne jhanse me le ke mere paise le liye", "", 0},
		{"Sri Lanka is not Varanasi's Lanka", "India vs Sri Lanka match ka score kya hai", "", 0},
		{"Lanka in Varanasi stays a place", "Lanka gate ke paas mera phone chori ho gaya", "", 187},
		// a lone weak match never outranks the profile
		{"ETA is not Etah, the profile wins", "What is the ETA of the PRV? Called 112 twenty minutes ago", "Kanpur", 157},
		// landmarks
		{"a stadium", "Ekana stadium ke bahar bahut jam hai", "", 162},
		{"a temple", "Banke Bihari temple ke paas meri chain chori ho gayi", "", 167},
		{"a university", "BHU ke gate pe ladke ladkiyon ko chhed rahe hai", "", 187},
		{"a hospital", "KGMU ke bahar se meri bike chori ho gayi", "", 162},
		{"a station", "Kanpur Central par mera bag chori ho gaya", "", 157},
		{"a market", "Atta market me jeb kat gayi", "", 144},
		// real places still route
		{"a district named in Hindi", "एटा में मेरी बाइक चोरी हो गई", "", 138},
		{"Jhansi itself", "Jhansi me meri bike chori ho gayi", "", 153},
	}
	for _, c := range tests {
		t.Run(c.name, func(t *testing.T) {
			res := triageText(t, tr, c.text, c.profile)
			if res.District != c.want {
				t.Errorf("%q (profile %q): district %d, want %d; reasons %s", c.text, c.profile, res.District, c.want, strings.Join(res.Reasons, " | "))
			}
		})
	}
}
