// Command gen writes the triage training set: labelled posts in the X API
// v2 single-post shape, one JSON object per line, each with a "label"
// object as the guidelines define it. See ../README.md.
//
//	go run ./internal/triage/traindata/gen -n 3000 -seed 1 > internal/triage/traindata/train.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"log"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/triage"
)

type scenario struct {
	intent, typ, urgency string
	lines                map[string][]string // lang → templates
	civic                bool                // a grievance for another department
	plain                bool                // told plainly: mostly without greeting, appeal or closing
}

var (
	deptAccounts = []string{"UPPCLLKO", "jalnigamup", "NagarNigamLko", "nnjhansi", "noidaauthority", "UPGovtHealth", "pwduttarpradesh", "PVVNLMRT", "foodsupplyup"}
	govAccounts  = []string{"CMOfficeUP", "UPGovt", "myogiadityanath", "dgpup", "DMLucknow"}
)

func parseBank(bank string) []scenario {
	var out []scenario
	var cur *scenario
	for _, line := range strings.Split(bank, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "@"):
			f := strings.Fields(line[1:])
			out = append(out, scenario{intent: f[0], typ: f[1], urgency: f[2], plain: len(f) > 3 && f[3] == "plain", lines: map[string][]string{}})
			cur = &out[len(out)-1]
		default:
			lang, text, ok := strings.Cut(line, ": ")
			if !ok || cur == nil {
				log.Fatalf("bad line %q", line)
			}
			cur.lines[lang] = append(cur.lines[lang], text)
		}
	}
	return out
}

// gen holds the generator's state.
type gen struct {
	r         *rand.Rand
	scenarios []scenario
	districts []shikayat.District
	// names of places per district and script
	latin, deva map[int][]string
	outsideLat  []string
	outsideDev  []string
	handles     map[int]string
	nextID      uint64
	t0          time.Time
	// split, when "train" or "valid", keeps to the templates of that
	// part: a fifth of the hand-written templates (by a hash of their
	// text) are held out so that a model can be checked on situations
	// and phrasings it never saw.
	split string
	// only, when set, is the list every scenario is drawn from, whatever
	// its intent.
	only []scenario
}

func heldOut(s string) bool {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()%5 == 0
}

// pickT picks a template, keeping to the split.
func (g *gen) pickT(xs []string) string {
	if g.split == "" {
		return g.pick(xs)
	}
	var in []string
	for _, x := range xs {
		if heldOut(x) == (g.split == "valid") {
			in = append(in, x)
		}
	}
	if len(in) == 0 {
		return ""
	}
	return g.pick(in)
}

