package store

import (
	"context"
	"fmt"

	"github.com/shikayat/shikayat"
)

// EachComplaint calls fn for every complaint matching f (paging aside),
// newest first, one row at a time as the database returns them: an export
// of any size holds one complaint in memory. Its scope hides what a listing
// hides. An error from fn stops the walk and is returned.
func (s *DB) EachComplaint(ctx context.Context, f shikayat.ComplaintFilter, fn func(*shikayat.Complaint) error) error {
	w, err := s.complaintWhere(ctx, f)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+complaintColumns+` FROM complaints c WHERE `+w.String()+
		` ORDER BY c.received_at DESC, c.id DESC`, w.args...)
	if err != nil {
		return fmt.Errorf("export complaints: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, _, err := scanComplaint(rows)
		if err != nil {
			return fmt.Errorf("export complaints: %w", err)
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export complaints: %w", err)
	}
	return nil
}
