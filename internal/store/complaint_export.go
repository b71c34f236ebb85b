package store

import (
	"context"
	"fmt"

	"github.com/shikayat/shikayat"
)

// exportBatch is how many complaints EachComplaint reads at a time.
const exportBatch = 500

// EachComplaint calls fn for every complaint matching f (paging aside),
// newest first. It reads them a batch at a time, by keyset (received_at,
// id), and calls fn between reads: an export of any size holds one batch
// in memory, and no database connection waits on a slow download. Its
// scope hides what a listing hides. An error from fn stops the walk and is
// returned.
func (s *DB) EachComplaint(ctx context.Context, f shikayat.ComplaintFilter, fn func(*shikayat.Complaint) error) error {
	var after *shikayat.Complaint
	for {
		w, err := s.complaintWhere(ctx, f)
		if err != nil {
			return err
		}
		if after != nil {
			at, id := w.arg(ms(after.ReceivedAt)), w.arg(after.ID)
			w.conds = append(w.conds, `(c.received_at < `+at+` OR (c.received_at = `+at+` AND c.id < `+id+`))`)
		}
		batch, err := s.exportBatch(ctx, w)
		if err != nil {
			return err
		}
		for _, c := range batch {
			if err := fn(c); err != nil {
				return err
			}
		}
		if len(batch) < exportBatch {
			return nil
		}
		after = batch[len(batch)-1]
	}
}

func (s *DB) exportBatch(ctx context.Context, w *where) ([]*shikayat.Complaint, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+complaintColumns+` FROM complaints c WHERE `+w.String()+
		` ORDER BY c.received_at DESC, c.id DESC LIMIT `+w.arg(exportBatch), w.args...)
	if err != nil {
		return nil, fmt.Errorf("export complaints: %w", err)
	}
	defer rows.Close()
	var out []*shikayat.Complaint
	for rows.Next() {
		c, _, err := scanComplaint(rows)
		if err != nil {
			return nil, fmt.Errorf("export complaints: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export complaints: %w", err)
	}
	return out, nil
}
