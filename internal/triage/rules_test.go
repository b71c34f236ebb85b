package triage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shikayat/shikayat"
)

func triageText(t *testing.T, tr *Triager, text, profile string) shikayat.Triage {
	t.Helper()
	p := &shikayat.Post{ID: "1", Text: "@Uppolice " + text, Mentions: []string{"Uppolice"}, AuthorLocation: profile}
	res, err := tr.Triage(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestEmergenciesAreImmediate(t *testing.T) {
	tr := newTestTriager(t)
	for _, text := range []string{
		// kidnapping, ransom
		"My 10 year old son was kidnapped from outside his school in Kanpur, the caller wants 5 lakh ransom",
		"मेरे भाई का अपहरण हो गया है, फिरौती के लिए फोन आ रहा है",
		"mere bhai ko kuch log utha le gaye, firauti maang rahe hai",
		// confined
		"My sister has been locked in a room by her in-laws in Meerut and they are not letting her leave",
		"ससुराल वालों ने मेरी बहन को कमरे में बंद कर रखा है",
		"meri behen ko sasural walon ne kamre me band kar rakha hai",
		// an unattended bag, a bomb threat
		"There is an unattended bag on platform 3 at Charbagh station for an hour",
		"चारबाग स्टेशन पर प्लेटफार्म 3 पर लावारिस बैग पड़ा है",
		"station par ek lawaris bag pada hai kaafi der se",
		"Someone called the school saying there is a bomb in the building",
		// fire
		"A fire broke out in the cloth market in Aminabad, people are trapped",
		"अमीनाबाद की दुकान में आग लग गई है",
		"gali me ek ghar me aag lag gayi hai",
		// accident with injured
		"Accident on the highway near Unnao, two people injured and lying on the road",
		"हाईवे पर दुर्घटना हुई है, दो लोग घायल पड़े हैं",
		"highway pe accident hua hai, 2 log ghayal hai",
		// an assault or riot going on
		"Firing going on in our mohalla in Meerut",
		"मोहल्ले में पथराव हो रहा है",
		"gaon me danga ho raha hai, goli chal rahi hai",
		// a threat of suicide
		"My friend says he will kill himself tonight, he wrote a suicide note",
		"एक युवती पुल पर चढ़ी है और कूदने की बात कर रही है",
		"mera dost suicide karne ki baat kar raha hai",
		// a missing child
		"My 6 year old daughter is missing since this afternoon from the park",
		"मेरा 8 साल का बेटा शाम से लापता है",
		"hamara bachcha subah se lapata hai",
	} {
		res := triageText(t, tr, text, "")
		if !res.Actionable || res.Urgency != shikayat.ClassImmediate {
			t.Errorf("%q: actionable %v, urgency %q; want immediate", text, res.Actionable, res.Urgency)
		}
		if res.Handling == shikayat.HandlingRecord {
			t.Errorf("%q: recorded only; an emergency is at least held for review", text)
		}
	}
}

func TestNowAloneIsNotAnEmergency(t *testing.T) {
	for _, text := range []string{
		"abhi tak meri FIR nahi likhi gayi, 2 hafte ho gaye chori ki",
		"My bike was stolen last week and there is no update till now",
		"अभी तक मेरी शिकायत पर कोई कार्यवाही नहीं हुई, चोरी 10 दिन पहले हुई थी",
	} {
		toks := Tokenize(Fold(text))
		if w := emergency(toks); w != "" {
			t.Errorf("%q: taken as an emergency by %q", text, w)
		}
		for _, tok := range toks {
			if slices.Contains(cueOf[tok.Key], "now") && (tok.Text == "abhi" || tok.Text == "now" || tok.Text == "अभी") {
				t.Errorf("%q: %q alone still carries the cue for now", text, tok.Text)
			}
		}
	}
}

func TestAnotherDepartmentIsRecorded(t *testing.T) {
	tr := newTestTriager(t)
	for _, c := range []struct{ text, dept string }{
		{"bijli 2 din se nahi aa rahi hai, transformer jal gaya, koi sunta nahi", "electricity"},
		{"हमारे मोहल्ले में 3 दिन से पानी नहीं आ रहा, जल निगम कोई सुनवाई नहीं कर रहा", "water"},
		{"Garbage has not been picked up from our street for a week and the drain is overflowing", "municipal"},
		{"सड़क टूटी है और गड्ढे इतने बड़े हैं कि रोज कोई गिरता है", "roads"},
		{"mera ration card 6 mahine se nahi bana, kotedar ration nahi de raha", "cm_helpline"},
	} {
		res := triageText(t, tr, c.text, "")
		if res.Department != c.dept || res.Handling != shikayat.HandlingRecord || res.Actionable {
			t.Errorf("%q: department %q, handling %q, actionable %v; want %q, record, not actionable", c.text, res.Department, res.Handling, res.Actionable, c.dept)
		}
	}
	// a crime that names another department's subject stays the police's
	for _, text := range []string{
		"Got an SMS that my electricity would be cut tonight, called the number, they made me install an app and Rs 92,000 was taken",
		"raat me hamare gaon ka transformer chori ho gaya",
	} {
		if d := department(Tokenize(Fold(text))); d != "" {
			t.Errorf("%q: taken as a matter of %s", text, d)
		}
	}
}

func TestTypesSettledByTheirWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want shikayat.Type
	}{
		{"padosi ne hamari zameen pe kabza kar liya aur jaan se maarne ki dhamki de raha hai", shikayat.TypeLandDispute},
		{"दबंगों ने मेरे खेत पर कब्जा कर लिया और धमकी दे रहे हैं", shikayat.TypeLandDispute},
		{"OLX pe sofa bechne gaya, buyer ne QR code bheja aur 20000 kat gaye, fraud hai", shikayat.TypeCyberFraud},
		{"Paytm se paise bheje, scam nikla, seller ka number band", shikayat.TypeCyberFraud},
		{"Towing crane staff took my bike and demanded 2000 bribe to release it without a challan", shikayat.TypePoliceConduct},
		{"चालान न काटने के लिए ट्रैफिक पुलिस ने रिश्वत मांगी", shikayat.TypePoliceConduct},
	} {
		text := Fold(c.text)
		if got, _ := settleType(text, Tokenize(text)); got != c.want {
			t.Errorf("%q: type %q, want %q", c.text, got, c.want)
		}
	}
}

