// Package jobs runs shikayat's durable background work on River: replies to
// citizens now, SLA timers and escalations later. Jobs are enqueued in the
// same transaction as the change that causes them, so a job exists exactly
// when its change committed, and a job not finished before a crash or
// restart is worked after it.
package jobs

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
)

// River's priorities run from 1 (first) to 4.
const (
	priorityUrgent = 1
	priorityNormal = 2
)

// QueueReplies holds the jobs that post to X. One worker per node works it,
// so that posts go out one at a time, most urgent first: X's rate limits
// serialise them anyway, and a single sender is what makes "every immediate
// complaint is answered before any other" hold under a backlog.
const QueueReplies = "replies"

// AcknowledgeArgs asks for the acknowledgement of a new complaint.
type AcknowledgeArgs struct {
	ComplaintID int64  `json:"complaint_id"`
	PostID      string `json:"post_id"`
	Account     string `json:"account,omitempty"` // posts it; "" for the state account
}

// Kind names the job kind in River.
func (AcknowledgeArgs) Kind() string { return string(shikayat.JobAcknowledge) }

// ReplyArgs asks for a reply that a person wrote or chose.
type ReplyArgs struct {
	ComplaintID int64  `json:"complaint_id"`
	EventID     int64  `json:"event_id"`
	Account     string `json:"account,omitempty"` // posts it; "" for the state account
}

// Kind names the job kind in River.
func (ReplyArgs) Kind() string { return string(shikayat.JobReply) }

// StatusReplyArgs asks for an answer to a post asking about a complaint.
type StatusReplyArgs struct {
	ComplaintID int64  `json:"complaint_id"`
	PostID      string `json:"post_id"`
	Account     string `json:"account,omitempty"` // posts it; "" for the state account
}

// Kind names the job kind in River.
func (StatusReplyArgs) Kind() string { return string(shikayat.JobStatusReply) }

// HelplineReplyArgs asks for the one answer to another department's
// matter, naming that department's helpline.
type HelplineReplyArgs struct {
	PostID  string `json:"post_id"`
	Account string `json:"account,omitempty"` // posts it; "" for the state account
}

// Kind names the job kind in River.
func (HelplineReplyArgs) Kind() string { return string(shikayat.JobHelplineReply) }

// SLAArgs asks for the next SLA moment of a complaint's deadline (a
// warning, the breach, an escalation), scheduled at that moment. Its args
// make it unique: the same moment is never queued twice.
type SLAArgs struct {
	ComplaintID int64 `json:"complaint_id"`
	Gen         int   `json:"gen"`
	Step        int   `json:"step"`
}

// Kind names the job kind in River.
func (SLAArgs) Kind() string { return string(shikayat.JobSLA) }

// SLARunner marks SLA moments (store.DB).
type SLARunner interface {
	RunSLA(ctx context.Context, id int64, gen, step int) (store.SLAResult, error)
}

// SealArgs asks for the trail's finished IST days to be sealed.
type SealArgs struct{}

// Kind names the job kind in River.
func (SealArgs) Kind() string { return "seal_trail" }

// Sealer seals the trail's days not sealed yet (store.DB).
type Sealer interface {
	SealDays(ctx context.Context) ([]store.Seal, error)
}

// sealSchedule fires once a day, 15 minutes after IST midnight: past
// store.SealGrace, so that the day just ended may be sealed.
type sealSchedule struct{}

func (sealSchedule) Next(t time.Time) time.Time {
	ist := t.In(shikayat.IST)
	next := time.Date(ist.Year(), ist.Month(), ist.Day(), 0, 15, 0, 0, shikayat.IST)
	if !next.After(t) {
		next = next.AddDate(0, 0, 1)
	}
	return next
}

// LeagueArgs asks for the state's league table through yesterday (IST) to
// be published.
type LeagueArgs struct{}

// Kind names the job kind in River.
func (LeagueArgs) Kind() string { return "publish_league" }

// LeaguePublisher publishes the state's league table ending at end, or
// reads the one published (store.DB).
type LeaguePublisher interface {
	PublishLeague(ctx context.Context, end time.Time, r shikayat.LeagueRules) ([]shikayat.LeagueCounts, time.Time, error)
}

