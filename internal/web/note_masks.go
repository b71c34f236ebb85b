package web

import (
	"container/list"
	"crypto/sha256"
	"sync"

	"github.com/shikayat/shikayat"
)

// NoteMasks masks the public notes of tracking and Open311 answers
// (shikayat.MaskContacts) from a small cache: a public note is masked
// again on every lookup whose complaint the store reads afresh, and a
// long note costs a fraction of a second of CPU. The cache is keyed by a
// digest of the note, so a note changed (masked, redacted) is masked
// afresh; it keeps the most recently used notes up to maskCacheBytes of
// masked text. Short notes are masked directly. A server has one
// (Server.MaskNote); the zero value is ready to use.
type NoteMasks struct {
	cache maskCache
}

const (
	// maskCacheMin is the shortest note worth caching.
	maskCacheMin = 512
	// maskCacheBytes bounds the masked text a NoteMasks holds.
	maskCacheBytes = 8 << 20
)

// Mask is shikayat.MaskContacts(note), from the cache when it holds it.
func (n *NoteMasks) Mask(note string) string {
	if len(note) < maskCacheMin {
		return shikayat.MaskContacts(note)
	}
	k := maskKey(sha256.Sum256([]byte(note)))
	if m, ok := n.cache.get(k); ok {
		return m
	}
	m := shikayat.MaskContacts(note)
	n.cache.put(k, m)
	return m
}

// maskKey is the SHA-256 digest of a note.
type maskKey [sha256.Size]byte

type maskEntry struct {
	key    maskKey
	masked string
}

// maskCache is a least-recently-used cache of masked notes, bounded by
// the bytes of masked text it holds (maskCacheBytes when max is 0).
type maskCache struct {
	mu    sync.Mutex
	byKey map[maskKey]*list.Element
	order *list.List // front: most recently used
	size  int
	max   int
}

func (c *maskCache) limit() int {
	if c.max > 0 {
		return c.max
	}
	return maskCacheBytes
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
	if len(masked) > c.limit() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey, c.order = map[maskKey]*list.Element{}, list.New()
	}
	if _, ok := c.byKey[k]; ok {
		return
	}
	c.byKey[k] = c.order.PushFront(&maskEntry{key: k, masked: masked})
	c.size += len(masked)
	for c.size > c.limit() {
		old := c.order.Back()
		e := old.Value.(*maskEntry)
		c.order.Remove(old)
		delete(c.byKey, e.key)
		c.size -= len(e.masked)
	}
}
