package triage

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shikayat/shikayat"
)

func TestFitPlattRecoversAKnownScaling(t *testing.T) {
	// outcomes drawn with p = σ(0.5·z − 1): the fit must find it again
	r := rand.New(rand.NewPCG(1, 2))
	var z []float64
	var y []bool
	for i := 0; i < 20000; i++ {
		x := r.Float64()*16 - 8
		z = append(z, x)
		y = append(y, r.Float64() < sigmoid(0.5*x-1))
	}
	c := FitPlatt(z, y)
	if math.Abs(c.A-0.5) > 0.05 || math.Abs(c.B+1) > 0.1 {
		t.Errorf("fit A=%.3f B=%.3f, want 0.5, -1", c.A, c.B)
	}
}

func TestCalibrationIsStoredInTheModel(t *testing.T) {
	m, err := Train(tinySet(), TrainOptions{Epochs: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	m.cal = Calibration{A: 0.75, B: -0.5}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(&b)
	if err != nil {
		t.Fatal(err)
	}
	if back.cal != m.cal {
		t.Errorf("calibration read back %+v, want %+v", back.cal, m.cal)
	}
}

func TestReadModelVersion1HasNoCalibration(t *testing.T) {
	var raw bytes.Buffer
	raw.WriteString(modelMagicV1)
	binary.Write(&raw, binary.LittleEndian, uint32(nWeights))
	binary.Write(&raw, binary.LittleEndian, float32(1))
	binary.Write(&raw, binary.LittleEndian, uint32(0))
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	m, err := ReadModel(&z)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.cal.apply(0.3); math.Abs(got-sigmoid(0.3)) > 1e-12 {
		t.Errorf("a version 1 model calibrates 0.3 to %v, want the identity", got)
	}
}

func TestTrainCalibratedFitsOnPostsNotLearnt(t *testing.T) {
	var ex []Example
	for i := 0; i < 30; i++ {
		ex = append(ex, tinySet()...)
	}
	for i := range ex { // distinct texts, so the fold is a real fifth
		ex[i].Post.Text += " " + string(rune('a'+i%26)) + string(rune('a'+i/26%26))
	}
	m, err := TrainCalibrated(ex, TrainOptions{Epochs: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if m.cal == (Calibration{}) {
		t.Error("no calibration fitted")
	}
}

func TestHandlingFromThresholds(t *testing.T) {
	th := Thresholds{Acknowledge: 0.8, Review: 0.2}
	for _, c := range []struct {
		p    float64
		want shikayat.Handling
	}{{0.95, shikayat.HandlingAcknowledge}, {0.8, shikayat.HandlingAcknowledge}, {0.5, shikayat.HandlingReview},
		{0.2, shikayat.HandlingReview}, {0.19, shikayat.HandlingRecord}} {
		if got := th.Handling(c.p); got != c.want {
			t.Errorf("p=%v: %s, want %s", c.p, got, c.want)
		}
	}
	if (Thresholds{Acknowledge: 0.3, Review: 0.5}).Validate() == nil {
		t.Error("review above acknowledge accepted")
	}
	if _, err := New(Options{Thresholds: Thresholds{Acknowledge: 2, Review: 0.1}}); err == nil {
		t.Error("New accepted an acknowledge threshold above 1")
	}
}

func TestNegativeSplitIsFixed(t *testing.T) {
	counts := map[string]int{}
	for i := 0; i < 3000; i++ {
		text := string(rune(0x0900+i%100)) + string(rune('a'+i/100))
		p := NegativePart(text)
		if NegativePart(text) != p {
			t.Fatal("the part of a row changed")
		}
		counts[p]++
	}
	if k, tr := counts[NegativeKept], counts[NegativeTrain]; k < 1000 || k > 1400 || tr < 400 || tr > 800 {
		t.Errorf("kept %d, train %d of 3000; want about two fifths and one fifth", k, tr)
	}
}
