package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/storetest"
)

// Three nodes share PostgreSQL. Tracking reads and staff actions (the API,
// with a token and an Idempotency-Key) are spread across them while X pours
// posts in, and two of them are killed at random moments. One node holds
// the intake lease at a time (it passes only from a killed node), every
// post ends in one record, every complaint is acknowledged once, every
// staff action takes effect once however often it was retried on another
// node, and every SLA moment (short periods: --sla-*) of every complaint is
// scheduled once and recorded once. It runs for about a minute and a half.
func TestThreeNodesSurviveTwoKills(t *testing.T) {
	if testing.Short() {
		t.Skip("three-node test: not in -short mode")
	}
	// It runs the real binary and mostly waits on it: beside the other
	// tests of its kind, so that the package stays well within go test's
	// ten minutes.
	t.Parallel()
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skip(storetest.EnvPostgres + " is not set")
	}
	dsn := storetest.DSN(t, "postgres")
	sim := fastSim()
	ts := httptest.NewServer(sim)
	defer ts.Close()
	if code, out, errOut := runCmd(t, "a long enough password\n", "user", "add", "--db", dsn, "--username", "hq-op",
		"--role", "hq_operator", "--unit", "hq", "--password-stdin"); code != 0 {
		t.Fatalf("user add = %d: %s%s", code, out, errOut)
	}
	code, out, errOut := runCmd(t, "", "token", "create", "--db", dsn, "--username", "hq-op")
	if code != 0 {
		t.Fatalf("token create = %d: %s", code, errOut)
	}
	token := strings.TrimSpace(out)
	args := []string{"--db", dsn, "--x-api", ts.URL, "--x-poll", "1s", "--intake-lease", "3s", "--daily-post-budget", "1000000",
		"--track-rate-limit=false"} // the test's reads all come from one address
	args = append(args, slaArgs...)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	var mu sync.Mutex // guards nodes, alive
	nodes := []*node{startNode(t, "n0", args...), startNode(t, "n1", args...), startNode(t, "n2", args...)}
	alive := []bool{true, true, true}
	pick := func(rng *rand.Rand) (int, string) {
		mu.Lock()
		defer mu.Unlock()
		for {
			i := rng.IntN(len(nodes))
			if alive[i] {
				return i, "http://" + nodes[i].addr
			}
		}
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// The lease holder, sampled: it may pass only from a killed node.
	var holders []string
	var killedPIDs []string
	watchDone := make(chan struct{})
	go func() {
		defer close(watchDone)
		for ctx.Err() == nil {
			var h string
			if err := db.QueryRow(`SELECT holder FROM leases WHERE name = 'x-intake' AND expires_at > $1`, time.Now().UnixMilli()).Scan(&h); err != nil && !errors.Is(err, sql.ErrNoRows) {
				t.Errorf("read the lease holder: %v", err)
			}
			if h != "" && (len(holders) == 0 || holders[len(holders)-1] != h) {
				holders = append(holders, h)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()

	// Staff and citizens at work on whichever nodes are up.
	client := &http.Client{Timeout: 5 * time.Second}
	var actions sync.Map // idempotency key → code
	var reads, readFails, acted, retried int
	var badReads []string // tracking reads that failed on a node still alive
	var workMu sync.Mutex
	workDone := make(chan struct{})
	go func() {
		defer close(workDone)
		rng := rand.New(rand.NewPCG(seed, 3))
		for n := 0; ctx.Err() == nil; n++ {
			var codes []string
			rows, err := db.Query(`SELECT code FROM complaints ORDER BY id DESC LIMIT 20`)
			if err == nil {
				for rows.Next() {
					var c string
					if err := rows.Scan(&c); err != nil {
						t.Errorf("read codes: %v", err)
					}
					codes = append(codes, c)
				}
				if err := rows.Err(); err != nil && ctx.Err() == nil {
					t.Errorf("read codes: %v", err)
				}
				rows.Close()
			}
			if len(codes) == 0 {
				time.Sleep(100 * time.Millisecond)
				continue
			}
			code := codes[rng.IntN(len(codes))]
			i, base := pick(rng)
			if resp, err := client.Get(base + "/api/v1/track/" + code); err == nil && resp.StatusCode == 200 {
				resp.Body.Close()
				workMu.Lock()
				reads++
				workMu.Unlock()
			} else {
				why := fmt.Sprint(err)
				if err == nil {
					why = resp.Status
					resp.Body.Close()
				}
				mu.Lock()
				killed := !alive[i]
				mu.Unlock()
				workMu.Lock()
				readFails++
				if !killed && ctx.Err() == nil {
					badReads = append(badReads, fmt.Sprintf("n%d %s: %s", i, code, why))
				}
				workMu.Unlock()
			}
			if n%3 != 0 {
				continue
			}
			// A note, sent until a node answers: a retry on another node
			// with the same key must not record it twice.
			key := fmt.Sprintf("note-%d-%d", seed, n)
			body, _ := json.Marshal(map[string]string{"action": "note", "text": "checked by phone " + key})
			for try := 0; try < 20 && ctx.Err() == nil; try++ {
				_, base := pick(rng)
				req, _ := http.NewRequest("POST", base+"/api/v1/complaints/"+code+"/actions", bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+token)
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Idempotency-Key", key)
				resp, err := client.Do(req)
				if err == nil {
					resp.Body.Close()
					if resp.StatusCode == 200 {
						actions.Store(key, code)
						workMu.Lock()
						acted++
						workMu.Unlock()
						break
					}
				}
				workMu.Lock()
				retried++
				workMu.Unlock()
				time.Sleep(100 * time.Millisecond)
			}
		}
	}()

	type fed struct {
		ids []string
		err error
	}
	done := make(chan fed, 1)
	go func() {
		ids, err := feed(ctx, sim, 400, 40, seed)
		done <- fed{ids, err}
	}()
	// Two kills at random moments of the feed's 10 seconds.
	rng := rand.New(rand.NewPCG(seed, 1))
	start := time.Now()
	at := []time.Duration{time.Duration(1500+rng.IntN(3500)) * time.Millisecond, time.Duration(5500+rng.IntN(4000)) * time.Millisecond}
	for _, d := range at {
		time.Sleep(time.Until(start.Add(d)))
		mu.Lock()
		var up []int
		for i, a := range alive {
			if a {
				up = append(up, i)
			}
		}
		i := up[rng.IntN(len(up))]
		if len(killedPIDs) == 1 {
			// The second kill takes the lease holder, if it still lives.
			var h string
			if err := db.QueryRow(`SELECT holder FROM leases WHERE name = 'x-intake'`).Scan(&h); err != nil && !errors.Is(err, sql.ErrNoRows) {
				t.Errorf("read the lease holder: %v", err)
			}
			for _, j := range up {
				if strings.Contains(h, "-"+strconv.Itoa(nodes[j].cmd.Process.Pid)+"-") {
					i = j
				}
			}
		}
		alive[i] = false
		killedPIDs = append(killedPIDs, "-"+strconv.Itoa(nodes[i].cmd.Process.Pid)+"-")
		nodes[i].kill()
		mu.Unlock()
		t.Logf("killed node n%d at %s", i, d.Round(100*time.Millisecond))
	}
	f := <-done
	if f.err != nil {
		t.Fatal(f.err)
	}
	var last *node
	for i, a := range alive {
		if a {
			last = nodes[i]
		}
	}
	l := &ledger{t: t, sim: sim, db: db, want: f.ids}
	settling := time.Now()
	l.waitSettled(2*time.Minute, last)
	t.Logf("settled %s after the last post", time.Since(settling).Round(time.Second))
	cancel()
	<-workDone
	<-watchDone
	l.check()
	// Every SLA moment once, across the kills.
	slaWait := waitSLADone(t, db, 2*time.Minute)
	slaEvents := checkSLAOnce(t, db)
	slaEvents["ack_breaches"] = checkAckOnce(t, db, 3*time.Second) // --sla-immediate-ack in slaArgs
	t.Logf("SLA jobs done %s after the staff stopped: %v", slaWait.Round(time.Second), slaEvents)
	if slaEvents["sla_warning"] == 0 || slaEvents["sla_breach"] == 0 || slaEvents["sla_escalation"] == 0 {
		t.Errorf("SLA moments did not all happen: %v", slaEvents)
	}

	// The lease passed only from killed nodes.
	for i := 1; i < len(holders); i++ {
		from := holders[i-1]
		gone := false
		for _, pid := range killedPIDs {
			gone = gone || strings.Contains(from, pid)
		}
		if !gone {
			t.Errorf("the intake lease passed from %s, which was not killed, to %s", from, holders[i])
		}
	}
	// Each staff action once, whatever the retries.
	actions.Range(func(k, _ any) bool {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM events WHERE action = 'note' AND note LIKE $1`, "%"+k.(string)).Scan(&n); err != nil {
			t.Errorf("count notes: %v", err)
		}
		if n != 1 {
			t.Errorf("action %s recorded %d times, want once", k, n)
		}
		return true
	})
	// No SLA moment scheduled twice for a complaint, and none recorded twice.
	var dupJobs, dupEvents int
	if err := db.QueryRow(`SELECT count(*) FROM (SELECT args FROM river_job WHERE kind LIKE '%sla%' GROUP BY args HAVING count(*) > 1) d`).Scan(&dupJobs); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM (SELECT complaint_id, action, detail FROM events WHERE action LIKE 'sla_%' GROUP BY complaint_id, action, detail HAVING count(*) > 1) d`).Scan(&dupEvents); err != nil {
		t.Fatal(err)
	}
	if dupJobs != 0 || dupEvents != 0 {
		t.Errorf("%d SLA moments scheduled twice, %d recorded twice", dupJobs, dupEvents)
	}
	var slaJobs int
	if err := db.QueryRow(`SELECT count(*) FROM river_job WHERE kind LIKE '%sla%'`).Scan(&slaJobs); err != nil {
		t.Fatal(err)
	}
	if len(badReads) > 0 {
		t.Errorf("%d tracking reads failed on nodes that were not killed, e.g. %s", len(badReads), badReads[0])
	}
	t.Logf("lease holders in turn: %d; %d tracking reads (%d failed on a dying node), %d notes (%d retries), %d SLA jobs scheduled",
		len(holders), reads, readFails, acted, retried, slaJobs)
	if acted == 0 || reads == 0 || slaJobs == 0 {
		t.Errorf("the nodes were not worked: %d reads, %d actions, %d SLA jobs", reads, acted, slaJobs)
	}
	last.stop()
}
