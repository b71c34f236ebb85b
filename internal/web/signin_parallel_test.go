package web_test

import (
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Guesses sent all at once are counted before the password is checked:
// no more than the lock-out allows get past it.
func TestSignInThrottleHoldsForParallelGuesses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newDesk(t, dsn(), "http://desk.example")
		name := f.users[shikayat.RoleDistrictOperator].Username
		var guessed atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < 40; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if rec := f.login(name, "wrong-guess"); rec.Code == http.StatusUnauthorized {
					guessed.Add(1)
				}
			}()
		}
		wg.Wait()
		if n := guessed.Load(); n > 5 {
			t.Errorf("%d password guesses checked for one account; the lock-out allows 5", n)
		}
	})
}
