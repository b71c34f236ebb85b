package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/shikayat/shikayat"
)

// feedback does what the author's post in the thread of a closed complaint
// decided (shikayat.Decide): the post's event is already on the trail (a
// rating event carries the rating); the complaint's rating becomes this
// one, and an appeal reopens the complaint — a reopen event by the system
// naming the appeal, with the SLA's deadline back as for any reopen — and
// counts one more appeal against it.
func (s *DB) feedback(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, d shikayat.Decision, now time.Time) error {
	if d.Rating != 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE complaints SET rating = $1 WHERE id = $2`, d.Rating, c.ID); err != nil {
			return fmt.Errorf("record rating: %w", err)
		}
	}
	if d.Appeal == "" {
		return nil
	}
	cur, version, err := findComplaintVersion(ctx, tx, "c.id = $1", c.ID)
	if err != nil {
		return err
	}
	if cur.Stage != shikayat.StageClosed {
		return nil // reopened already, by an earlier post of this batch or a person
	}
	a := shikayat.Action{Kind: shikayat.ActionReopen, Appeal: d.Appeal}
	if _, err := s.apply(ctx, tx, cur, version, a, shikayat.SystemActor); err != nil {
		return fmt.Errorf("appeal: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE complaints SET appeals = appeals + 1 WHERE id = $1`, c.ID); err != nil {
		return fmt.Errorf("appeal: %w", err)
	}
	return nil
}

// ratingDetail is the detail a rating event carries besides its post.
func ratingDetail(d shikayat.Decision) map[string]string {
	if d.Rating == 0 {
		return nil
	}
	return map[string]string{"rating": strconv.Itoa(d.Rating)}
}
