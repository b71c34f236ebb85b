package triage

import (
	"hash/fnv"
	"io"
	"math"

	"github.com/shikayat/shikayat"
)

// Confidence thresholds for the handling of a post. A post whose calibrated
// confidence is at least the acknowledge threshold is a complaint at once
// (docket and reply); one at least the review threshold is held for a
// person; the rest are recorded. The defaults were chosen on held-out data
// (see docs/data-sources.md): posts acknowledged automatically are
// actionable at least 97 % of the time, and the review band stays a
// minority of posts.
const (
	DefaultAcknowledgeThreshold = 0.85
	DefaultReviewThreshold      = 0.10
)

// Thresholds decide the handling from the calibrated confidence.
type Thresholds struct {
	Acknowledge float64 // at or above: acknowledge
	Review      float64 // at or above (and below Acknowledge): review
}

// DefaultThresholds returns the default thresholds.
func DefaultThresholds() Thresholds {
	return Thresholds{Acknowledge: DefaultAcknowledgeThreshold, Review: DefaultReviewThreshold}
}

// Validate checks that 0 ≤ Review ≤ Acknowledge ≤ 1.
func (t Thresholds) Validate() error {
	if !(t.Review >= 0 && t.Review <= t.Acknowledge && t.Acknowledge <= 1) {
		return shikayat.Errorf(shikayat.EINVALID, "thresholds: want 0 ≤ review (%g) ≤ acknowledge (%g) ≤ 1", t.Review, t.Acknowledge)
	}
	return nil
}

// Handling returns the handling of a post of confidence p.
func (t Thresholds) Handling(p float64) shikayat.Handling {
	switch {
	case p >= t.Acknowledge:
		return shikayat.HandlingAcknowledge
	case p >= t.Review:
		return shikayat.HandlingReview
	}
	return shikayat.HandlingRecord
}

// calibrationFold reports whether an example is one of the fifth of the
// training posts (by a hash of the text) that calibration is fitted on.
func calibrationFold(text string) bool {
	h := fnv.New32a()
	io.WriteString(h, text)
	return h.Sum32()%5 == 0
}

// TrainCalibrated trains a model on four fifths of the examples, fits the
// calibration of its confidence on the fifth it did not see, then trains
// on all of them and keeps that calibration.
func TrainCalibrated(examples []Example, opt TrainOptions) (*Model, error) {
	var fit, held []Example
	for _, ex := range examples {
		if calibrationFold(ex.Post.Text) {
			held = append(held, ex)
		} else {
			fit = append(fit, ex)
		}
	}
	if len(held) < 20 || len(fit) == 0 {
		return Train(examples, opt) // too few to calibrate: the identity
	}
	progress := opt.Progress
	opt.Progress = nil
	m, err := Train(fit, opt)
	if err != nil {
		return nil, err
	}
	z := make([]float64, len(held))
	y := make([]bool, len(held))
	for i := range held {
		z[i] = m.rawLogit(&held[i].Post)
		y[i] = shikayat.Intent(held[i].Label.Intent).Actionable()
	}
	cal := FitPlatt(z, y)
	opt.Progress = progress
	if m, err = Train(examples, opt); err != nil {
		return nil, err
	}
	m.cal = cal
	return m, nil
}

// rawLogit returns the uncalibrated log-odds that the post is actionable.
func (m *Model) rawLogit(p *shikayat.Post) float64 {
	text := Fold(p.Text)
	toks := Tokenize(text)
	f := extract(p, text, toks, DetectLang(toks))
	var s [nWeights]float64
	m.scores(f, &s)
	softmax(s[offIntent : offIntent+5])
	return actionableLogit(s[offIntent : offIntent+5])
}

// FitPlatt fits p = σ(A·z + B) to outcomes y by Newton's method on the log
// loss, with Platt's smoothed targets so that a perfectly separated set
// does not drive A to infinity. Deterministic.
func FitPlatt(z []float64, y []bool) Calibration {
	var npos, nneg float64
	for _, v := range y {
		if v {
			npos++
		} else {
			nneg++
		}
	}
	hi, lo := (npos+1)/(npos+2), 1/(nneg+2)
	target := func(i int) float64 {
		if y[i] {
			return hi
		}
		return lo
	}
	loss := func(a, b float64) float64 {
		l := 0.0
		for i, x := range z {
			p := math.Min(math.Max(sigmoid(a*x+b), 1e-15), 1-1e-15)
			t := target(i)
			l -= t*math.Log(p) + (1-t)*math.Log(1-p)
		}
		return l
	}
	a, b := 1.0, 0.0
	cur := loss(a, b)
	for iter := 0; iter < 100; iter++ {
		var ga, gb, haa, hab, hbb float64
		for i, x := range z {
			p := sigmoid(a*x + b)
			d := p - target(i)
			w := math.Max(p*(1-p), 1e-12)
			ga += d * x
			gb += d
			haa += w * x * x
			hab += w * x
			hbb += w
		}
		haa += 1e-9
		hbb += 1e-9
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		// halve the Newton step until the loss goes down
		step := 1.0
		for ; step > 1e-6; step /= 2 {
			if l := loss(a-step*da, b-step*db); l < cur {
				a, b, cur = a-step*da, b-step*db, l
				break
			}
		}
		if step <= 1e-6 || math.Abs(step*da)+math.Abs(step*db) < 1e-10 {
			break
		}
	}
	return Calibration{A: a, B: b}
}
