package shikayat_test

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"github.com/shikayat/shikayat/internal/sharedtest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/shikayat/shikayat"
)

// upBounds is a box around Uttar Pradesh, a little larger than the state.
var upBounds = struct{ minLat, maxLat, minLon, maxLon float64 }{23.8, 30.5, 77.0, 84.7}

func TestDistricts(t *testing.T) {
	ds := shikayat.Districts()

	t.Run("there are 75 with unique codes in LGD order", func(t *testing.T) {
		if len(ds) != 75 {
			t.Fatalf("got %d districts, want 75", len(ds))
		}
		for i := 1; i < len(ds); i++ {
			if ds[i-1].LGD >= ds[i].LGD {
				t.Errorf("district %d (%s) comes before %d (%s): codes must be unique and ascending",
					ds[i-1].LGD, ds[i-1].Name, ds[i].LGD, ds[i].Name)
			}
		}
	})

	t.Run("every field is filled", func(t *testing.T) {
		for _, d := range ds {
			if d.LGD <= 0 || d.Name == "" || d.NameHi == "" || d.Division == "" {
				t.Errorf("district %+v has an empty field", d)
			}
		}
	})

	t.Run("there are 18 revenue divisions", func(t *testing.T) {
		divs := map[string]bool{}
		for _, d := range ds {
			divs[d.Division] = true
		}
		if len(divs) != 18 {
			t.Errorf("got %d divisions, want 18: %v", len(divs), divs)
		}
	})

	t.Run("Hindi names are Devanagari", func(t *testing.T) {
		for _, d := range ds {
			if !isDevanagari(d.NameHi) {
				t.Errorf("%d %s: NameHi %q is not Devanagari", d.LGD, d.Name, d.NameHi)
			}
		}
	})

	t.Run("each alias is in one script", func(t *testing.T) {
		for _, d := range ds {
			for _, a := range d.Aliases {
				if !isDevanagari(a) && !isLatin(a) {
					t.Errorf("%d %s: alias %q mixes scripts or has odd characters", d.LGD, d.Name, a)
				}
			}
		}
	})

	t.Run("no name or alias points to two districts", func(t *testing.T) {
		owner := map[string]int{}
		for _, d := range ds {
			// Spacing variants ("Kushi Nagar", "Kushinagar") are kept on
			// purpose, so only exact repeats count as listed twice.
			seen := map[string]bool{}
			for _, n := range append([]string{d.Name, d.NameHi}, d.Aliases...) {
				if seen[strings.ToLower(n)] {
					t.Errorf("%d %s: %q is listed twice", d.LGD, d.Name, n)
				}
				seen[strings.ToLower(n)] = true
				k := fold(n)
				if o, ok := owner[k]; ok && o != d.LGD {
					t.Errorf("%q names both %d and %d", n, o, d.LGD)
				}
				owner[k] = d.LGD
			}
		}
	})

	t.Run("points lie in UP's bounding box", func(t *testing.T) {
		b := upBounds
		for _, d := range ds {
			if d.Lat < b.minLat || d.Lat > b.maxLat || d.Lon < b.minLon || d.Lon > b.maxLon {
				t.Errorf("%d %s: point %v,%v is outside UP", d.LGD, d.Name, d.Lat, d.Lon)
			}
		}
	})
}