// Reasons name content words, never function words, and name them as the
// citizen wrote them (चोरी, not its folded form चोरि).
func TestReasonsNameContentWords(t *testing.T) {
	tr := newTestTriager(t)
	for _, text := range []string{
		"abhi bhi hai aur koi nahi, mera phone chori ho gaya hai Hazratganj me",
		"and the police is also there and now nothing happens, my wallet was stolen",
		"अभी भी और कोई नहीं है, मेरा फोन चोरी हो गया",
		"अभी तक मेरी चोरी की कोई कार्रवाई नहीं हुई, थाने में रिपोर्ट भी नहीं लिखी",
		"मेरी बेटी को स्कूल जाते समय लड़के रोज़ परेशान करते हैं, कोई सुनवाई नहीं हुई",
		"मेरी स्कूटी घर के बाहर से चोरी हो गई, पुलिस कोई कार्रवाई नहीं कर रही",
		"meri bike aaj subah chori ho gayi, abhi tak koi karwai nahi hui",
		"mere ghar mein chori ho gayi, Gomti Nagar Lucknow",
		"हजरतगंज में मेरा मोबाइल चोरी हो गया, FIR नहीं लिखी जा रही",
		"Mere bhai ko kal raat Kuch logon ne PEETA, woh hospital me hai",
	} {
		res := triageText(t, tr, text, "")
		named := 0
		written := map[string]bool{}
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) }) {
			written[w] = true
		}
		for _, r := range res.Reasons {
			_, words, ok := strings.Cut(r, " — ")
			if !ok || !strings.HasPrefix(r, "intent:") && !strings.HasPrefix(r, "urgency:") && !strings.HasPrefix(r, "type:") {
				continue
			}
			for _, w := range strings.Split(words, ", ") {
				w = strings.Trim(w, `"`)
				if !strings.HasPrefix(words, `"`) {
					continue // a rule's reason, not named words
				}
				if k := Key(Fold(w)); functionWords[k] {
					t.Errorf("%q: reason %q names the function word %q", text, r, w)
				}
				for _, part := range strings.Fields(w) { // a phrase cue is named as its phrase
					if !written[part] {
						t.Errorf("%q: reason %q names %q, which the post does not write", text, r, w)
					}
				}
				named++
			}
		}
		if named == 0 {
			t.Errorf("%q: no reason names a word: %q", text, res.Reasons)
		}
	}
}

