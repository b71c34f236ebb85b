package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/shikayat/shikayat"
)

// slaPeriods holds the deadlines a running node uses: its own (Options.SLA)
// with the closing periods the database stores in stats_rules, once
// RefreshSLA has read them. Another node's --sla-change writes new ones; a
// node started before keeps running and follows them from its next refresh.
type slaPeriods struct {
	cur atomic.Pointer[shikayat.SLA]
	// own is set once the stored periods were seen equal to this node's:
	// a node told to change them (ChangeSLA) keeps its own until its change
	// is stored, instead of going back to the old ones meanwhile.
	own atomic.Bool
}

// sla is the deadlines to use now.
func (s *DB) sla() shikayat.SLA {
	if p := s.periods.cur.Load(); p != nil {
		return *p
	}
	return s.opts.SLA
}

// RefreshSLA re-reads the closing periods stored in the database (those
// the statistics are counted by) and uses them for the deadlines set from
// now on. It reports whether they differ from the node's own settings, so
// that the caller can warn that its flags no longer hold. serve calls it
// every minute.
func (s *DB) RefreshSLA(ctx context.Context) (differs bool, err error) {
	var long, mid, first sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT long_ms, mid_ms, first_ms FROM stats_rules`).Scan(&long, &mid, &first); err != nil {
		return false, fmt.Errorf("refresh SLA: %w", err)
	}
	if !long.Valid || !mid.Valid || !first.Valid {
		return false, nil
	}
	sla := s.opts.SLA
	sla.LongTermClose = time.Duration(long.Int64) * time.Millisecond
	sla.MidTermClose = time.Duration(mid.Int64) * time.Millisecond
	sla.ImmediateFirstAction = time.Duration(first.Int64) * time.Millisecond
	if sla == s.opts.SLA {
		s.periods.own.Store(true)
	} else if s.opts.ChangeSLA && !s.periods.own.Load() {
		// This node's own change is not stored yet.
		return false, nil
	}
	s.periods.cur.Store(&sla)
	return sla != s.opts.SLA, nil
}