func TestDistricts_MatchLGD(t *testing.T) {
	path := sharedtest.Path(t, "data/lgd-planemad/2-district.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[0][0] != "State Code" || rows[0][2] != "District Code" || rows[0][3] != "District Name" {
		t.Fatalf("unexpected header %q", rows[0])
	}
	lgd := map[int]string{}
	for _, r := range rows[1:] {
		if r[0] != "9" {
			continue
		}
		code, err := strconv.Atoi(r[2])
		if err != nil {
			t.Fatalf("bad district code %q", r[2])
		}
		lgd[code] = r[3]
	}
	if len(lgd) != 75 {
		t.Fatalf("LGD file has %d UP districts, want 75", len(lgd))
	}

	for _, d := range shikayat.Districts() {
		name, ok := lgd[d.LGD]
		if !ok {
			t.Errorf("district %d (%s) is not a UP district in LGD", d.LGD, d.Name)
			continue
		}
		delete(lgd, d.LGD)
		names := append([]string{d.Name}, d.Aliases...)
		if !slices.ContainsFunc(names, func(n string) bool { return fold(n) == fold(name) }) {
			t.Errorf("district %d: LGD's name %q is neither Name %q nor an alias %q", d.LGD, name, d.Name, d.Aliases)
		}
	}
	for code, name := range lgd {
		t.Errorf("LGD district %d (%s) is missing from the table", code, name)
	}
}

func TestDistricts_PointsInsideBoundaries(t *testing.T) {
	path := sharedtest.Path(t, "data/up-districts/districts-lgd.geojson")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	polys, err := readBoundaries(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range shikayat.Districts() {
		poly, ok := polys[d.LGD]
		if !ok {
			t.Errorf("district %d (%s) has no boundary", d.LGD, d.Name)
			continue
		}
		if !poly.contains(d.Lon, d.Lat) {
			t.Errorf("district %d (%s): point %v,%v is outside its boundary", d.LGD, d.Name, d.Lat, d.Lon)
		}
		// The point must not also lie in a neighbour (the boundaries do not overlap).
		for code, other := range polys {
			if code != d.LGD && other.contains(d.Lon, d.Lat) {
				t.Errorf("district %d (%s): point %v,%v also lies in district %d", d.LGD, d.Name, d.Lat, d.Lon, code)
			}
		}
	}
}

func TestPointInPolygon(t *testing.T) {
	// A 4×4 square with a 2×2 hole in the middle, and a separate unit square.
	p := multiPolygon{
		{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, {{1, 1}, {3, 1}, {3, 3}, {1, 3}, {1, 1}}},
		{{{10, 10}, {11, 10}, {11, 11}, {10, 11}, {10, 10}}},
	}
	tests := []struct {
		name string
		x, y float64
		want bool
	}{
		{"inside the ring", 0.5, 0.5, true},
		{"in the hole", 2, 2, false},
		{"outside", 5, 2, false},
		{"in the second part", 10.5, 10.5, true},
		{"level with a vertex", -1, 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.contains(tt.x, tt.y); got != tt.want {
				t.Errorf("contains(%v, %v) = %v, want %v", tt.x, tt.y, got, tt.want)
			}
		})
	}
}

func TestDefaultPoliceZones(t *testing.T) {
	zones := shikayat.DefaultPoliceZones

	t.Run("every district is in exactly one range", func(t *testing.T) {
		in := map[int]string{}
		for _, z := range zones {
			for _, code := range z.Districts {
				if _, ok := shikayat.DistrictByLGD(code); !ok {
					t.Errorf("range %s lists unknown district %d", z.Range, code)
				}
				if r, ok := in[code]; ok {
					t.Errorf("district %d is in ranges %s and %s", code, r, z.Range)
				}
				in[code] = z.Range
			}
		}
		for _, d := range shikayat.Districts() {
			if _, ok := in[d.LGD]; !ok {
				t.Errorf("district %d (%s) is in no range", d.LGD, d.Name)
			}
		}
	})

	t.Run("8 zones and 18 ranges with valid slugs", func(t *testing.T) {
		zoneNames := map[string]string{}
		ranges := map[string]bool{}
		for _, z := range zones {
			if !shikayat.ValidSlug(z.Zone) || !shikayat.ValidSlug(z.Range) || z.ZoneName == "" || z.RangeName == "" {
				t.Errorf("bad entry %+v", z)
			}
			if n, ok := zoneNames[z.Zone]; ok && n != z.ZoneName {
				t.Errorf("zone %s is called both %q and %q", z.Zone, n, z.ZoneName)
			}
			zoneNames[z.Zone] = z.ZoneName
			if ranges[z.Range] {
				t.Errorf("range %s is listed twice", z.Range)
			}
			ranges[z.Range] = true
		}
		want := []string{"agra", "bareilly", "gorakhpur", "kanpur", "lucknow", "meerut", "prayagraj", "varanasi"}
		got := make([]string, 0, len(zoneNames))
		for z := range zoneNames {
			got = append(got, z)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("zones = %v, want %v", got, want)
		}
		if len(ranges) != 18 {
			t.Errorf("got %d ranges, want 18", len(ranges))
		}
	})
}

