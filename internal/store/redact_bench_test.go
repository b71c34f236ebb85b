package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// BenchmarkRedactDeletedPosts redacts posts X says were deleted, a batch
// of 100 per operation: half opened complaints, half are follow-ups
// attached to them (the events they made are blanked too).
func BenchmarkRedactDeletedPosts(b *testing.B) {
	ctx := context.Background()
	for _, engine := range storetest.Engines() {
		b.Run(engine, func(b *testing.B) {
			db := benchStore(b, engine)
			at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
			var ids []string
			seq := 1000
			for len(ids) < b.N*100 {
				var batch []shikayat.Incoming
				for range 50 {
					seq += 2
					id, next := strconv.Itoa(seq), strconv.Itoa(seq+1)
					author := strconv.Itoa(seq)
					for _, p := range []*shikayat.Post{
						{ID: id, ConversationID: id, AuthorID: author, AuthorUsername: "u" + author, Text: benchText, CreatedAt: at},
						{ID: next, ConversationID: id, AuthorID: author, AuthorUsername: "u" + author, Text: "still waiting " + benchText, CreatedAt: at},
					} {
						batch = append(batch, shikayat.Incoming{Post: p, MentionsAccount: true,
							Triage: &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, Lang: "hi"}})
					}
					ids = append(ids, id, next)
				}
				if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for i := range b.N {
				if n, err := db.RedactDeletedPosts(ctx, ids[i*100:(i+1)*100]); err != nil || n != 100 {
					b.Fatalf("redacted %d, %v", n, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*100), "µs/post")
		})
	}
}
