package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
)

// Open311Secret returns the deployment's Open311 secret (32 bytes), made
// on first use and the same for every node afterwards.
func (s *DB) Open311Secret(ctx context.Context) ([]byte, error) {
	var fresh [32]byte
	if _, err := rand.Read(fresh[:]); err != nil {
		return nil, fmt.Errorf("open311 secret: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO open311_secret (id, secret) VALUES (1, $1) ON CONFLICT DO NOTHING`,
		hex.EncodeToString(fresh[:])); err != nil {
		return nil, fmt.Errorf("open311 secret: %w", err)
	}
	var v string
	if err := s.db.QueryRowContext(ctx, `SELECT secret FROM open311_secret WHERE id = 1`).Scan(&v); err != nil {
		return nil, fmt.Errorf("open311 secret: %w", err)
	}
	b, err := hex.DecodeString(v)
	if err != nil || len(b) != 32 {
		return nil, fmt.Errorf("open311 secret: stored secret is unreadable")
	}
	return b, nil
}

// PublicComplaints lists complaints with their public fields only: id,
// stage, type, class, district and times. No text, author or docket code.
// A sensitive complaint shows its stage and times alone (Sensitive set, no
// type, class or district), and a type filter does not find it.
func (s *DB) PublicComplaints(ctx context.Context, f shikayat.PublicFilter) ([]*shikayat.Complaint, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			return []*shikayat.Complaint{}, nil
		}
		var ids []string
		for _, id := range f.IDs {
			ids = append(ids, arg(id))
		}
		where = append(where, "id IN ("+strings.Join(ids, ", ")+")")
	}
	if f.Type != "" {
		where = append(where, "sensitive = 0 AND (CASE WHEN type <> '' THEN type ELSE suggested_type END) = "+arg(string(f.Type)))
	}
	if f.Closed != nil {
		if *f.Closed {
			where = append(where, "stage = 'closed'")
		} else {
			where = append(where, "stage <> 'closed'")
		}
	}
	if !f.From.IsZero() {
		where = append(where, "received_at >= "+arg(ms(f.From)))
	}
	if !f.To.IsZero() {
		where = append(where, "received_at <= "+arg(ms(f.To)))
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	q := `SELECT id, stage, class, type, suggested_class, suggested_type, district, resolution,
		received_at, updated_at, closed_at, sensitive FROM complaints`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY received_at DESC, id DESC LIMIT " + arg(limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("public complaints: %w", err)
	}
	defer rows.Close()
	out := []*shikayat.Complaint{}
	for rows.Next() {
		var c shikayat.Complaint
		var stage, class, typ, sclass, stype, res string
		var received, updated int64
		var closed sql.NullInt64
		var sensitive int
		if err := rows.Scan(&c.ID, &stage, &class, &typ, &sclass, &stype, &c.District, &res,
			&received, &updated, &closed, &sensitive); err != nil {
			return nil, fmt.Errorf("public complaints: %w", err)
		}
		c.Stage, c.Class, c.Type = shikayat.Stage(stage), shikayat.Class(class), shikayat.Type(typ)
		c.SuggestedClass, c.SuggestedType = shikayat.Class(sclass), shikayat.Type(stype)
		c.Resolution = shikayat.Resolution(res)
		c.Status = c.Stage.Status()
		c.ReceivedAt, c.UpdatedAt = fromMS(received), fromMS(updated)
		if sensitive != 0 {
			c.Sensitive = true
			c.Class, c.Type, c.SuggestedClass, c.SuggestedType, c.District, c.Resolution = "", "", "", "", 0, ""
		}
		c.ClosedAt = timePtr(closed)
		out = append(out, &c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("public complaints: %w", err)
	}
	return out, nil
}
