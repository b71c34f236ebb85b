// Package compliance keeps the desk within X's terms: a post deleted on X
// (or whose author's account was deleted, suspended or protected) is
// redacted on the desk. It names the posts the desk holds to X in a batch
// compliance job and redacts those X's result lists; an app without access
// to compliance jobs (X answers 403) looks the posts up instead, 100 at a
// time, and redacts those X no longer has.
package compliance

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
)

// Store is the desk's side (store.DB).
type Store interface {
	UnredactedPostIDs(ctx context.Context, since time.Time, after string, limit int) ([]string, error)
	RedactDeletedPosts(ctx context.Context, ids []string) (int, error)
	ScrubGeo(ctx context.Context, ids []string) (int, error)
	ScrubLostGeo(ctx context.Context, ids []string) (int, error)
	MarkWithheld(ctx context.Context, ids []string, country string) (int, error)
	// ComplianceCursor and SetComplianceCursor keep how far the walk got
	// (the last post id of the last batch finished; "" from the start).
	ComplianceCursor(ctx context.Context) (string, error)
	SetComplianceCursor(ctx context.Context, after string) error
	// ComplianceRetry and SetComplianceRetry keep the window (the cursor
	// it starts at) whose compliance job gave no result, and how many
	// checks in a row it failed (0: none).
	ComplianceRetry(ctx context.Context) (after string, tries int, err error)
	SetComplianceRetry(ctx context.Context, after string, tries int) error
}

// X is X's side (xapi.Client).
type X interface {
	CreateComplianceJob(ctx context.Context, name string) (*xapi.ComplianceJob, error)
	UploadComplianceIDs(ctx context.Context, uploadURL string, ids []string) error
	ComplianceJob(ctx context.Context, id string) (*xapi.ComplianceJob, error)
	DownloadComplianceResult(ctx context.Context, downloadURL string) ([]xapi.ComplianceRecord, error)
	LookupPosts(ctx context.Context, ids []string) (*xapi.Lookup, error)
}

// Checker checks the desk's posts against X.
type Checker struct {
	Store Store
	X     X
	// Window limits the check to posts posted within it (default, zero
	// or negative: every post not redacted yet, since a post may be
	// deleted on X at any time after it was posted).
	Window time.Duration
	// JobIDs is how many ids one compliance job names (default and at
	// most X's limit, 500,000); more go in further jobs.
	JobIDs int
	// PollEvery is the wait between reads of a compliance job's status
	// (default 30 s); MaxWait bounds the wait for it (default 20 min).
	PollEvery, MaxWait time.Duration
	// Country is the country the desk serves (ISO code, default "IN"): a
	// post X withholds there is recorded on its complaint; one withheld
	// only elsewhere is logged.
	Country string
	Sleeper xapi.Sleeper     // default xapi.TimerSleeper
	Now     func() time.Time // default time.Now
	Logger  *slog.Logger
}

// Result is what a check did.
type Result struct {
	Checked  int  // posts named to X
	Redacted int  // posts redacted
	Scrubbed int  // posts whose location was dropped (scrub_geo)
	Withheld int  // posts X withholds in Country, newly recorded on their complaints
	Other    int  // records of a kind the desk does not act on, logged
	Foreign  int  // records naming a post not uploaded to their job, dropped and logged
	Lookup   bool // posts were looked up: no access to compliance jobs
	// Failed are the compliance jobs X ended failed or expired, or that
	// were still running when MaxWait ran out: their posts are checked
	// when the check is run again (Run returns an error, and River
	// retries it).
	Failed []string
	// Skipped are the compliance jobs that gave no result for a window
	// whose job gave none on the check before either: its posts were
	// looked up instead (logged), and the check moved on past it.
	Skipped []string
}

// windowTries is how many checks in a row a window's compliance job may
// give no result before the check moves on past it: the first, and its
// retry.
const windowTries = 2

// jobEnded is a compliance job that gave no result: X ended it failed or
// expired, or it was still running when the wait ran out.
type jobEnded struct{ id, status string }

func (e *jobEnded) Error() string { return "X's compliance job " + e.id + " " + e.status }

// maxJobIDs is how many ids one compliance job takes (X's limit).
const maxJobIDs = 500_000

