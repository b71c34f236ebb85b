package store

import (
	"context"
	"database/sql"
)

// ComplianceCheckpoint names the checkpoint that holds how far the check
// of the desk's posts against X got: the id of the last post of the last
// batch it finished, "" when a walk ended (or none began).
const ComplianceCheckpoint = "x-compliance-after"

// ComplianceCursor returns the id of the last post the check of the desk's
// posts against X finished with, "" to start at the first post.
func (s *DB) ComplianceCursor(ctx context.Context) (string, error) {
	return s.Checkpoint(ctx, ComplianceCheckpoint)
}

// SetComplianceCursor records that the check finished every post up to
// and including after ("" once the walk ended): a check cut off resumes
// there.
func (s *DB) SetComplianceCursor(ctx context.Context, after string) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		return setCheckpoint(ctx, tx, ComplianceCheckpoint, after, s.now())
	})
}
