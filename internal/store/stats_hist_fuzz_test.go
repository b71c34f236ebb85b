package store

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"

	"github.com/shikayat/shikayat"
)

// FuzzAddHist: the hand-read histogram adds what encoding/json reads from
// the same text, or fails where it fails.
func FuzzAddHist(f *testing.F) {
	for _, s := range []string{`{}`, `{"6":1,"12":-1}`, `{"6": 1, "12": -1}`, `{"0": 3}`, `{"06":1,"6":2}`, `{"1":1.5}`, `{"1":1e2}`, `[]`, `{"a":1}`, ` { "48" : 7 } `, `{"1":1,}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := shikayat.DisposalHistogram{}
		err := addHist(got, text)
		want := shikayat.DisposalHistogram{}
		var m map[string]int
		werr := json.Unmarshal([]byte(text), &m)
		if werr == nil {
			for k, n := range m {
				b, err := strconv.Atoi(k)
				if err != nil {
					werr = err
					break
				}
				if n != 0 {
					want[b] += n
				}
			}
		}
		if text == "" {
			werr, want = nil, shikayat.DisposalHistogram{}
		}
		if (err == nil) != (werr == nil) {
			t.Fatalf("%q: error %v, encoding/json %v", text, err, werr)
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %v, encoding/json %v", text, got, want)
		}
	})
}
