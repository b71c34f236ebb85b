package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A node rebuilding the roll-ups while another node writes complaints (a
// new roll-up row each) neither fails nor leaves the roll-ups off a
// recount, and the writes do not fail either.
func TestRebuildStatsRollupsWhileAnotherNodeWrites(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		url := dsn()
		if !strings.HasPrefix(url, "postgres") {
			t.Skip("two nodes on one database: PostgreSQL")
		}
		t0 := time.Date(2026, 1, 5, 4, 30, 0, 0, time.UTC)
		a := open(t, url, store.Options{Now: func() time.Time { return t0 }})
		b := open(t, url, store.Options{Now: func() time.Time { return t0 }})
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var mu sync.Mutex
		var werr []error
		for w := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					in := post(fmt.Sprintf("w%d-%d", w, i), "मेरी बाइक चोरी हो गई")
					in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, District: lucknow162, Confidence: 0.95}
					in.Forward = true
					in.ReceivedAt = t0.Add(-time.Duration(w*5000+i) * 24 * time.Hour) // a new day: a new roll-up row
					if _, _, err := a.CreateComplaint(ctx, in); err != nil {
						mu.Lock()
						werr = append(werr, err)
						mu.Unlock()
					}
				}
			}()
		}
		fails := 0
		var first error
		const rebuilds = 12
		for range rebuilds {
			if err := b.RebuildStatsRollups(ctx); err != nil {
				fails++
				if first == nil {
					first = err
				}
			}
		}
		close(stop)
		wg.Wait()
		if fails > 0 {
			t.Errorf("%d of %d rebuilds failed while another node wrote; first: %v", fails, rebuilds, first)
		}
		if len(werr) > 0 {
			t.Errorf("%d writes failed; first: %v", len(werr), werr[0])
		}
		from := time.Date(2000, 1, 1, 0, 0, 0, 0, shikayat.IST)
		f := shikayat.StatsFilter{Scope: shikayat.SystemScope(), From: from, To: from.AddDate(30, 0, 0)}
		got, err := a.DistrictStats(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := a.RecountDistrictStats(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Totals, want.Totals) {
			t.Errorf("drift: roll-ups %+v recount %+v", got.Totals, want.Totals)
		}
	})
}