func TestDistrictByLGD(t *testing.T) {
	tests := []struct {
		name     string
		lgd      int
		wantOK   bool
		wantName string
	}{
		{"finds Lucknow", 162, true, "Lucknow"},
		{"finds Prayagraj by its LGD code", 120, true, "Prayagraj"},
		{"finds the first code", 118, true, "Agra"},
		{"finds a district made after 2011", 661, true, "Hapur"},
		{"refuses zero", 0, false, ""},
		{"refuses a negative code", -162, false, ""},
		{"refuses a code just past the old range", 188, false, ""},
		{"refuses another state's district", 603, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := shikayat.DistrictByLGD(tt.lgd)
			if ok != tt.wantOK {
				t.Fatalf("DistrictByLGD(%d) ok = %v, want %v", tt.lgd, ok, tt.wantOK)
			}
			if d.Name != tt.wantName {
				t.Errorf("DistrictByLGD(%d) name = %q, want %q", tt.lgd, d.Name, tt.wantName)
			}
			if ok && d.LGD != tt.lgd {
				t.Errorf("DistrictByLGD(%d) returned district %d", tt.lgd, d.LGD)
			}
		})
	}

	t.Run("finds every district of the table", func(t *testing.T) {
		for _, want := range shikayat.Districts() {
			got, ok := shikayat.DistrictByLGD(want.LGD)
			if !ok || got.Name != want.Name {
				t.Errorf("DistrictByLGD(%d) = %q, %v; want %q", want.LGD, got.Name, ok, want.Name)
			}
		}
	})
}

// fold normalises a name for comparison: lower case, no spaces.
func fold(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", ""))
}

func isDevanagari(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, r := range s {
		if r != ' ' && !unicode.Is(unicode.Devanagari, r) {
			return false
		}
	}
	return true
}

func isLatin(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == ' ' || r == '.') {
			return false
		}
	}
	return true
}

// multiPolygon is a list of polygons, each a list of rings of [lon, lat]
// points; the first ring of a polygon is its outline, the others holes.
type multiPolygon [][][][2]float64

// contains reports whether (x, y) lies inside, by casting a ray towards +x
// and counting the edges it crosses over all rings (even-odd rule).
func (mp multiPolygon) contains(x, y float64) bool {
	in := false
	for _, poly := range mp {
		for _, ring := range poly {
			for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
				a, b := ring[i], ring[j]
				if (a[1] > y) != (b[1] > y) && x < a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]) {
					in = !in
				}
			}
		}
	}
	return in
}

// readBoundaries reads a GeoJSON FeatureCollection of Polygon and
// MultiPolygon features keyed by the integer property "lgd".
func readBoundaries(data []byte) (map[int]multiPolygon, error) {
	var fc struct {
		Features []struct {
			Properties struct {
				LGD int `json:"lgd"`
			} `json:"properties"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, err
	}
	out := map[int]multiPolygon{}
	for _, f := range fc.Features {
		var mp multiPolygon
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return nil, err
			}
			mp = multiPolygon{p}
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &mp); err != nil {
				return nil, err
			}
		default:
			return nil, errors.New("unexpected geometry " + f.Geometry.Type)
		}
		out[f.Properties.LGD] = mp
	}
	return out, nil
}