// leagueSchedule fires once a day, shikayat.LeaguePublishDelay (20
// minutes) and a minute after IST midnight, after the trail's seal: the
// day just ended is over on every node's clock, and the node that runs the
// job may be a minute behind the one that scheduled it.
type leagueSchedule struct{}

// leagueScheduleSlack is how far the clock of the node running the job may
// be behind the one that scheduled it.
const leagueScheduleSlack = time.Minute

// leagueBackfill is how many days back each run publishes what is missing:
// a run missed (the desk down at that hour, its retries spent) is made up
// by the next.
const leagueBackfill = 3

func (leagueSchedule) Next(t time.Time) time.Time {
	ist := t.In(shikayat.IST)
	next := time.Date(ist.Year(), ist.Month(), ist.Day(), 0, 0, 0, 0, shikayat.IST).Add(shikayat.LeaguePublishDelay + leagueScheduleSlack)
	if !next.After(t) {
		next = next.AddDate(0, 0, 1)
	}
	return next
}

// publishLeague publishes the tables through each of the last
// leagueBackfill days over by shikayat.LeaguePublishDelay on the queue's
// clock that are not published yet, oldest first: yesterday's, or (run at
// start within that delay after midnight) the day before's and earlier.
// Publishing is keyed by its end and settings: a second run, on this node
// or another, reads the table the first one published.
func (q *Queue) publishLeague(ctx context.Context, _ LeagueArgs) error {
	rules := cmp.Or(q.cfg.LeagueRules, shikayat.DefaultLeague)
	now := q.now().Add(-shikayat.LeaguePublishDelay).In(shikayat.IST)
	last := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, shikayat.IST)
	for back := leagueBackfill - 1; back >= 0; back-- {
		end := last.AddDate(0, 0, -back)
		counts, at, err := q.cfg.League.PublishLeague(ctx, end, rules)
		if err != nil {
			return err
		}
		q.log.Info("league published", slog.String("through", shikayat.ISTDay(end.Add(-time.Minute))),
			slog.Time("published_at", at), slog.Int("districts", len(counts)))
	}
	return nil
}

// Handler does the work of each job kind. A returned error makes River retry
// the job later with back-off.
type Handler interface {
	Acknowledge(ctx context.Context, a AcknowledgeArgs) error
	Reply(ctx context.Context, a ReplyArgs) error
	StatusReply(ctx context.Context, a StatusReplyArgs) error
	HelplineReply(ctx context.Context, a HelplineReplyArgs) error
}

func driverFor(db *sql.DB, engine store.Engine) riverdriver.Driver[*sql.Tx] {
	if engine == store.Postgres {
		return riverdatabasesql.New(db)
	}
	return riversqlite.New(db)
}

