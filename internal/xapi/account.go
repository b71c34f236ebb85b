package xapi

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

// AccountIDs remembers accounts' X ids, each looked up by its username the
// first time it is asked for (and again after a failed look-up). The zero
// value is ready; it is safe for concurrent use.
type AccountIDs struct {
	mu  sync.Mutex
	ids map[string]string // lower-case username → id
}

// Get returns the id of the account @username, asking X through x only
// the first time.
func (a *AccountIDs) Get(ctx context.Context, x *Client, username string) (string, error) {
	key := strings.ToLower(strings.TrimPrefix(username, "@"))
	a.mu.Lock()
	defer a.mu.Unlock()
	if id, ok := a.ids[key]; ok {
		return id, nil
	}
	u, err := x.UserByUsername(ctx, username)
	if err != nil {
		return "", fmt.Errorf("look up @%s: %w", username, err)
	}
	if a.ids == nil {
		a.ids = map[string]string{}
	}
	a.ids[key] = u.ID
	return u.ID, nil
}
