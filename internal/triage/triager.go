package triage

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
)

// The shipped model, made by "shikayat train" from traindata/.
//
//go:embed model/triage.model
var embeddedModel []byte

// EmbeddedModel returns the model built into the binary.
func EmbeddedModel() (*Model, error) {
	return ReadModel(bytes.NewReader(embeddedModel))
}

// Options configure a Triager. The zero value uses the embedded model, the
// default handle table, no stations and no coordinates lookup.
type Options struct {
	Model    *Model         // nil: the embedded model
	Locator  Locator        // maps coordinates to districts; nil: coordinates are ignored
	Handles  map[string]int // police account → LGD; nil: DefaultHandles()
	Stations []Station      // police stations known by name
	// Thresholds decide the handling from the confidence; the zero value
	// means DefaultThresholds().
	Thresholds Thresholds
}

// Triager implements shikayat.Triager.
type Triager struct {
	model *Model
	gaz   *Gazetteer
	loc   Locator
	th    Thresholds
	sets  sync.Pool // of *featureSet, reused across posts
}

var _ shikayat.Triager = (*Triager)(nil)

// New builds a Triager.
func New(opt Options) (*Triager, error) {
	m := opt.Model
	if m == nil {
		var err error
		if m, err = EmbeddedModel(); err != nil {
			return nil, err
		}
	}
	th := opt.Thresholds
	if th == (Thresholds{}) {
		th = DefaultThresholds()
	}
	if err := th.Validate(); err != nil {
		return nil, err
	}
	return &Triager{model: m, gaz: NewGazetteer(opt.Handles, opt.Stations), loc: opt.Locator, th: th}, nil
}

// Gazetteer returns the triager's gazetteer.
func (t *Triager) Gazetteer() *Gazetteer { return t.gaz }

