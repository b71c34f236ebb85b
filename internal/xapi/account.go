package xapi

import (
	"context"
	"fmt"
	"sync"
)

// AccountID looks up an account's X id by its username once, and then
// remembers it. The zero value needs X and Username set before use; it is
// safe for concurrent use.
type AccountID struct {
	X        *Client
	Username string

	mu sync.Mutex
	id string
}

// Get returns the account's id, asking X only the first time (and again
// after a failed look-up).
func (a *AccountID) Get(ctx context.Context) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.id != "" {
		return a.id, nil
	}
	u, err := a.X.UserByUsername(ctx, a.Username)
	if err != nil {
		return "", fmt.Errorf("look up @%s: %w", a.Username, err)
	}
	a.id = u.ID
	return u.ID, nil
}
