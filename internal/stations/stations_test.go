package stations_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/stations"
)

func ptr(f float64) *float64 { return &f }

func TestParse_Good(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []stations.Station
	}{
		{
			name: "reads every column",
			in: "id,district,name_en,name_hi,aliases,lat,lon\n" +
				"lko-hazratganj,162,Hazratganj,हजरतगंज,Hazratganj Kotwali|हज़रतगंज,26.8500,80.9462\n",
			want: []stations.Station{{
				ID: "lko-hazratganj", District: 162, NameEn: "Hazratganj", NameHi: "हजरतगंज",
				Aliases: []string{"Hazratganj Kotwali", "हज़रतगंज"}, Lat: ptr(26.85), Lon: ptr(80.9462),
			}},
		},
		{
			name: "takes columns in any order",
			in: "name_hi,lon,aliases,name_en,lat,district,id\n" +
				"चौक,80.91,,Chowk,26.87,162,lko-chowk\n",
			want: []stations.Station{{ID: "lko-chowk", District: 162, NameEn: "Chowk", NameHi: "चौक", Lat: ptr(26.87), Lon: ptr(80.91)}},
		},
		{
			name: "leaves out optional columns",
			in:   "id,district,name_en,name_hi\nvns-lanka,187,Lanka,लंका\n",
			want: []stations.Station{{ID: "vns-lanka", District: 187, NameEn: "Lanka", NameHi: "लंका"}},
		},
		{
			name: "allows empty coordinates and an empty Hindi name",
			in:   "id,district,name_en,name_hi,aliases,lat,lon\nvns-lanka,187,Lanka,,,,\n",
			want: []stations.Station{{ID: "vns-lanka", District: 187, NameEn: "Lanka"}},
		},
		{
			name: "tolerates a byte order mark, CRLF, blank lines and spaces",
			in: "\uFEFFid, District ,name_en,name_hi\r\n\r\n" +
				" vns-lanka , 187 , Lanka , लंका \r\n\r\n" +
				"\"vns-cantt\",187,\"Cantt, Varanasi\",कैंट\r\n",
			want: []stations.Station{
				{ID: "vns-lanka", District: 187, NameEn: "Lanka", NameHi: "लंका"},
				{ID: "vns-cantt", District: 187, NameEn: "Cantt, Varanasi", NameHi: "कैंट"},
			},
		},
		{
			name: "drops empty and repeated aliases",
			in:   "id,district,name_en,name_hi,aliases\nvns-cantt,187,Cantt,कैंट,| Cantonment ||Cantonment| कैंट थाना |\n",
			want: []stations.Station{{ID: "vns-cantt", District: 187, NameEn: "Cantt", NameHi: "कैंट", Aliases: []string{"Cantonment", "कैंट थाना"}}},
		},
		{
			name: "keeps file order",
			in:   "id,district,name_en,name_hi\nb,162,B,\na,120,A,\n",
			want: []stations.Station{{ID: "b", District: 162, NameEn: "B"}, {ID: "a", District: 120, NameEn: "A"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := stations.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d stations, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				if diff := diffStation(got[i], tt.want[i]); diff != "" {
					t.Errorf("station %d: %s", i, diff)
				}
			}
		})
	}
}

