package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/shikayat/shikayat"
)

// ReplyKey is the key of the reply an acknowledgement job sends.
func (a AcknowledgeArgs) ReplyKey() string { return "ack:" + strconv.FormatInt(a.ComplaintID, 10) }

// ReplyKey is the key of the reply a staff reply job sends.
func (a ReplyArgs) ReplyKey() string { return "reply:" + strconv.FormatInt(a.EventID, 10) }

// ReplyKey is the key of the reply a helpline reply job sends: one per
// post, ever.
func (a HelplineReplyArgs) ReplyKey() string { return "helpline:" + a.PostID }

// ReplyKey is the key of the reply a status reply job sends.
func (a StatusReplyArgs) ReplyKey() string { return "status:" + a.PostID }

// SweepArgs asks for a sweep of the replies that wait: one without a live
// job gets a new one, and one waiting past the deployment's limit is given
// up. It runs periodically on one node (River's leader enqueues it).
type SweepArgs struct{}

// Kind names the job kind in River.
func (SweepArgs) Kind() string { return "reply_sweep" }

// liveStates are the states of a job that will still run.
var liveStates = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRetryable,
	rivertype.JobStateRunning, rivertype.JobStateScheduled,
}

// sweepWorker works SweepArgs.
type sweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	q *Queue
}

func (w *sweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	_, err := w.q.Sweep(ctx)
	return err
}

// SweepResult tells what a sweep did.
type SweepResult struct {
	Requeued []string // keys of replies given a new job
	GivenUp  []string // keys of replies given up by the deployment's rule
	Waiting  int      // replies waiting longer than WaitAlert
	Adopted  int64    // jobs moved from queues of accounts no longer listed (AdoptReplies)
}

// Sweep adopts the reply jobs of accounts no longer listed (AdoptReplies),
// re-queues every reply that waits (pending or sending) without a
// live job, gives up those waiting longer than GiveUpAfter (when set) and
// logs each reply waiting longer than WaitAlert when it crosses it and
// hourly after. A reply given up while its outcome was unknown
// (given_up_unverified) is re-queued too: its job looks it up on X. A reply that gets a second
// job by a race is still sent once: the store's claim and compare-and-set
// let only one try at a time through.
func (q *Queue) Sweep(ctx context.Context) (SweepResult, error) {
	var res SweepResult
	// A node of a rolling change, still listing an account, may queue its
	// replies after this node adopted them at start: adopt them each sweep.
	n, err := q.AdoptReplies(ctx)
	if err != nil {
		return res, err
	}
	if n > 0 {
		q.log.Warn("reply jobs of accounts no longer listed moved to the replies queue", slog.Int64("jobs", n))
	}
	res.Adopted = n
	if q.replies == nil {
		return res, nil
	}
	live, err := q.liveReplyKeys(ctx)
	if err != nil {
		return res, err
	}
	waiting, err := q.replies.WaitingReplies(ctx, sweepBatch)
	if err != nil {
		return res, err
	}
	now := q.now()
	seen := map[string]bool{}
	for _, r := range waiting {
		age := now.Sub(r.CreatedAt)
		// A given_up_unverified reply is given up already: only its job,
		// which looks it up on X, may be missing.
		unverified := r.State == shikayat.ReplyUnverified
		if !unverified && q.cfg.GiveUpAfter > 0 && age > q.cfg.GiveUpAfter {
			reason := fmt.Sprintf("waited longer than %s (the deployment's rule)", q.cfg.GiveUpAfter)
			if err := q.replies.GiveUpReply(ctx, r.ID, shikayat.SystemActor.Name(), reason); err != nil {
				if shikayat.ErrorCode(err) == shikayat.ECONFLICT {
					continue // sent or given up meanwhile
				}
				return res, err
			}
			q.log.Warn("reply given up", slog.String("reply", r.Key), slog.String("code", r.Code), slog.String("post_id", r.InReplyTo), slog.Duration("waited", age), slog.String("rule", reason))
			res.GivenUp = append(res.GivenUp, r.Key)
			continue
		}
		if !unverified && age > q.cfg.WaitAlert {
			res.Waiting++
			seen[r.Key] = true
			q.alertWaiting(r, age, now)
		}
		if live[r.Key] {
			continue
		}
		args, err := argsForReply(r)
		if err != nil {
			q.log.Error("reply cannot be re-queued", slog.String("reply", r.Key), slog.String("code", r.Code), slog.String("post_id", r.InReplyTo), slog.Any("error", err))
			continue
		}
		opts := &river.InsertOpts{Priority: priorityNormal, Queue: q.ReplyQueue(r.Account)}
		if r.Urgent {
			opts.Priority = priorityUrgent
		}
		if _, err := q.client.Insert(ctx, args, opts); err != nil {
			return res, fmt.Errorf("re-queue reply %s: %w", r.Key, err)
		}
		q.log.Warn("reply had no job; re-queued", slog.String("reply", r.Key), slog.String("code", r.Code), slog.String("post_id", r.InReplyTo), slog.String("state", string(r.State)),
			slog.Duration("waited", age))
		res.Requeued = append(res.Requeued, r.Key)
	}
	if res.Waiting > 0 {
		q.log.Warn("replies waiting", slog.Int("count", res.Waiting), slog.Duration("longer_than", q.cfg.WaitAlert))
	}
	q.forgetAlerts(seen)
	return res, nil
}