// Triage judges one post.
func (t *Triager) Triage(_ context.Context, p *shikayat.Post) (shikayat.Triage, error) {
	if p == nil {
		return shikayat.Triage{}, shikayat.Errorf(shikayat.EINVALID, "no post")
	}
	f, _ := t.sets.Get().(*featureSet)
	if f == nil {
		f = newFeatureSet()
	}
	defer func() { f.reset(); t.sets.Put(f) }()
	text := Fold(p.Text)
	toks := tokenizeInto(f.toks[:0], text)
	f.toks = toks // its memory, for the next post
	annotate(toks)
	lang := DetectLang(toks)
	extractInto(f, p, text, toks, lang)

	var s [nWeights]float64
	t.model.scores(f, &s)
	softmax(s[offIntent : offIntent+5])
	conf := t.model.cal.apply(actionableLogit(s[offIntent : offIntent+5]))
	// The intent is the likeliest of the side the confidence falls on, so
	// that intent, actionable and handling never disagree.
	intent := 3
	if conf >= 0.5 {
		intent = 0
	}
	for c := 0; c < 5; c++ {
		if (c < 3) == (conf >= 0.5) && s[offIntent+c] > s[offIntent+intent] {
			intent = c
		}
	}
	res := shikayat.Triage{
		Intent:     shikayat.Intent(intentClasses[intent]),
		Lang:       lang,
		Confidence: round3(conf),
		Reasons:    make([]string, 0, 8), // room for the usual reasons
	}
	res.Actionable = res.Intent.Actionable()
	res.Handling = t.th.Handling(conf)
	ws := t.postWords(f)
	sf := &writtenWords{text: p.Text}
	res.Reasons = append(res.Reasons, fmt.Sprintf("intent: %s (%.2f)%s", res.Intent, s[offIntent+intent], t.why(ws, offIntent+intent, sf)))
	u := softmax(s[offUrgency : offUrgency+3])
	ty := softmax(s[offType : offType+12])
	urgency, typ := shikayat.Class(urgencyClasses[u]), shikayat.Type(typeClasses[ty])
	urgWhy := fmt.Sprintf("urgency: %s (%.2f)%s", urgency, s[offUrgency+u], t.why(ws, offUrgency+u, sf))
	typWhy := fmt.Sprintf("type: %s (%.2f)%s", typ, s[offType+ty], t.why(ws, offType+ty, sf))
	pm := f.pm
	w, ety := pm.emergencyType(toks)
	if w == "" {
		w, ety = dangerInRuns(toks, pm)
	}
	byDanger := false // the type is the one the danger implies
	if w != "" {
		// Danger to life or liberty now: immediate, and never left
		// unread — at least held for review, which alerts HQ.
		if !res.Actionable {
			res.Intent, res.Actionable = shikayat.IntentComplaint, true
		}
		if res.Handling == shikayat.HandlingRecord {
			res.Handling = shikayat.HandlingReview
		}
		urgency = shikayat.ClassImmediate
		if ety != "" && (typ == shikayat.TypeOther || ety == shikayat.TypeMissingPerson && typ != shikayat.TypeMissingPerson) {
			typ, byDanger = ety, true
			typWhy = fmt.Sprintf("type: %s — by the danger named", typ)
		}
		urgWhy = fmt.Sprintf("urgency: immediate — danger now: %s", writtenPhrase(sf, w))
	} else if h := personHurt(toks); h != "" && !res.Actionable {
		// A person beaten or attacked is a matter for the police: never
		// left unread.
		res.Intent, res.Actionable = shikayat.IntentComplaint, true
		if res.Handling == shikayat.HandlingRecord {
			res.Handling = shikayat.HandlingReview
		}
		if typ == shikayat.TypeOther {
			typ = shikayat.TypeAssaultThreat
			typWhy = fmt.Sprintf("type: %s — a person hurt: %s", typ, writtenPhrase(sf, h))
		}
	} else if c := pm.company(toks); c != "" && res.Actionable {
		// A complaint to a company that names no crime: the company's
		// matter, recorded, never docketed.
		res.Intent, res.Actionable, res.Handling = shikayat.IntentOther, false, shikayat.HandlingRecord
		res.Reasons = append(res.Reasons, fmt.Sprintf("a company's matter, no crime named: %s", writtenPhrase(sf, c)))
	} else if d := pm.department(toks); d != "" && (conf < t.th.Acknowledge || !f.crime) {
		// Another department's matter, and the model is not sure it is
		// the police's or the post names no crime: recorded, answered with its helpline where the
		// deployment does so, never docketed.
		res.Intent, res.Actionable, res.Handling, res.Department = shikayat.IntentOther, false, shikayat.HandlingRecord, d
		res.Reasons = append(res.Reasons, fmt.Sprintf("department: %s", d))
	}
	if byDanger {
		// the danger named decides the type; the words of a type
		// elsewhere in the post do not override it
	} else if st, sw := pm.settleType(text, toks); st != "" && st != typ {
		typ = st
		typWhy = fmt.Sprintf("type: %s — by its defining words: %s", typ, writtenPhrase(sf, sw))
	} else if st == "" && res.Intent == shikayat.IntentFollowUp && typ == shikayat.TypePoliceConduct {
		// A follow-up takes the type of the complaint it follows; it is
		// police conduct only when it tells nothing but the inaction.
		if st := t.subjectType(f, s[offType:offType+12]); st != "" {
			typ = st
			typWhy = fmt.Sprintf("type: %s — the subject of the complaint followed up", typ)
		}
	}
	if res.Actionable {
		res.Urgency, res.Type = urgency, typ
		res.Reasons = append(res.Reasons, urgWhy, typWhy)
	}
	if w := sensitive(toks); w != "" {
		res.Sensitive = true
		res.Reasons = append(res.Reasons, "sensitive — "+w)
	}
	r := t.routeWith(p, toks, &f.memo, sf)
	res.District = r.District
	res.DistrictConfidence = round3(r.Confidence)
	res.Reasons = append(res.Reasons, r.Reasons...)
	return res, nil
}

