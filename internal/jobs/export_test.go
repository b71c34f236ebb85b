package jobs

import "context"

// RenewOnce is one tick of the renewal of this node's record.
func (q *Queue) RenewOnce(ctx context.Context) { q.renewOnce(ctx) }
