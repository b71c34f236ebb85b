package web

import (
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/shikayat/shikayat"
)

// A cached public note is the note masked; a changed note is masked
// afresh; the cache stays within its bytes, dropping the least recently
// used.
func TestNoteMasksCache(t *testing.T) {
	var masks NoteMasks
	note := strings.Repeat("call 98765 43210 ", 64)
	want := shikayat.MaskContacts(note)
	for range 2 {
		if got := masks.Mask(note); got != want {
			t.Fatalf("Mask = %.40q…, want %.40q…", got, want)
		}
	}
	if _, ok := masks.cache.get(maskKey{}); ok || masks.cache.size != len(want) {
		t.Fatalf("cache holds %d bytes, want the one note of %d", masks.cache.size, len(want))
	}
	other := strings.Repeat("mail ram@gmail.com ", 64)
	if got, want := masks.Mask(other), shikayat.MaskContacts(other); got != want {
		t.Fatalf("changed note: Mask = %.40q…, want %.40q…", got, want)
	}
	c := &maskCache{max: 10}
	c.put(maskKey{1}, "aaaa")
	c.put(maskKey{2}, "bbbb")
	c.get(maskKey{1})
	c.put(maskKey{3}, "cccc")
	if _, ok := c.get(maskKey{2}); ok || c.size > 10 {
		t.Errorf("size %d, least recently used kept: %v", c.size, ok)
	}
	if m, ok := c.get(maskKey{1}); !ok || m != "aaaa" {
		t.Errorf("recently used dropped: %q %v", m, ok)
	}
}

// Each server has its own cache.
func TestNoteMasksPerServer(t *testing.T) {
	a, b := NewServer(slog.New(slog.DiscardHandler), prometheus.NewRegistry()), NewServer(slog.New(slog.DiscardHandler), prometheus.NewRegistry())
	note := strings.Repeat("x@98765 43210 ", 64)
	a.MaskNote(note)
	if a.masks.cache.size == 0 || b.masks.cache.size != 0 {
		t.Errorf("cached bytes: %d and %d, want some and none", a.masks.cache.size, b.masks.cache.size)
	}
}

// Many lookups at once share the cache safely (go test -race).
func TestNoteMasksConcurrent(t *testing.T) {
	var masks NoteMasks
	notes := []string{strings.Repeat("x@98765 43210 ", 64), strings.Repeat("y@98765 43211 ", 64)}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 20 {
				note := notes[(i+j)%2]
				if got, want := masks.Mask(note), shikayat.MaskContacts(note); got != want {
					t.Errorf("Mask = %.40q…", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkTrackingNote is a 64 KB public note read by tracking again and
// again, with the cache and without.
func BenchmarkTrackingNote(b *testing.B) {
	note := strings.Repeat("thana ne jaanch ki, 98765 43210 par baat hui. ", 64<<10/46)
	b.Run("cached", func(b *testing.B) {
		var masks NoteMasks
		for b.Loop() {
			masks.Mask(note)
		}
	})
	b.Run("uncached", func(b *testing.B) {
		for b.Loop() {
			shikayat.MaskContacts(note)
		}
	})
}
