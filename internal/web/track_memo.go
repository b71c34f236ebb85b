package web

import (
	"bytes"
	"encoding/json"
	"sync"

	"github.com/shikayat/shikayat"
)

// maxRendered bounds the answers a Tracker keeps, per generation (two are
// kept).
const maxRendered = 4096

// rendered keeps the bytes of recent tracking answers, keyed by the very
// complaint value they were made from: the store hands out one value for a
// complaint as long as it answers it from memory and a new one when it
// reads it again (store.DB.TrackComplaint never changes a value it gave),
// so an answer kept is never staler than the lookup that found it.
type rendered struct {
	mu        sync.Mutex
	cur, prev map[renderKey][]byte
}

type renderKey struct {
	c    *shikayat.Complaint
	kind string // "json", or the page's language
	code string // the code as the page was asked for it
}

// get returns the answer kept for k, or makes it with render and keeps it.
func (m *rendered) get(k renderKey, render func() ([]byte, error)) ([]byte, error) {
	m.mu.Lock()
	b, ok := m.cur[k]
	if !ok {
		b, ok = m.prev[k]
	}
	m.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := render()
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cur == nil || len(m.cur) >= maxRendered {
		m.prev, m.cur = m.cur, make(map[renderKey][]byte)
	}
	m.cur[k] = b
	return b, nil
}

// trackingJSON is the JSON answer for c, as api.WriteJSON writes it.
func trackingJSON(c *shikayat.Complaint, mask func(string) string) ([]byte, error) {
	var buf bytes.Buffer
	err := json.NewEncoder(&buf).Encode(NewTracking(c, mask))
	return buf.Bytes(), err
}