func main() {
	n := flag.Int("n", 3000, "number of posts")
	seed := flag.Uint64("seed", 1, "random seed")
	kinds := flag.Int("kinds", 300, "number of posts more, after the -n, from the situations whose words belong to another type (scenarios_kinds.go)")
	split := flag.String("split", "", `"train" or "valid": only the templates of that part (for checking generalisation); "" for all`)
	neg := flag.String("negatives", "", "a file of real negatives (JSON lines with \"text\"): write its -part instead of generating")
	part := flag.String("part", "train", `with -negatives: "train" (the rows, for traindata/negatives/) or "kept" (labelled posts for measuring)`)
	en := flag.Bool("en", false, `with -negatives and -part kept: the English originals ("en") instead of the texts`)
	flag.Parse()
	if *neg != "" {
		if err := negatives(*neg, *part, *en); err != nil {
			log.Fatal(err)
		}
		return
	}
	g := &gen{
		r:         rand.New(rand.NewPCG(*seed, *seed*7919+17)),
		scenarios: slices.Concat(parseBank(scenarioBank), parseBank(moreScenarios), parseBank(typeScenarios), parseBank(extraScenarios), parseBank(situationScenarios), parseBank(plainScenarios)),
		districts: shikayat.Districts(),
		latin:     map[int][]string{},
		deva:      map[int][]string{},
		handles:   map[int]string{},
		nextID:    1900000000000000000,
		t0:        time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC),
		split:     *split,
	}
	if len(g.districts) != 75 {
		log.Fatalf("district table has %d districts", len(g.districts))
	}
	for _, p := range triage.KnownPlaces() {
		if p.Kind == triage.KindOutside {
			if isDeva(p.Name) {
				g.outsideDev = append(g.outsideDev, p.Name)
			} else if len(p.Name) > 4 {
				g.outsideLat = append(g.outsideLat, titleCase(p.Name))
			}
			continue
		}
		if p.Kind == triage.KindDistrict {
			continue // district names come from the domain table and extras below
		}
		if isDeva(p.Name) {
			g.deva[p.LGD] = append(g.deva[p.LGD], p.Name)
		} else if p.Kind != triage.KindTown || g.r.IntN(3) == 0 {
			g.latin[p.LGD] = append(g.latin[p.LGD], titleCase(p.Name))
		}
	}
	for h, lgd := range triage.DefaultHandles() {
		if g.handles[lgd] == "" || h < g.handles[lgd] {
			g.handles[lgd] = h
		}
	}
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := 0; i < *n+*kinds; i++ {
		if i == *n {
			// then the situations whose words belong to another type,
			// drawn after the rest so that the rest stays as it was
			g.only = parseBank(kindScenarios)
		}
		p, ok := g.post(i)
		for !ok {
			p, ok = g.post(i)
		}
		if err := enc.Encode(p); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}

func isDeva(s string) bool {
	for _, r := range s {
		if r >= 0x0900 && r <= 0x097F {
			return true
		}
	}
	return false
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) chance(p float64) bool   { return g.r.Float64() < p }

// where is how a post tells its district.
type where int

const (
	whereTextDistrict where = iota
	whereTextLocal
	whereCoords
	wherePlace
	whereHandle
	whereProfile
	whereNone
	whereOutside
)

func (g *gen) where() where {
	x := g.r.Float64()
	switch {
	case x < 0.32:
		return whereTextDistrict
	case x < 0.57:
		return whereTextLocal
	case x < 0.65:
		return whereCoords
	case x < 0.71:
		return wherePlace
	case x < 0.77:
		return whereHandle
	case x < 0.86:
		return whereProfile
	case x < 0.95:
		return whereNone
	default:
		return whereOutside
	}
}

func (g *gen) scenario() scenario {
	if g.only != nil {
		return g.only[g.r.IntN(len(g.only))]
	}
	// intents: complaint ~58%, follow_up 9%, query 11%, feedback 10%, other 12%
	x := g.r.Float64()
	want := "complaint"
	switch {
	case x < 0.58:
	case x < 0.67:
		want = "follow_up"
	case x < 0.78:
		want = "query"
	case x < 0.88:
		want = "feedback"
	default:
		want = "other"
	}
	// A tenth of the complaints are plain reports of the author's own
	// loss or harm, as many people first write them.
	plain := want == "complaint" && g.chance(0.1)
	var cands []scenario
	for _, s := range g.scenarios {
		if s.intent == want && (!plain || s.plain) {
			cands = append(cands, s)
		}
	}
	return cands[g.r.IntN(len(cands))]
}

func (g *gen) id() string {
	g.nextID += uint64(1 + g.r.IntN(900000))
	return fmt.Sprint(g.nextID)
}

var langs = []string{"en", "hi", "hg"}

