package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Adds of the same new functional unit at once, without rename (two
// "shikayat unit add" runs), make it once: every other add is refused as
// existing, none renames it silently, and the unit keeps the name of the
// add that made it.
func TestConcurrentUnitAddsMakeItOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{})
		for round := range 5 {
			slug := fmt.Sprintf("grp-%d", round)
			const adds = 6
			var wg sync.WaitGroup
			errs := make([]error, adds)
			start := make(chan struct{})
			for i := range adds {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					_, errs[i] = db.SaveFunctionalUnit(ctx, slug, fmt.Sprintf("GRP %d", i), "", false)
				}()
			}
			close(start)
			wg.Wait()
			made := -1
			for i, err := range errs {
				switch {
				case err == nil && made >= 0:
					t.Fatalf("round %d: adds %d and %d both succeeded; one renamed the other's unit silently", round, made, i)
				case err == nil:
					made = i
				case shikayat.ErrorCode(err) != shikayat.ECONFLICT:
					t.Fatalf("round %d: add %d: %v; want the unit named as existing", round, i, err)
				}
			}
			if made < 0 {
				t.Fatalf("round %d: no add made the unit: %v", round, errs)
			}
			u, err := db.FindUnit(ctx, "unit:"+slug)
			if err != nil || u.Name != fmt.Sprintf("GRP %d", made) {
				t.Fatalf("round %d: unit %+v, %v; want the name of add %d", round, u, err, made)
			}
		}
	})
}
