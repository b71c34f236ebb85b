package compliance_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/shikayat/shikayat/internal/compliance"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
)

// cutX is X's client, recording the ids named to X, that cuts the check
// off (as the job's timeout would) when the cutAt-th batch starts.
type cutX struct {
	*xapi.Client
	lookup bool
	cutAt  int
	cancel context.CancelFunc

	mu      sync.Mutex
	batches int
	named   [][]string
}

func (x *cutX) start(ids []string) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.batches++
	if x.batches == x.cutAt {
		x.cancel()
		return context.Canceled
	}
	x.named = append(x.named, slices.Clone(ids))
	return nil
}

func (x *cutX) UploadComplianceIDs(ctx context.Context, u string, ids []string) error {
	if !x.lookup {
		if err := x.start(ids); err != nil {
			return err
		}
	}
	return x.Client.UploadComplianceIDs(ctx, u, ids)
}

func (x *cutX) LookupPosts(ctx context.Context, ids []string) (*xapi.Lookup, error) {
	if x.lookup {
		if err := x.start(ids); err != nil {
			return nil, err
		}
	}
	return x.Client.LookupPosts(ctx, ids)
}

// TestCheckResumesWhereItWasCut: a check works in batches and commits its
// progress after each; cut off between two (the worker's timeout on a
// huge desk), the next check starts at the batch it had not finished
// instead of at the first post, and once a walk ends the next check starts
// over. By compliance job and by lookup.
func TestCheckResumesWhereItWasCut(t *testing.T) {
	for _, lookup := range []bool{false, true} {
		name := "compliance job"
		if lookup {
			name = "lookup"
		}
		t.Run(name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, dsn func() string) {
				d := newLookupDesk(t, dsn())
				d.sim.SetComplianceForbidden(lookup)
				var ids []string
				for _, text := range []string{"one", "two", "three", "four", "five"} {
					ids = append(ids, d.post(t, "phone stolen, post "+text, nil))
				}
				d.sim.DeletePost(ids[0])
				d.sim.DeletePost(ids[3])
				run := func(cutAt int) (*cutX, compliance.Result, error) {
					ctx, cancel := context.WithCancel(context.Background())
					defer cancel()
					x := &cutX{Client: xapi.New(xapi.Options{BaseURL: d.url}), lookup: lookup, cutAt: cutAt, cancel: cancel}
					c := d.checker()
					c.X, c.JobIDs = x, 2
					res, err := c.Run(ctx)
					return x, res, err
				}
				x, res, err := run(2)
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("the cut check = %+v, %v; want it cut off", res, err)
				}
				if len(x.named) != 1 || !slices.Equal(x.named[0], ids[0:2]) || res.Redacted != 1 {
					t.Fatalf("before the cut: named %v, redacted %d", x.named, res.Redacted)
				}
				x, res, err = run(0)
				if err != nil {
					t.Fatal(err)
				}
				if want := [][]string{ids[2:4], ids[4:5]}; len(x.named) != 2 || !slices.Equal(x.named[0], want[0]) || !slices.Equal(x.named[1], want[1]) {
					t.Fatalf("the next check named %v, want %v: where the cut one stopped", x.named, want)
				}
				if res.Redacted != 1 {
					t.Fatalf("the next check redacted %d, want the post of the batch cut off", res.Redacted)
				}
				x, _, err = run(0)
				if err != nil {
					t.Fatal(err)
				}
				if len(x.named) == 0 || !slices.Equal(x.named[0], []string{ids[1], ids[2]}) {
					t.Fatalf("the check after a whole walk named %v first, want it to start over", x.named)
				}
			})
		})
	}
}
