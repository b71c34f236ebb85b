package triage

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"
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
}

// Triager implements shikayat.Triager.
type Triager struct {
	model *Model
	gaz   *Gazetteer
	loc   Locator
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
	return &Triager{model: m, gaz: NewGazetteer(opt.Handles, opt.Stations), loc: opt.Locator}, nil
}

// Gazetteer returns the triager's gazetteer.
func (t *Triager) Gazetteer() *Gazetteer { return t.gaz }

// Triage judges one post.
func (t *Triager) Triage(_ context.Context, p *shikayat.Post) (shikayat.Triage, error) {
	if p == nil {
		return shikayat.Triage{}, shikayat.Errorf(shikayat.EINVALID, "no post")
	}
	text := Fold(p.Text)
	toks := Tokenize(text)
	lang := DetectLang(toks)
	f := extract(p, text, toks, lang)

	var s [nWeights]float64
	t.model.scores(f.ids, &s)
	intent := softmax(s[offIntent : offIntent+5])
	res := shikayat.Triage{
		Intent:     shikayat.Intent(intentClasses[intent]),
		Lang:       lang,
		Confidence: round3(s[offIntent+intent]),
	}
	res.Actionable = res.Intent.Actionable()
	res.Reasons = append(res.Reasons, fmt.Sprintf("intent: %s (%.2f)%s", res.Intent, s[offIntent+intent], t.why(f, offIntent+intent)))
	if res.Actionable {
		u := softmax(s[offUrgency : offUrgency+3])
		ty := softmax(s[offType : offType+12])
		res.Urgency = shikayat.Class(urgencyClasses[u])
		res.Type = shikayat.Type(typeClasses[ty])
		res.Reasons = append(res.Reasons,
			fmt.Sprintf("urgency: %s (%.2f)%s", res.Urgency, s[offUrgency+u], t.why(f, offUrgency+u)),
			fmt.Sprintf("type: %s (%.2f)%s", res.Type, s[offType+ty], t.why(f, offType+ty)))
	}
	r := t.route(p, toks)
	res.District = r.District
	res.DistrictConfidence = round3(r.Confidence)
	res.Reasons = append(res.Reasons, r.Reasons...)
	return res, nil
}

// why names the words of the post that pushed hardest towards class c.
func (t *Triager) why(f *featureSet, c int) string {
	type contrib struct {
		word string
		w    float64
	}
	var cs []contrib
	for h, word := range f.words {
		if utf8.RuneCountInString(word) < 3 || commonWords[Key(word)] {
			continue
		}
		if w := t.model.weightOf(h, c); w > 0.05 {
			cs = append(cs, contrib{word, w})
		}
	}
	if len(cs) == 0 {
		return ""
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].w != cs[j].w {
			return cs[i].w > cs[j].w
		}
		return cs[i].word < cs[j].word
	})
	if len(cs) > 3 {
		cs = cs[:3]
	}
	q := make([]string, len(cs))
	for i, c := range cs {
		q[i] = fmt.Sprintf("%q", c.word)
	}
	return " — " + strings.Join(q, ", ")
}

func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}