func TestParseHelplines(t *testing.T) {
	table, err := ParseHelplines(strings.NewReader("department,number,name,source\nelectricity,1912,UPPCL,uppcl.org\n"))
	if err != nil {
		t.Fatal(err)
	}
	if h, ok := HelplineFor(table, "electricity"); !ok || h.Number != "1912" {
		t.Errorf("got %+v", table)
	}
	if _, err := ParseHelplines(strings.NewReader("department,number,name,source\nwater,1076,Jal,\n")); err == nil {
		t.Error("a row without a source was accepted")
	}
	for _, d := range []string{"electricity", "cm_helpline", "cyber_fraud"} {
		if h, ok := HelplineFor(DefaultHelplines(), d); !ok || h.Source == "" {
			t.Errorf("default table: %s missing or without a source", d)
		}
	}
	if h, _ := HelplineFor(DefaultHelplines(), "electricity"); h.Number != "1912" {
		t.Errorf("electricity %q, want 1912", h.Number)
	}
	if h, _ := HelplineFor(DefaultHelplines(), "cm_helpline"); h.Number != "1076" {
		t.Errorf("cm helpline %q, want 1076", h.Number)
	}
}

func FuzzParseHelplines(f *testing.F) {
	f.Add("department,number,name,source\nelectricity,1912,UPPCL,uppcl.org\n")
	f.Add("department,number\n\"")
	f.Fuzz(func(t *testing.T, s string) {
		table, err := ParseHelplines(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, h := range table {
			if h.Department == "" || h.Number == "" || h.Source == "" {
				t.Fatalf("accepted an incomplete row %+v", h)
			}
		}
	})
}

func TestEvidenceCues(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"My Activa (UP16 CK 4471) was stolen", true}, {"gaadi no. up32ab1234 wala", true}, {"DL-3C-AB-1234 ne takkar maari", true},
		{"call 9876543210", false}, {"sector 18 noida 2024", false}, {"covid19 at 1234", false},
	} {
		if got := hasVehicleNumber(c.text); got != c.want {
			t.Errorf("hasVehicleNumber(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	has := func(text, cue string) bool {
		toks := Tokenize(Fold(text))
		f := extract(&shikayat.Post{Text: text}, Fold(text), toks, DetectLang(toks))
		return slices.Contains(f.cues, hashFeature("cue:", cue))
	}
	for _, c := range []struct{ text, cue string }{
		{"thane me FIR nahi likhi ja rahi", "inaction"}, {"The SHO did not register my complaint", "inaction"},
		{"Flipkart refund nahi de raha, customer care band", "company"}, {"ghar baithe kamao, DM karo", "promo"},
		{"what a match, Rinku ki batting 🏏", "sport"}, {"kripya karwai karein", "request"},
	} {
		if !has(c.text, c.cue) {
			t.Errorf("%q: no %s cue", c.text, c.cue)
		}
	}
}

func FuzzHasVehicleNumber(f *testing.F) {
	for _, s := range []string{"UP16 CK 4471", "DL-3C-AB-1234", "up32ab1234", "9876543210", "ab-", "a1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if hasVehicleNumber(s) && !hasVehicleNumber(" "+s+" ") {
			t.Fatalf("%q: a number that spaces around it hide", s)
		}
	})
}

// TestTriageConcurrent: goroutines sharing a triager (and its reused
// feature sets) get what one goroutine alone gets.
func TestTriageConcurrent(t *testing.T) {
	tr := newTestTriager(t)
	texts := []string{"Hazratganj me meri bike chori ho gayi", "हमारे प्रयास से गांव में शांति है", "There is an unattended bag at Charbagh",
		"bijli 2 din se nahi aa rahi", "thank you police for the quick help"}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = fmt.Sprint(triageText(t, tr, s, ""))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(texts)*20)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 20; n++ {
				for i, s := range texts {
					res, err := tr.Triage(context.Background(), &shikayat.Post{ID: "1", Text: "@Uppolice " + s, Mentions: []string{"Uppolice"}})
					if err != nil || fmt.Sprint(res) != want[i] {
						errs <- s
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("%q: a different answer under concurrency", s)
		break
	}
}