func TestParse_Bad(t *testing.T) {
	const header = "id,district,name_en,name_hi,aliases,lat,lon\n"
	const good = "lko-chowk,162,Chowk,चौक,,,\n"
	tests := []struct {
		name string
		in   string
		want []string // each must appear in the message, in this order
	}{
		{"refuses an empty file", "", []string{"empty"}},
		{"refuses a header with no stations", header, []string{"no stations"}},
		{"refuses a file without a header", good, []string{`line 1: Unknown column "lko-chowk"`}},
		{"refuses an unknown column", "id,district,name_en,name_hi,name_hindi\n", []string{`line 1: Unknown column "name_hindi"`}},
		{"refuses a repeated column", "id,district,name_en,name_hi,id\n", []string{`line 1: Column "id" appears twice`}},
		{"refuses a missing required column", "id,district,name_hi\n", []string{`line 1: Column "name_en" is missing`}},
		{"refuses lat without lon in the header", "id,district,name_en,name_hi,lat\n", []string{"line 1: Columns lat and lon go together"}},
		{"refuses an empty id", header + ",162,Chowk,,,,\n", []string{"line 2: The id is empty"}},
		{"refuses an id that is not a slug", header + "Lko_Chowk,162,Chowk,,,,\n", []string{`line 2: The id "Lko_Chowk"`}},
		{"refuses a duplicate id", header + good + "lko-aliganj,162,Aliganj,,,,\n" + good, []string{`line 4: The id "lko-chowk" is already used on line 2`}},
		{"refuses a district that is not a number", header + "lko-chowk,Lucknow,Chowk,,,,\n", []string{`line 2: The district "Lucknow" is not an LGD code`}},
		{"refuses a district outside UP", header + "x,603,X,,,,\n", []string{"line 2: The district 603 is not the LGD code of a UP district"}},
		{"refuses an empty district", header + "x,,X,,,,\n", []string{"line 2: The district is empty"}},
		{"refuses an empty English name", header + "x,162,,चौक,,,\n", []string{"line 2: The name_en is empty"}},
		{"refuses a Hindi name in Latin letters", header + "x,162,Chowk,Chowk,,,\n", []string{`line 2: The name_hi "Chowk" has no Devanagari`}},
		{"refuses lat without lon", header + "x,162,X,,,26.8,\n", []string{"line 2: Give both lat and lon"}},
		{"refuses a lat that is not a number", header + "x,162,X,,,north,80.9\n", []string{`line 2: The lat "north" is not a number`}},
		{"refuses a lon that is not finite", header + "x,162,X,,,26.8,NaN\n", []string{`line 2: The lon "NaN" is not a number`}},
		{"refuses swapped coordinates", header + "x,162,X,,,80.9,26.8\n", []string{"line 2: The point 80.9, 26.8 lies outside Uttar Pradesh"}},
		{"refuses a short row", header + "x,162,X\n", []string{"line 2: Has 3 values, the header has 7 columns"}},
		{"refuses a long row", header + "x,162,X,,,,,extra\n", []string{"line 2: Has 8 values"}},
		{"refuses a bare quote", header + "x,162,Ch\"owk,,,,\n", []string{"line 2: A quote"}},
		{"refuses invalid UTF-8", header + "x,162,Ch\xffowk,,,,\n", []string{"line 2: Is not valid UTF-8"}},
		{
			name: "reports every bad line, and nothing from good ones",
			in:   header + good + "BAD,162,X,,,,\n" + "y,999,Y,,,,\n" + "lko-aliganj,162,Aliganj,अलीगंज,,,\n" + "z,162,,,,,\n",
			want: []string{"3 errors", "line 3: The id \"BAD\"", "line 4: The district 999", "line 6: The name_en is empty"},
		},
		{
			name: "counts lines of quoted values that span lines",
			in:   header + "x,162,\"Two\nlines\",,,,\ny,162,Y,,,,bad\n",
			want: []string{"line 4: Give both lat and lon"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := stations.Parse(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("Parse returned %d stations and no error", len(got))
			}
			if got != nil {
				t.Errorf("Parse returned %d stations with an error", len(got))
			}
			if code := shikayat.ErrorCode(err); code != shikayat.EINVALID {
				t.Errorf("error code = %q, want %q (%v)", code, shikayat.EINVALID, err)
			}
			var pe *stations.ParseError
			if !errors.As(err, &pe) || len(pe.Errors) == 0 {
				t.Fatalf("error %v is not a *ParseError with errors", err)
			}
			msg := shikayat.ErrorMessage(err)
			rest := msg
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("message does not contain %q (in order):\n%s", w, msg)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func TestParse_CollectsEveryLine(t *testing.T) {
	in := "id,district,name_en,name_hi\nok,162,OK,\nBAD1,162,X,\nok2,1,X,\nBAD3,1,,\n"
	_, err := stations.Parse(strings.NewReader(in))
	var pe *stations.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want a *ParseError", err)
	}
	var lines []int
	for _, e := range pe.Errors {
		lines = append(lines, e.Line)
	}
	if want := []int{3, 4, 5, 5, 5}; !slices.Equal(lines, want) {
		t.Errorf("error lines = %v, want %v: %v", lines, want, pe.Errors)
	}
}

func TestParse_ReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := &failAfter{r: strings.NewReader("id,district,name_en,name_hi\nok,162,OK,\n"), err: boom}
	got, err := stations.Parse(r)
	if !errors.Is(err, boom) || got != nil {
		t.Errorf("Parse = %v, %v; want nil, %v", got, err, boom)
	}
}

// failAfter returns err once r is exhausted, instead of io.EOF.
type failAfter struct {
	r   io.Reader
	err error
}

func (f *failAfter) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err != nil {
		return n, f.err
	}
	return n, nil
}

func TestSample(t *testing.T) {
	t.Run("parses without errors", func(t *testing.T) {
		got, err := stations.Parse(bytes.NewReader(stations.Sample))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) < 20 {
			t.Errorf("sample has %d stations, want at least 20", len(got))
		}
		for _, s := range got {
			if s.NameHi == "" {
				t.Errorf("sample station %s has no Hindi name", s.ID)
			}
		}
	})
	t.Run("matches the copy in testdata", func(t *testing.T) {
		saved, err := os.ReadFile(filepath.Join("testdata", "sample-stations.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(saved, stations.Sample) {
			t.Error("testdata/sample-stations.csv differs from sample.csv; copy one over the other")
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("id,district,name_en,name_hi,aliases,lat,lon\nlko-chowk,162,Chowk,चौक,Chauk|चौक थाना,26.87,80.91\n"))
	f.Add([]byte("\uFEFFname_hi,id,district,name_en\r\nलंका,vns-lanka,187,Lanka\r\n"))
	f.Add([]byte("id,district,name_en,name_hi\nx,162,\"a\"\"b\nc\",\nx,162,X,\n"))
	f.Add([]byte("id,district,name_en,name_hi,lat,lon\nx,162,X,,1e400,NaN\n"))
	f.Add([]byte("id,id\n\"\n"))
	if data, err := os.ReadFile(filepath.Join("testdata", "sample-stations.csv")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := stations.Parse(bytes.NewReader(data))
		if err != nil {
			if got != nil {
				t.Fatalf("returned %d stations and an error: %v", len(got), err)
			}
			if code := shikayat.ErrorCode(err); code != shikayat.EINVALID {
				t.Fatalf("error code %q, want %q: %v", code, shikayat.EINVALID, err)
			}
			return
		}
		if len(got) == 0 {
			t.Fatal("no stations and no error")
		}
		ids := map[string]bool{}
		for _, s := range got {
			if !shikayat.ValidSlug(s.ID) || ids[s.ID] {
				t.Fatalf("bad or repeated id %q", s.ID)
			}
			ids[s.ID] = true
			if _, ok := shikayat.DistrictByLGD(s.District); !ok {
				t.Fatalf("station %s has unknown district %d", s.ID, s.District)
			}
			if s.NameEn == "" || (s.Lat == nil) != (s.Lon == nil) {
				t.Fatalf("station %+v is incomplete", s)
			}
		}
	})
}

// diffStation describes how got differs from want, or returns "".
func diffStation(got, want stations.Station) string {
	var d []string
	if got.ID != want.ID || got.District != want.District || got.NameEn != want.NameEn || got.NameHi != want.NameHi {
		d = append(d, "fields")
	}
	if !slices.Equal(got.Aliases, want.Aliases) {
		d = append(d, "aliases")
	}
	if !sameCoord(got.Lat, want.Lat) || !sameCoord(got.Lon, want.Lon) {
		d = append(d, "coordinates")
	}
	if len(d) == 0 {
		return ""
	}
	return "differs in " + strings.Join(d, ", ") + ": got " + show(got) + ", want " + show(want)
}

func sameCoord(a, b *float64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

func show(s stations.Station) string {
	out := fmt.Sprintf("%s %d %q %q %q", s.ID, s.District, s.NameEn, s.NameHi, s.Aliases)
	if s.Lat != nil && s.Lon != nil {
		out += fmt.Sprintf(" @%v,%v", *s.Lat, *s.Lon)
	}
	return out
}
