package intake

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
)

func holesOf(g *gap) []string {
	var out []string
	for _, h := range g.holes {
		out = append(out, h.String())
	}
	return out
}

// noteRead never loses the walk's progress nor skips a part of the gap.
func TestNoteReadKeepsEveryUnreadPart(t *testing.T) {
	p := &Poller{Logger: slog.New(slog.DiscardHandler)}
	for _, tc := range []struct {
		name                  string
		since, oldest, newest string
		reached               bool
		want                  []string
		top                   string
	}{
		{"a read that overlaps the last", "100", "550", "700", false, []string{"100..300"}, "700"},
		{"the timeline moved past the last read", "100", "650", "800", false, []string{"600..650", "100..300"}, "800"},
		{"the checkpoint moved down below the gap", "50", "550", "700", false, []string{"100..300", "50..101"}, "700"},
		{"both", "50", "650", "800", false, []string{"600..650", "100..300", "50..101"}, "800"},
		{"reached back to the gap's bottom", "100", "90", "800", true, nil, ""},
		{"reached back, from above the gap's bottom", "200", "190", "800", true, []string{"100..201"}, "800"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Opened as 100..500, walked down to 300; the mentions read up to 600.
			g := &gap{holes: []hole{{"100", "300"}}, top: "600"}
			p.noteRead(g, tc.since, tc.oldest, tc.newest, tc.reached)
			if got := holesOf(g); !slices.Equal(got, tc.want) || g.top != tc.top {
				t.Fatalf("holes %v top %q, want %v top %q", got, g.top, tc.want, tc.top)
			}
		})
	}
}

// The stored walk reads back as it was, and the walk stored before holes
// ("read top") still loads.
func TestGapWalkRoundTrip(t *testing.T) {
	g := gap{holes: []hole{{"600", "650"}, {"100", "300"}}, top: "800"}
	if g.String() != "100..650" || g.walk() != "800 600..650 100..300" {
		t.Fatalf("bounds %q walk %q", g.String(), g.walk())
	}
	f := strings.Fields(g.walk())
	var back gap
	back.top = f[0]
	for _, h := range f[1:] {
		lo, hi, _ := strings.Cut(h, "..")
		back.addHole(lo, hi)
	}
	if !slices.Equal(holesOf(&back), holesOf(&g)) {
		t.Fatalf("read back %v, want %v", holesOf(&back), holesOf(&g))
	}
}

// Past maxLost ranges the oldest merge: none is dropped.
func TestLostRangesAreBoundedWithoutDroppingAny(t *testing.T) {
	var g gap
	for i := 0; i < maxLost+5; i++ {
		g.addLost(fmt.Sprintf("%d..%d", 1000+10*i, 1005+10*i))
	}
	if len(g.lost) != maxLost {
		t.Fatalf("%d lost ranges kept, want %d", len(g.lost), maxLost)
	}
	if !strings.HasPrefix(g.lost[0], "1000..") || g.lost[len(g.lost)-1] != fmt.Sprintf("%d..%d", 1000+10*(maxLost+4), 1005+10*(maxLost+4)) {
		t.Fatalf("lost ranges %v do not cover from the first to the last", g.lost)
	}
}
