package triage

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

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

// BenchmarkTriageVsDecode decodes and triages each line, timing the two
// apart in the same run, so that whatever else the machine does weighs on
// both alike. It reports each rate and triage's rate as a share of
// decoding's ("triage/decode"; the target is at least 0.25).
func BenchmarkTriageVsDecode(b *testing.B) {
	lines := benchLines(b)
	tr, err := New(Options{Locator: fakeLocator{}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var dec, tri time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		p, err := xapi.DecodePost(lines[i%len(lines)])
		t1 := time.Now()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tr.Triage(ctx, &p); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		dec += t1.Sub(t0)
		tri += t2.Sub(t1)
	}
	b.ReportMetric(float64(b.N)/dec.Seconds(), "decoded/s")
	b.ReportMetric(float64(b.N)/tri.Seconds(), "triaged/s")
	b.ReportMetric(dec.Seconds()/tri.Seconds(), "triage/decode")
}
