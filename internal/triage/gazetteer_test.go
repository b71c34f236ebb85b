package triage

import (
	"slices"
	"testing"
)

func findDistricts(g *Gazetteer, text string) (lgds []int, kinds []Kind) {
	for _, m := range g.Find(Tokenize(Fold(text))) {
		kinds = append(kinds, m.Kind())
		lgds = append(lgds, m.Districts()...)
	}
	return lgds, kinds
}

func TestGazetteerFind(t *testing.T) {
	g := NewGazetteer(nil, nil)
	tests := []struct {
		name string
		text string
		want []int // districts found, in order
	}{
		{"hindi name with postposition", "लखनऊ में चोरी हुई", []int{162}},
		{"english name with suffix", "a Lucknow-based trader", []int{162}},
		{"name glued to a postposition", "लखनऊमें रहता हूं", []int{162}},
		{"old name", "Allahabad ke Civil Lines me", []int{120}},
		{"old hindi name", "फैजाबाद में", []int{140}},
		{"noida is gautam buddha nagar", "Noida sector 62 me", []int{144, 144}},
		{"kanpur alone is kanpur nagar", "Kanpur me", []int{157}},
		{"kanpur dehat is its own district", "Kanpur Dehat ke Akbarpur me", []int{156}},
		{"locality", "हजरतगंज चौराहे पर", []int{162}},
		{"locality written joined", "gomtinagar me", []int{162}},
		{"town from LGD facts", "Khurja me meri dukaan", []int{134}},
		{"hindi town", "शिकोहाबाद में", []int{143}},
		{"one letter wrong in a district name", "Sahranpur ke court road se", []int{177}},
		{"hashtag", "#Varanasi police", []int{187}},
		{"district name wins over a tehsil elsewhere", "Fatehpur me", []int{142}},
		{"town known only in Latin letters, written in Devanagari", "कमालगंज में", []int{141}},
		{"tehsil of two words in Devanagari", "भाटपार रानी थाना क्षेत्र", []int{137}},
		{"nothing", "meri bike chori ho gayi kal raat", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := findDistricts(g, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) districts = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestGazetteerGuardsCommonWords(t *testing.T) {
	g := NewGazetteer(nil, nil)
	for _, text := range []string{
		"ghar ke bahar khada ho jata hai", // Khadda is a town; khada is "standing"
		"bara bhai aur patti bandhi",      // Bara, Patti are tehsils
		"khair chhodo, sadar bazar me",    // Khair is a tehsil; Sadar is in every district
		"he was standing there",
		"police station road market",
		"फोन बंद आ रहा है",    // बंद आ romanises to a town's name
		"गंगा घाट पर भीड़ है", // Gangaghat is a town in Unnao; any ghat is not
	} {
		t.Run(text, func(t *testing.T) {
			if got, _ := findDistricts(g, text); len(got) != 0 {
				t.Errorf("Find(%q) = %v, want no place", text, got)
			}
		})
	}
}

func TestGazetteerOutsideAndState(t *testing.T) {
	g := NewGazetteer(nil, nil)
	tests := []struct {
		text string
		kind Kind
	}{
		{"Delhi me", KindOutside},
		{"दिल्ली में", KindOutside},
		{"Gurugram ke paas", KindOutside},
		{"Uttar Pradesh", KindState},
		{"उत्तर प्रदेश", KindState},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, kinds := findDistricts(g, tt.text)
			if len(kinds) != 1 || kinds[0] != tt.kind {
				t.Errorf("Find(%q) kinds = %v, want [%v]", tt.text, kinds, tt.kind)
			}
		})
	}
}

func TestGazetteerAmbiguousName(t *testing.T) {
	g := NewGazetteer(nil, []Station{{District: 162, Names: []string{"Ramnagar Chowki Alpha"}}, {District: 129, Names: []string{"Ramnagar Chowki Alpha"}}})
	got, _ := findDistricts(g, "Ramnagar Chowki Alpha ke paas")
	if len(got) != 2 {
		t.Fatalf("ambiguous station name gave %v, want both districts", got)
	}
}

func TestGazetteerHandles(t *testing.T) {
	g := NewGazetteer(map[string]int{"@SomeCityCop": 162}, nil)
	tests := []struct {
		handle string
		want   int
		ok     bool
	}{
		{"SomeCityCop", 162, true},
		{"somecitycop", 162, true},
		{"agrapolice", 118, true},      // district name + police
		{"GorakhpurPol", 148, true},    // district name + pol
		{"prayagrajpolice", 120, true}, // alias + police
		{"DelhiPolice", 0, false},      // another state's police
		{"Uppolice", 0, false},         // the state account names no district
		{"cp_noida", 0, false},         // in the default table, which this one replaced
		{"random_user_2024", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.handle, func(t *testing.T) {
			got, ok := g.Handle(tt.handle)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Handle(%q) = %d, %v; want %d, %v", tt.handle, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseHandles(t *testing.T) {
	m, err := ParseHandles("# handle, LGD\n@lkopolice,162\nnoidapolice|144\n\nprayagraj_pol\t120\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 3 || m["lkopolice"] != 162 || m["noidapolice"] != 144 || m["prayagraj_pol"] != 120 {
		t.Errorf("ParseHandles = %v", m)
	}
	for _, bad := range []string{"lkopolice\n", "lkopolice,abc\n"} {
		if _, err := ParseHandles(bad); err == nil {
			t.Errorf("ParseHandles(%q) accepted a bad line", bad)
		}
	}
}

func TestEditDistance1(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"lucknow", "lucknow", 0},
		{"lucknow", "lukcnow", 1}, // swap
		{"lucknow", "lucknw", 1},  // deletion
		{"lucknow", "luccknow", 1},
		{"lucknow", "lacknow", 1},
		{"lucknow", "lakhnau", 2},
		{"मेरठ", "मेरट", 1},
	}
	for _, tt := range tests {
		if got := editDistance1(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance1(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzGazetteerFind(f *testing.F) {
	g := NewGazetteer(nil, nil)
	for _, s := range []string{"लखनऊ में", "Lucknow-based", "gomti nagar", "Sahranpur", "Kanpur Dehat", "#lkopolice", "दिल्ली", "\u0928\u094d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(Fold(s))
		prevEnd := 0
		for _, m := range g.Find(toks) {
			if m.Start < prevEnd || m.End <= m.Start || m.End > len(toks) {
				t.Fatalf("match %+v out of order or range (%d tokens)", m, len(toks))
			}
			prevEnd = m.End
			if len(m.Places) == 0 {
				t.Fatalf("match %+v names no place", m)
			}
			for _, d := range m.Districts() {
				if d == 0 {
					t.Fatalf("match %+v gives district 0", m)
				}
			}
		}
	})
}
