package geo

import (
	"github.com/shikayat/shikayat/internal/sharedtest"
	"strings"
	"testing"
)

// Two districts side by side: 1 is the square [80,81]×[26,27], 2 is
// [81,82]×[26,27] as a MultiPolygon with a hole at its middle.
const twoSquares = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"lgd":1},"geometry":{"type":"Polygon","coordinates":[[[80,26],[81,26],[81,27],[80,27],[80,26]]]}},
{"type":"Feature","properties":{"lgd":2,"name":"x"},"geometry":{"type":"MultiPolygon","coordinates":[[[[81,26],[82,26],[82,27],[81,27],[81,26]],[[81.4,26.4],[81.6,26.4],[81.6,26.6],[81.4,26.6],[81.4,26.4]]]]}}
]}`

func TestBoundariesLocate(t *testing.T) {
	b, err := ReadBoundaries(strings.NewReader(twoSquares))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		lat, lon float64
		want     int
		ok       bool
	}{
		{"inside the polygon", 26.5, 80.5, 1, true},
		{"inside the multipolygon", 26.2, 81.8, 2, true},
		{"in the hole", 26.5, 81.5, 0, false},
		{"just outside, near an edge", 26.5, 79.99, 1, true},
		{"far outside", 20, 70, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, ok := b.Locate(tt.lat, tt.lon)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Locate(%v, %v) = %d, %v; want %d, %v", tt.lat, tt.lon, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestReadBoundariesRejects(t *testing.T) {
	tests := map[string]string{
		"not json":           "nope",
		"not a collection":   `{"type":"Feature"}`,
		"no features":        `{"type":"FeatureCollection","features":[]}`,
		"lgd missing":        `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`,
		"lgd not an integer": `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"lgd":1.5},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`,
		"a point":            `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"lgd":1},"geometry":{"type":"Point","coordinates":[0,0]}}]}`,
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadBoundaries(strings.NewReader(in)); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestNearest(t *testing.T) {
	n := NewNearest()
	if len(n.points) == 0 {
		t.Skip("the district table is empty")
	}
	tests := []struct {
		name     string
		lat, lon float64
		want     int
		ok       bool
	}{
		{"central Lucknow", 26.85, 80.95, 162, true},
		{"Varanasi ghats", 25.31, 83.01, 187, true},
		{"Mumbai is outside the state's box", 19.07, 72.88, 0, false},
		{"Kathmandu is outside the state's box", 27.70, 85.32, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, ok := n.Locate(tt.lat, tt.lon)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Locate(%v, %v) = %d, %v; want %d, %v", tt.lat, tt.lon, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestUPBoundaries(t *testing.T) {
	b, err := LoadBoundaries(sharedtest.Path(t, "data/up-districts/districts-lgd.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.districts) != 75 {
		t.Errorf("%d districts, want 75", len(b.districts))
	}
	tests := []struct {
		name     string
		lat, lon float64
		want     int
	}{
		{"Hazratganj", 26.8505, 80.9462, 162},
		{"Taj Mahal", 27.1751, 78.0421, 118},
		{"Noida Sector 18", 28.5700, 77.3260, 144},
		{"Gorakhpur station", 26.7606, 83.3732, 148},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _, _ := b.Locate(tt.lat, tt.lon); got != tt.want {
				t.Errorf("Locate = %d, want %d", got, tt.want)
			}
		})
	}
	if _, _, ok := b.Locate(28.6139, 77.2090); ok { // Connaught Place, Delhi
		t.Error("a point in Delhi was put in a UP district")
	}
}