func (g *gen) post(i int) (line, bool) {
	d := g.districts[i%len(g.districts)]
	sc := g.scenario()
	lang := langs[g.r.IntN(3)]
	tmpl := g.pickT(sc.lines[lang])
	if sc.intent != "complaint" && g.chance(0.55) {
		t, typ, urg, civic := g.comboPost(sc.intent, lang)
		tmpl = t
		sc = scenario{intent: sc.intent, typ: typ, urgency: urg, civic: civic}
	}
	if tmpl == "" {
		return line{}, false
	}
	if sc.intent == "other" && civicWords.MatchString(tmpl) {
		sc.civic = true
	}
	wh := g.where()
	if !strings.Contains(tmpl, "{at}") && (wh == whereTextDistrict || wh == whereTextLocal || wh == whereOutside) {
		// the template has no slot: prefix the place
		tmpl = "{at} " + tmpl
		if g.chance(0.5) {
			tmpl = "{atprefix}" + tmpl[4:]
		}
	}

	author := user{ID: g.id(), Username: g.username(), Name: g.personName()}
	var label triage.Label
	label.Intent = sc.intent
	label.Actionable = shikayat.Intent(sc.intent).Actionable()
	if label.Actionable {
		u, t := sc.urgency, sc.typ
		label.Urgency, label.Type = &u, &t
	}
	label.Lang = map[string]string{"en": "en", "hi": "hi", "hg": "hinglish"}[lang]

	var at string
	district := 0
	tw := tweet{CreatedAt: g.t0.Add(time.Duration(g.r.IntN(300*24*3600)) * time.Second).Format("2006-01-02T15:04:05.000Z")}
	var inc includes
	mentions := []string{"Uppolice"}
	switch wh {
	case whereTextDistrict:
		at, district = g.atPlace(lang, g.districtName(d, lang), tmpl, true), d.LGD
	case whereTextLocal:
		name, ok := g.localName(d, lang)
		if !ok {
			name = g.districtName(d, lang)
		} else if g.chance(0.25) {
			sep := ", "
			if g.chance(0.4) {
				sep = " "
			}
			name += sep + g.districtName(d, lang)
		}
		at, district = g.atPlace(lang, name, tmpl, false), d.LGD
	case whereOutside:
		at = g.atPlace(lang, g.outsideName(lang), tmpl, false)
	default:
		at = g.filler(lang, tmpl)
	}
	switch wh {
	case whereCoords:
		tw.Geo = &tweetGeo{Coordinates: &point{"Point", [2]float64{d.Lon + (g.r.Float64()-0.5)*0.004, d.Lat + (g.r.Float64()-0.5)*0.004}}}
		district = d.LGD
	case wherePlace:
		pid := fmt.Sprintf("%016x", g.r.Uint64())
		tw.Geo = &tweetGeo{PlaceID: pid}
		inc.Places = append(inc.Places, place{ID: pid, FullName: d.Name + ", India", Name: d.Name, Country: "India", CountryCode: "IN", PlaceType: "city",
			Geo: &placeGeo{Type: "Feature", BBox: [4]float64{d.Lon - 0.08, d.Lat - 0.06, d.Lon + 0.08, d.Lat + 0.06}}})
		district = d.LGD
	case whereHandle:
		mentions = append(mentions, g.handle(d))
		district = d.LGD
	case whereProfile:
		author.Location = g.profile(d)
		district = d.LGD
	case whereNone:
		author.Location = g.pick([]string{"", "", "India", "Uttar Pradesh, India", "UP", "भारत", "🇮🇳", "Earth", "उत्तर प्रदेश"})
	}
	if wh == whereTextDistrict || wh == whereTextLocal || wh == whereOutside {
		// the profile often names somewhere else; the text wins
		if g.chance(0.4) {
			author.Location = g.profile(g.districts[g.r.IntN(len(g.districts))])
		}
	}
	if (wh == whereTextDistrict || wh == whereTextLocal) && g.chance(0.3) {
		mentions = append(mentions, g.handle(d))
	}
	// other accounts people tag: departments on civic grievances, the
	// government on anything
	if sc.intent == "other" && sc.civic && g.chance(0.6) {
		mentions = append(mentions, g.pick(deptAccounts))
	}
	if g.chance(0.08) {
		mentions = append(mentions, g.pick(govAccounts))
	}
	if strings.Contains(tmpl, "{dp}") || strings.Contains(tmpl, "{dpx}") {
		// the post names the district's police
		if wh == whereOutside {
			police := map[string]string{"en": "the police", "hi": "पुलिस", "hg": "police"}[lang]
			tmpl = strings.NewReplacer("{dp}", police, "{dpx}: ", "", "{dpx}", "").Replace(tmpl)
		} else {
			district = d.LGD
		}
	}
	if district != 0 {
		label.District = &district
	}

	body := g.fill(tmpl, lang, at, d)
	body = g.compose(body, sc, lang)
	body = g.noise(body, lang)
	tw.ID = g.id()
	tw.AuthorID = author.ID
	tw.ConversationID = tw.ID
	tw.EditHistory = []string{tw.ID}
	tw.Lang = map[string]string{"en": "en", "hi": "hi", "hg": "hi"}[lang]
	if lang == "hg" && g.chance(0.5) {
		tw.Lang = g.pick([]string{"en", "qme", "und", "in"})
	}
	if sc.intent == "follow_up" && g.chance(0.5) {
		tw.ConversationID = g.id()
		tw.ReferencedTweets = []ref{{"replied_to", tw.ConversationID}}
		tw.InReplyToUserID = "1133231006969548800"
	}
	text, ents := g.withMentions(body, mentions)
	tw.Text = text
	tw.Entities = ents
	inc.Users = append(inc.Users, author)

	// now and then a retweet of news
	if sc.intent == "other" && g.chance(0.2) {
		orig := tw
		orig.ID = g.id()
		orig.AuthorID = g.id()
		orig.EditHistory = []string{orig.ID}
		news := user{ID: orig.AuthorID, Username: g.pick([]string{"up_news_live", "khabar_abhi", "lko_times", "purvanchal_news"}), Name: "News"}
		inc.Users = append(inc.Users, news)
		inc.Tweets = append(inc.Tweets, orig)
		short := orig.Text
		if utf8.RuneCountInString(short) > 100 {
			short = string([]rune(short)[:100]) + "…"
		}
		tw.Text = "RT @" + news.Username + ": " + short
		tw.Entities = &entities{Mentions: []mention{{3, 3 + utf8.RuneCountInString(news.Username) + 1, news.Username}}}
		tw.ReferencedTweets = []ref{{"retweeted", orig.ID}}
	}
	label.ID = tw.ID
	return line{Data: tw, Includes: inc, Label: label}, true
}

