package geo

import (
	"fmt"
	"html"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
	"github.com/paulmach/orb/simplify"
)

// Map draws the districts of a boundary file as an SVG map: projected to
// Web Mercator, simplified (Douglas–Peucker, to about a pixel) and scaled
// once, when the desk starts; each request only fills in colours and links.
type Map struct {
	width, height int
	districts     []mapDistrict
}

type mapDistrict struct {
	lgd int
	d   string // SVG path data
}

// Shade is how one district is drawn: its fill colour, the link it opens
// and its tooltip. A zero Shade draws the district grey, without a link.
type Shade struct {
	Fill, Href, Title string
}

// NewMap prepares the map of b, width pixels wide.
func NewMap(b *Boundaries, width int) *Map {
	var bound orb.Bound
	projected := make([]orb.Geometry, len(b.districts))
	for i, d := range b.districts {
		projected[i] = project.Geometry(orb.Clone(d.geom), project.WGS84.ToMercator)
		if i == 0 {
			bound = projected[i].Bound()
		} else {
			bound = bound.Union(projected[i].Bound())
		}
	}
	scale := float64(width) / (bound.Max[0] - bound.Min[0])
	m := &Map{width: width, height: int(math.Ceil((bound.Max[1] - bound.Min[1]) * scale))}
	// A pixel in projected units: finer detail cannot be seen.
	simplifier := simplify.DouglasPeucker(1 / scale)
	for i, d := range b.districts {
		g := simplifier.Simplify(projected[i])
		var sb strings.Builder
		var polys orb.MultiPolygon
		switch x := g.(type) {
		case orb.Polygon:
			polys = orb.MultiPolygon{x}
		case orb.MultiPolygon:
			polys = x
		}
		for _, p := range polys {
			for _, r := range p {
				if len(r) < 3 {
					continue
				}
				for j, pt := range r {
					if j == 0 {
						sb.WriteByte('M')
					} else {
						sb.WriteByte('L')
					}
					x := (pt[0] - bound.Min[0]) * scale
					y := (bound.Max[1] - pt[1]) * scale
					sb.WriteString(strconv.FormatFloat(x, 'f', 1, 64))
					sb.WriteByte(' ')
					sb.WriteString(strconv.FormatFloat(y, 'f', 1, 64))
				}
				sb.WriteByte('Z')
			}
		}
		m.districts = append(m.districts, mapDistrict{lgd: d.lgd, d: sb.String()})
	}
	sort.SliceStable(m.districts, func(i, j int) bool { return m.districts[i].lgd < m.districts[j].lgd })
	return m
}

// Render writes the map as an inline SVG element with the given title
// (for screen readers), each district shaded by shade.
func (m *Map) Render(w io.Writer, title string, shade func(lgd int) Shade) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" class="map"><title>%s</title>`,
		m.width, m.height, html.EscapeString(title))
	for _, d := range m.districts {
		s := shade(d.lgd)
		fill := s.Fill
		if fill == "" {
			fill = "#ddd"
		}
		path := fmt.Sprintf(`<path d="%s" fill="%s" stroke="#fff" stroke-width="0.7" data-lgd="%d"><title>%s</title></path>`,
			d.d, html.EscapeString(fill), d.lgd, html.EscapeString(s.Title))
		if s.Href != "" {
			path = fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(s.Href), path)
		}
		sb.WriteString(path)
	}
	sb.WriteString(`</svg>`)
	_, err := io.WriteString(w, sb.String())
	return err
}
