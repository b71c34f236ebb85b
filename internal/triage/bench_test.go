package triage

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/shikayat/shikayat/internal/xapi"
)

// benchLines are posts in the wire shape: the committed training set.
func benchLines(b *testing.B) [][]byte {
	b.Helper()
	data, err := os.ReadFile("traindata/train.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var lines [][]byte
	for _, l := range bytes.Split(data, []byte("\n")) {
		if len(l) > 0 {
			lines = append(lines, l)
		}
	}
	return lines
}

// BenchmarkDecodeOnly is the floor: decoding the JSON lines and nothing else.
func BenchmarkDecodeOnly(b *testing.B) {
	lines := benchLines(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := xapi.DecodePost(lines[i%len(lines)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkDecodeAndTriage decodes and triages each line, on one goroutine:
// posts per second per core.
func BenchmarkDecodeAndTriage(b *testing.B) {
	lines := benchLines(b)
	tr, err := New(Options{Locator: fakeLocator{}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := xapi.DecodePost(lines[i%len(lines)])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tr.Triage(ctx, &p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}