func (g *gen) districtName(d shikayat.District, lang string) string {
	if lang == "hi" {
		names := []string{d.NameHi}
		for _, a := range d.Aliases {
			if isDeva(a) {
				names = append(names, a)
			}
		}
		if g.chance(0.7) {
			return d.NameHi
		}
		return g.pick(names)
	}
	names := []string{d.Name}
	for _, a := range d.Aliases {
		if !isDeva(a) && a == titleCase(a) && !strings.ContainsAny(a, "0123456789") {
			names = append(names, a)
		}
	}
	if g.chance(0.6) {
		return maybeLower(g, d.Name)
	}
	return maybeLower(g, g.pick(names))
}

func maybeLower(g *gen, s string) string {
	if g.chance(0.2) {
		return strings.ToLower(s)
	}
	return s
}

func (g *gen) localName(d shikayat.District, lang string) (string, bool) {
	src := g.latin[d.LGD]
	if lang == "hi" && (len(g.deva[d.LGD]) > 0 && g.chance(0.9)) {
		src = g.deva[d.LGD]
	}
	if len(src) == 0 {
		return "", false
	}
	return maybeLower(g, g.pick(src)), true
}

func (g *gen) outsideName(lang string) string {
	if lang == "hi" {
		return g.pick(g.outsideDev)
	}
	return g.pick(g.outsideLat)
}

