package shikayat

import (
	"container/list"
	"strings"
	"sync"
	"testing"
)

// A cached public note is the note masked; a note changed under the same
// event is masked afresh; the cache stays within its bytes, dropping the
// least recently used.
func TestMaskPublicCache(t *testing.T) {
	note := strings.Repeat("call 98765 43210 ", 64)
	want := MaskContacts(note)
	for range 2 {
		if got := maskPublic(1, note); got != want {
			t.Fatalf("maskPublic = %.40q…, want %.40q…", got, want)
		}
	}
	other := strings.Repeat("mail ram@gmail.com ", 64)
	if got, want := maskPublic(1, other), MaskContacts(other); got != want {
		t.Fatalf("changed note: maskPublic = %.40q…, want %.40q…", got, want)
	}
	c := &maskCache{byKey: map[maskKey]*list.Element{}, order: list.New(), max: 10}
	c.put(maskKey{id: 1}, "aaaa")
	c.put(maskKey{id: 2}, "bbbb")
	c.get(maskKey{id: 1})
	c.put(maskKey{id: 3}, "cccc")
	if _, ok := c.get(maskKey{id: 2}); ok || c.size > 10 {
		t.Errorf("size %d, least recently used kept: %v", c.size, ok)
	}
	if m, ok := c.get(maskKey{id: 1}); !ok || m != "aaaa" {
		t.Errorf("recently used dropped: %q %v", m, ok)
	}
}

// Many lookups at once share the cache safely (go test -race).
func TestMaskPublicConcurrent(t *testing.T) {
	note := strings.Repeat("x@98765 43210 ", 64)
	want := MaskContacts(note)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 20 {
				if got := maskPublic(int64(i*j%5), note); got != want {
					t.Errorf("maskPublic = %.40q…", got)
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
		for b.Loop() {
			maskPublic(42, note)
		}
	})
	b.Run("uncached", func(b *testing.B) {
		for b.Loop() {
			MaskContacts(note)
		}
	})
}
