package triage

import (
	"fmt"
	"io"
	"math"

	"github.com/shikayat/shikayat"
)

// handlingFigures are the figures of the handling decision and of the
// calibration of the confidence behind it.
type handlingFigures struct {
	Acknowledged int     // posts acknowledged automatically
	Reviewed     int     // posts held for review
	AckPrecision float64 // of acknowledged posts, share actionable in gold
	Caught       float64 // of actionable posts, share acknowledged or held for review
	ReviewShare  float64 // of all posts, share held for review
	AckNegative  float64 // of posts not actionable in gold, share acknowledged
	ECE          float64 // expected calibration error over ten bins of confidence
	bins         [10]reliabilityBin
}

type reliabilityBin struct {
	n    int
	conf float64 // sum of confidences
	pos  int     // actionable in gold
}

func (h *handlingFigures) measure(items []Scored) {
	var ackOK, actN, caught, negN, negAck int
	for _, it := range items {
		g, p := it.Gold, it.Got
		switch p.Handling {
		case shikayat.HandlingAcknowledge:
			h.Acknowledged++
			if g.Actionable {
				ackOK++
			} else {
				negAck++
			}
		case shikayat.HandlingReview:
			h.Reviewed++
		}
		if g.Actionable {
			actN++
			if p.Handling != shikayat.HandlingRecord {
				caught++
			}
		} else {
			negN++
		}
		b := min(int(p.Confidence*10), 9)
		h.bins[b].n++
		h.bins[b].conf += p.Confidence
		if g.Actionable {
			h.bins[b].pos++
		}
	}
	h.AckPrecision = ratio(ackOK, h.Acknowledged)
	h.Caught = ratio(caught, actN)
	h.ReviewShare = ratio(h.Reviewed, len(items))
	h.AckNegative = ratio(negAck, negN)
	for _, b := range h.bins {
		if b.n > 0 {
			h.ECE += float64(b.n) / float64(len(items)) * math.Abs(b.conf/float64(b.n)-float64(b.pos)/float64(b.n))
		}
	}
}

func (h *handlingFigures) writeFigures(p func(string, ...any)) {
	p("handling     acknowledged %d: %.3f actionable; actionable acknowledged or held %.3f; review %d (%.3f of posts)",
		h.Acknowledged, h.AckPrecision, h.Caught, h.Reviewed, h.ReviewShare)
	p("             not actionable but acknowledged %.3f", h.AckNegative)
	p("confidence   expected calibration error %.3f", h.ECE)
}

func (h *handlingFigures) writeReliability(w io.Writer) {
	fmt.Fprintf(w, "\nreliability of the confidence (that the post is actionable):\n")
	fmt.Fprintf(w, "  %-9s %6s %10s %10s\n", "bin", "posts", "mean conf", "actionable")
	for i, b := range h.bins {
		if b.n == 0 {
			continue
		}
		fmt.Fprintf(w, "  %.1f–%.1f   %6d %10.3f %10.3f\n", float64(i)/10, float64(i+1)/10, b.n, b.conf/float64(b.n), float64(b.pos)/float64(b.n))
	}
}