// Migrate brings River's tables up to date. It is passed to store.Open as
// AfterMigrate, so it runs under the store's migration lock.
func Migrate(ctx context.Context, db *sql.DB, engine store.Engine) error {
	m, err := rivermigrate.New(driverFor(db, engine), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return fmt.Errorf("job queue migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("job queue migrations: %w", err)
	}
	return nil
}

// Config tunes a queue.
type Config struct {
	// Handler works the jobs; nil makes an insert-only queue.
	Handler Handler
	// Workers is how many jobs run at once.
	Workers int
	// PollInterval is how often idle workers look for new jobs.
	PollInterval time.Duration
	Logger       *slog.Logger
	// RetryBackoff is the first wait before a failed job is tried again;
	// it doubles with each attempt, up to 64 times. Default 1 s.
	RetryBackoff time.Duration

	// Replies, when set, makes the queue sweep the replies that wait:
	// every SweepInterval (default 1 min) a reply pending or sending
	// without a live job gets a new one.
	Replies       *store.DB
	SweepInterval time.Duration
	// GiveUpAfter is the deployment's rule for giving up a reply that waits
	// so long (0: never; a person may still give one up).
	GiveUpAfter time.Duration
	// WaitAlert is how long a reply may wait before it is reported in the
	// log (and by CountWaiting). Default 15 min.
	WaitAlert time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// SLA marks SLA moments; the Replies store when nil.
	SLA SLARunner
	// StateAccount and Accounts are the police accounts that post replies:
	// the state account's replies go through QueueReplies, each other
	// account's through a queue of its own (ReplyQueue), one worker each,
	// so that an account waiting on its rate limit holds up no other.
	StateAccount string
	Accounts     []string
	// Node is this node's readable name (its host and listen address) in
	// the record of the reply queues each node works (Announce). The
	// record's key adds the process id and a random suffix drawn by New
	// (Queue.Node): processes that share a name (cloned hosts, one pinned
	// --addr everywhere, ":0") never share a record, and a restarted
	// process is a new node whose old record expires.
	Node string
	// Sealer, when set with a Handler, seals the trail daily (and at start,
	// catching up on days a stopped desk missed). River enqueues periodic
	// jobs on its elected leader only; sealing is keyed by day and the same
	// on every node besides.
	Sealer Sealer
	// League, when set with a Handler, publishes the state's league table
	// through yesterday (IST) shikayat.LeaguePublishDelay after each IST
	// midnight, and at start the last day over by that delay when it is
	// missing (a desk started mid-day), under LeagueRules (zero:
	// shikayat.DefaultLeague; the desk's page must read with the same).
	// Publishing is keyed by the table's end, the same on every node; it is
	// the only writer of league tables.
	League      LeaguePublisher
	LeagueRules shikayat.LeagueRules
	// Compliance, when set with a Handler and ComplianceEvery > 0, checks
	// the desk's posts against X every ComplianceEvery and at start (on
	// River's leader), redacting those deleted on X.
	Compliance      func(ctx context.Context) error
	ComplianceEvery time.Duration
	// Retention, when set with a Handler, redacts the personal data of
	// complaints closed longer ago than the deployment keeps it, every
	// RetentionEvery (default 1 h) and at start.
	Retention      func(ctx context.Context) error
	RetentionEvery time.Duration
}

// Queue is the durable job queue.
type Queue struct {
	db      *sql.DB
	engine  store.Engine
	client  *river.Client[*sql.Tx]
	working bool
	replies *store.DB
	cfg     Config
	log     *slog.Logger

	node      string
	stopRenew context.CancelFunc

	mu      sync.Mutex
	alerted map[string]time.Time // replies logged as waiting long, and when

	renewFailed int   // renewals of this node's record failed in a row
	renewErr    error // the last one's error
}

func (q *Queue) now() time.Time {
	if q.cfg.Now != nil {
		return q.cfg.Now()
	}
	return time.Now()
}

// New makes a queue over the store's database.
func New(db *sql.DB, engine store.Engine, cfg Config) (*Queue, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.RetryBackoff <= 0 {
		cfg.RetryBackoff = time.Second
	}
	if cfg.SweepInterval <= 0 {
		cfg.SweepInterval = time.Minute
	}
	if cfg.WaitAlert <= 0 {
		cfg.WaitAlert = 15 * time.Minute
	}
	rc := &river.Config{
		Logger:            cfg.Logger,
		PollOnly:          true, // database/sql has no LISTEN; SQLite has none at all
		FetchPollInterval: cfg.PollInterval,
		FetchCooldown:     min(cfg.PollInterval, 5*time.Millisecond), // replies go one at a time: fetch again soon
		// A job runs at most half a minute (a sender waits out a rate limit
		// in shorter slices); a job left running by a node that died is
		// worked again within about a minute (River looks every 30 s).
		JobTimeout:           30 * time.Second,
		RescueStuckJobsAfter: time.Minute,
		RetryPolicy:          retryPolicy{base: cfg.RetryBackoff},
		MaxAttempts:          25,
	}
	q := &Queue{db: db, engine: engine, replies: cfg.Replies, cfg: cfg, log: cfg.Logger, node: nodeKey(cfg.Node)}
	if cfg.Handler != nil {
		workers := river.NewWorkers()
		river.AddWorker(workers, &worker[AcknowledgeArgs]{work: cfg.Handler.Acknowledge})
		river.AddWorker(workers, &worker[ReplyArgs]{work: cfg.Handler.Reply})
		river.AddWorker(workers, &worker[StatusReplyArgs]{work: cfg.Handler.StatusReply})
		river.AddWorker(workers, &worker[HelplineReplyArgs]{work: cfg.Handler.HelplineReply})
		river.AddWorker(workers, &sweepWorker{q: q})
		river.AddWorker(workers, &worker[SLAArgs]{work: q.runSLA})
		rc.Workers = workers
		if cfg.Replies != nil {
			rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(cfg.SweepInterval),
				func() (river.JobArgs, *river.InsertOpts) { return SweepArgs{}, nil },
				&river.PeriodicJobOpts{ID: SweepArgs{}.Kind(), RunOnStart: true}))
		}
		if cfg.Sealer != nil {
			river.AddWorker(workers, &worker[SealArgs]{work: func(ctx context.Context, _ SealArgs) error {
				seals, err := cfg.Sealer.SealDays(ctx)
				for _, s := range seals {
					cfg.Logger.Info("trail sealed", slog.String("day", s.Day), slog.String("digest", s.Digest), slog.Int("complaints", s.Complaints))
				}
				return err
			}})
			rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(sealSchedule{},
				func() (river.JobArgs, *river.InsertOpts) { return SealArgs{}, nil },
				&river.PeriodicJobOpts{ID: "seal_trail", RunOnStart: true}))
		}
		if cfg.League != nil {
			river.AddWorker(workers, &worker[LeagueArgs]{work: q.publishLeague})
			rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(leagueSchedule{},
				func() (river.JobArgs, *river.InsertOpts) { return LeagueArgs{}, nil },
				&river.PeriodicJobOpts{ID: LeagueArgs{}.Kind(), RunOnStart: true}))
		}
		addPrivacy(cfg, workers, rc)
		rc.Queues = map[string]river.QueueConfig{
			river.QueueDefault: {MaxWorkers: cfg.Workers},
			QueueReplies:       {MaxWorkers: 1},
		}
		for _, name := range q.replyQueues()[1:] {
			rc.Queues[name] = river.QueueConfig{MaxWorkers: 1}
		}
		q.working = true
	}
	client, err := river.NewClient(driverFor(db, engine), rc)
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	q.client = client
	return q, nil
}

