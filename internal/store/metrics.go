package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
)

// Tallies are the counts /metrics reports from the database, the same on
// every node that shares it.
type Tallies struct {
	// Posts recorded, by record kind.
	Posts map[string]int
	// Complaints by stage and effective class ("" when none).
	Complaints map[[2]string]int
	// Replies by state.
	Replies map[string]int
	// Held is the number of posts held for review.
	Held int
	// SLAEvents counts the SLA events on the trail by kind: warning,
	// breach, escalation.
	SLAEvents map[string]int
}

// Tally counts posts, complaints and replies. Each count is one grouped
// query over an indexed column; it runs at each scrape of /metrics.
func (s *DB) Tally(ctx context.Context) (*Tallies, error) {
	t := &Tallies{Posts: map[string]int{}, Complaints: map[[2]string]int{}, Replies: map[string]int{}, SLAEvents: map[string]int{}}
	rows, err := s.db.QueryContext(ctx, `SELECT kind, count(*) FROM posts GROUP BY kind`)
	if err != nil {
		return nil, fmt.Errorf("tally posts: %w", err)
	}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("tally posts: %w", err)
		}
		t.Posts[k] = n
		if k == string(shikayat.RecordHeld) {
			t.Held = n
		}
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `
		SELECT stage, CASE WHEN class <> '' THEN class ELSE suggested_class END, count(*)
		FROM complaints GROUP BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("tally complaints: %w", err)
	}
	for rows.Next() {
		var stage, class string
		var n int
		if err := rows.Scan(&stage, &class, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("tally complaints: %w", err)
		}
		t.Complaints[[2]string{stage, class}] += n
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT action, count(*) FROM events WHERE action IN ($1, $2, $3) GROUP BY action`,
		shikayat.SLAEventWarning, shikayat.SLAEventBreach, shikayat.SLAEventEscalation)
	if err != nil {
		return nil, fmt.Errorf("tally SLA events: %w", err)
	}
	for rows.Next() {
		var action string
		var n int
		if err := rows.Scan(&action, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("tally SLA events: %w", err)
		}
		t.SLAEvents[strings.TrimPrefix(action, "sla_")] = n
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT state, count(*) FROM replies GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("tally replies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return nil, fmt.Errorf("tally replies: %w", err)
		}
		t.Replies[state] = n
	}
	return t, rows.Err()
}