// sweepBatch is the most replies one sweep looks at, oldest first.
const sweepBatch = 5000

// liveReplyKeys returns the keys of the replies that have a live job.
func (q *Queue) liveReplyKeys(ctx context.Context) (map[string]bool, error) {
	keys := map[string]bool{}
	params := river.NewJobListParams().Queues(q.replyQueues()...).States(liveStates...).First(1000)
	for {
		page, err := q.client.JobList(ctx, params)
		if err != nil {
			return nil, fmt.Errorf("list reply jobs: %w", err)
		}
		for _, j := range page.Jobs {
			if key, ok := replyKeyOf(j); ok {
				keys[key] = true
			}
		}
		if len(page.Jobs) < 1000 || page.LastCursor == nil {
			return keys, nil
		}
		params = params.After(page.LastCursor)
	}
}

// replyKeyOf returns the key of the reply a job sends.
func replyKeyOf(j *rivertype.JobRow) (string, bool) {
	var key interface{ ReplyKey() string }
	switch j.Kind {
	case AcknowledgeArgs{}.Kind():
		key = &AcknowledgeArgs{}
	case ReplyArgs{}.Kind():
		key = &ReplyArgs{}
	case StatusReplyArgs{}.Kind():
		key = &StatusReplyArgs{}
	case HelplineReplyArgs{}.Kind():
		key = &HelplineReplyArgs{}
	default:
		return "", false
	}
	if err := json.Unmarshal(j.EncodedArgs, key); err != nil {
		return "", false
	}
	return key.ReplyKey(), true
}

// argsForReply makes the job that sends a recorded reply.
func argsForReply(r *shikayat.Reply) (river.JobArgs, error) {
	kind, id, _ := strings.Cut(r.Key, ":")
	switch kind {
	case "ack":
		return AcknowledgeArgs{ComplaintID: r.ComplaintID, PostID: r.InReplyTo, Account: r.Account}, nil
	case "reply":
		ev, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("reply key %q: %w", r.Key, err)
		}
		return ReplyArgs{ComplaintID: r.ComplaintID, EventID: ev, Account: r.Account}, nil
	case "status":
		return StatusReplyArgs{ComplaintID: r.ComplaintID, PostID: id, Account: r.Account}, nil
	case "helpline":
		return HelplineReplyArgs{PostID: id, Account: r.Account}, nil
	}
	return nil, fmt.Errorf("unknown reply key %q", r.Key)
}
