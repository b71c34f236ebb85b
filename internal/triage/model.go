package triage

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// The model is a linear classifier over hashed features with three heads:
// intent (5 classes), urgency (3) and type (12). Each feature has one weight
// per class of every head, 20 in all.

// Heads and their classes, in the order of the weight vector.
var (
	intentClasses  = []string{"complaint", "follow_up", "query", "feedback", "other"}
	urgencyClasses = []string{"immediate", "mid_term", "long_term"}
	typeClasses    = []string{"theft", "cyber_fraud", "women_safety", "assault_threat", "missing_person",
		"land_dispute", "traffic", "public_nuisance", "police_conduct", "fraud_cheating", "service_request", "other"}
)

const (
	offIntent  = 0
	offUrgency = 5
	offType    = 8
	nWeights   = 20
)

// Model holds the weights. It is read-only once built and safe for
// concurrent use.
type Model struct {
	index   map[uint32]int32 // feature → offset into weights
	weights []float32
	table   probeTable // the same as index, faster to look up
	// q holds the weights as the model file stores them, weight/qscale
	// rounded to int16: half the memory to fetch per feature, summed
	// exactly in integers.
	q      []int16
	qscale float32
	// qtable holds q by feature, each feature's weights beside its key:
	// scoring a feature reads one place in memory, not two.
	qtable qTable
	// cal turns the raw log-odds that a post is actionable into a
	// calibrated probability: p = σ(cal.A·z + cal.B), fitted at training
	// time on posts the model did not learn from (Platt scaling).
	cal Calibration
}

// Calibration is a Platt scaling of the log-odds that a post is
// actionable. The zero value is replaced by the identity.
type Calibration struct {
	A, B float64
}

func (c Calibration) apply(z float64) float64 {
	a := c.A
	if a == 0 {
		a = 1
	}
	return sigmoid(a*z + c.B)
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// Calibration returns the model's calibration.
func (m *Model) Calibration() Calibration { return m.cal }

// actionableLogit returns the raw log-odds that a post is actionable from
// the intent probabilities (after softmax).
func actionableLogit(p []float64) float64 {
	a := p[0] + p[1] + p[2]
	a = math.Min(math.Max(a, 1e-9), 1-1e-9)
	return math.Log(a / (1 - a))
}

// probeTable is an open-addressing hash table from feature to weight
// offset: one array probe per feature instead of a map lookup, which
// matters at a few hundred features per post.
type probeTable struct {
	slots []probeSlot // key 0 is empty; feature 0 is stored as fnvOffset
	shift uint32
}

// probeSlot keeps a key beside its offset: one cache line per probe.
type probeSlot struct {
	key uint32
	off int32
}

func tableKey(h uint32) uint32 {
	if h == 0 {
		return fnvOffset
	}
	return h
}

func newProbeTable(index map[uint32]int32) probeTable {
	bits := uint32(4)
	for 1<<bits < 2*len(index) {
		bits++
	}
	t := probeTable{slots: make([]probeSlot, 1<<bits), shift: 32 - bits}
	mask := uint32(len(t.slots) - 1)
	for h, off := range index {
		k := tableKey(h)
		i := (k * 0x9E3779B1) >> t.shift
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = probeSlot{k, off}
	}
	return t
}

func (t *probeTable) lookup(h uint32) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	k := tableKey(h)
	mask := uint32(len(t.slots) - 1)
	for i := (k * 0x9E3779B1) >> t.shift; ; i = (i + 1) & mask {
		switch s := t.slots[i]; s.key {
		case k:
			return s.off, true
		case 0:
			return 0, false
		}
	}
}

// qTable is an open-addressing hash table from feature to its quantised
// weights, stored in the slot itself.
type qTable struct {
	slots []qSlot // key 0 is empty; feature 0 is stored as fnvOffset
	shift uint32
}

type qSlot struct {
	key uint32
	w   [nWeights]int16
}

// setQTable builds m.qtable from m.index and m.q.
func (m *Model) setQTable() {
	bits := uint32(4)
	for 1<<bits < len(m.index)+len(m.index)/2 {
		bits++
	}
	t := qTable{slots: make([]qSlot, 1<<bits), shift: 32 - bits}
	mask := uint32(len(t.slots) - 1)
	for h, off := range m.index {
		k := tableKey(h)
		i := (k * 0x9E3779B1) >> t.shift
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i].key = k
		copy(t.slots[i].w[:], m.q[off:off+nWeights])
	}
	m.qtable = t
}

// scores adds up the weights of a post's features into out.
func (m *Model) scores(f *featureSet, out *[nWeights]float64) {
	var ones, cues [nWeights]int32
	m.add(f.ids, &ones)
	m.add(f.cues, &cues)
	sc := float64(m.qscale)
	for i := range out {
		out[i] += sc * (float64(ones[i]) + float64(cues[i])*cueValue)
	}
}

// add sums the quantised weight vectors of features ids into acc.
func (m *Model) add(ids []uint32, acc *[nWeights]int32) {
	slots := m.qtable.slots
	if len(slots) == 0 {
		return
	}
	mask, shift := uint32(len(slots)-1), m.qtable.shift
	// In batches: the first slot of every feature of a batch is read
	// before any is used, so that the reads from memory overlap.
	const batch = 16
	var first, keys [batch]uint32
	for len(ids) > 0 {
		n := min(len(ids), batch)
		for j, h := range ids[:n] {
			i := (tableKey(h) * 0x9E3779B1) >> shift
			first[j], keys[j] = i, slots[i].key
		}
		for j, h := range ids[:n] {
			k := tableKey(h)
			i, key := first[j], keys[j]
			for key != k && key != 0 {
				i = (i + 1) & mask
				key = slots[i].key
			}
			if key == 0 {
				continue
			}
			w := &slots[i].w
			for c := range acc {
				acc[c] += int32(w[c])
			}
		}
		ids = ids[n:]
	}
}

