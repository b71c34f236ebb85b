package jobs

import (
	"context"
	"database/sql"
	"fmt"
)

// Restored makes the jobs a restored copy holds as running available again
// at once: the node that ran them is gone, and River's rescuer would leave
// them for RescueStuckJobsAfter first. It returns how many it freed.
func Restored(ctx context.Context, db *sql.DB) (int64, error) {
	res, err := db.ExecContext(ctx, `UPDATE river_job SET state = 'available' WHERE state = 'running'`)
	if err != nil {
		return 0, fmt.Errorf("free the copy's running jobs: %w", err)
	}
	return res.RowsAffected()
}
