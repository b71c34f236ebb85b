//go:build unix

package store_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// BenchmarkVerifyTrail re-computes a trail of 1,000,000 events (10 to a
// complaint, over 30 IST days, sealed) on each engine; set
// SHIKAYAT_BENCH_TRAIL_EVENTS for another size. Seeding writes the rows with
// multi-row INSERTs and takes a while; only verification is timed.
//
//	go test -run X -bench VerifyTrail -benchtime 3x ./internal/store/
func BenchmarkVerifyTrail(b *testing.B) {
	events := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("SHIKAYAT_BENCH_TRAIL_EVENTS")); err == nil && v > 0 {
		events = v
	}
	for _, engine := range storetest.Engines() {
		b.Run(fmt.Sprintf("%s/%d", engine, events), func(b *testing.B) {
			ctx := context.Background()
			start := time.Date(2026, 1, 31, 18, 30, 0, 0, time.UTC) // 1 Feb, IST midnight
			now := start.Add(32 * 24 * time.Hour)
			db, err := store.Open(ctx, storetest.DSN(b, engine), store.Options{Now: func() time.Time { return now }})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			t0 := time.Now()
			seedTrail(b, db, events, start)
			b.Logf("seeded %d events in %s", events, time.Since(t0).Round(time.Millisecond))
			t0 = time.Now()
			seals, err := db.SealDays(ctx)
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("sealed %d days in %s", len(seals), time.Since(t0).Round(time.Millisecond))
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				rep, err := db.VerifyTrail(ctx)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Failure != nil || rep.Events != events || rep.Seals != len(seals) {
					b.Fatalf("verify = %+v, %v", rep, rep.Failure)
				}
			}
			b.ReportMetric(float64(events)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
			// The machine may be shared: the CPU this process used (not
			// the PostgreSQL server's) tells more than the wall clock.
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// cpuTime is the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// seedTrail writes n events, 10 to a complaint, with their digests and
// hashes, behind the store's back for speed.
func seedTrail(b *testing.B, db *store.DB, n int, start time.Time) {
	b.Helper()
	const perComplaint, batch = 10, 1000
	complaints := n / perComplaint
	span := 30 * 24 * time.Hour
	ctx := context.Background()
	var cargs, eargs []any
	var crows, erows []string
	// Complaints go in before their events.
	flush := func(force bool) {
		force = force || len(erows) >= batch
		if len(crows) > 0 && (force || len(crows) >= batch) {
			if _, err := db.SQL().ExecContext(ctx, `INSERT INTO complaints (id, code, source, source_post_id, author_username, text,
				stage, unit_id, received_at, unit_since, updated_at, text_digest, author_digest, digest_salt) VALUES `+strings.Join(crows, ","), cargs...); err != nil {
				b.Fatal(err)
			}
			crows, cargs = crows[:0], cargs[:0]
		}
		if len(erows) > 0 && (force || len(erows) >= batch) {
			if _, err := db.SQL().ExecContext(ctx, `INSERT INTO events (complaint_id, at, actor, action, from_stage, to_stage,
				note, public, detail, hash, actor_digest, note_digest, salt) VALUES `+strings.Join(erows, ","), eargs...); err != nil {
				b.Fatal(err)
			}
			erows, eargs = erows[:0], eargs[:0]
		}
	}
	// SQLite finds numbered parameters by name, slowly in long statements.
	ph := func(args []any, k int) string {
		p := make([]string, k)
		for i := range p {
			p[i] = "?"
			if db.Engine() == store.Postgres {
				p[i] = "$" + strconv.Itoa(len(args)+i+1)
			}
		}
		return "(" + strings.Join(p, ",") + ")"
	}
	const salt = "0123456789abcdef0123456789abcdef"
	for c := 1; c <= complaints; c++ {
		code := fmt.Sprintf("UP26-%010d", c)
		at := start.Add(time.Duration(int64(span) / int64(complaints) * int64(c-1)))
		td, ad := shikayat.PersonalDigest(salt, benchText), shikayat.PersonalDigest(salt, "citizen")
		crows = append(crows, ph(cargs, 14))
		cargs = append(cargs, c, code, "x", strconv.Itoa(c), "citizen", benchText, "forwarded", "hq",
			at.UnixMilli(), at.UnixMilli(), at.UnixMilli(), td, ad, salt)
		prev := ""
		for j := 0; j < perComplaint; j++ {
			e := &shikayat.Event{At: at.Add(time.Duration(j) * time.Hour), Actor: "hq", Action: "note",
				FromStage: "forwarded", ToStage: "forwarded", Note: fmt.Sprintf("Note %d on the case.", j)}
			var detail map[string]string
			dj := ""
			if j == 0 {
				e.Actor, e.Action, e.FromStage, e.Note, e.Public = "system", "receive", "", "Complaint received.", true
			}
			if j == 1 {
				detail, dj = map[string]string{"to": "district:162"}, `{"to":"district:162"}`
			}
			te := shikayat.TrailEvent{Code: code, At: e.At, ActorDigest: shikayat.PersonalDigest(salt, e.Actor),
				Action: e.Action, FromStage: string(e.FromStage), ToStage: string(e.ToStage),
				NoteDigest: shikayat.PersonalDigest(salt, e.Note), Public: e.Public, Detail: detail}
			if j == 0 {
				te.TextDigest, te.AuthorDigest = td, ad
			}
			h := shikayat.EventHash(prev, te)
			prev = h
			public := 0
			if e.Public {
				public = 1
			}
			erows = append(erows, ph(eargs, 13))
			eargs = append(eargs, c, e.At.UnixMilli(), e.Actor, e.Action, string(e.FromStage), string(e.ToStage),
				e.Note, public, dj, h, te.ActorDigest, te.NoteDigest, salt)
		}
		flush(false)
	}
	flush(true)
}