// Run checks the posts once.
func (c *Checker) Run(ctx context.Context) (Result, error) {
	var res Result
	log := c.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	var since time.Time
	if c.Window > 0 {
		since = now().Add(-c.Window)
	}
	perJob := c.JobIDs
	if perJob <= 0 || perJob > maxJobIDs {
		perJob = maxJobIDs
	}
	// One job's worth of ids at a time, read from the store in pages. A
	// check cut off (the worker's timeout on a huge desk) resumes after
	// the last batch it finished: each batch commits its progress.
	after, err := c.Store.ComplianceCursor(ctx)
	if err != nil {
		return res, err
	}
	if after != "" {
		log.Info("resuming the check of the desk's posts where the last one stopped", slog.String("after", after))
	}
	retryAt, tries, err := c.Store.ComplianceRetry(ctx)
	if err != nil {
		return res, err
	}
	// progress records that every post up to last was checked, until a
	// batch gives no result: its posts wait for the retry, which starts
	// there.
	progress := func(last string) error {
		if len(res.Failed) > 0 {
			return nil
		}
		if tries > 0 {
			if err := c.Store.SetComplianceRetry(ctx, "", 0); err != nil {
				return err
			}
			tries = 0
		}
		return c.Store.SetComplianceCursor(ctx, last)
	}
	for more := true; more; {
		start := after
		var batch []string
		for more && len(batch) < perJob {
			limit := min(10_000, perJob-len(batch))
			page, err := c.Store.UnredactedPostIDs(ctx, since, after, limit)
			if err != nil {
				return res, err
			}
			batch = append(batch, page...)
			if more = len(page) == limit; more {
				after = page[len(page)-1]
			}
		}
		if len(batch) == 0 {
			break
		}
		res.Checked += len(batch)
		if !res.Lookup {
			gone, err := c.viaJob(ctx, batch, &res, log)
			var ended *jobEnded
			if errors.As(err, &ended) && len(res.Failed) == 0 && start == retryAt && tries+1 >= windowTries {
				// The window at the cursor gave no result on the check
				// before too: its posts are looked up at once instead, so
				// that a window X keeps failing neither holds the cursor
				// for good nor keeps a deleted post past the day.
				log.Warn("a compliance job gave no result again for the same posts; looking them up instead",
					slog.String("job", ended.id), slog.String("status", ended.status), slog.Int("posts", len(batch)), slog.Int("tries", tries+1))
				res.Skipped = append(res.Skipped, ended.id)
				if err := c.viaLookup(ctx, batch, &res, progress); err != nil {
					return res, err
				}
				continue
			}
			if errors.As(err, &ended) {
				if len(res.Failed) == 0 {
					// The window at the cursor: the retry starts there.
					n := 1
					if start == retryAt {
						n = tries + 1
					}
					if err := c.Store.SetComplianceRetry(ctx, start, n); err != nil {
						return res, err
					}
				}
				// The other batches go on; these posts wait for the retry.
				log.Warn("a compliance job gave no result; its posts are checked again when the check is retried",
					slog.String("job", ended.id), slog.String("status", ended.status), slog.Int("posts", len(batch)))
				res.Failed = append(res.Failed, ended.id)
				continue
			}
			if err == nil {
				n, err := c.Store.RedactDeletedPosts(ctx, gone)
				res.Redacted += n
				if err != nil {
					return res, err
				}
				if err := progress(batch[len(batch)-1]); err != nil {
					return res, err
				}
				continue
			}
			if shikayat.ErrorCode(err) == shikayat.EFORBIDDEN {
				log.Info("no access to X's compliance jobs; looking the posts up instead")
				res.Lookup = true
			} else {
				return res, err
			}
		}
		if err := c.viaLookup(ctx, batch, &res, progress); err != nil {
			return res, err
		}
	}
	// The walk ended: the next check starts at the first post.
	if err := progress(""); err != nil {
		return res, err
	}
	if res.Redacted > 0 || res.Scrubbed > 0 || res.Withheld > 0 {
		log.Info("posts deleted on X redacted", slog.Int("redacted", res.Redacted), slog.Int("geo_scrubbed", res.Scrubbed),
			slog.Int("withheld", res.Withheld), slog.Int("checked", res.Checked))
	}
	if len(res.Failed) > 0 {
		return res, fmt.Errorf("X's compliance jobs %s gave no result (failed, expired or still running); their posts are checked again on retry", strings.Join(res.Failed, ", "))
	}
	return res, nil
}

