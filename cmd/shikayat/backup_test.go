package main

import (
	"context"
	"database/sql"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// openRaw opens a database for the test's own queries, without migrating.
func openRaw(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	engine, driverDSN, err := store.ParseDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	driver := "pgx"
	if engine == store.SQLite {
		driver = "sqlite"
	}
	db, err := sql.Open(driver, driverDSN)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// rows reads a query's rows as "a|b|c" strings, keyed by the first column.
func rows(t *testing.T, db *sql.DB, query string) map[string]string {
	t.Helper()
	rs, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	out := map[string]string{}
	for rs.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = v.String
		}
		out[parts[0]] = strings.Join(parts[1:], "|")
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// What a copy must hold, row for row: complaints with their codes and
// posts, events with their hashes, replies, checkpoints.
var copyQueries = map[string]string{
	"complaints":  `SELECT code, source_post_id, stage, district FROM complaints`,
	"events":      `SELECT CAST(id AS TEXT), complaint_id, action, hash FROM events`,
	"replies":     `SELECT key, in_reply_to, text FROM replies`,
	"sent":        `SELECT key, posted_id FROM replies WHERE state = 'sent'`,
	"posts":       `SELECT id, kind, complaint_id FROM posts`,
	"checkpoints": `SELECT name, value FROM checkpoints WHERE name NOT LIKE 'store:restored'`,
}

// A backup taken while the desk reads a storm of posts and answers them is
// a consistent copy; restored into a fresh database it holds every row of
// the copy, and a desk started on it reads X on from the copy's checkpoint:
// every post ends in one record, and a post the first desk acknowledged
// after the copy keeps the code the citizen was given (found in the desk's
// own reply on X), with no second reply.
func TestBackupUnderStormRestoresAndResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("backup storm: not in -short mode")
	}
	// It runs the real binary and mostly waits on it: beside the other
	// tests of its kind, so that the package stays well within go test's
	// ten minutes.
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		from, into := dsn(), dsn()
		if strings.HasPrefix(from, "postgres") {
			for _, tool := range []string{"pg_dump", "pg_restore", "psql"} {
				if _, err := exec.LookPath(tool); err != nil {
					t.Skip(tool + " is not on PATH (Debian: apt install postgresql-client)")
				}
			}
		}
		sim := fastSim()
		ts := httptest.NewServer(sim)
		defer ts.Close()
		a := startDesk(t, from, ts.URL)
		ctx := context.Background()

		// The storm: posts pour in while the desk records and answers them;
		// the copy is made half-way.
		type fed struct {
			ids []string
			err error
		}
		done := make(chan fed, 1)
		go func() {
			ids, err := feed(ctx, sim, 300, 60, 11)
			done <- fed{ids, err}
		}()
		time.Sleep(2500 * time.Millisecond)
		file := filepath.Join(t.TempDir(), "desk.backup")
		if code, out, errOut := runCmd(t, "", "backup", "--db", from, "--out", file); code != 0 {
			t.Fatalf("backup = %d: %s%s", code, out, errOut)
		}
		first := <-done
		if first.err != nil {
			t.Fatal(first.err)
		}
		adb := openRaw(t, from)
		la := &ledger{t: t, sim: sim, db: adb, want: first.ids}
		la.waitSettled(2*time.Minute, nil)
		// The whole of the first desk, for comparison, then it is gone.
		closeCtx, cancel := context.WithTimeout(ctx, 20*time.Second)
		a.Close(closeCtx)
		cancel()
		before := map[string]map[string]string{}
		for name, q := range copyQueries {
			before[name] = rows(t, adb, q)
		}

		// Posts the first desk never saw.
		second, err := feed(ctx, sim, 40, 100, 12)
		if err != nil {
			t.Fatal(err)
		}

		// A database holding posts is not replaced unless told.
		if code, _, errOut := runCmd(t, "", "restore", "--db", from, file); code == 0 || !strings.Contains(errOut, "--force") {
			t.Fatalf("restore over a database in use = %d, %q; want refused, naming --force", code, errOut)
		}
		if code, out, errOut := runCmd(t, "", "restore", "--db", into, file); code != 0 {
			t.Fatalf("restore = %d: %s%s", code, out, errOut)
		}
		bdb := openRaw(t, into)
		copied := map[string]map[string]string{}
		for name, q := range copyQueries {
			copied[name] = rows(t, bdb, q)
		}
		// The copy is of the storm's middle: some posts, not all.
		if n := len(copied["posts"]); n == 0 || n >= len(before["posts"]) {
			t.Fatalf("the copy holds %d posts of %d: not taken during the storm", n, len(before["posts"]))
		}
		// Every row of the copy is the first desk's, as it was or as it
		// went on (a reply pending in the copy may have been sent since).
		for name, got := range copied {
			for k, v := range got {
				w, ok := before[name][k]
				switch {
				case !ok:
					t.Errorf("%s %s is in the copy but was never in the desk", name, k)
				case name == "checkpoints" || name == "posts":
					// moved on, or a pushed post decided again
				case v != w:
					t.Errorf("%s %s: copy %q, desk %q", name, k, v, w)
				}
			}
		}
		// Consistent: each complaint with its events, each complaint post
		// with its complaint, the checkpoint at or below the newest post.
		var orphans int
		bdb.QueryRow(`SELECT count(*) FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.complaint_id = c.id AND e.action = 'receive')`).Scan(&orphans)
		if orphans != 0 {
			t.Errorf("%d complaints in the copy without their first event", orphans)
		}
		bdb.QueryRow(`SELECT count(*) FROM posts p WHERE p.kind = 'complaint' AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = p.complaint_id)`).Scan(&orphans)
		if orphans != 0 {
			t.Errorf("%d complaint posts in the copy without their complaint", orphans)
		}
		if code, out, errOut := runCmd(t, "", "audit", "verify", "--db", into); code != 0 {
			t.Fatalf("audit verify on the restored copy = %d: %s%s", code, out, errOut)
		}

		// The restored desk reads on from the copy's checkpoint.
		startDesk(t, into, ts.URL)
		lb := &ledger{t: t, sim: sim, db: bdb, want: append(first.ids, second...)}
		lb.waitSettled(3*time.Minute, nil)
		lb.check()
		if t.Failed() {
			for target, k := range lb.repliesByTarget() {
				if len(k) < 2 {
					continue
				}
				for _, p := range sim.AccountPosts() {
					for _, r := range p.ReferencedTweets {
						if r.ID == target {
							t.Logf("reply %s to %s: %q", p.ID, target, p.Text)
						}
					}
				}
				t.Logf("copy: %v", rows(t, openRaw(t, from), `SELECT key, state||' '||posted_id FROM replies WHERE in_reply_to = '`+target+`'`))
				t.Logf("restored: %v", rows(t, bdb, `SELECT key, state||' '||posted_id||' '||attempts FROM replies WHERE in_reply_to = '`+target+`'`))
				t.Logf("restored events: %v", rows(t, bdb, `SELECT CAST(e.id AS TEXT), e.action||' '||e.detail FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.source_post_id = '`+target+`'`))
				t.Logf("copy post: %v", copied["posts"][target])
			}
		}
		// Posts the first desk recorded after the copy were recorded again,
		// with the codes the citizens were given.
		codes := rows(t, bdb, `SELECT source_post_id, code FROM complaints`)
		again := 0
		for post, code := range rows(t, adb, `SELECT source_post_id, code FROM complaints`) {
			if _, inCopy := copied["complaints"][code]; inCopy {
				continue
			}
			again++
			if codes[post] != code {
				t.Errorf("post %s: the first desk gave %s, the restored desk %q", post, code, codes[post])
			}
		}
		var adopted int
		bdb.QueryRow(`SELECT count(*) FROM events WHERE action = 'replied' AND detail LIKE '%adopted%'`).Scan(&adopted)
		if again == 0 || adopted != again {
			t.Errorf("%d complaints made after the copy, %d acknowledgements found on X and adopted", again, adopted)
		}
		t.Logf("copy: %d of %d posts; %d complaints made after the copy", len(copied["posts"]), len(before["posts"]), again)
	})
}
