package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/shikayat/shikayat"
)

// insertAlert records a live alert in tx, the transaction of the change
// that causes it: the alert exists exactly when the change does.
func insertAlert(ctx context.Context, tx *sql.Tx, a *shikayat.Alert) error {
	err := tx.QueryRowContext(ctx, `
		INSERT INTO alerts (kind, code, post_id, unit_id, unit_path, district, type, at, sensitive)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		a.Kind, a.Code, a.PostID, a.UnitID, a.UnitPath, a.District, string(a.Type), ms(a.At), boolInt(a.Sensitive),
	).Scan(&a.ID)
	if err != nil {
		return fmt.Errorf("save alert: %w", err)
	}
	return nil
}

// alertFor makes the alert for complaint c landing in unit u, or nil when
// c is not immediate.
func alertFor(c *shikayat.Complaint, u *shikayat.Unit, at time.Time) *shikayat.Alert {
	if c.EffectiveClass() != shikayat.ClassImmediate || u == nil {
		return nil
	}
	a := &shikayat.Alert{Kind: shikayat.AlertImmediate, Code: c.Code, UnitID: u.ID, UnitPath: u.Path,
		District: c.District, Type: c.EffectiveType(), At: at, Sensitive: c.Sensitive}
	if c.Sensitive {
		a.Type = "" // a notification must not hint at the offence
	}
	return a
}

// AlertsSince returns alerts made at or after since, or with an id above
// afterID, oldest first, at most limit. Reading by time as well as by id
// catches an alert whose transaction committed after a later one's (ids
// are handed out before commit on PostgreSQL); callers drop ids they have
// seen.
func (s *DB) AlertsSince(ctx context.Context, afterID int64, since time.Time, limit int) ([]*shikayat.Alert, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, kind, code, post_id, unit_id, unit_path, district, type, at, sensitive
		FROM alerts WHERE id > $1 OR at >= $2 ORDER BY id LIMIT $3`, afterID, ms(since), limit)
	if err != nil {
		return nil, fmt.Errorf("read alerts: %w", err)
	}
	defer rows.Close()
	var out []*shikayat.Alert
	for rows.Next() {
		a := &shikayat.Alert{}
		var typ string
		var at int64
		var sensitive int
		if err := rows.Scan(&a.ID, &a.Kind, &a.Code, &a.PostID, &a.UnitID, &a.UnitPath, &a.District, &typ, &at, &sensitive); err != nil {
			return nil, fmt.Errorf("read alerts: %w", err)
		}
		a.Type, a.At, a.Sensitive = shikayat.Type(typ), fromMS(at), sensitive != 0
		out = append(out, a)
	}
	return out, rows.Err()
}

// LastAlertID returns the id of the newest alert, 0 when there is none.
func (s *DB) LastAlertID(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(id) FROM alerts`).Scan(&id); err != nil {
		return 0, fmt.Errorf("read alerts: %w", err)
	}
	return id.Int64, nil
}

// AddAlert records an alert on its own; changes that cause alerts record
// them in their own transaction instead.
func (s *DB) AddAlert(ctx context.Context, a *shikayat.Alert) error {
	if a.At.IsZero() {
		a.At = s.now()
	}
	return s.withTx(ctx, func(tx *sql.Tx) error { return insertAlert(ctx, tx, a) })
}
