package geo

import (
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/sharedtest"
)

// The map of UP draws every district once, each a link with its colour,
// small enough to inline in a page; text in a tooltip is escaped.
func TestMapOfUP(t *testing.T) {
	b, err := LoadBoundaries(sharedtest.Path(t, "data/up-districts/districts-lgd.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMap(b, 600)
	var sb strings.Builder
	err = m.Render(&sb, "UP", func(lgd int) Shade {
		if lgd == 162 {
			return Shade{Fill: "#b91c1c", Href: "/desk/?district=162&open=true", Title: `Lucknow <3>`}
		}
		return Shade{}
	})
	if err != nil {
		t.Fatal(err)
	}
	svg := sb.String()
	if n := strings.Count(svg, "<path "); n != 75 {
		t.Errorf("%d districts drawn, want 75", n)
	}
	if !strings.Contains(svg, `<a href="/desk/?district=162&amp;open=true"><path`) || !strings.Contains(svg, `fill="#b91c1c"`) {
		t.Errorf("Lucknow is not a shaded link")
	}
	if strings.Contains(svg, "<3>") || !strings.Contains(svg, "Lucknow &lt;3&gt;") {
		t.Errorf("tooltip not escaped")
	}
	// The boundary file is 800 KB; the simplified map a small part of it.
	if len(svg) > 200_000 {
		t.Errorf("map is %d bytes", len(svg))
	}
	t.Logf("map: %d bytes, %dx%d", len(svg), m.width, m.height)
}
