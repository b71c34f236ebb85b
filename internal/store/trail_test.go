package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// trailFixture is a small trail over two IST days, sealed.
type trailFixture struct {
	db     *store.DB
	clk    *clock
	a, b   *shikayat.Complaint
	events []int64 // a's events: receive, forward, note (day 1), note (day 2)
}

// day1 is the IST day the fixture starts on (the test clock's day).
const day1, day2 = "2026-03-10", "2026-03-11"

func newTrailFixture(t *testing.T, dsn string) *trailFixture {
	t.Helper()
	ctx := context.Background()
	clk := newClock()
	db := open(t, dsn, store.Options{Now: clk.Now})
	in := post("1", "मेरी बाइक चोरी हो गई, फोन 9876543210")
	in.Triage, in.Forward = &shikayat.Triage{District: 162}, true
	a, _, err := db.CreateComplaint(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := db.CreateComplaint(ctx, post("2", "chain snatched near the market"))
	if err != nil {
		t.Fatal(err)
	}
	hq := actorIn(t, db, shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq"})
	note := func(text string) {
		if _, _, err := db.ApplyAction(ctx, a.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: text}, hq, ""); err != nil {
			t.Fatal(err)
		}
	}
	note("Called the complainant on 9876543210.")
	clk.Add(24 * time.Hour)
	note("Bike traced to a scrap dealer.")
	clk.Add(13 * time.Hour) // day 3, 07:00 IST: days 1 and 2 may be sealed
	seals, err := db.SealDays(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(seals) != 2 || seals[0].Day != day1 || seals[1].Day != day2 {
		t.Fatalf("sealed %+v, want %s and %s", seals, day1, day2)
	}
	got, err := db.FindComplaint(ctx, a.Code, shikayat.SystemScope())
	if err != nil {
		t.Fatal(err)
	}
	f := &trailFixture{db: db, clk: clk, a: a, b: b}
	for _, e := range got.Events {
		f.events = append(f.events, e.ID)
	}
	if len(f.events) != 4 {
		t.Fatalf("a has %d events, want 4", len(f.events))
	}
	return f
}

// tamper runs statements behind the store's back, past the append-only
// triggers.
func tamper(t *testing.T, db *store.DB, stmts ...string) {
	t.Helper()
	pre := []string{`PRAGMA foreign_keys = OFF`, `DROP TRIGGER IF EXISTS events_no_update`, `DROP TRIGGER IF EXISTS events_no_delete`}
	if db.Engine() == store.Postgres {
		pre = []string{`ALTER TABLE events DISABLE TRIGGER ALL`}
	}
	ctx := context.Background()
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range append(pre, stmts...) {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func verify(t *testing.T, db *store.DB) *store.TrailReport {
	t.Helper()
	rep, err := db.VerifyTrail(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestVerifyTrail(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		t.Run("an untouched trail verifies", func(t *testing.T) {
			f := newTrailFixture(t, dsn())
			rep := verify(t, f.db)
			if rep.Failure != nil || rep.Events != 5 || rep.Complaints != 2 || rep.Seals != 2 || rep.LastSealed != day2 {
				t.Fatalf("report = %+v, failure %v", rep, rep.Failure)
			}
		})

		// Redaction blanks personal text and keeps its digest.
		passes := []struct {
			name string
			sql  func(f *trailFixture) string
		}{
			{"the post's text and author blanked, their digests kept", func(f *trailFixture) string {
				return fmt.Sprintf(`UPDATE complaints SET text = '', author_username = '', digest_salt = '' WHERE id = %d`, f.a.ID)
			}},
			{"the detail's JSON spelt differently", func(f *trailFixture) string {
				return fmt.Sprintf(`UPDATE events SET detail = '{ "to" :  "district:162" }' WHERE id = %d`, f.events[1])
			}},
		}
		for _, tc := range passes {
			t.Run(tc.name, func(t *testing.T) {
				f := newTrailFixture(t, dsn())
				tamper(t, f.db, tc.sql(f))
				if rep := verify(t, f.db); rep.Failure != nil {
					t.Fatalf("verify failed: %v", rep.Failure)
				}
			})
		}

		fails := []struct {
			name  string
			sql   func(f *trailFixture) []string
			event int    // index into a's events, or -1 for a seal
			day   string // the seal that fails
		}{
			// Only a citizen's post is redacted: a staff note or actor
			// blanked, digest kept or not, salt gone or not, fails.
			{"a staff note blanked, its digest kept", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET note = '' WHERE id = %d`, f.events[2])}
			}, 2, ""},
			{"a staff actor blanked, its digest kept", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET actor = '' WHERE id = %d`, f.events[2])}
			}, 2, ""},
			{"a staff note, actor and salt blanked", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET note = '', actor = '', salt = '' WHERE id = %d`, f.events[2])}
			}, 2, ""},
			{"an edited note", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET note = 'Nothing found.' WHERE id = %d`, f.events[2])}
			}, 2, ""},
			{"a note blanked with its digest changed", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET note = '', note_digest = 'ab' WHERE id = %d`, f.events[2])}
			}, 2, ""},
			{"an edited actor", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET actor = 'sp-lko' WHERE id = %d`, f.events[2])}
			}, 2, ""},
			{"an edited time", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET at = at - 3600000 WHERE id = %d`, f.events[2])}
			}, 2, ""},
			{"a note made public", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET public = 1 WHERE id = %d`, f.events[2])}
			}, 2, ""},
			{"an edited stage", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET to_stage = 'closed' WHERE id = %d`, f.events[2])}
			}, 2, ""},
			{"an edited detail", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET detail = '{"to":"district:163"}' WHERE id = %d`, f.events[1])}
			}, 1, ""},
			{"an edited post text", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE complaints SET text = 'nothing happened' WHERE id = %d`, f.a.ID)}
			}, 0, ""},
			{"an edited author", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE complaints SET author_username = 'someone' WHERE id = %d`, f.a.ID)}
			}, 0, ""},
			{"a changed text digest", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE complaints SET text = '', text_digest = 'ab' WHERE id = %d`, f.a.ID)}
			}, 0, ""},
			{"a deleted event", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`DELETE FROM events WHERE id = %d`, f.events[2])}
			}, 3, ""},
			{"reordered events", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET id = 999999 WHERE id = %d`, f.events[2])}
			}, 3, ""},
			{"an event of another complaint moved in", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET complaint_id = %d WHERE complaint_id = %d`, f.a.ID, f.b.ID)}
			}, -2, ""},
			{"an event inserted without a hash", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`INSERT INTO events (complaint_id, at, actor, action, to_stage) VALUES (%d, 1773124200000, 'hq', 'note', 'forwarded')`, f.a.ID)}
			}, -2, ""},
			{"an event of no complaint", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE events SET complaint_id = 99999 WHERE id = %d`, f.events[3])}
			}, -3, ""},
			{"the last event deleted", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`DELETE FROM events WHERE id = %d`, f.events[3])}
			}, -1, day2},
			{"a forged seal", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`UPDATE seals SET digest = '%s' WHERE day = '%s'`, strings.Repeat("0", 64), day1)}
			}, -1, day1},
			{"a deleted seal", func(f *trailFixture) []string {
				return []string{fmt.Sprintf(`DELETE FROM seals WHERE day = '%s'`, day1)}
			}, -1, day2},
		}
		for _, tc := range fails {
			t.Run(tc.name+" is caught", func(t *testing.T) {
				f := newTrailFixture(t, dsn())
				tamper(t, f.db, tc.sql(f)...)
				rep := verify(t, f.db)
				fl := rep.Failure
				switch {
				case fl == nil:
					t.Fatal("verify passed")
				case tc.event == -1:
					if fl.Day != tc.day {
						t.Fatalf("failure %v, want the seal of %s", fl, tc.day)
					}
				case tc.event == -3:
					if fl.Code != "" || fl.EventID != f.events[3] {
						t.Fatalf("failure %v, want event %d of no complaint", fl, f.events[3])
					}
				case tc.event == -2:
					// The event that is not a's own is named.
					if fl.Code != f.a.Code || slices.Contains(f.events, fl.EventID) {
						t.Fatalf("failure %v, want %s at the foreign event", fl, f.a.Code)
					}
				default:
					if fl.Code != f.a.Code || fl.EventID != f.events[tc.event] {
						t.Fatalf("failure %v, want %s event %d", fl, f.a.Code, f.events[tc.event])
					}
				}
			})
		}

		t.Run("the trail stays append-only", func(t *testing.T) {
			f := newTrailFixture(t, dsn())
			for _, q := range []string{
				fmt.Sprintf(`UPDATE events SET note = 'x' WHERE id = %d`, f.events[2]),
				fmt.Sprintf(`UPDATE events SET hash = 'x' WHERE id = %d`, f.events[2]),
				fmt.Sprintf(`UPDATE events SET note = '' WHERE id = %d`, f.events[2]),
				fmt.Sprintf(`DELETE FROM events WHERE id = %d`, f.events[2]),
			} {
				if _, err := f.db.SQL().Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Errorf("%s: %v", q, err)
				}
			}
		})
	})
}

