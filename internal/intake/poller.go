// Package intake reads the police account's mentions from X and hands each
// post, triaged, to the desk, which records it exactly once. Exactly one node
// polls at a time: the holder of a lease in the database.
package intake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/xapi"
)

// LeaseName is the lease the polling node holds.
const LeaseName = "x-intake"

// CheckpointName is where the newest recorded mention's id is kept.
const CheckpointName = "x:mentions"

// Poller polls X for mentions of the account.
type Poller struct {
	DB      *store.DB
	X       *xapi.Client
	Triager shikayat.Triager
	Account string
	// PoliceAccounts are other staff accounts: their posts are recorded on
	// the thread and never answered.
	PoliceAccounts []string
	Interval       time.Duration // between polls; default 15 s
	// LeaseTTL is how long the lease lives without renewal; another node
	// takes over at most this long after the holder dies. Default 30 s.
	LeaseTTL time.Duration
	// Overlap is how far back before the checkpoint each poll re-reads,
	// because X's order is not strict: a window of time (post ids carry
	// their time), so that neither heavy traffic nor posts pushed by
	// webhook or stream shrink it. Default 5 minutes.
	Overlap time.Duration
	// HelplineReplies answers another department's matter once with its
	// helpline.
	HelplineReplies bool
	// ForwardAt is the routing confidence at which a new complaint goes to
	// its district at once; below it, it waits in the HQ triage queue.
	ForwardAt float64
	// Batch is how many posts are recorded per transaction. Default 100.
	Batch int
	// Stream also holds X's filtered stream open while this node has the
	// lease, for posts within seconds rather than a poll interval.
	Stream bool
	// Prior looks on X for the account's own replies to posts that came
	// after the backup a restored database was made from (restored.go).
	Prior  PriorFinder
	Holder string // this node's name in the lease; default host-pid-random
	Logger *slog.Logger
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Polled is told after each poll that held the lease (for tests and
	// metrics): how many posts it read and recorded anew.
	Polled func(read, recorded int)

	// Accounts is the force's own accounts (the state account first): a
	// post that mentions any of them may be answered, their posts are
	// staff posts, and a functional unit's handle routes to that unit.
	// Empty: Account alone.
	Accounts shikayat.Accounts
	// Extra are the accounts read besides Account, each with its own
	// client (its own user token, so X's per-user limits), checkpoint,
	// overlap and backfill, under the one lease (accounts.go).
	Extra []AccountReader

	once     sync.Once // defaults, set once before any use
	accounts xapi.AccountIDs
	// suffix names this account's checkpoints ("" for the state account's,
	// "@username" for an extra account's); readers are the extra
	// accounts' pollers, and parent, on those, the poller that runs them.
	suffix  string
	readers []*reader
	self    reader // the state account's own back-off, when readers are set
	parent  *Poller
	round   struct{ read, recorded int }
	// The backfill's own back-off, kept by Run: failures in a row, and
	// when it may search again.
	backfillFailures int
	backfillAt       time.Time
}

func (p *Poller) defaults() { p.once.Do(p.setDefaults) }

func (p *Poller) setDefaults() {
	if p.Interval <= 0 {
		p.Interval = 15 * time.Second
	}
	if p.LeaseTTL <= 0 {
		p.LeaseTTL = 30 * time.Second
	}
	if p.Overlap <= 0 {
		p.Overlap = 5 * time.Minute
	}
	if p.ForwardAt <= 0 {
		p.ForwardAt = 0.8
	}
	if p.Batch <= 0 {
		p.Batch = 100
	}
	if p.Holder == "" {
		host, _ := os.Hostname()
		var b [4]byte
		rand.Read(b[:])
		p.Holder = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
	}
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	p.setReaders()
}

// Run polls until ctx ends. It takes and renews the lease, and polls only
// while it holds it; it gives the lease up when it stops.
func (p *Poller) Run(ctx context.Context) error {
	p.defaults()
	log := p.Logger.With(slog.String("holder", p.Holder))
	held := false
	failures := 0
	var stopStream context.CancelFunc
	streamDone := make(chan struct{})
	close(streamDone)
	stream := func(on bool) {
		switch {
		case on && stopStream == nil && p.Stream:
			var sctx context.Context
			sctx, stopStream = context.WithCancel(ctx)
			streamDone = make(chan struct{})
			go func(done chan struct{}) {
				defer close(done)
				p.runStream(sctx)
			}(streamDone)
		case !on && stopStream != nil:
			stopStream()
			<-streamDone
			stopStream = nil
		}
	}
	defer func() {
		stream(false)
		if held {
			if err := p.DB.ReleaseLease(context.WithoutCancel(ctx), LeaseName, p.Holder); err != nil {
				// Another node takes over when the lease lapses instead.
				log.Error("release the intake lease", slog.Any("error", err), slog.Duration("lapses_in", p.LeaseTTL))
			}
		}
	}()
	// Two clocks: the lease is renewed every third of its life, and X is
	// polled every Interval (later after a failure, and never before a
	// rate limit's reset).
	var nextPoll time.Time
	for {
		ok, err := p.DB.AcquireLease(ctx, LeaseName, p.Holder, p.LeaseTTL)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			log.Error("intake lease", slog.Any("error", err))
		case ok && !held:
			log.Info("took the intake lease")
			nextPoll = time.Time{} // a new holder polls at once
		case !ok && held:
			log.Warn("lost the intake lease")
		}
		if err == nil {
			// On an error (a busy database, say) the lease is as it was:
			// polling goes on, and the fence in each commit decides.
			held = ok
		}
		stream(held)
		if held && !p.Now().Before(nextPoll) {
			started := p.Now()
			err := p.PollAll(ctx)
			// Only a backfill error alone: a failed record is a failed poll.
			if bf, ok := err.(*BackfillError); ok {
				// The mentions were read: the poll succeeded. The backfill
				// waits on its own back-off and search's own reset.
				p.backfillFailed(bf)
				log.Error("backfill with recent search", slog.Any("error", err), slog.Duration("retry_in", p.backfillAt.Sub(p.Now())))
				err = nil
			}
			if err != nil && ctx.Err() == nil {
				failures++
				wait := p.backoff(failures, err)
				log.Error("poll mentions", slog.Any("error", err), slog.Duration("retry_in", wait))
				nextPoll = p.Now().Add(wait)
			} else {
				failures = 0
				nextPoll = started.Add(p.Interval)
			}
		}
		wait := p.LeaseTTL / 3
		if held {
			wait = min(wait, nextPoll.Sub(p.Now()))
		}
		t := time.NewTimer(max(wait, 0))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// backoff is how long to wait before polling again after the failures-th
// failure in a row: twice the interval, doubling, at most 5 minutes; and
// after a 429 at least until the reset X announced.
func (p *Poller) backoff(failures int, err error) time.Duration {
	wait := min(p.Interval*time.Duration(1<<min(failures, 5)), 5*time.Minute)
	if reset, limited := xapi.IsRateLimited(err); limited && !reset.IsZero() {
		// X gives the reset in whole seconds: wait one more.
		wait = max(reset.Sub(p.Now())+time.Second, wait)
	}
	return wait
}

// AccountID returns the account's X id, looked up once.
func (p *Poller) AccountID(ctx context.Context) (string, error) {
	return p.accounts.Get(ctx, p.X, p.Account)
}

// PollOnce reads the mentions since the checkpoint (less the overlap) and
// records every post, oldest first. When the timeline did not reach back to
// the checkpoint, the posts between them are a gap, which recent search
// backfills (backfill.go): the checkpoint stays below the gap until it is
// read. A failed backfill returns a *BackfillError: the mentions read
// itself succeeded and was recorded.
func (p *Poller) PollOnce(ctx context.Context) error {
	p.defaults()
	cp, err := p.DB.Checkpoint(ctx, p.name(CheckpointName))
	if err != nil {
		return err
	}
	g, err := p.loadGap(ctx)
	if err != nil {
		return err
	}
	// Before the first post is recorded, the checkpoint is the moment the
	// database was made (as a post id: X's ids count milliseconds), so that
	// a first poll that meets a full timeline still backfills, and nothing
	// older than the desk is read; for an account configured later, the
	// moment a node first had it configured (or the state account's
	// checkpoint, if earlier), less the overlap.
	start, err := p.startID(ctx, cp)
	if err != nil {
		return err
	}
	if cp == "" {
		cp = start
	}
	// Only now ask X: the start is fixed whether or not X answers.
	me, err := p.AccountID(ctx)
	if err != nil {
		return err
	}
	since := p.since(cp, start)
	posts, bad, err := p.read(ctx, func(ctx context.Context, token string) (*xapi.Page, error) {
		return p.X.Mentions(ctx, me, since, token)
	})
	if err != nil {
		return err
	}
	// Had the timeline reached back to the checkpoint, the post at it would
	// be among those read. When every post read is newer, the timeline's
	// reach (about 800 posts, a window that slides as posts arrive) cut
	// some off: the posts from the overlap's start to the oldest read are a
	// gap for recent search.
	// Before any post is recorded there is no such post to see; then only
	// a read of many posts can have been cut off by the reach.
	read := len(posts) + len(bad)
	oldest := oldestID(posts, bad)
	reached := !(read > 0 && compareIDs(oldest, cp) > 0 && (cp != start || read >= 100))
	p.noteRead(&g, since, oldest, newestID(posts, bad), reached)
	var backfillErr error
	closed := !g.open()
	if g.open() {
		more, moreBad, err := p.backfill(ctx, &g)
		posts, bad = append(posts, more...), append(bad, moreBad...)
		if err != nil {
			if ctx.Err() != nil || shikayat.ErrorCode(err) == shikayat.ECONFLICT {
				// Stopped, or the lease was lost: nothing was recorded, so
				// this poll was not done (not a failed backfill after it).
				var bf *BackfillError
				if errors.As(err, &bf) {
					return bf.Err
				}
				return err
			}
			backfillErr = err
		}
		closed = !g.open()
	}
	prior, err := p.priorReplies(ctx, posts)
	if err != nil {
		return errors.Join(backfillErr, err)
	}
	// The checkpoint moves only when no gap is left below it.
	recorded, err := p.record(ctx, me, cp, posts, bad, closed, prior)
	if recorded > 0 {
		p.Logger.Info("mentions recorded", slog.Int("read", len(posts)+len(bad)), slog.Int("new", recorded), slog.String("since", since))
	}
	if err != nil {
		return errors.Join(backfillErr, err)
	}
	if err := p.saveGap(ctx, g); err != nil {
		return errors.Join(backfillErr, err)
	}
	p.notePolled(len(posts)+len(bad), recorded)
	return backfillErr
}

// since is where a poll starts reading: the overlap's length of time below
// the checkpoint, but never before the desk's start.
func (p *Poller) since(cp, start string) string {
	at, ok := shikayat.SnowflakeTime(cp)
	if !ok {
		return start
	}
	since := shikayat.SnowflakeAt(at.Add(-p.Overlap))
	if compareIDs(since, start) < 0 {
		return start
	}
	return since
}

func (p *Poller) fence() store.Fence {
	return store.Fence{Lease: LeaseName, Holder: p.Holder, TTL: p.LeaseTTL}
}

// read fetches every page and decodes its posts; those that cannot be
// decoded come back apart, to be recorded as unreadable. It renews the
// lease after each page, so a long read does not let it lapse. On an error
// it returns what it read before it.
func (p *Poller) read(ctx context.Context, fetch func(ctx context.Context, token string) (*xapi.Page, error)) ([]shikayat.Post, []shikayat.UnreadablePost, error) {
	var out []shikayat.Post
	var bad []shikayat.UnreadablePost
	err := xapi.Pages(ctx, fetch, func(pg *xapi.Page) error {
		if ok, err := p.DB.AcquireLease(ctx, LeaseName, p.Holder, p.LeaseTTL); err != nil {
			return err
		} else if !ok {
			return shikayat.Errorf(shikayat.ECONFLICT, "Lost the intake lease while reading mentions.")
		}
		posts, unreadable := xapi.ReadPage(pg)
		for _, u := range unreadable {
			p.Logger.Warn("a post X sent could not be read; recorded as unreadable", slog.String("post_id", u.ID), slog.String("error", u.Error))
		}
		out, bad = append(out, posts...), append(bad, unreadable...)
		return nil
	})
	return out, bad, err
}

// record records posts (and the unreadable ones) oldest first, in
// batches, each with the checkpoint when advance is set; otherwise the
// checkpoint stays where it is.
func (p *Poller) record(ctx context.Context, me, cp string, posts []shikayat.Post, bad []shikayat.UnreadablePost, advance bool, prior map[string]shikayat.PriorReply) (int, error) {
	type item struct {
		post *shikayat.Post
		bad  *shikayat.UnreadablePost
		id   string
	}
	seen := map[string]bool{}
	var items []item
	for i := range posts {
		if !seen[posts[i].ID] {
			seen[posts[i].ID] = true
			items = append(items, item{post: &posts[i], id: posts[i].ID})
		}
	}
	for i := range bad {
		if !seen[bad[i].ID] {
			seen[bad[i].ID] = true
			id := bad[i].ID
			if _, ok := shikayat.SnowflakeTime(id); !ok {
				id = "" // no id to order by: first
			}
			items = append(items, item{bad: &bad[i], id: id})
		}
	}
	slices.SortStableFunc(items, func(a, b item) int { return compareIDs(a.id, b.id) })
	recorded := 0
	for start := 0; start < len(items); start += p.Batch {
		batch := items[start:min(start+p.Batch, len(items))]
		in := make([]shikayat.Incoming, 0, len(batch))
		for _, it := range batch {
			if it.bad != nil {
				in = append(in, shikayat.Incoming{Post: &shikayat.Post{ID: it.bad.ID}, Unreadable: it.bad})
				continue
			}
			inc, err := p.incoming(ctx, me, it.post)
			if err != nil {
				return recorded, err
			}
			if r, ok := prior[it.id]; ok {
				inc.Prior = &r
			}
			in = append(in, inc)
		}
		name, newest := "", ""
		if advance {
			name, newest = p.name(CheckpointName), laterID(batch[len(batch)-1].id, cp)
		}
		recs, err := p.DB.RecordPosts(ctx, p.fence(), name, newest, in)
		if err != nil {
			return recorded, err
		}
		if advance {
			cp = newest
		}
		for _, r := range recs {
			if r.Replaced != "" {
				p.Logger.Warn("a pushed copy of a post differed from X's own read; the polled copy replaced it",
					slog.String("post_id", r.PostID), slog.String("differed", r.Replaced), slog.String("code", r.ComplaintCode))
			}
			if !r.Duplicate {
				recorded++
				p.Logger.Debug("post recorded", slog.String("post_id", r.PostID), slog.String("kind", string(r.Kind)),
					slog.String("reason", r.Reason), slog.String("code", r.ComplaintCode))
				if pr, ok := prior[r.PostID]; ok && pr.Code == r.ComplaintCode {
					p.Logger.Info("complaint took the docket code of the desk's reply found on X", slog.String("code", r.ComplaintCode),
						slog.String("post_id", r.PostID), slog.String("reply_post_id", pr.PostID))
				}
			}
		}
	}
	return recorded, nil
}

// incoming prepares one post for the desk.
func (p *Poller) incoming(ctx context.Context, me string, post *shikayat.Post) (shikayat.Incoming, error) {
	in := shikayat.Incoming{Post: post, MentionsAccount: p.mentionsOwn(post), HelplineReplies: p.HelplineReplies}
	if _, own := p.Accounts.Find(post.AuthorUsername); own || post.AuthorID == me || strings.EqualFold(post.AuthorUsername, p.Account) {
		in.Staff = true
	}
	for _, acc := range p.PoliceAccounts {
		if strings.EqualFold(post.AuthorUsername, acc) {
			in.Staff = true
		}
	}
	if in.Staff {
		return in, nil
	}
	in.Dockets, _ = shikayat.FindDockets(post.Text)
	t, err := p.Triager.Triage(ctx, post)
	if err != nil {
		// A post triage cannot judge is still recorded: it waits for a person.
		p.Logger.Warn("triage failed", slog.String("post_id", post.ID), slog.Any("error", err))
		t = shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Reasons: []string{"triage failed: " + err.Error()}}
	}
	in.Triage = &t
	in.Forward = t.Actionable && t.District != 0 && t.DistrictConfidence >= p.ForwardAt
	p.routeToUnit(&in)
	return in, nil
}

// StartName keeps, for an account of --accounts (with its suffix), the
// post id it is read from (see startID).
const StartName = "x:start"

// SeenName keeps, for an account of --accounts (with its suffix), the
// moment (Unix milliseconds) a node first started with it configured,
// whichever node that was (NoteConfigured).
const SeenName = "x:seen"

// NoteConfigured records, for every extra account not yet seen, that this
// node has it configured now: a node that does not hold the intake lease
// records it too, so that an account added during a rolling change is read
// from when the first node listed it, not from when the lease holder
// first polled it.
func (p *Poller) NoteConfigured(ctx context.Context) error {
	p.defaults()
	for _, r := range p.readers {
		if _, err := r.p.seen(ctx); err != nil {
			return err
		}
	}
	return nil
}

// seen returns when the account was first configured on any node,
// recording now when no node recorded it before.
func (p *Poller) seen(ctx context.Context) (time.Time, error) {
	v, err := p.DB.KeepFirstCheckpoint(ctx, p.name(SeenName), strconv.FormatInt(p.Now().UnixMilli(), 10))
	if err != nil {
		return time.Time{}, err
	}
	at, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("checkpoint %s %q is unreadable", p.name(SeenName), v)
	}
	return time.UnixMilli(at), nil
}

