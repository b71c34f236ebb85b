package triage

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/shikayat/shikayat"
)

// Label is how a person judged a post: the labelled shape of the guidelines.
type Label struct {
	ID         string  `json:"id"`
	Intent     string  `json:"intent"`
	Actionable bool    `json:"actionable"`
	Urgency    *string `json:"urgency"`
	Type       *string `json:"type"`
	District   *int    `json:"district"`
	Lang       string  `json:"lang"`
}

// Example is a post with its label.
type Example struct {
	Post  shikayat.Post
	Label Label
}

// TrainOptions steer training. The zero value trains with the defaults.
type TrainOptions struct {
	Epochs int     // passes over the data; default 12
	Rate   float64 // initial learning rate; default 0.2
	Seed   uint64  // for the shuffle; training is reproducible for a seed
	// Dropout is the share of a post's features left out at each step, so
	// that no single word carries a decision; default 0 (none).
	Dropout float64
	// Decay shrinks every weight by this factor after each epoch (an L2
	// penalty); default 0.98.
	Decay float64
	// Progress, when set, is called after every epoch.
	Progress func(epoch, epochs int, loss, accuracy float64)
}

type trainItem struct {
	ids, cues       []uint32
	intent, urg, ty int // -1 when absent
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// pruneBelow: a feature none of whose weights reaches it is left out of
// the model. Half the features learnt weigh less; without them the model
// is half the size and its lookups stay in the cache.
const pruneBelow = 0.01

// Train fits a model to the examples.
func Train(examples []Example, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 12
	}
	if opt.Rate <= 0 {
		opt.Rate = 0.2
	}
	if opt.Decay <= 0 || opt.Decay > 1 {
		opt.Decay = 0.98
	}
	items := make([]trainItem, 0, len(examples))
	for i := range examples {
		ex := &examples[i]
		it := trainItem{intent: indexOf(intentClasses, ex.Label.Intent), urg: -1, ty: -1}
		if it.intent < 0 {
			return nil, fmt.Errorf("example %d (%s): unknown intent %q", i+1, ex.Post.ID, ex.Label.Intent)
		}
		if shikayat.Intent(ex.Label.Intent).Actionable() {
			if ex.Label.Urgency != nil {
				it.urg = indexOf(urgencyClasses, *ex.Label.Urgency)
			}
			if ex.Label.Type != nil {
				it.ty = indexOf(typeClasses, *ex.Label.Type)
			}
		}
		text := Fold(ex.Post.Text)
		toks := Tokenize(text)
		f := extract(&ex.Post, text, toks, DetectLang(toks))
		it.ids, it.cues = f.ids, f.cues
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("no training examples")
	}

	w := map[uint32][]float32{}
	vec := func(h uint32) []float32 {
		v := w[h]
		if v == nil {
			v = make([]float32, nWeights)
			w[h] = v
		}
		return v
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	var s [nWeights]float64
	kept := make([]uint32, 0, 512)
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := opt.Rate / (1 + 0.3*float64(epoch-1))
		loss, correct := 0.0, 0
		for _, k := range order {
			it := &items[k]
			ids := it.ids
			if opt.Dropout > 0 {
				kept = kept[:0]
				for _, h := range it.ids {
					if rng.Float64() >= opt.Dropout {
						kept = append(kept, h)
					}
				}
				ids = kept
			}
			s = [nWeights]float64{}
			for _, h := range ids {
				if v := w[h]; v != nil {
					for c := range s {
						s[c] += float64(v[c])
					}
				}
			}
			for _, h := range it.cues {
				if v := w[h]; v != nil {
					for c := range s {
						s[c] += float64(v[c]) * cueValue
					}
				}
			}
			var g [nWeights]float64
			head := func(off, n, gold int) {
				if gold < 0 {
					return
				}
				p := s[off : off+n]
				best := softmax(p)
				if off == offIntent && best == gold {
					correct++
				}
				loss -= math.Log(math.Max(p[gold], 1e-12))
				for c := 0; c < n; c++ {
					y := 0.0
					if c == gold {
						y = 1
					}
					g[off+c] = p[c] - y
				}
			}
			head(offIntent, 5, it.intent)
			head(offUrgency, 3, it.urg)
			head(offType, 12, it.ty)
			// Features are binary; scale the step by the number of
			// features so long posts do not take bigger steps.
			step := rate / math.Sqrt(float64(max(len(ids)+len(it.cues), 1)))
			for _, h := range ids {
				v := vec(h)
				for c := range v {
					if g[c] != 0 {
						v[c] -= float32(step * g[c])
					}
				}
			}
			for _, h := range it.cues {
				v := vec(h)
				for c := range v {
					if g[c] != 0 {
						v[c] -= float32(step * g[c] * cueValue)
					}
				}
			}
		}
		// weight decay once per epoch keeps rare features modest
		for _, v := range w {
			for c := range v {
				v[c] *= float32(opt.Decay)
			}
		}
		if opt.Progress != nil {
			opt.Progress(epoch, opt.Epochs, loss/float64(len(items)), float64(correct)/float64(len(items)))
		}
	}

	m := &Model{index: make(map[uint32]int32, len(w)), weights: make([]float32, 0, len(w)*nWeights)}
	for h, v := range w {
		keep := false
		for _, x := range v {
			if math.Abs(float64(x)) >= pruneBelow {
				keep = true
				break
			}
		}
		if !keep {
			continue
		}
		m.index[h] = int32(len(m.weights))
		m.weights = append(m.weights, v...)
	}
	m.table = newProbeTable(m.index)
	m.quantize()
	m.setQTable()
	return m, nil
}
