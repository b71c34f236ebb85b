package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/shikayat/shikayat"
)

// SealGrace is how long after an IST day ends it may be sealed: an event
// stamped just before midnight may commit a moment after it.
const SealGrace = 10 * time.Minute

// Seal is one IST day's seal of the trail (shikayat.SealDigest).
type Seal struct {
	Day        string    `json:"day"`
	Prev       string    `json:"prev"`
	Digest     string    `json:"digest"`
	Complaints int       `json:"complaints"`
	SealedAt   time.Time `json:"sealed_at"`
}

// SealDays seals every IST day not sealed yet that ended SealGrace ago or
// more, from the day after the last seal (or the day of the first event),
// and returns the new seals. Sealing is deterministic and the seal row is
// keyed by day, so two nodes sealing at once agree: the second one's insert
// does nothing, and it checks that the stored seal is the one it computed.
func (s *DB) SealDays(ctx context.Context) ([]Seal, error) {
	var out []Seal
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		out = nil
		now := s.now()
		var day, prev string
		err := tx.QueryRowContext(ctx, `SELECT day, digest FROM seals ORDER BY day DESC LIMIT 1`).Scan(&day, &prev)
		switch {
		case err == nil:
			day = nextDay(day)
		case isNoRows(err):
			var first sql.NullInt64
			if err := tx.QueryRowContext(ctx, `SELECT min(at) FROM events`).Scan(&first); err != nil {
				return fmt.Errorf("seal: %w", err)
			}
			if !first.Valid {
				return nil
			}
			day = shikayat.ISTDay(fromMS(first.Int64))
		default:
			return fmt.Errorf("seal: %w", err)
		}
		for ; dayEnd(day).Add(SealGrace).Compare(now) <= 0; day = nextDay(day) {
			entries, err := dayEntries(ctx, tx, day)
			if err != nil {
				return err
			}
			seal := Seal{Day: day, Prev: prev, Digest: shikayat.SealDigest(day, prev, entries), Complaints: len(entries), SealedAt: fromMS(ms(now))}
			res, err := tx.ExecContext(ctx, `
				INSERT INTO seals (day, prev, digest, complaints, sealed_at) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (day) DO NOTHING`,
				seal.Day, seal.Prev, seal.Digest, seal.Complaints, ms(seal.SealedAt))
			if err != nil {
				return fmt.Errorf("seal %s: %w", day, err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("seal %s: %w", day, err)
			} else if n == 0 {
				// Another node sealed it first: it must have found the same.
				var other string
				if err := tx.QueryRowContext(ctx, `SELECT digest FROM seals WHERE day = $1`, day).Scan(&other); err != nil {
					return fmt.Errorf("seal %s: %w", day, err)
				}
				if other != seal.Digest {
					return shikayat.Errorf(shikayat.ECONFLICT, "The seal of %s stored by another node differs from this one's; run shikayat audit verify.", day)
				}
			} else {
				out = append(out, seal)
			}
			prev = seal.Digest
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachSeal calls fn with every seal from day from to day to (YYYY-MM-DD,
// inclusive; "" leaves that end open), in day order.
func (s *DB) EachSeal(ctx context.Context, from, to string, fn func(Seal) error) error {
	for _, d := range []string{from, to} {
		if d == "" {
			continue
		}
		if _, err := shikayat.ParseISTDay(d); err != nil {
			return err
		}
	}
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT day, prev, digest, complaints, sealed_at FROM seals
		WHERE day >= $1 AND day <= $2 ORDER BY day`, from, to)
	if err != nil {
		return fmt.Errorf("seals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sl Seal
		var at int64
		if err := rows.Scan(&sl.Day, &sl.Prev, &sl.Digest, &sl.Complaints, &at); err != nil {
			return fmt.Errorf("seals: %w", err)
		}
		sl.SealedAt = fromMS(at)
		if err := fn(sl); err != nil {
			return err
		}
	}
	return rows.Err()
}

// verifySeals re-computes every seal in day order: each chained to the day
// before, with no day missing, starting on the day of the first event.
func (s *DB) verifySeals(ctx context.Context, rep *TrailReport) error {
	var first sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT min(at) FROM events`).Scan(&first); err != nil {
		return fmt.Errorf("verify seals: %w", err)
	}
	prev, want := "", ""
	if first.Valid {
		want = shikayat.ISTDay(fromMS(first.Int64))
	}
	err := s.EachSeal(ctx, "", "", func(sl Seal) error {
		fail := func(reason string) error {
			rep.Failure = &TrailFailure{Day: sl.Day, Reason: reason}
			return errStop
		}
		switch {
		case want != "" && sl.Day != want:
			return fail(fmt.Sprintf("the seal of %s should come next", want))
		case sl.Prev != prev:
			return fail("it is not chained to the seal of the day before")
		}
		entries, err := dayEntries(ctx, s.db, sl.Day)
		if err != nil {
			return err
		}
		if shikayat.SealDigest(sl.Day, prev, entries) != sl.Digest || len(entries) != sl.Complaints {
			return fail("the digest does not match the day's events")
		}
		rep.Seals++
		rep.LastSealed = sl.Day
		prev, want = sl.Digest, nextDay(sl.Day)
		return nil
	})
	if err == errStop {
		return nil
	}
	return err
}

var errStop = fmt.Errorf("stop")

// dayEntries returns the last event hash of each complaint that changed on
// the IST day: the last by id (the order of the chain) among its events
// stamped that day.
func dayEntries(ctx context.Context, q querier, day string) ([]shikayat.SealEntry, error) {
	start, err := shikayat.ParseISTDay(day)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `
		SELECT e.complaint_id, c.code, e.hash FROM events e JOIN complaints c ON c.id = e.complaint_id
		WHERE e.at >= $1 AND e.at < $2 ORDER BY e.complaint_id, e.id`, ms(start), ms(dayEnd(day)))
	if err != nil {
		return nil, fmt.Errorf("seal %s: %w", day, err)
	}
	defer rows.Close()
	var out []shikayat.SealEntry
	last := int64(-1)
	for rows.Next() {
		var id int64
		var e shikayat.SealEntry
		if err := rows.Scan(&id, &e.Code, &e.Hash); err != nil {
			return nil, fmt.Errorf("seal %s: %w", day, err)
		}
		if id == last {
			out[len(out)-1] = e
		} else {
			out = append(out, e)
		}
		last = id
	}
	return out, rows.Err()
}

// dayEnd is when an IST day (YYYY-MM-DD, valid) ends.
func dayEnd(day string) time.Time {
	t, _ := shikayat.ParseISTDay(day)
	return t.AddDate(0, 0, 1)
}

// nextDay is the IST day after day.
func nextDay(day string) string { return shikayat.ISTDay(dayEnd(day)) }