// wordWeight is a word of the post with where its weights are, and those
// of the cues it carries (cueOf).
type wordWeight struct {
	word  string
	off   int32
	cues  [3]int32
	ncues int
}

// postWords returns the post's words that may be named as reasons: those
// the model knows, three letters or more, not function words. (Everyday
// words such as चोरी or "stolen" are evidence a person would name.)
func (t *Triager) postWords(f *featureSet) []wordWeight {
	ws := f.ws[:0]
	defer func() { f.ws = ws[:0] }() // its memory, for the next post
	for _, w := range f.words {
		if utf8.RuneCountInString(w.text) < 3 || functionWords[w.key] || isAllDigits(w.key) || !evidenceWord(w.key) {
			continue
		}
		x := wordWeight{word: w.text, off: -1}
		if off, ok := t.model.table.lookup(w.h); ok {
			x.off = off
		}
		for _, c := range cueHashOf[w.key] {
			if off, ok := t.model.table.lookup(c.h); ok && x.ncues < len(x.cues) {
				x.cues[x.ncues] = off
				x.ncues++
			}
		}
		if x.off >= 0 || x.ncues > 0 {
			ws = append(ws, x)
		}
	}
	// a phrase cue is named as its phrase ("chura liya", "ससुराल वाले")
	for _, pc := range phraseCues {
		if ph := f.pm.in(pc.words); ph != "" {
			if off, ok := t.model.table.lookup(hashFeature("cue:", pc.cue)); ok {
				x := wordWeight{word: ph, off: -1, ncues: 1}
				x.cues[0] = off
				ws = append(ws, x)
			}
		}
	}
	return ws
}

// plainCues are the cues of grammar and manner (a possessive, a past
// tense, a habit, a plea): a word that carries only these is no evidence.
var plainCues = map[string]bool{"mine": true, "u-past": true, "u-chronic": true, "again": true, "request": true, "ask": true}

// evidenceWords are content words a person would name that carry no cue
// (as keys).
var evidenceWords = keySet("परेशान", "pareshan", "सुनवाई", "sunwai", "tang", "तंग", "peecha", "पीछा", "gaali", "गाली", "धमकाया",
	"dhamkaya", "maara", "मारा", "peeta", "पीटा", "hospital", "अस्पताल", "injured", "chot", "चोट")

// evidenceWord reports whether a word (as a key) may be named as a reason:
// only a word that carries a cue of content (a crime, a danger, thanks,
// news, a company…) or names a victim, never a pronoun or an everyday word of time, place or
// doing.
func evidenceWord(k string) bool {
	if evidenceWords[k] || personNouns[k] { // a victim is evidence
		return true
	}
	for _, c := range cueOf[k] {
		if !plainCues[c] {
			return true
		}
	}
	return false
}

// why names the words of the post that pushed hardest towards class c, as
// the post writes them.
func (t *Triager) why(ws []wordWeight, c int, sf *writtenWords) string {
	var top [3]wordWeight
	var topW [3]float32
	n := 0
	for _, x := range ws {
		// the word's own weight, and its share of its cues' weights
		var w float32
		if x.off >= 0 {
			w = t.model.weights[int(x.off)+c]
		}
		for _, off := range x.cues[:x.ncues] {
			w += cueValue * t.model.weights[int(off)+c]
		}
		if w <= 0.05 {
			continue
		}
		// insert into the top three, highest weight first, ties by word
		i := n
		for i > 0 && (w > topW[i-1] || (w == topW[i-1] && x.word < top[i-1].word)) {
			if i < 3 {
				top[i], topW[i] = top[i-1], topW[i-1]
			}
			i--
		}
		if i < 3 {
			top[i], topW[i] = x, w
		}
		if n < 3 {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(" — ")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		if strings.Contains(top[i].word, " ") {
			b.WriteString(writtenPhrase(sf, top[i].word))
		} else {
			b.WriteString(strconv.Quote(sf.of(top[i].word)))
		}
	}
	return b.String()
}

func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}
