// Package geo maps positions to Uttar Pradesh districts: through district
// boundaries read from GeoJSON when a deployment has them, else through the
// nearest representative point of the domain's district table, and then
// only inside the state's bounding box.
package geo

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/shikayat/shikayat"
)

// UPBound is a box around Uttar Pradesh, a little larger than the state.
var UPBound = orb.Bound{Min: orb.Point{77.05, 23.85}, Max: orb.Point{84.65, 30.45}}

type district struct {
	lgd   int
	geom  orb.Geometry
	bound orb.Bound
}

// Boundaries finds districts by point-in-polygon.
type Boundaries struct {
	districts []district
}

// LoadBoundaries reads a GeoJSON FeatureCollection whose features carry an
// integer property "lgd".
func LoadBoundaries(path string) (*Boundaries, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadBoundaries(f)
}

// ReadBoundaries is LoadBoundaries from a reader.
func ReadBoundaries(r io.Reader) (*Boundaries, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	// orb's geojson package would pull in a BSON library; the shape
	// needed here is small enough to read directly.
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]any `json:"properties"`
			Geometry   struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, fmt.Errorf("boundaries: %w", err)
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("boundaries: not a GeoJSON FeatureCollection")
	}
	b := &Boundaries{}
	for i, ft := range fc.Features {
		lgd, ok := intProp(ft.Properties["lgd"])
		if !ok {
			return nil, fmt.Errorf("boundaries: feature %d has no integer property \"lgd\"", i)
		}
		var g orb.Geometry
		switch ft.Geometry.Type {
		case "Polygon":
			var c [][][2]float64
			if err := json.Unmarshal(ft.Geometry.Coordinates, &c); err != nil {
				return nil, fmt.Errorf("boundaries: feature %d (lgd %d): %w", i, lgd, err)
			}
			g = polygon(c)
		case "MultiPolygon":
			var c [][][][2]float64
			if err := json.Unmarshal(ft.Geometry.Coordinates, &c); err != nil {
				return nil, fmt.Errorf("boundaries: feature %d (lgd %d): %w", i, lgd, err)
			}
			mp := make(orb.MultiPolygon, len(c))
			for j, pc := range c {
				mp[j] = polygon(pc)
			}
			g = mp
		default:
			return nil, fmt.Errorf("boundaries: feature %d (lgd %d) is a %q, not a polygon", i, lgd, ft.Geometry.Type)
		}
		b.districts = append(b.districts, district{lgd: lgd, geom: g, bound: g.Bound()})
	}
	if len(b.districts) == 0 {
		return nil, fmt.Errorf("boundaries: no features")
	}
	return b, nil
}

func polygon(c [][][2]float64) orb.Polygon {
	p := make(orb.Polygon, len(c))
	for i, ring := range c {
		r := make(orb.Ring, len(ring))
		for j, pt := range ring {
			r[j] = orb.Point(pt)
		}
		p[i] = r
	}
	return p
}

func intProp(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		if x == math.Trunc(x) {
			return int(x), true
		}
	case json.Number:
		n, err := x.Int64()
		return int(n), err == nil
	case int:
		return x, true
	}
	return 0, false
}

// Locate returns the district whose boundary contains lat, lon. A point in
// no polygon but inside the state's box, within a few kilometres of a
// boundary, goes to the nearest district.
func (b *Boundaries) Locate(lat, lon float64) (int, string, bool) {
	p := orb.Point{lon, lat}
	for _, d := range b.districts {
		if !d.bound.Contains(p) {
			continue
		}
		switch g := d.geom.(type) {
		case orb.Polygon:
			if planar.PolygonContains(g, p) {
				return d.lgd, "boundary", true
			}
		case orb.MultiPolygon:
			if planar.MultiPolygonContains(g, p) {
				return d.lgd, "boundary", true
			}
		}
	}
	// near a boundary: the district with the closest edge, within ~3 km
	best, bestDist := 0, math.Inf(1)
	for _, d := range b.districts {
		if !d.bound.Pad(0.03).Contains(p) {
			continue
		}
		if dist := distanceToGeometry(d.geom, p); dist < bestDist {
			best, bestDist = d.lgd, dist
		}
	}
	if best != 0 && bestDist < 0.03 {
		return best, "nearest boundary", true
	}
	return 0, "", false
}

func distanceToGeometry(g orb.Geometry, p orb.Point) float64 {
	best := math.Inf(1)
	var rings []orb.Ring
	switch x := g.(type) {
	case orb.Polygon:
		rings = x
	case orb.MultiPolygon:
		for _, poly := range x {
			rings = append(rings, poly...)
		}
	}
	for _, r := range rings {
		best = math.Min(best, planar.DistanceFrom(orb.LineString(r), p))
	}
	return best
}

// Nearest maps a point inside the state's box to the district whose
// representative point is closest.
type Nearest struct {
	points []shikayat.District
}

// NewNearest builds the lookup from the domain's district table.
func NewNearest() *Nearest {
	return &Nearest{points: shikayat.Districts()}
}

// Locate returns the district with the nearest representative point, when
// lat, lon lies inside Uttar Pradesh's bounding box.
func (n *Nearest) Locate(lat, lon float64) (int, string, bool) {
	if !UPBound.Contains(orb.Point{lon, lat}) {
		return 0, "", false
	}
	best, bestDist := 0, math.Inf(1)
	cosLat := math.Cos(lat * math.Pi / 180)
	for _, d := range n.points {
		dx := (d.Lon - lon) * cosLat
		dy := d.Lat - lat
		if dist := dx*dx + dy*dy; dist < bestDist {
			best, bestDist = d.LGD, dist
		}
	}
	if best == 0 {
		return 0, "", false
	}
	return best, "nearest district point", true
}
