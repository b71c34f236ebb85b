package jobs

import (
	"context"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// ComplianceArgs asks for a check of the desk's posts against X: those
// deleted on X are redacted (see package compliance). It runs periodically
// on River's leader, and when the desk starts.
type ComplianceArgs struct{}

// Kind names the job kind in River.
func (ComplianceArgs) Kind() string { return "x_compliance" }

// RetentionArgs asks for the personal data of complaints closed longer ago
// than the deployment keeps it to be redacted.
type RetentionArgs struct{}

// Kind names the job kind in River.
func (RetentionArgs) Kind() string { return "retention" }

// longWorker runs periodic work that may take minutes (X's compliance jobs
// take a while): its timeout is its own, not the replies' half minute.
type longWorker[T river.JobArgs] struct {
	river.WorkerDefaults[T]
	timeout time.Duration
	work    func(ctx context.Context) error
}

func (w *longWorker[T]) Timeout(*river.Job[T]) time.Duration { return w.timeout }

func (w *longWorker[T]) Work(ctx context.Context, _ *river.Job[T]) error { return w.work(ctx) }

// addPrivacy registers the compliance and retention jobs the config asks for.
func addPrivacy(cfg Config, workers *river.Workers, rc *river.Config) {
	if cfg.Compliance != nil && cfg.ComplianceEvery > 0 {
		river.AddWorker(workers, &longWorker[ComplianceArgs]{timeout: time.Hour, work: cfg.Compliance})
		rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(cfg.ComplianceEvery),
			func() (river.JobArgs, *river.InsertOpts) {
				return ComplianceArgs{}, complianceOpts()
			},
			&river.PeriodicJobOpts{ID: ComplianceArgs{}.Kind(), RunOnStart: true}))
	}
	if cfg.Retention != nil {
		every := cfg.RetentionEvery
		if every <= 0 {
			every = time.Hour
		}
		river.AddWorker(workers, &longWorker[RetentionArgs]{timeout: 30 * time.Minute, work: cfg.Retention})
		rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(every),
			func() (river.JobArgs, *river.InsertOpts) {
				return RetentionArgs{}, nil
			},
			&river.PeriodicJobOpts{ID: RetentionArgs{}.Kind(), RunOnStart: true}))
	}
}

// complianceOpts keeps one compliance check at a time across the nodes.
// River's rescuer leaves a running job alone until its worker's own
// timeout (an hour, above) has passed since it started, and the check's
// context ends then, so a long check is not rescued and run twice; but the
// periodic enqueuer (every ComplianceEvery, and on a new leader at start)
// would put a second check beside one still running or waiting to be
// retried. A check is therefore unique among the unfinished ones: the
// insert is skipped while another is pending, scheduled, available,
// running or retryable.
func complianceOpts() *river.InsertOpts {
	return &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRetryable,
		rivertype.JobStateRunning, rivertype.JobStateScheduled,
	}}}
}
