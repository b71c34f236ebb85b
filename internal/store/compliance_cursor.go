package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
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

// ComplianceRetryCheckpoint names the checkpoint that holds the window of
// the check whose compliance job gave no result: the cursor it starts at
// and how many checks in a row it failed, as "TRIES AFTER" ("" for none).
const ComplianceRetryCheckpoint = "x-compliance-retry"

// ComplianceRetry returns the window whose job gave no result (the cursor
// it starts at) and how many checks in a row it failed; tries is 0 when
// none failed.
func (s *DB) ComplianceRetry(ctx context.Context) (after string, tries int, err error) {
	v, err := s.Checkpoint(ctx, ComplianceRetryCheckpoint)
	if err != nil || v == "" {
		return "", 0, err
	}
	n, after, _ := strings.Cut(v, " ")
	if tries, err = strconv.Atoi(n); err != nil || tries < 0 {
		return "", 0, nil // unreadable: as if none failed
	}
	return after, tries, nil
}

// SetComplianceRetry records that the window starting after failed tries
// checks in a row (tries 0: none failed).
func (s *DB) SetComplianceRetry(ctx context.Context, after string, tries int) error {
	v := ""
	if tries > 0 {
		v = strconv.Itoa(tries) + " " + after
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		return setCheckpoint(ctx, tx, ComplianceRetryCheckpoint, v, s.now())
	})
}