// startID is the post id reading starts from: the moment the database was
// made for the state account. An account added to a running desk does not
// read back to the desk's start (days of mentions, a whole week with the
// backfill): it starts from the earliest of the state account's checkpoint
// and the moment a node first had it configured, less the overlap (never
// before the desk's start; not capped by SearchReach, which bounds only
// the backfill). Both are
// known before X is asked anything, so
// an account whose first reads fail, added while the desk was down, or
// added on one node of a rolling change, loses no mention. The start is
// kept, so it does not move. An account read before starts were kept (it
// has a checkpoint) keeps the desk's start.
func (p *Poller) startID(ctx context.Context, cp string) (string, error) {
	v, err := p.DB.Checkpoint(ctx, store.CreatedCheckpoint)
	if err != nil {
		return "", err
	}
	created, err := strconv.ParseInt(v, 10, 64)
	if err != nil || created <= shikayat.TwitterEpoch {
		return "", fmt.Errorf("the database's creation time %q is unreadable", v)
	}
	desk := shikayat.SnowflakeAt(time.UnixMilli(created))
	if p.suffix == "" {
		return desk, nil
	}
	own, err := p.DB.Checkpoint(ctx, p.name(StartName))
	if err != nil || own != "" {
		return own, err
	}
	if cp != "" {
		return desk, nil
	}
	from, err := p.seen(ctx)
	if err != nil {
		return "", err
	}
	state, err := p.DB.Checkpoint(ctx, CheckpointName)
	if err != nil {
		return "", err
	}
	if at, ok := shikayat.SnowflakeTime(state); ok && at.Before(from) {
		from = at
	}
	// A desk down for days reads far back from an old state checkpoint:
	// the mentions timeline reaches back by count (its last 800 posts),
	// not by time, so a start older than recent search reaches loses
	// nothing X still gives. Only the backfill is bound by SearchReach;
	// what neither reaches is recorded as lost (backfill).
	start := laterID(shikayat.SnowflakeAt(from.Add(-p.Overlap)), desk)
	if err := p.DB.SetCheckpoint(ctx, p.fence(), p.name(StartName), start); err != nil {
		return "", err
	}
	p.Logger.Info("a newly configured account is read from when it was first configured or the state account's checkpoint, less the overlap", slog.String("since", start))
	return start, nil
}

// oldestID returns the smallest post id among those read.
func oldestID(posts []shikayat.Post, bad []shikayat.UnreadablePost) string {
	oldest := ""
	for _, p := range posts {
		if oldest == "" || compareIDs(p.ID, oldest) < 0 {
			oldest = p.ID
		}
	}
	for _, u := range bad {
		if _, ok := shikayat.SnowflakeTime(u.ID); ok && (oldest == "" || compareIDs(u.ID, oldest) < 0) {
			oldest = u.ID
		}
	}
	return oldest
}

// newestID returns the largest post id among those read.
func newestID(posts []shikayat.Post, bad []shikayat.UnreadablePost) string {
	newest := ""
	for _, p := range posts {
		newest = laterID(p.ID, newest)
	}
	for _, u := range bad {
		if _, ok := shikayat.SnowflakeTime(u.ID); ok {
			newest = laterID(u.ID, newest)
		}
	}
	return newest
}

// laterID returns the larger of two post ids.
func laterID(a, b string) string {
	if compareIDs(a, b) < 0 {
		return b
	}
	return a
}

// compareIDs orders X ids (decimal numbers) numerically; "" sorts first.
func compareIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}
