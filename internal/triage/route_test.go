package triage

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
)

// fakeLocator puts everything north of 27° in Lucknow and the rest in
// Varanasi, and nothing west of 77° in UP.
type fakeLocator struct{}

func (fakeLocator) Locate(lat, lon float64) (int, string, bool) {
	switch {
	case lon < 77:
		return 0, "", false
	case lat > 27:
		return 162, "test", true
	default:
		return 187, "test", true
	}
}

func newTestTriager(t *testing.T) *Triager {
	t.Helper()
	tr, err := New(Options{Locator: fakeLocator{}})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestRoute(t *testing.T) {
	tr := newTestTriager(t)
	inLucknow := &shikayat.Point{Lat: 26.85 + 1, Lon: 80.9}
	tests := []struct {
		name string
		post shikayat.Post
		want int
		why  string // a reason must contain this
	}{
		{"text names the district", shikayat.Post{Text: "Agra me meri bike chori ho gayi"}, 118, `text: "Agra" → Agra (118)`},
		{"text beats the profile", shikayat.Post{Text: "मेरठ में चोरी", AuthorLocation: "Lucknow, India"}, 169, "text:"},
		{"coordinates beat the profile", shikayat.Post{Text: "chori ho gayi", Coordinates: inLucknow, AuthorLocation: "Agra"}, 162, "coordinates:"},
		{"coordinates outside UP give nothing", shikayat.Post{Text: "chori ho gayi", Coordinates: &shikayat.Point{Lat: 19, Lon: 72.8}}, 0, "outside Uttar Pradesh"},
		{"place object by name", shikayat.Post{Text: "help", Place: &shikayat.Place{FullName: "Kanpur, India", Name: "Kanpur", Country: "IN"}}, 157, "place:"},
		{"place object by bbox centre", shikayat.Post{Text: "help", Place: &shikayat.Place{FullName: "Somewhere", BBox: [4]float64{80.8, 27.5, 81.0, 27.7}}}, 162, "place:"},
		{"place that is the whole state", shikayat.Post{Text: "help", Place: &shikayat.Place{FullName: "Uttar Pradesh, India", Name: "Uttar Pradesh", BBox: [4]float64{77, 23.8, 84.6, 30.4}}, AuthorLocation: "Agra"}, 0, "whole state"},
		{"place outside UP", shikayat.Post{Text: "help", Place: &shikayat.Place{FullName: "New Delhi, India", Name: "New Delhi"}, AuthorLocation: "Agra"}, 0, "outside Uttar Pradesh"},
		{"district police account", shikayat.Post{Text: "help", Mentions: []string{"Uppolice", "noidapolice"}, AuthorLocation: "Agra"}, 144, "account: @noidapolice"},
		{"profile alone", shikayat.Post{Text: "help", AuthorLocation: "गोरखपुर, उत्तर प्रदेश"}, 148, "profile:"},
		{"profile naming only the state", shikayat.Post{Text: "help", AuthorLocation: "Uttar Pradesh, India"}, 0, "no UP district"},
		{"incident outside UP beats the profile", shikayat.Post{Text: "Delhi me mera phone chori ho gaya", AuthorLocation: "Lucknow"}, 0, `"delhi" is outside`},
		{"place outside UP merely mentioned", shikayat.Post{Text: "I am from Mumbai, my bike was stolen in Pratapgarh"}, 174, "Pratapgarh"},
		{"a trip elsewhere is not the incident", shikayat.Post{Text: "booked a Nainital trip on a fake site", AuthorLocation: "Mau"}, 168, "profile:"},
		{"a road named after a city", shikayat.Post{Text: "Baraut me Dilli road pe mobile chheena"}, 124, "baraut"},
		{"another state's police tagged", shikayat.Post{Text: "phone snatched", Mentions: []string{"DelhiPolice"}, AuthorLocation: "Ghaziabad"}, 0, "@DelhiPolice"},
		{"town and district agree", shikayat.Post{Text: "Hazratganj, Lucknow me jam"}, 162, "hazratganj"},
		{"nothing at all", shikayat.Post{Text: "please help"}, 0, "no UP district named"},
		{"a district name that is also a word", shikayat.Post{Text: "traffic police jam achhe se sambhal rahi hai", AuthorLocation: "Agra"}, 118, "profile:"},
		{"the same name as a place", shikayat.Post{Text: "Sambhal me meri bike chori ho gayi"}, 659, "sambhal"},
		{"a guy is not Banda", shikayat.Post{Text: "ek banda bank wala banke call kiya", AuthorLocation: "Agra"}, 118, "profile:"},
		{"a retweet names the original's accounts", shikayat.Post{Text: "@Uppolice @pilibhitpol chain loot ho gayi", RetweetOf: "1", Mentions: []string{"news"}}, 173, "account: @pilibhitpol"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tr.Triage(context.Background(), &tt.post)
			if err != nil {
				t.Fatal(err)
			}
			if res.District != tt.want {
				t.Errorf("district = %d, want %d; reasons %q", res.District, tt.want, res.Reasons)
			}
			found := false
			for _, r := range res.Reasons {
				if strings.Contains(r, tt.why) || strings.Contains(strings.ToLower(r), tt.why) { // places are quoted as written
					found = true
				}
			}
			if !found {
				t.Errorf("no reason mentions %q: %q", tt.why, res.Reasons)
			}
		})
	}
}
