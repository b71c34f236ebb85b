package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/shikayat/shikayat"
)

// CreateSession stores a session for a user, keyed by the hash of its id,
// lasting at most maxAge. It also drops sessions that have expired.
func (s *DB) CreateSession(ctx context.Context, idHash string, userID int64, address string, maxAge time.Duration) (expires time.Time, err error) {
	now := s.now()
	expires = now.Add(maxAge)
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, ms(now)); err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO sessions (id_hash, user_id, address, created_at, last_seen_at, expires_at)
			VALUES ($1, $2, $3, $4, $4, $5)`, idHash, userID, address, ms(now), ms(expires))
		if err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		return nil
	})
	return expires, err
}

// sessionTouchEvery is how stale a session's last-seen time may get before
// a request writes it again: idle expiry needs minutes, not milliseconds.
const sessionTouchEvery = time.Minute

// SessionUser returns the enabled user of a live session: one that has not
// passed its absolute expiry and was used within idle. It renews the idle
// time. Any other session is EUNAUTHORIZED.
func (s *DB) SessionUser(ctx context.Context, idHash string, idle time.Duration) (*shikayat.User, error) {
	now := s.now()
	var seen int64
	u, err := scanUser(s.db.QueryRowContext(ctx, `
		SELECT u.id, u.username, u.name, u.role, u.unit_id, u.disabled, u.created_at, u.lang, s.last_seen_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.id_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.disabled = 0`,
		idHash, ms(now), ms(now.Add(-idle))), &seen)
	if isNoRows(err) {
		return nil, shikayat.Errorf(shikayat.EUNAUTHORIZED, "Your session has ended; please sign in again.")
	} else if err != nil {
		return nil, fmt.Errorf("find session: %w", err)
	}
	if now.Sub(fromMS(seen)) >= sessionTouchEvery {
		if _, err := s.db.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2`, ms(now), idHash); err != nil {
			return nil, fmt.Errorf("renew session: %w", err)
		}
	}
	return u, nil
}

// DeleteSession ends a session. Ending one that does not exist is no error.
func (s *DB) DeleteSession(ctx context.Context, idHash string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = $1`, idHash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// LoginFailures counts the failed sign-ins for an account and from an
// address within the last window.
func (s *DB) LoginFailures(ctx context.Context, username, address string, window time.Duration) (byAccount, byAddress int, err error) {
	since := ms(s.now().Add(-window))
	err = s.db.QueryRowContext(ctx, `
		SELECT
			(SELECT count(*) FROM login_failures WHERE username = $1 AND at > $3),
			(SELECT count(*) FROM login_failures WHERE address = $2 AND at > $3)`,
		username, address, since).Scan(&byAccount, &byAddress)
	if err != nil {
		return 0, 0, fmt.Errorf("count login failures: %w", err)
	}
	return byAccount, byAddress, nil
}

// loginFailuresKept is how long failed sign-ins are kept for counting.
const loginFailuresKept = 24 * time.Hour

// RecordLoginFailure records a failed sign-in, and forgets those older than
// a day.
func (s *DB) RecordLoginFailure(ctx context.Context, username, address string) error {
	now := s.now()
	return s.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_failures WHERE at < $1`, ms(now.Add(-loginFailuresKept))); err != nil {
			return fmt.Errorf("record login failure: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO login_failures (username, address, at) VALUES ($1, $2, $3)`,
			username, address, ms(now)); err != nil {
			return fmt.Errorf("record login failure: %w", err)
		}
		return nil
	})
}

// ClearLoginFailures forgets an account's failed sign-ins after it signed in.
// Those counted against the address stay.
func (s *DB) ClearLoginFailures(ctx context.Context, username string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM login_failures WHERE username = $1`, username); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}
