package triage

import (
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
)

// The deployment's --accounts override the built-in handle table; the
// tagged account ranks as GUIDELINES ranks it: below the text, coordinates
// and the place, above the profile, and the reasons say which won.
func TestConfiguredAccountsAsLocationSignal(t *testing.T) {
	accounts := shikayat.Accounts{
		{Username: "Uppolice", UnitID: shikayat.HQUnitID},
		{Username: "lucknowpolice", UnitID: "district:162"},
		{Username: "cp_east_up", UnitID: "district:144"}, // a name no table knows
		{Username: "agrapolice", UnitID: "zone:agra"},    // a zone's, not the district's
		{Username: "grpup", UnitID: "unit:grp"},
	}
	tr, err := New(Options{Locator: fakeLocator{}, Handles: HandlesWith(nil, accounts)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		post shikayat.Post
		want int
		why  string
	}{
		{"a configured district account", shikayat.Post{Text: "help please", Mentions: []string{"lucknowpolice"}}, 162, "account: @lucknowpolice → Lucknow (162)"},
		{"a configured account the built-in table lacks", shikayat.Post{Text: "help please", Mentions: []string{"cp_east_up"}, AuthorLocation: "Agra"}, 144, "account: @cp_east_up"},
		{"a zone's account whose name looks like a district's is no district", shikayat.Post{Text: "help please", Mentions: []string{"agrapolice"}, AuthorLocation: "Gorakhpur"}, 148, "profile:"},
		{"the state account is no district", shikayat.Post{Text: "help please", Mentions: []string{"Uppolice"}}, 0, "no UP district"},
		{"a functional unit's account is no district", shikayat.Post{Text: "help please", Mentions: []string{"grpup"}, AuthorLocation: "Gorakhpur"}, 148, "profile:"},
		{"the text outranks the account", shikayat.Post{Text: "Agra me meri bike chori ho gayi", Mentions: []string{"lucknowpolice"}}, 118, "text:"},
		{"the account outranks the profile", shikayat.Post{Text: "help please", Mentions: []string{"lucknowpolice"}, AuthorLocation: "Gorakhpur"}, 162, "account: @lucknowpolice"},
		{"coordinates outrank the account", shikayat.Post{Text: "help please", Mentions: []string{"cp_east_up"}, Coordinates: &shikayat.Point{Lat: 28, Lon: 80.9}}, 162, "coordinates:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(Fold(tc.post.Text))
			r := tr.route(&tc.post, toks)
			if r.District != tc.want || !strings.Contains(strings.Join(r.Reasons, "; "), tc.why) {
				t.Fatalf("district %d, reasons %q; want %d with %q", r.District, r.Reasons, tc.want, tc.why)
			}
		})
	}
}