// Events added to one complaint at once, by actions and by posts attached
// at intake (which have no version check), chain one after another.
func TestConcurrentEventsChain(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := open(t, dsn(), store.Options{})
		recs, err := db.RecordPosts(ctx, store.Fence{}, "cp-0", "100", []shikayat.Incoming{incoming("100", "100", "1", "my phone was stolen", true)})
		if err != nil {
			t.Fatal(err)
		}
		code := recs[0].ComplaintCode
		hq := actorIn(t, db, shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq"})
		var wg sync.WaitGroup
		for i := 1; i <= 16; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if i%2 == 0 {
					_, _, err := db.ApplyAction(ctx, code, shikayat.Action{Kind: shikayat.ActionNote, Text: fmt.Sprint("note ", i)}, hq, "")
					if err != nil && shikayat.ErrorCode(err) != shikayat.ECONFLICT {
						t.Errorf("note: %v", err)
					}
					return
				}
				id := fmt.Sprint(100 + i)
				_, err := db.RecordPosts(ctx, store.Fence{}, "cp-"+id, id, []shikayat.Incoming{incoming(id, "100", "1", "any news? "+id, true)})
				if err != nil {
					t.Errorf("attach: %v", err)
				}
			}()
		}
		wg.Wait()
		rep := verify(t, db)
		if rep.Failure != nil {
			t.Fatalf("verify: %v", rep.Failure)
		}
		if rep.Events < 9 {
			t.Fatalf("%d events, want at least 9", rep.Events)
		}
	})
}

