package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// fillComplaints adds n complaints spread over the 75 districts, at every
// stage, a tenth of them immediate, one a minute back from the clock.
func (f *deskFixture) fillComplaints(b *testing.B, n int) {
	b.Helper()
	now := f.clock.Now().UnixMilli()
	_, err := f.db.SQL().ExecContext(context.Background(), `
		WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $1),
		d AS (SELECT id, lgd, row_number() OVER (ORDER BY id) - 1 AS k FROM units WHERE kind = 'district')
		INSERT INTO complaints (code, source, source_post_id, author_username, text, stage, district, unit_id,
			class, suggested_class, type, search_text, received_at, unit_since, updated_at, due_at)
		SELECT 'BENCH-' || seq.n, 'x', 'bench-' || seq.n, 'citizen' || (seq.n % 5000),
			'complaint ' || seq.n || ' ' || CASE seq.n % 10 WHEN 0 THEN 'साइकिल चोरी हो गई' WHEN 1 THEN 'mobile snatched near the market'
				WHEN 2 THEN 'पड़ोसी मारपीट कर रहे हैं' WHEN 3 THEN 'loud music all night' WHEN 4 THEN 'ज़मीन पर कब्ज़ा'
				WHEN 5 THEN 'UPI fraud of 20000 rupees' WHEN 6 THEN 'बेटी लापता है' WHEN 7 THEN 'traffic jam at the crossing'
				WHEN 8 THEN 'शराब की अवैध बिक्री' ELSE 'police did not register FIR' END,
			CASE seq.n % 6 WHEN 0 THEN 'received' WHEN 1 THEN 'forwarded' WHEN 2 THEN 'classified'
				WHEN 3 THEN 'assigned' WHEN 4 THEN 'in_progress' ELSE 'closed' END,
			d.lgd, d.id,
			CASE WHEN seq.n % 10 = 0 THEN 'immediate' ELSE '' END,
			CASE WHEN seq.n % 3 = 0 THEN 'mid_term' ELSE 'long_term' END,
			'theft', 'complaint ' || seq.n,
			CAST($2 AS BIGINT) - CAST(seq.n AS BIGINT) * 60000, CAST($2 AS BIGINT) - CAST(seq.n AS BIGINT) * 60000, CAST($2 AS BIGINT) - CAST(seq.n AS BIGINT) * 60000, CAST($2 AS BIGINT) - CAST(seq.n AS BIGINT) * 30000
		FROM seq JOIN d ON d.k = seq.n % 75`, n, now)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := f.db.SQL().ExecContext(context.Background(), `UPDATE complaints SET search_text = lower(text) WHERE source_post_id LIKE 'bench-%'`); err != nil {
		b.Fatal(err)
	}
	// What autovacuum does in a while after a bulk load: statistics for the
	// planner and the visibility map for index-only scans.
	analyze := `ANALYZE`
	if f.db.Engine() == store.Postgres {
		analyze = `VACUUM ANALYZE complaints`
	}
	if _, err := f.db.SQL().ExecContext(context.Background(), analyze); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkDeskInbox measures the server time of an inbox page with
// 100,000 complaints in the store: a district operator's first page and a
// later one, filtered, HQ's state-wide list and its review queue.
func BenchmarkDeskInbox(b *testing.B) {
	for _, engine := range storetest.Engines() {
		b.Run(engine, func(b *testing.B) {
			f := newDesk(b, storetest.DSN(b, engine), "http://desk.example")
			f.fillComplaints(b, 100_000)
			district := f.session(b, f.users[shikayat.RoleDistrictOperator])
			hq := f.session(b, f.users[shikayat.RoleHQOperator])
			for _, bc := range []struct{ name, cookie, target string }{
				{"district", district, "/desk/"},
				{"district_page5", district, "/desk/?page=5"},
				{"district_overdue", district, "/desk/?overdue=1&class=immediate"},
				{"district_search", district, "/desk/?q=" + url.QueryEscape("शराब")},
				{"hq", hq, "/desk/"},
				{"hq_stage", hq, "/desk/?stage=received&page=10"},
				{"hq_review_queue", hq, "/desk/review"},
			} {
				b.Run(bc.name, func(b *testing.B) {
					for b.Loop() {
						if rec := f.do("GET", bc.target, "", "", bc.cookie); rec.Code != http.StatusOK {
							b.Fatalf("%s = %d", bc.target, rec.Code)
						}
					}
				})
			}
		})
	}
}

// BenchmarkDeskComplaintPage measures the complaint page of a complaint with
// 200 events.
func BenchmarkDeskComplaintPage(b *testing.B) {
	for _, engine := range storetest.Engines() {
		b.Run(engine, func(b *testing.B) {
			f := newDesk(b, storetest.DSN(b, engine), "http://desk.example")
			ctx := context.Background()
			code := f.codes["district:162"]
			by := shikayat.Actor{UserID: f.users[shikayat.RoleDistrictOperator].ID, Username: "district-operator",
				Role: shikayat.RoleDistrictOperator, UnitID: "district:162", Scope: shikayat.SystemScope()}
			for i := range 199 {
				if _, _, err := f.db.ApplyAction(ctx, code, shikayat.Action{Kind: shikayat.ActionNote, Text: fmt.Sprintf("note %d", i)}, by, ""); err != nil {
					b.Fatal(err)
				}
				f.clock.Add(time.Second)
			}
			cookie := f.session(b, f.users[shikayat.RoleDistrictOperator])
			for b.Loop() {
				if rec := f.do("GET", "/desk/complaints/"+code, "", "", cookie); rec.Code != http.StatusOK {
					b.Fatalf("%d", rec.Code)
				}
			}
		})
	}
}
