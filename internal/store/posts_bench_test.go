package store_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// BenchmarkReviewQueue measures what HQ's review queue reads per page with
// 20,000 recorded posts (one in ten held, one in a hundred of those
// immediate) and a text search over all of them, on each engine.
func BenchmarkReviewQueue(b *testing.B) {
	const posts = 20000
	ctx := context.Background()
	for _, engine := range storetest.Engines() {
		b.Run(engine, func(b *testing.B) {
			db, err := store.Open(ctx, storetest.DSN(b, engine), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
			for i := 0; i < posts; i += 500 {
				batch := make([]shikayat.Incoming, 0, 500)
				for j := i; j < i+500; j++ {
					id := strconv.Itoa(100000 + j)
					in := incoming(id, id, strconv.Itoa(j), fmt.Sprintf("post %d: %s", j, benchText), false)
					in.Post.CreatedAt = at.Add(time.Duration(j) * time.Second)
					in.Triage.Handling = shikayat.HandlingRecord
					if j%10 == 0 {
						in.Triage = &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm, Lang: "hi", Confidence: 0.5, Handling: shikayat.HandlingReview}
						if j%1000 == 0 {
							in.Triage.Urgency = shikayat.ClassImmediate
						}
					}
					batch = append(batch, in)
				}
				if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", batch); err != nil {
					b.Fatal(err)
				}
			}
			scope := shikayat.SystemScope()
			b.Run("held", func(b *testing.B) {
				for b.Loop() {
					if p, err := db.ListPosts(ctx, shikayat.PostFilter{Scope: scope, Held: true, PerPage: 100}); err != nil || p.Total != posts/10 {
						b.Fatal(p.Total, err)
					}
				}
			})
			b.Run("search", func(b *testing.B) {
				for b.Loop() {
					if p, err := db.ListPosts(ctx, shikayat.PostFilter{Scope: scope, Query: "post 17777:", PerPage: 100}); err != nil || p.Total != 1 {
						b.Fatal(p.Total, err)
					}
				}
			})
			b.Run("complaints", func(b *testing.B) {
				for b.Loop() {
					if _, _, err := db.ReviewComplaints(ctx, scope, 0.85, 100); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