var civicWords = regexp.MustCompile(`(?i)electricity|power|transformer|water|pothole|garbage|municipal|ration|pension|hospital|stray|bijli|light|paani|pani|gaddhe|kooda|nigam|बिजली|पानी|गड्ढे|कूड़ा|निगम|राशन|अस्पताल|कुत्तों`)

var afterKe = regexp.MustCompile(`\{at\}\s*(के|की|का|ke|ki|ka)\b`)

// atPlace renders where the incident is, in the post's language and as
// the template's grammar allows.
func (g *gen) atPlace(lang, name, tmpl string, district bool) string {
	if afterKe.MatchString(tmpl) {
		if lang == "hi" && g.chance(0.3) {
			return name + " क्षेत्र"
		}
		return name
	}
	switch lang {
	case "hi":
		forms := []string{name + " में", name + " में", name + " के", name + " क्षेत्र में", name + " के पास", "थाना " + name + " क्षेत्र में"}
		if district {
			forms = append(forms, "जनपद "+name+" में", "जिला "+name+" में", name+" जिले में", name+" शहर में")
		}
		return g.pick(forms)
	case "hg":
		forms := []string{name + " me", name + " mein", name + " mai", name + " me", name + " ke paas", name + " area me", name + " wale area me"}
		if district {
			forms = append(forms, "district "+name+" me", name+" jile me", name+" city me")
		}
		return g.pick(forms)
	default:
		forms := []string{"in " + name, "in " + name, "at " + name, "near " + name, name, "in " + name + " area", "here in " + name}
		if district {
			forms = append(forms, "in "+name+" district", name+"-based", "in "+name+" city")
		}
		return g.pick(forms)
	}
}

// filler stands where a place would be when the text names none.
func (g *gen) filler(lang, tmpl string) string {
	if afterKe.MatchString(tmpl) {
		return map[string]string{"hi": "हमारे इलाके", "hg": "hamare area", "en": "our area"}[lang]
	}
	switch lang {
	case "hi":
		return g.pick([]string{"", "", "हमारे मोहल्ले में", "यहां", "हमारे गांव में", "हमारी कॉलोनी में"})
	case "hg":
		return g.pick([]string{"", "", "hamare mohalle me", "yahan", "hamare gaon me", "apni colony me"})
	default:
		return g.pick([]string{"", "", "in our area", "here", "in our village", "in my colony"})
	}
}

var slot = regexp.MustCompile(`\{[a-z]+\}`)

