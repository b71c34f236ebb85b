package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// OldestWaitingReply returns when the oldest reply job not yet done was
// enqueued — waiting its turn, put off by a rate limit or the daily budget,
// to be retried, or running — and whether there is one. Readiness reports
// replies waiting long (X trouble, say) without making the node unready.
func (q *Queue) OldestWaitingReply(ctx context.Context) (time.Time, bool, error) {
	res, err := q.client.JobList(ctx, river.NewJobListParams().
		Queues(QueueReplies).
		States(rivertype.JobStateAvailable, rivertype.JobStateScheduled, rivertype.JobStateRetryable,
			rivertype.JobStateRunning, rivertype.JobStatePending).
		OrderBy(river.JobListOrderByID, river.SortOrderAsc).
		First(1))
	if err != nil {
		return time.Time{}, false, fmt.Errorf("look for waiting replies: %w", err)
	}
	if len(res.Jobs) == 0 {
		return time.Time{}, false, nil
	}
	return res.Jobs[0].CreatedAt, true, nil
}
