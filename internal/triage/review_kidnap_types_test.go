package triage

import (
	"slices"
	"testing"

	"github.com/shikayat/shikayat"
)

// A kidnapping that has happened is immediate even when the post also
// tells of a threat to kidnap someone else; a threat alone is not.
func TestKidnapDoneWithThreatIsImmediate(t *testing.T) {
	tr := newTestTriager(t)
	for _, text := range kidnapsWithThreats {
		if r := triageText(t, tr, text, ""); r.Urgency != shikayat.ClassImmediate {
			t.Errorf("%q: urgency %q, want immediate\n%v", text, r.Urgency, r.Reasons)
		}
	}
	for _, text := range kidnapThreatsOnly {
		if w := emergency(Tokenize(Fold(text))); w != "" {
			t.Errorf("%q: a threat only, yet an emergency: %q", text, w)
		}
	}
}

var kidnapsWithThreats = []string{
	"@Uppolice My 8 year old son was kidnapped from outside his school an hour ago, the kidnappers called and said they will kidnap my daughter too if we go to police",
	"@Uppolice mere bete ka apharan ho gaya hai, firauti maang rahe hain, bol rahe police ko bataya to beti ko bhi utha lenge",
	"@Uppolice मेरे बेटे का अपहरण हो गया है, फिरौती मांग रहे हैं, कह रहे हैं पुलिस को बताया तो बेटी को भी उठा लेंगे",
	"@Uppolice my brother was abducted this morning by four men in a white car, they say they will abduct his wife also",
}

var kidnapThreatsOnly = []string{
	"@Uppolice the contractor threatened to kidnap my son if I do not withdraw the complaint about wages",
	"@Uppolice padosi kehta hai bete ka apharan kar lenge agar case wapas nahi liya",
}

// The type rules settle a type only on the words that define it: a gas
// leak filmed is no cyber fraud, an officer who reports a theft or hears a
// complaint is not its subject, photos of goons are no blackmail.
func TestTypeRulesDoNotMisfire(t *testing.T) {
	tr := newTestTriager(t)
	for _, c := range typeMisfires {
		r := triageText(t, tr, c.text, "")
		if r.Type == c.not || c.want != "" && r.Type != c.want {
			t.Errorf("%q: type %q (not %q, want %q)\n%v", c.text, r.Type, c.not, c.want, r.Reasons)
		}
	}
}

var typeMisfires = []struct {
	text string
	not  shikayat.Type
	want shikayat.Type // "" for any but not
}{
	{"@Uppolice gas leak ho rahi hai padosi ke ghar me, aag lag sakti hai, video whatsapp pe bheja hai, jaldi aao", shikayat.TypeCyberFraud, ""},
	{"@Uppolice thieves broke into my shop last night; the SHO came and said the thieves took money from the till and left", shikayat.TypePoliceConduct, shikayat.TypeTheft},
	{"@Uppolice Complained to the SHO about boys drinking outside the girls school every night, please send patrol", shikayat.TypePoliceConduct, ""},
	{"@Uppolice Goons are demanding money from every shopkeeper in the market, I have photos of them, please act", shikayat.TypeCyberFraud, ""},
}

// "no trace" after a theft found by its phrase ("took away my bike") is a
// theft not traced, not a missing person.
func TestNoTraceAfterPhraseTheft(t *testing.T) {
	tr := newTestTriager(t)
	text := "@Uppolice someone took away my bike from outside the mall, kuch pata nahi chala"
	if r := triageText(t, tr, text, ""); r.Type != shikayat.TypeTheft {
		t.Errorf("%q: type %q, want theft\n%v", text, r.Type, r.Reasons)
	}
}

// The type a danger implies (a kidnapping: a missing person) is not
// overridden by the words of another type elsewhere in the post.
func TestSettleTypeKeepsTheDangersType(t *testing.T) {
	tr := newTestTriager(t)
	text := "@Uppolice mere bete ka apharan ho gaya hai, thane ka daroga paise maang raha hai dhoondhne ke liye"
	if st, _ := settleType(Fold(text), Tokenize(Fold(text))); st != shikayat.TypePoliceConduct {
		t.Fatalf("settleType gives %q: the case no longer tests the guard", st)
	}
	if r := triageText(t, tr, text, ""); r.Type != shikayat.TypeMissingPerson || r.Urgency != shikayat.ClassImmediate {
		t.Errorf("%q: %q %q, want immediate missing_person\n%v", text, r.Urgency, r.Type, r.Reasons)
	}
}

// reviewSentences are the sentences of this file, for the check against
// the dev set (TestTypeSentencesAreNotInDev).
var reviewSentences = func() []string {
	out := append(slices.Clone(kidnapsWithThreats), kidnapThreatsOnly...)
	for _, c := range typeMisfires {
		out = append(out, c.text)
	}
	return out
}()