func (g *gen) fill(tmpl, lang, at string, d shikayat.District) string {
	s := slot.ReplaceAllStringFunc(tmpl, func(k string) string {
		switch k {
		case "{at}":
			return at
		case "{atprefix}":
			if at == "" {
				return ""
			}
			if lang == "hi" {
				return strings.TrimSuffix(strings.TrimSuffix(at, " में"), " के") + ":"
			}
			return at + ":"
		case "{veh}":
			if lang == "hi" {
				return g.pick([]string{"बाइक", "स्कूटी", "मोटरसाइकिल", "स्प्लेंडर बाइक", "ई-रिक्शा", "कार", "साइकिल", "एक्टिवा"})
			}
			return g.pick([]string{"bike", "Splendor", "Activa", "scooty", "Pulsar", "motorcycle", "e-rickshaw", "car", "Apache", "cycle", "HF Deluxe"})
		case "{amt}":
			if lang == "hi" {
				return g.pick([]string{"25 हजार रुपये", "₹48,500", "1.2 लाख रुपये", "₹9,999", "3 लाख", "72 हजार", "₹15,000", "पचास हजार रुपये"})
			}
			if lang == "hg" {
				return g.pick([]string{"25 hazaar", "₹48,500", "1.2 lakh", "Rs 9999", "3.4 lakh", "72k", "15000 rupay", "50 hajar"})
			}
			return g.pick([]string{"Rs 25,000", "₹48,500", "Rs 1.2 lakh", "₹9,999", "Rs 3,40,000", "₹72,000", "Rs 15k", "INR 50,000"})
		case "{rel}":
			if lang == "hi" {
				return g.pick([]string{"पिता", "दादा", "चाचा", "भाई", "पति", "ससुर"})
			}
			if lang == "hg" {
				return g.pick([]string{"papa", "dadaji", "chacha", "bhai", "pati", "nanaji"})
			}
			return g.pick([]string{"father", "grandfather", "uncle", "brother", "husband", "father-in-law"})
		case "{num}":
			return fmt.Sprintf("UP%02d %c%c %04d", 11+g.r.IntN(85), 'A'+rune(g.r.IntN(26)), 'A'+rune(g.r.IntN(26)), g.r.IntN(10000))
		case "{code}":
			return g.code()
		case "{days}":
			return fmt.Sprint(3 + g.r.IntN(40))
		case "{name}":
			if lang == "hi" {
				return g.pick([]string{"पप्पू", "रिंकू यादव", "सोनू", "मुकेश", "गुड्डू पंडित", "शमीम", "बबलू सिंह", "राजू"})
			}
			return g.pick([]string{"Pappu", "Rinku Yadav", "Sonu", "Mukesh", "Guddu Pandit", "Shamim", "Bablu Singh", "Raju"})
		case "{dp}", "{dpx}":
			name := d.Name
			if lang == "hi" {
				name = d.NameHi
			}
			if k == "{dpx}" {
				return name
			}
			if lang == "hi" {
				return name + " पुलिस"
			}
			return name + " police"
		case "{handle}":
			return "@" + g.handle(d)
		case "{phone}":
			return fmt.Sprintf("98%03dXXX%02d", g.r.IntN(1000), g.r.IntN(100))
		}
		return k
	})
	return strings.Join(strings.Fields(s), " ")
}

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

func (g *gen) code() string {
	switch g.r.IntN(4) {
	case 0, 1:
		b := []byte("UP26-")
		for i := 0; i < 10; i++ {
			b = append(b, crockford[g.r.IntN(32)])
		}
		return string(b)
	case 2:
		return fmt.Sprintf("%d%09d", 40015, g.r.IntN(1000000000))
	default:
		return fmt.Sprintf("no. %d", 10000+g.r.IntN(90000))
	}
}

func (g *gen) handle(d shikayat.District) string {
	if h := g.handles[d.LGD]; h != "" && g.chance(0.6) {
		return h
	}
	k := strings.ToLower(strings.ReplaceAll(d.Name, " ", ""))
	return k + g.pick([]string{"police", "pol", "police"})
}

func (g *gen) profile(d shikayat.District) string {
	name := d.Name
	if g.chance(0.25) {
		name = d.NameHi
	} else if l := g.latin[d.LGD]; len(l) > 0 && g.chance(0.2) {
		name = g.pick(l)
	}
	return g.pick([]string{name, name + ", India", name + ", Uttar Pradesh", name + " | UP", name + ", UP", "📍" + name})
}

var firstNames = []string{"Rahul", "Priya", "Amit", "Sunita", "Mohd", "Anjali", "Vikas", "Pooja", "Imran", "Neha", "Ravi", "Shalini", "Arvind", "Kavita", "Deepak", "Rekha", "Saurabh", "Fatima", "Ajay", "Nisha"}
var lastNames = []string{"Verma", "Yadav", "Singh", "Gupta", "Khan", "Mishra", "Pandey", "Maurya", "Ansari", "Srivastava", "Tiwari", "Kumar", "Shukla", "Chauhan", "Rajput", "Jaiswal"}

func (g *gen) personName() string {
	return g.pick(firstNames) + " " + g.pick(lastNames)
}

func (g *gen) username() string {
	return strings.ToLower(g.pick(firstNames)) + g.pick([]string{"_", "", "."}) + strings.ToLower(g.pick(lastNames)) + fmt.Sprint(g.r.IntN(999))
}