// InsertTx enqueues a job in tx. It implements store.JobInserter.
func (q *Queue) InsertTx(ctx context.Context, tx *sql.Tx, job shikayat.Job) error {
	opts := &river.InsertOpts{Priority: priorityNormal, Queue: q.ReplyQueue(job.Account)}
	if job.Urgent {
		opts.Priority = priorityUrgent
	}
	var args river.JobArgs
	switch job.Kind {
	case shikayat.JobSLA:
		args = SLAArgs{ComplaintID: job.ComplaintID, Gen: job.SLAGen, Step: job.SLAStep}
		opts = &river.InsertOpts{Priority: priorityNormal, Queue: river.QueueDefault, ScheduledAt: job.At,
			UniqueOpts: river.UniqueOpts{ByArgs: true}}
	case shikayat.JobAcknowledge:
		args = AcknowledgeArgs{ComplaintID: job.ComplaintID, PostID: job.PostID, Account: job.Account}
	case shikayat.JobReply:
		args = ReplyArgs{ComplaintID: job.ComplaintID, EventID: job.EventID, Account: job.Account}
	case shikayat.JobStatusReply:
		args = StatusReplyArgs{ComplaintID: job.ComplaintID, PostID: job.PostID, Account: job.Account}
	case shikayat.JobHelplineReply:
		args = HelplineReplyArgs{PostID: job.PostID, Account: job.Account}
	default:
		return fmt.Errorf("unknown job kind %q", job.Kind)
	}
	if _, err := q.client.InsertTx(ctx, tx, args, opts); err != nil {
		return fmt.Errorf("enqueue %s: %w", job.Kind, err)
	}
	return nil
}

// runSLA works an SLAArgs job. A job run before its moment (clocks differ
// between nodes) waits for it without using up an attempt.
func (q *Queue) runSLA(ctx context.Context, a SLAArgs) error {
	r := q.cfg.SLA
	if r == nil && q.replies != nil {
		r = q.replies
	}
	if r == nil {
		return fmt.Errorf("SLA job: no store to run it")
	}
	res, err := r.RunSLA(ctx, a.ComplaintID, a.Gen, a.Step)
	if err != nil {
		return err
	}
	if res.Wait > 0 {
		return Snooze(res.Wait)
	}
	if res.Kind != "" {
		q.log.Info("SLA event", slog.String("kind", res.Kind), slog.String("code", res.Code), slog.String("post_id", res.PostID), slog.Int("step", a.Step+1))
	}
	return nil
}

