package triage

import (
	"slices"
	"testing"
)

func TestRomanise(t *testing.T) {
	tests := []struct {
		deva, latin string
	}{
		{"खुर्जा", "Khurja"},
		{"शिकोहाबाद", "Shikohabad"},
		{"मवाना", "Mawana"},
		{"सिकंदराबाद", "Sikandrabad"},
		{"गोरखपुर", "Gorakhpur"},
		{"कानपुर", "Kanpur"},
		{"प्रतापगढ़", "Pratapgarh"},
		{"बड़ौत", "Baraut"},
		{"नजीबाबाद", "Najibabad"},
		{"धामपुर", "Dhampur"},
	}
	for _, tt := range tests {
		t.Run(tt.latin, func(t *testing.T) {
			got := romanise(Fold(tt.deva))
			want := Key(Fold(tt.latin))
			if !slices.Contains(got, want) {
				t.Errorf("romanise(%s) = %q, want it to hold %q", tt.deva, got, want)
			}
		})
	}
	if got := romanise("abc"); got != nil {
		t.Errorf("romanise of a Latin word = %q, want nil", got)
	}
}
