package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// slaArgs shorten the SLA periods so that every moment of a complaint's
// deadline (warning, breach, each escalation) comes within a minute of the
// complaint's arrival, while the nodes are being killed.
var slaArgs = []string{"--sla-immediate-ack", "3s", "--sla-immediate-action", "4s", "--sla-mid-term", "5s", "--sla-long-term", "6s"}

// slaMoment is one SLA event on a complaint's trail.
type slaMoment struct{ action, due, step string }

// waitSLADone waits until no SLA job is left to run (each deadline's last
// moment came, and every immediate complaint's acknowledgement check) and
// returns how long that took.
func waitSLADone(t *testing.T, db *sql.DB, timeout time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		var left int
		if err := db.QueryRow(`SELECT count(*) FROM river_job WHERE kind LIKE '%sla%'
			AND state IN ('available', 'scheduled', 'running', 'retryable', 'pending')`).Scan(&left); err != nil {
			t.Fatal(err)
		}
		if left == 0 {
			return time.Since(start)
		}
		if time.Since(start) > timeout {
			t.Fatalf("%d SLA jobs still to run after %s", left, timeout)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// checkSLAOnce checks that each SLA moment took effect exactly once per
// complaint: no moment of any deadline is on a trail twice, and the
// complaint's current deadline has every moment it has reached — the
// warning, the breach, then one escalation per level above the owning unit
// (none above HQ) — and an immediate complaint had its acknowledgement
// checked, a breach recorded at most once. It returns the events counted.
func checkSLAOnce(t *testing.T, db *sql.DB) map[string]int {
	t.Helper()
	type complaint struct {
		code, path, class string
		due               int64
		ackChecked        int
		moments           map[slaMoment]int
		ackBreaches       int
	}
	rows, err := db.Query(`SELECT c.id, c.code, u.path, COALESCE(NULLIF(c.class, ''), c.suggested_class), c.due_at, c.ack_checked
		FROM complaints c JOIN units u ON u.id = c.unit_id WHERE c.stage <> 'closed' AND c.due_at IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	cs := map[int64]*complaint{}
	for rows.Next() {
		var id int64
		c := &complaint{moments: map[slaMoment]int{}}
		if err := rows.Scan(&id, &c.code, &c.path, &c.class, &c.due, &c.ackChecked); err != nil {
			t.Fatal(err)
		}
		cs[id] = c
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	rows, err = db.Query(`SELECT complaint_id, action, detail FROM events WHERE action LIKE 'sla_%'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var id int64
		var action, detail string
		if err := rows.Scan(&id, &action, &detail); err != nil {
			t.Fatal(err)
		}
		counts[action]++
		c := cs[id]
		if c == nil {
			t.Errorf("complaint %d: %s, but it has no deadline", id, action)
			continue
		}
		var d map[string]string
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			t.Fatalf("complaint %s: %s detail %q: %v", c.code, action, detail, err)
		}
		if d["deadline"] == "acknowledgement" {
			c.ackBreaches++
			continue
		}
		c.moments[slaMoment{action, d["due"], d["step"]}]++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	bad := 0
	report := func(format string, args ...any) {
		if bad++; bad <= 10 {
			t.Errorf(format, args...)
		}
	}
	for _, c := range cs {
		for m, n := range c.moments {
			if n != 1 {
				report("complaint %s: %s (due %s, step %s) recorded %d times", c.code, m.action, m.due, m.step, n)
			}
		}
		due := time.UnixMilli(c.due).UTC().Format(time.RFC3339)
		want := []slaMoment{{"sla_warning", due, "1"}, {"sla_breach", due, "2"}}
		for level := 1; level < strings.Count(c.path, "/"); level++ {
			want = append(want, slaMoment{"sla_escalation", due, strconv.Itoa(level + 2)})
		}
		for _, m := range want {
			if c.moments[m] != 1 {
				report("complaint %s (%s, unit %s): %s of the deadline due %s recorded %d times, want once",
					c.code, c.class, c.path, m.action, due, c.moments[m])
			}
		}
		if c.ackBreaches > 1 {
			report("complaint %s: the acknowledgement's breach recorded %d times", c.code, c.ackBreaches)
		}
	}
	if bad > 10 {
		t.Errorf("… %d in all", bad)
	}
	counts["complaints"] = len(cs)
	return counts
}

func (m slaMoment) String() string { return fmt.Sprintf("%s@%s#%s", m.action, m.due, m.step) }

// checkAckOnce checks every immediate complaint's acknowledgement deadline
// (period after its receipt): each one acknowledged has had the deadline
// checked (ack_checked = 1), and has exactly one acknowledgement breach
// when its acknowledgement was sent later than the deadline or not at all,
// none when it was sent in time. A complaint the desk does not acknowledge
// (no ack reply) has no such deadline. It returns the breaches counted.
func checkAckOnce(t *testing.T, db *sql.DB, period time.Duration) int {
	t.Helper()
	rows, err := db.Query(`SELECT c.id, c.code, c.received_at, c.ack_checked, r.state, r.sent_at
		FROM complaints c JOIN replies r ON r.key = 'ack:' || CAST(c.id AS TEXT)
		WHERE c.suggested_class = 'immediate'`)
	if err != nil {
		t.Fatal(err)
	}
	type ack struct {
		code    string
		late    bool
		checked int
	}
	acks := map[int64]*ack{}
	for rows.Next() {
		var id, received int64
		var a ack
		var state string
		var sent sql.NullInt64
		if err := rows.Scan(&id, &a.code, &received, &a.checked, &state, &sent); err != nil {
			t.Fatal(err)
		}
		a.late = state != "sent" || !sent.Valid || sent.Int64 > received+period.Milliseconds()
		acks[id] = &a
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if len(acks) == 0 {
		t.Fatal("no immediate complaint was acknowledged")
	}
	breaches := map[int64]int{}
	rows, err = db.Query(`SELECT complaint_id, detail FROM events WHERE action = 'sla_breach'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var detail string
		if err := rows.Scan(&id, &detail); err != nil {
			t.Fatal(err)
		}
		var d map[string]string
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			t.Fatalf("complaint %d: breach detail %q: %v", id, detail, err)
		}
		if d["deadline"] == "acknowledgement" {
			breaches[id]++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	bad, total := 0, 0
	for id, a := range acks {
		want := 0
		if a.late {
			want = 1
		}
		total += breaches[id]
		if a.checked != 1 || breaches[id] != want {
			if bad++; bad <= 10 {
				t.Errorf("complaint %s: ack_checked %d, %d acknowledgement breaches; want checked and %d (acknowledged late: %v)",
					a.code, a.checked, breaches[id], want, a.late)
			}
		}
	}
	if bad > 10 {
		t.Errorf("… %d in all", bad)
	}
	return total
}