// Start starts working jobs, when the queue has a handler.
func (q *Queue) Start(ctx context.Context) error {
	if !q.working {
		return nil
	}
	// This node's accounts are recorded before its workers start, so that
	// no node adopts the queue of an account it has just added.
	if err := q.Announce(ctx); err != nil {
		return err
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	q.stopRenew = cancel
	go q.renew(rctx)
	return q.client.Start(ctx)
}

// Stop lets running jobs finish, until ctx ends; then it cancels them, and
// River works them again after the next start.
func (q *Queue) Stop(ctx context.Context) error {
	if !q.working {
		return nil
	}
	err := q.client.Stop(ctx)
	if ctx.Err() != nil {
		err = q.client.StopAndCancel(context.WithoutCancel(ctx))
	}
	if q.stopRenew != nil {
		// The record is not withdrawn: it expires after nodeListTTL, so
		// that a restart (the new process announcing only after its
		// migrations and account checks) does not let a node with an
		// older list adopt the queues in the gap.
		q.stopRenew()
	}
	return err
}

// retryPolicy retries soon and then less often: 1 s, 2 s, 4 s … up to about
// a minute (with the default base), with a little jitter. Replies to
// citizens are worth retrying quickly; River's default waits attempt⁴
// seconds, which is hours by the tenth attempt. (A reply waiting on X does
// not fail: it snoozes, which uses up no attempt.)
type retryPolicy struct{ base time.Duration }

func (p retryPolicy) NextRetry(j *rivertype.JobRow) time.Time {
	d := p.base << min(max(j.Attempt-1, 0), 6)
	d += time.Duration(rand.Int64N(int64(d/4) + 1))
	return time.Now().Add(d)
}

// worker runs one kind of job through the Handler, with the job's identity
// in the context (MoreUrgentWaiting reads it).
type worker[T river.JobArgs] struct {
	river.WorkerDefaults[T]
	work func(ctx context.Context, args T) error
}

func (w *worker[T]) Work(ctx context.Context, j *river.Job[T]) error {
	ctx = context.WithValue(ctx, runningKey{}, running{id: j.ID, priority: j.Priority, queue: j.Queue})
	return w.work(ctx, j.Args)
}

// running identifies the job a worker is working, in its context.
type running struct {
	id       int64
	priority int
	queue    string
}

type runningKey struct{}

// MoreUrgentWaiting reports whether a reply job of the same account (its
// queue) more urgent than the one running in ctx is due or being worked:
// urgent first holds within each account. A job that just put itself back
// may still show as running for a moment, so running ones count too. A job
// snoozed for a short while shows as available before it is due (River
// does not wait for its scheduler then); it does not count until it is due,
// or an urgent reply looked for on X every few seconds would hold up every
// other reply of its account.
func (q *Queue) MoreUrgentWaiting(ctx context.Context) (bool, error) {
	mine, ok := ctx.Value(runningKey{}).(running)
	if !ok || mine.priority <= priorityUrgent {
		return false, nil
	}
	// The clock River's fetch compares scheduled_at with.
	now := "now()"
	if q.engine != store.Postgres {
		now = "datetime('now', 'subsec')"
	}
	var n int
	err := q.db.QueryRowContext(ctx, `
		SELECT count(*) FROM river_job
		WHERE queue = $1 AND priority < $2 AND id <> $3
			AND (state = 'running' OR state = 'available' AND scheduled_at <= `+now+`)`,
		cmp.Or(mine.queue, QueueReplies), mine.priority, mine.id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for urgent replies: %w", err)
	}
	return n > 0, nil
}

// Requeue puts the job back at once, behind any more urgent one: a sender
// that waited out a rate limit lets the queue's order decide who goes first.
func Requeue() error { return river.JobSnooze(0) }

// Cancel ends a job for good: retrying cannot help.
func Cancel(err error) error { return river.JobCancel(err) }

// GiveWay puts a job back for a moment so that a more urgent one goes first.
func GiveWay() error { return river.JobSnooze(250 * time.Millisecond) }

// Snooze asks River to try the job again after d without counting it as a
// failed attempt: a rate limit, a spent daily budget, X being down — waiting,
// not an error.
func Snooze(d time.Duration) error {
	return river.JobSnooze(max(d, time.Millisecond))
}
