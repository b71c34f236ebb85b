package shikayat

import "testing"

func TestReplyFrom(t *testing.T) {
	accs := Accounts{
		{Username: "Uppolice", UnitID: HQUnitID},
		{Username: "lucknowpolice", UnitID: "district:162"},
		{Username: "ghaziabadpolice", UnitID: "district:145"},
		{Username: "grpup", UnitID: "unit:grp"},
	}
	lucknow := "hq/zone:lucknow/range:lucknow/district:162/"
	ghaziabad := "hq/zone:meerut/range:meerut/district:145/"
	for _, tc := range []struct {
		name     string
		mentions []string
		path     string
		want     string
		ok       bool
	}{
		{"only the district tagged answers from it", []string{"lucknowpolice"}, lucknow, "lucknowpolice", true},
		{"the owning district wins over the state", []string{"Uppolice", "ghaziabadpolice"}, ghaziabad, "ghaziabadpolice", true},
		{"case does not matter", []string{"UPPOLICE", "GhaziabadPolice"}, ghaziabad, "ghaziabadpolice", true},
		{"only the state tagged answers from it", []string{"Uppolice"}, lucknow, "Uppolice", true},
		{"the state when the owner was not tagged", []string{"ghaziabadpolice", "Uppolice"}, lucknow, "Uppolice", true},
		{"another district tagged alone still answers: it was mentioned", []string{"ghaziabadpolice"}, lucknow, "ghaziabadpolice", true},
		{"the first tagged when none owns it and no state", []string{"grpup", "ghaziabadpolice"}, lucknow, "grpup", true},
		{"a functional unit that owns it", []string{"Uppolice", "grpup"}, "hq/unit:grp/", "grpup", true},
		{"no unit known: the state", []string{"lucknowpolice", "Uppolice"}, "", "Uppolice", true},
		{"no configured account tagged: never answered", []string{"delhipolice", "someone"}, lucknow, "", false},
		{"no mentions at all", nil, lucknow, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := accs.ReplyFrom(tc.mentions, tc.path)
			if got != tc.want || ok != tc.ok {
				t.Fatalf("ReplyFrom(%v, %q) = %q, %v; want %q, %v", tc.mentions, tc.path, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestAccountsMentionedOnce(t *testing.T) {
	accs := Accounts{{Username: "Uppolice", UnitID: HQUnitID}, {Username: "lucknowpolice", UnitID: "district:162"}}
	got := accs.Mentioned([]string{"LucknowPolice", "x", "lucknowpolice", "uppolice"})
	if len(got) != 2 || got[0].Username != "lucknowpolice" || got[1].Username != "Uppolice" {
		t.Fatalf("Mentioned = %v", got)
	}
}