func TestSealDays(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := dsn()
		clk := &clock{t: time.Date(2026, 3, 10, 18, 28, 0, 0, time.UTC)} // 23:58 IST
		db := open(t, d, store.Options{Now: clk.Now})
		if seals, err := db.SealDays(ctx); err != nil || len(seals) != 0 {
			t.Fatalf("an empty trail sealed %+v, %v", seals, err)
		}
		if _, _, err := db.CreateComplaint(ctx, post("1", "bike stolen")); err != nil {
			t.Fatal(err)
		}
		clk.Add(7 * time.Minute) // 00:05 IST: within the grace
		if seals, err := db.SealDays(ctx); err != nil || len(seals) != 0 {
			t.Fatalf("sealed %+v, %v within the grace", seals, err)
		}
		clk.Add(6 * time.Minute)
		seals, err := db.SealDays(ctx)
		if err != nil || len(seals) != 1 || seals[0].Day != day1 || seals[0].Complaints != 1 || seals[0].Prev != "" {
			t.Fatalf("sealed %+v, %v; want %s", seals, err, day1)
		}
		if again, err := db.SealDays(ctx); err != nil || len(again) != 0 {
			t.Fatalf("sealed again: %+v, %v", again, err)
		}

		// Two nodes seal the next three days at once: each day once, the
		// same seal.
		clk.Add(3 * 24 * time.Hour)
		other := open(t, d, store.Options{Now: clk.Now})
		var wg sync.WaitGroup
		got := make([][]store.Seal, 2)
		for i, n := range []*store.DB{db, other} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var err error
				if got[i], err = n.SealDays(ctx); err != nil {
					t.Errorf("node %d: %v", i, err)
				}
			}()
		}
		wg.Wait()
		if n := len(got[0]) + len(got[1]); n != 3 {
			t.Fatalf("the nodes made %d seals between them, want 3: %+v", n, got)
		}
		var all []store.Seal
		if err := db.EachSeal(ctx, "", "", func(s store.Seal) error { all = append(all, s); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(all) != 4 || all[3].Day != "2026-03-13" || all[1].Prev != all[0].Digest || all[3].Prev != all[2].Digest {
			t.Fatalf("seals = %+v", all)
		}
		var some []string
		if err := db.EachSeal(ctx, "2026-03-11", "2026-03-12", func(s store.Seal) error { some = append(some, s.Day); return nil }); err != nil {
			t.Fatal(err)
		}
		if strings.Join(some, ",") != "2026-03-11,2026-03-12" {
			t.Fatalf("seals from 11 to 12 = %v", some)
		}
		if err := db.EachSeal(ctx, "11.3.2026", "", func(store.Seal) error { return nil }); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Fatalf("a bad day: %v", err)
		}
		if rep := verify(t, db); rep.Failure != nil || rep.Seals != 4 {
			t.Fatalf("verify = %+v, %v", rep, rep.Failure)
		}
	})
}
