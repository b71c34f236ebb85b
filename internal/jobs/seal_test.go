package jobs

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

func TestSealScheduleFiresAfterISTMidnight(t *testing.T) {
	utc := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, time.UTC) }
	for _, tc := range []struct{ now, want time.Time }{
		{utc(10, 6, 30), utc(10, 18, 45)},  // noon IST → 00:15 IST next day
		{utc(10, 18, 44), utc(10, 18, 45)}, // 00:14 IST → a minute later
		{utc(10, 18, 45), utc(11, 18, 45)}, // at the time → the next day
		{utc(10, 18, 50), utc(11, 18, 45)},
	} {
		if got := (sealSchedule{}).Next(tc.now); !got.Equal(tc.want) {
			t.Errorf("Next(%s) = %s, want %s", tc.now, got.UTC(), tc.want)
		}
	}
	if store.SealGrace >= 15*time.Minute {
		t.Fatal("the schedule fires before the day may be sealed")
	}
}

// A desk that starts after a day ended seals it through River.
func TestSealJobSealsFinishedDays(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
		db, err := store.Open(ctx, dsn(), store.Options{AfterMigrate: Migrate, Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "1", Text: "bike stolen"}); err != nil {
			t.Fatal(err)
		}
		now = now.Add(24 * time.Hour) // the next noon, IST
		q, err := New(db.SQL(), db.Engine(), Config{Handler: idle{}, Sealer: db, PollInterval: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer q.Stop(ctx)
		deadline := time.Now().Add(30 * time.Second)
		for {
			var days []string
			if err := db.EachSeal(ctx, "", "", func(s store.Seal) error { days = append(days, s.Day); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(days) == 1 && days[0] == "2026-03-10" {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("seals = %v, want 2026-03-10", days)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

type idle struct{}

func (idle) Acknowledge(context.Context, AcknowledgeArgs) error     { return nil }
func (idle) Reply(context.Context, ReplyArgs) error                 { return nil }
func (idle) StatusReply(context.Context, StatusReplyArgs) error     { return nil }
func (idle) HelplineReply(context.Context, HelplineReplyArgs) error { return nil }

func TestLeagueScheduleFiresAfterISTMidnight(t *testing.T) {
	utc := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, time.UTC) }
	for _, tc := range []struct{ now, want time.Time }{
		{utc(10, 6, 30), utc(10, 18, 51)},  // noon IST → 00:21 IST next day
		{utc(10, 18, 50), utc(10, 18, 51)}, // 00:20 IST → a minute later
		{utc(10, 18, 51), utc(11, 18, 51)}, // at the time → the next day
	} {
		if got := (leagueSchedule{}).Next(tc.now); !got.Equal(tc.want) {
			t.Errorf("Next(%s) = %s, want %s", tc.now, got.UTC(), tc.want)
		}
	}
}

// A desk started mid-day publishes yesterday's league table through River,
// and a second desk started on it keeps the table published.
func TestLeagueJobPublishesYesterdayOnStart(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		name := dsn()
		now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC) // noon IST
		clock := func() time.Time { return now }
		db, err := store.Open(ctx, name, store.Options{AfterMigrate: Migrate, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: "1", Text: "bike stolen"}); err != nil {
			t.Fatal(err)
		}
		yesterday := time.Date(2026, 3, 10, 0, 0, 0, 0, shikayat.IST)
		published := func() (ends []int64, at []int64) {
			rows, err := db.SQL().QueryContext(ctx, `SELECT end_ms, published_ms FROM league_published ORDER BY end_ms`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var e, a int64
				if err := rows.Scan(&e, &a); err != nil {
					t.Fatal(err)
				}
				ends, at = append(ends, e), append(at, a)
			}
			return ends, at
		}
		if ends, _ := published(); len(ends) != 0 {
			t.Fatalf("published before the job ran: %v", ends)
		}
		for i := range 2 {
			q, err := New(db.SQL(), db.Engine(), Config{Handler: idle{}, League: db, Now: clock, PollInterval: 50 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			if err := q.Start(ctx); err != nil {
				t.Fatal(err)
			}
			// Each start runs the job once; the second finds the table.
			deadline := time.Now().Add(30 * time.Second)
			for {
				var done int
				if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE kind = 'publish_league' AND state = 'completed'`).Scan(&done); err != nil {
					t.Fatal(err)
				}
				if done == i+1 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("%d league jobs completed, want %d", done, i+1)
				}
				time.Sleep(50 * time.Millisecond)
			}
			// Yesterday's and, made up, the two days' before it.
			ends, at := published()
			if len(ends) != 3 || ends[2] != yesterday.UnixMilli() || ends[0] != yesterday.AddDate(0, 0, -2).UnixMilli() {
				t.Fatalf("published tables ending %v, want the three through 7, 8 and 9 March (the last %d)", ends, yesterday.UnixMilli())
			}
			if want := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC).UnixMilli(); at[2] != want {
				t.Errorf("published at %d, want %d (the first start)", at[2], want)
			}
			if err := q.Stop(ctx); err != nil {
				t.Fatal(err)
			}
			now = now.Add(time.Hour)
		}
	})
}

// A desk started within shikayat.LeaguePublishDelay after IST midnight
// does not publish the day just ended (another node's clock may still be
// in it): it publishes the day before, and the day just ended waits for
// the schedule.
func TestLeagueJobWaitsForTheDelayAfterMidnight(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		now := time.Date(2026, 3, 10, 18, 40, 0, 0, time.UTC) // 00:10 IST on 11 March
		clock := func() time.Time { return now }
		db, err := store.Open(ctx, dsn(), store.Options{AfterMigrate: Migrate, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		q, err := New(db.SQL(), db.Engine(), Config{Handler: idle{}, League: db, Now: clock, PollInterval: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer q.Stop(ctx)
		deadline := time.Now().Add(30 * time.Second)
		for {
			var done int
			if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE kind = 'publish_league' AND state IN ('completed', 'retryable', 'discarded')`).Scan(&done); err != nil {
				t.Fatal(err)
			}
			if done > 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the league job did not run at start")
			}
			time.Sleep(50 * time.Millisecond)
		}
		var ends []int64
		rows, err := db.SQL().QueryContext(ctx, `SELECT end_ms FROM league_published ORDER BY end_ms`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var e int64
			if err := rows.Scan(&e); err != nil {
				t.Fatal(err)
			}
			ends = append(ends, e)
		}
		rows.Close()
		// The last three days over: through 7, 8 and 9 March.
		want := []int64{time.Date(2026, 3, 8, 0, 0, 0, 0, shikayat.IST).UnixMilli(),
			time.Date(2026, 3, 9, 0, 0, 0, 0, shikayat.IST).UnixMilli(), time.Date(2026, 3, 10, 0, 0, 0, 0, shikayat.IST).UnixMilli()}
		if fmt.Sprint(ends) != fmt.Sprint(want) {
			t.Fatalf("published tables ending %v, want %v (through 7, 8 and 9 March): 10 March is not over on every clock until 00:20 IST", ends, want)
		}
	})
}
