package shikayat

import (
	"container/list"
	"crypto/sha256"
	"sync"
)

// maskPublic is MaskContacts for an event's public note, from a small
// cache: public notes are masked again on every tracking and Open311
// lookup, and a long note costs a fraction of a second of CPU. The cache
// is keyed by the event's id and a digest of the note, so a note changed
// (masked, redacted) is masked afresh; it keeps the most recently used
// notes up to maskCacheBytes of text. Short notes are masked directly.
func maskPublic(id int64, note string) string {
	if len(note) < maskCacheMin {
		return MaskContacts(note)
	}
	k := maskKey{id: id, digest: sha256.Sum256([]byte(note))}
	if m, ok := publicMasks.get(k); ok {
		return m
	}
	m := MaskContacts(note)
	publicMasks.put(k, m)
	return m
}

const (
	// maskCacheMin is the shortest note worth caching.
	maskCacheMin = 512
	// maskCacheBytes bounds the masked text the cache holds.
	maskCacheBytes = 8 << 20
)

var publicMasks = &maskCache{byKey: map[maskKey]*list.Element{}, order: list.New(), max: maskCacheBytes}

type maskKey struct {
	id     int64
	digest [sha256.Size]byte
}

type maskEntry struct {
	key    maskKey
	masked string
}

// maskCache is a least-recently-used cache of masked notes, bounded by
// the bytes of masked text it holds.
type maskCache struct {
	mu    sync.Mutex
	byKey map[maskKey]*list.Element
	order *list.List // front: most recently used
	size  int
	max   int
}

func (c *maskCache) get(k maskKey) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[k]
	if !ok {
		return "", false
	}
	c.order.MoveToFront(e)
	return e.Value.(*maskEntry).masked, true
}

func (c *maskCache) put(k maskKey, masked string) {
	if len(masked) > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[k]; ok {
		return
	}
	c.byKey[k] = c.order.PushFront(&maskEntry{key: k, masked: masked})
	c.size += len(masked)
	for c.size > c.max {
		old := c.order.Back()
		e := old.Value.(*maskEntry)
		c.order.Remove(old)
		delete(c.byKey, e.key)
		c.size -= len(e.masked)
	}
}