// viaJob names the ids in a compliance job and returns those X says must go;
// it drops the location of those whose author removed it (scrub_geo) and
// logs the records of other kinds.
func (c *Checker) viaJob(ctx context.Context, ids []string, res *Result, log *slog.Logger) ([]string, error) {
	job, err := c.X.CreateComplianceJob(ctx, "shikayat")
	if err != nil {
		return nil, err
	}
	if err := c.X.UploadComplianceIDs(ctx, job.UploadURL, ids); err != nil {
		return nil, err
	}
	every, maxWait := c.PollEvery, c.MaxWait
	if every <= 0 {
		every = 30 * time.Second
	}
	if maxWait <= 0 {
		maxWait = 20 * time.Minute
	}
	sleep := c.Sleeper
	if sleep == nil {
		sleep = xapi.TimerSleeper{}
	}
	for waited := time.Duration(0); ; waited += every {
		j, err := c.X.ComplianceJob(ctx, job.ID)
		if err != nil {
			return nil, err
		}
		switch j.Status {
		case "complete":
			recs, err := c.X.DownloadComplianceResult(ctx, j.DownloadURL)
			if err != nil {
				return nil, err
			}
			// X's result speaks only of the posts uploaded to this job;
			// a record naming any other is not acted on.
			asked := make(map[string]bool, len(ids))
			for _, id := range ids {
				asked[id] = true
			}
			var gone, scrub, withheld []string
			for _, r := range recs {
				switch {
				case !asked[r.ID]:
					res.Foreign++
					log.Warn("compliance record for a post not named in its job; dropped", slog.String("job", j.ID),
						slog.String("post_id", r.ID), slog.String("action", r.Action), slog.String("reason", r.Reason))
				case r.ScrubGeo():
					scrub = append(scrub, r.ID)
				case r.Delete():
					gone = append(gone, r.ID)
				case r.Withheld() && c.withheldHere(r.WithheldInCountries):
					withheld = append(withheld, r.ID)
				default:
					// Nothing X's terms ask of a stored post that the desk
					// knows of: a person may look.
					res.Other++
					log.Warn("compliance record of a kind the desk does not act on", slog.String("post_id", r.ID),
						slog.String("action", r.Action), slog.String("reason", r.Reason))
				}
			}
			if len(scrub) > 0 {
				n, err := c.Store.ScrubGeo(ctx, scrub)
				res.Scrubbed += n
				if err != nil {
					return nil, err
				}
			}
			if err := c.markWithheld(ctx, withheld, res); err != nil {
				return nil, err
			}
			return gone, nil
		case "failed", "expired":
			return nil, &jobEnded{j.ID, j.Status}
		}
		if waited >= maxWait {
			// Like a failed job: the other batches go on, these posts
			// wait for the retry.
			return nil, &jobEnded{j.ID, fmt.Sprintf("still %s after %s", j.Status, maxWait)}
		}
		if err := sleep.Sleep(ctx, every); err != nil {
			return nil, err
		}
	}
}

// viaLookup looks the posts up, 100 at a time, redacting those X no
// longer has as it goes. The lookup sees no scrub_geo: a post X gives back
// without a location loses the one the desk holds for it.
func (c *Checker) viaLookup(ctx context.Context, ids []string, res *Result, progress func(last string) error) error {
	for start := 0; start < len(ids); start += 100 {
		part := ids[start:min(start+100, len(ids))]
		l, err := c.X.LookupPosts(ctx, part)
		if err != nil {
			return err
		}
		n, err := c.Store.RedactDeletedPosts(ctx, l.Gone)
		res.Redacted += n
		if err != nil {
			return err
		}
		n, err = c.Store.ScrubLostGeo(ctx, l.NoGeo)
		res.Scrubbed += n
		if err != nil {
			return err
		}
		var withheld []string
		for id, countries := range l.Withheld {
			if c.withheldHere(countries) {
				withheld = append(withheld, id)
			}
		}
		sort.Strings(withheld)
		if err := c.markWithheld(ctx, withheld, res); err != nil {
			return err
		}
		// Each lookup commits its progress: a batch of lookups may take
		// long under X's rate limit.
		if err := progress(part[len(part)-1]); err != nil {
			return err
		}
	}
	return nil
}

// country is the country the desk serves.
func (c *Checker) country() string {
	if c.Country == "" {
		return "IN"
	}
	return strings.ToUpper(c.Country)
}

// withheldHere reports whether countries name the country the desk serves.
func (c *Checker) withheldHere(countries []string) bool {
	for _, cc := range countries {
		if strings.EqualFold(strings.TrimSpace(cc), c.country()) {
			return true
		}
	}
	return false
}

// markWithheld records on their complaints the posts X withholds in the
// country the desk serves.
func (c *Checker) markWithheld(ctx context.Context, ids []string, res *Result) error {
	if len(ids) == 0 {
		return nil
	}
	n, err := c.Store.MarkWithheld(ctx, ids, c.country())
	res.Withheld += n
	return err
}
