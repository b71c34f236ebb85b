package store_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

const benchText = "@Uppolice लखनऊ के हजरतगंज में कल रात मेरी बाइक UP32 AB 1234 चोरी हो गई, FIR नहीं लिखी जा रही"

func benchStore(b *testing.B, engine string) *store.DB {
	b.Helper()
	db, err := store.Open(context.Background(), storetest.DSN(b, engine), store.Options{AfterMigrate: jobs.Migrate})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	q, err := jobs.New(db.SQL(), db.Engine(), jobs.Config{})
	if err != nil {
		b.Fatal(err)
	}
	db.SetJobs(q)
	return db
}

// BenchmarkCreateComplaint stores one complaint per operation, the way
// intake does: docket code, complaint row, its first event and its queued
// acknowledgement, in one transaction.
func BenchmarkCreateComplaint(b *testing.B) {
	for _, engine := range storetest.Engines() {
		b.Run(engine, func(b *testing.B) {
			db := benchStore(b, engine)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				in := shikayat.NewComplaint{
					SourcePostID: strconv.Itoa(i), Text: benchText, AuthorID: "42", AuthorUsername: "citizen",
					Triage: &shikayat.Triage{Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, District: 162},
				}
				if _, _, err := db.CreateComplaint(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInsertFloor writes the same rows — a complaint, its event and a
// job — with plain multi-row INSERTs, 100 complaints to a transaction: the
// floor that CreateComplaint is measured against.
func BenchmarkInsertFloor(b *testing.B) {
	const batch = 100
	for _, engine := range storetest.Engines() {
		b.Run(engine, func(b *testing.B) {
			db := benchStore(b, engine)
			sqldb := db.SQL()
			now := time.Now().UnixMilli()
			b.ResetTimer()
			for start := 0; start < b.N; start += batch {
				n := min(batch, b.N-start)
				tx, err := sqldb.Begin()
				if err != nil {
					b.Fatal(err)
				}
				var c, e, j strings.Builder
				var cargs, eargs, jargs []any
				for k := 0; k < n; k++ {
					id := int64(start + k + 1)
					code, _ := shikayat.NewDocket("UP26", nil)
					if k > 0 {
						c.WriteString(", ")
						e.WriteString(", ")
						j.WriteString(", ")
					}
					p := len(cargs)
					fmt.Fprintf(&c, "($%d, $%d, 'x', $%d, $%d, 'received', 'hq', $%d, $%d, $%d, $%d)", p+1, p+2, p+3, p+4, p+5, p+6, p+7, p+8)
					cargs = append(cargs, id, code, strconv.FormatInt(id, 10), benchText, strings.ToLower(benchText), now, now, now)
					p = len(eargs)
					fmt.Fprintf(&e, "($%d, $%d, 'system', 'receive', 'received', 'hq', 'Complaint received.', 1)", p+1, p+2)
					eargs = append(eargs, id, now)
					p = len(jargs)
					fmt.Fprintf(&j, "('acknowledge', $%d, 2)", p+1)
					jargs = append(jargs, fmt.Sprintf(`{"complaint_id":%d,"post_id":"%d"}`, id, id))
				}
				for _, q := range []struct {
					sql  string
					args []any
				}{
					{"INSERT INTO complaints (id, code, source, source_post_id, text, stage, unit_id, search_text, received_at, unit_since, updated_at) VALUES " + c.String(), cargs},
					{"INSERT INTO events (complaint_id, at, actor, action, to_stage, to_unit, note, public) VALUES " + e.String(), eargs},
					{"INSERT INTO river_job (kind, args, priority) VALUES " + j.String(), jargs},
				} {
					if _, err := tx.Exec(q.sql, q.args...); err != nil {
						b.Fatal(err)
					}
				}
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
