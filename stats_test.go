package shikayat

import (
	"math"
	"testing"
)

// The median from the histogram is within its stated bound of the true
// median, whatever bucket it falls in.
func TestDisposalHistogramMedian(t *testing.T) {
	tests := []struct {
		name  string
		hours []int
	}{
		{"one", []int{5}},
		{"under two days", []int{1, 3, 5, 7, 40}},
		{"six-hourly", []int{50, 61, 70, 100, 200}},
		{"daily", []int{250, 300, 400, 700}},
		{"mixed", []int{0, 1, 47, 48, 239, 240, 1000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := DisposalHistogram{}
			for _, x := range tt.hours {
				h[DisposalBucket(x)]++
			}
			m, bound, ok := h.Median()
			if !ok {
				t.Fatal("no median")
			}
			// the lower middle, as Median takes it; within its whole hour
			want := float64(tt.hours[(len(tt.hours)-1)/2])
			if math.Abs(m-want) > bound+1 {
				t.Errorf("median %v ± %v, true %v", m, bound, want)
			}
		})
	}
	if _, _, ok := (DisposalHistogram{}).Median(); ok {
		t.Error("a median of nothing")
	}
}

// Small numbers cannot top the table: three of three scores below 25 of
// 30, and the lower bound never exceeds the share.
func TestWilsonLower(t *testing.T) {
	if a, b := WilsonLower(3, 3), WilsonLower(25, 30); a >= b {
		t.Errorf("3/3 scores %.3f, 25/30 %.3f", a, b)
	}
	for n := 1; n < 50; n++ {
		for g := 0; g <= n; g++ {
			if w := WilsonLower(g, n); w < 0 || w > float64(g)/float64(n)+1e-12 {
				t.Fatalf("WilsonLower(%d, %d) = %v", g, n, w)
			}
		}
	}
	if WilsonLower(0, 0) != 0 {
		t.Error("no trials")
	}
}

// Ranks: the minimum volume first, then the score; movement against the
// earlier table; districts unranked then or now have no movement.
func TestRankLeague(t *testing.T) {
	r := LeagueRules{MinVolume: 10}
	prev := []LeagueCounts{{District: 162, Decided: 20, Good: 10}, {District: 157, Decided: 20, Good: 18}}
	now := []LeagueCounts{
		{District: 162, Decided: 20, Good: 19},
		{District: 157, Decided: 20, Good: 15},
		{District: 118, Decided: 3, Good: 3},
		{District: 120, Decided: 20, Good: 19, Bounces: 10},
	}
	rows := RankLeague(now, prev, r)
	order := []int{}
	for _, row := range rows {
		order = append(order, row.District)
	}
	want := []int{162, 157, 120, 118}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order %v, want %v", order, want)
		}
	}
	if rows[0].Move != 1 || rows[1].Move != -1 || rows[2].PrevRank != 0 || rows[3].Rank != 0 {
		t.Errorf("rows %+v", rows)
	}
}
