package store_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

func TestOpen311Secret(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := dsn()
		a, err := open(t, d, store.Options{}).Open311Secret(ctx)
		if err != nil || len(a) != 32 {
			t.Fatalf("secret %x, %v", a, err)
		}
		// Another node (another pool on the same database) reads the same.
		b, err := open(t, d, store.Options{}).Open311Secret(ctx)
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("second read %x, %v; want %x", b, err, a)
		}
	})
}

func TestPublicComplaints(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		var ids []int64
		for i, typ := range []shikayat.Type{shikayat.TypeTheft, shikayat.TypeTraffic, shikayat.TypeTheft} {
			in := post(string(rune('1'+i)), "complaint text")
			in.Triage = &shikayat.Triage{Type: typ}
			c, _, err := db.CreateComplaint(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, c.ID)
			clk.Add(time.Hour)
		}
		closed := true
		for name, tc := range map[string]struct {
			f    shikayat.PublicFilter
			want []int64
		}{
			"all, newest first": {shikayat.PublicFilter{}, []int64{ids[2], ids[1], ids[0]}},
			"by type":           {shikayat.PublicFilter{Type: shikayat.TypeTheft}, []int64{ids[2], ids[0]}},
			"by ids":            {shikayat.PublicFilter{IDs: []int64{ids[0], ids[1]}}, []int64{ids[1], ids[0]}},
			"no ids":            {shikayat.PublicFilter{IDs: []int64{}}, nil},
			"closed":            {shikayat.PublicFilter{Closed: &closed}, nil},
			"from":              {shikayat.PublicFilter{From: clk.Now().Add(-90 * time.Minute)}, []int64{ids[2]}},
			"limit":             {shikayat.PublicFilter{Limit: 1}, []int64{ids[2]}},
		} {
			list, err := db.PublicComplaints(ctx, tc.f)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var got []int64
			for _, c := range list {
				got = append(got, c.ID)
				if c.Text != "" || c.AuthorUsername != "" || c.Code != "" || c.SourcePostID != "" {
					t.Errorf("%s: a public complaint carries private fields: %+v", name, c)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("%s: %v, want %v", name, got, tc.want)
				continue
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("%s: %v, want %v", name, got, tc.want)
				}
			}
		}
	})
}