// quantize sets q and qscale from the weights, as WriteTo stores them.
func (m *Model) quantize() {
	m.qscale = m.scale()
	m.q = make([]int16, len(m.weights))
	for i, v := range m.weights {
		m.q[i] = int16(math.Round(float64(v / m.qscale)))
	}
}

// scale is the step of the int16 weights: the largest weight is 32767.
func (m *Model) scale() float32 {
	var mx float64
	for _, v := range m.weights {
		mx = math.Max(mx, math.Abs(float64(v)))
	}
	scale := float32(mx / 32767)
	if scale == 0 {
		scale = 1
	}
	return scale
}

// weightOf returns the weight of feature h for class c of the vector.
func (m *Model) weightOf(h uint32, c int) float64 {
	off, ok := m.table.lookup(h)
	if !ok {
		return 0
	}
	return float64(m.weights[int(off)+c])
}

// softmax turns scores into probabilities in place and returns the best.
func softmax(s []float64) int {
	best := 0
	mx := s[0]
	for i, v := range s {
		if v > mx {
			mx, best = v, i
		}
	}
	sum := 0.0
	for i, v := range s {
		s[i] = math.Exp(v - mx)
		sum += s[i]
	}
	for i := range s {
		s[i] /= sum
	}
	return best
}

// File format: gzip of
//
//	"SHKTRIAGE2\n", uint32 nWeights, float32 scale, float32 cal.A,
//	float32 cal.B, uint32 count,
//	then count × (uint32 feature, nWeights × int16 weight/scale)
//
// all little-endian. Features are sorted, so the file is reproducible.
// Version 1 ("SHKTRIAGE1\n") has no calibration and is still read.
const (
	modelMagic   = "SHKTRIAGE2\n"
	modelMagicV1 = "SHKTRIAGE1\n"
)

// WriteTo writes the model in its file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	feats := make([]uint32, 0, len(m.index))
	for h := range m.index {
		feats = append(feats, h)
	}
	sort.Slice(feats, func(i, j int) bool { return feats[i] < feats[j] })
	scale := m.scale()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	binary.Write(bw, binary.LittleEndian, uint32(nWeights))
	binary.Write(bw, binary.LittleEndian, scale)
	binary.Write(bw, binary.LittleEndian, float32(m.cal.A))
	binary.Write(bw, binary.LittleEndian, float32(m.cal.B))
	binary.Write(bw, binary.LittleEndian, uint32(len(feats)))
	var q [nWeights]int16
	for _, h := range feats {
		off := m.index[h]
		for i := range q {
			q[i] = int16(math.Round(float64(m.weights[int(off)+i] / scale)))
		}
		binary.Write(bw, binary.LittleEndian, h)
		binary.Write(bw, binary.LittleEndian, q)
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	n, err := w.Write(buf.Bytes())
	return int64(n), err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("model file: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || (string(magic) != modelMagic && string(magic) != modelMagicV1) {
		return nil, errors.New("model file: not a triage model")
	}
	var hdr struct {
		N     uint32
		Scale float32
		A, B  float32
		Count uint32
	}
	var err2 error
	if string(magic) == modelMagicV1 {
		err2 = binary.Read(br, binary.LittleEndian, &hdr.N)
		if err2 == nil {
			err2 = binary.Read(br, binary.LittleEndian, &hdr.Scale)
		}
		if err2 == nil {
			err2 = binary.Read(br, binary.LittleEndian, &hdr.Count)
		}
		hdr.A = 1
	} else {
		err2 = binary.Read(br, binary.LittleEndian, &hdr)
	}
	if err2 != nil {
		return nil, fmt.Errorf("model file: %w", err2)
	}
	if !(hdr.Scale > 0) || math.IsInf(float64(hdr.Scale), 0) {
		return nil, errors.New("model file: bad scale")
	}
	if math.IsNaN(float64(hdr.A)) || math.IsNaN(float64(hdr.B)) || math.IsInf(float64(hdr.A), 0) || math.IsInf(float64(hdr.B), 0) {
		return nil, errors.New("model file: bad calibration")
	}
	if hdr.N != nWeights || hdr.Count > 1<<24 {
		return nil, errors.New("model file: wrong shape")
	}
	m := &Model{index: make(map[uint32]int32, hdr.Count), weights: make([]float32, 0, int(hdr.Count)*nWeights),
		q:   make([]int16, 0, int(hdr.Count)*nWeights),
		cal: Calibration{A: float64(hdr.A), B: float64(hdr.B)}}
	var rec struct {
		H uint32
		Q [nWeights]int16
	}
	for i := uint32(0); i < hdr.Count; i++ {
		if err := binary.Read(br, binary.LittleEndian, &rec); err != nil {
			return nil, fmt.Errorf("model file: %w", err)
		}
		m.index[rec.H] = int32(len(m.weights))
		for _, v := range rec.Q {
			m.weights = append(m.weights, float32(v)*hdr.Scale)
		}
		m.q = append(m.q, rec.Q[:]...)
	}
	m.table = newProbeTable(m.index)
	m.qscale = hdr.Scale
	m.setQTable()
	return m, nil
}

func newGzipWriter(w io.Writer) *gzip.Writer { return gzip.NewWriter(w) }
