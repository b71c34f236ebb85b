// Command gendistricts computes a representative point inside each district
// of a boundaries file (a GeoJSON FeatureCollection with an integer property
// "lgd" per feature) and prints it as Go, ready to be written into the
// district table (districts_table.go).
//
// The point is the polygon's area centroid when that lies inside the district
// with some room to spare; otherwise it is the midpoint of the widest
// east-west chord through the polygon, of the chords tried, that lies farthest
// from the boundary. Points are rounded to four decimals and checked again
// after rounding.
//
// Usage:
//
//	go run ./internal/tools/gendistricts -boundaries districts-lgd.geojson
package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// margin is how far (in degrees, about 2 km) a centroid must lie from the
// boundary to be used as it is.
const margin = 0.02

// chords is how many east-west lines are tried when the centroid will not do.
const chords = 200

func main() {
	boundaries := flag.String("boundaries", "", "GeoJSON FeatureCollection with an integer property \"lgd\" per feature")
	flag.Parse()
	if *boundaries == "" {
		fmt.Fprintln(os.Stderr, "gendistricts: -boundaries FILE is required")
		os.Exit(2)
	}
	if err := run(*boundaries, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gendistricts:", err)
		os.Exit(1)
	}
}

func run(path string, w io.Writer) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	points, err := Points(data)
	if err != nil {
		return err
	}
	codes := make([]int, 0, len(points))
	for code := range points {
		codes = append(codes, code)
	}
	sort.Ints(codes)
	for _, code := range codes {
		p := points[code]
		fmt.Fprintf(w, "%d: {Lat: %.4f, Lon: %.4f}, // %s\n", code, p.Lat, p.Lon, p.Method)
	}
	return nil
}

// Point is a representative point and how it was found.
type Point struct {
	Lat, Lon float64
	Method   string // "centroid" or "chord"
}

// Points returns a representative point, rounded to four decimals and inside
// its polygon, for every feature of a boundaries file, keyed by LGD code.
func Points(data []byte) (map[int]Point, error) {
	var fc featureCollection
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, err
	}
	out := make(map[int]Point, len(fc.Features))
	for i, f := range fc.Features {
		code := f.Properties.LGD
		if code <= 0 {
			return nil, fmt.Errorf("feature %d: no integer property \"lgd\"", i)
		}
		if _, dup := out[code]; dup {
			return nil, fmt.Errorf("feature %d: LGD code %d appears twice", i, code)
		}
		g, err := f.Geometry.orb()
		if err != nil {
			return nil, fmt.Errorf("LGD %d: %w", code, err)
		}
		p, err := pointIn(g)
		if err != nil {
			return nil, fmt.Errorf("LGD %d: %w", code, err)
		}
		out[code] = p
	}
	return out, nil
}

func pointIn(g orb.Geometry) (Point, error) {
	var polys orb.MultiPolygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		polys = g
	default:
		return Point{}, fmt.Errorf("geometry is a %s, want Polygon or MultiPolygon", g.GeoJSONType())
	}
	// For a multipolygon the point goes into its largest part.
	largest := slices.MaxFunc(polys, func(a, b orb.Polygon) int {
		return cmp.Compare(planar.Area(a), planar.Area(b))
	})

	c, _ := planar.CentroidArea(largest)
	if c = round(c); inside(largest, c) && planar.DistanceFrom(largest, c) >= margin {
		return Point{Lat: c[1], Lon: c[0], Method: "centroid"}, nil
	}

	best, bestDist := orb.Point{}, -1.0
	b := largest.Bound()
	for i := 1; i < chords; i++ {
		lat := b.Min[1] + (b.Max[1]-b.Min[1])*float64(i)/chords
		mid, ok := widestChord(largest, lat)
		if !ok {
			continue
		}
		mid = round(mid)
		if !inside(largest, mid) {
			continue
		}
		if d := planar.DistanceFrom(largest, mid); d > bestDist {
			best, bestDist = mid, d
		}
	}
	if bestDist < 0 {
		return Point{}, fmt.Errorf("found no point inside the polygon")
	}
	return Point{Lat: best[1], Lon: best[0], Method: "chord"}, nil
}

// inside reports whether p lies in the polygon (outer ring, not in a hole).
func inside(poly orb.Polygon, p orb.Point) bool { return planar.PolygonContains(poly, p) }

// widestChord returns the midpoint of the widest stretch of the east-west line
// at lat that lies inside the polygon.
func widestChord(poly orb.Polygon, lat float64) (orb.Point, bool) {
	var xs []float64
	for _, ring := range poly {
		for i := 0; i+1 < len(ring); i++ {
			a, b := ring[i], ring[i+1]
			if (a[1] > lat) == (b[1] > lat) {
				continue
			}
			xs = append(xs, a[0]+(lat-a[1])*(b[0]-a[0])/(b[1]-a[1]))
		}
	}
	sort.Float64s(xs)
	best, width := orb.Point{}, 0.0
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > width {
			best, width = orb.Point{(xs[i] + xs[i+1]) / 2, lat}, w
		}
	}
	return best, width > 0
}

func round(p orb.Point) orb.Point {
	return orb.Point{math.Round(p[0]*1e4) / 1e4, math.Round(p[1]*1e4) / 1e4}
}

// featureCollection is the part of a GeoJSON FeatureCollection this command
// reads.
type featureCollection struct {
	Features []struct {
		Properties struct {
			LGD int `json:"lgd"`
		} `json:"properties"`
		Geometry geometry `json:"geometry"`
	} `json:"features"`
}

type geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

func (g geometry) orb() (orb.Geometry, error) {
	switch g.Type {
	case "Polygon":
		var c [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, err
		}
		return polygon(c), nil
	case "MultiPolygon":
		var c [][][][2]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, err
		}
		mp := make(orb.MultiPolygon, len(c))
		for i := range c {
			mp[i] = polygon(c[i])
		}
		return mp, nil
	}
	return nil, fmt.Errorf("geometry is a %q, want Polygon or MultiPolygon", g.Type)
}

func polygon(rings [][][2]float64) orb.Polygon {
	p := make(orb.Polygon, len(rings))
	for i, r := range rings {
		p[i] = make(orb.Ring, len(r))
		for j, pt := range r {
			p[i][j] = orb.Point(pt)
		}
	}
	return p
}
