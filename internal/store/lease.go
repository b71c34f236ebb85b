package store

import (
	"context"
	"fmt"
)

// LeaseHolder returns who holds the named lease, and whether the lease is
// live (not yet expired); holder is "" when nobody ever took it or it was
// given up.
func (s *DB) LeaseHolder(ctx context.Context, name string) (holder string, live bool, err error) {
	var expires int64
	err = s.db.QueryRowContext(ctx, `SELECT holder, expires_at FROM leases WHERE name = $1`, name).Scan(&holder, &expires)
	if isNoRows(err) {
		return "", false, nil
	} else if err != nil {
		return "", false, fmt.Errorf("lease %s: %w", name, err)
	}
	return holder, expires >= ms(s.now()), nil
}
