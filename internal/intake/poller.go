// Package intake reads the police account's mentions from X and hands each
// post, triaged, to the desk, which records it exactly once. Exactly one node
// polls at a time: the holder of a lease in the database.
package intake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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
	// Overlap is how many already-recorded posts each poll re-reads,
	// because X's order is not strict. Default 20.
	Overlap int
	// ForwardAt is the routing confidence at which a new complaint goes to
	// its district at once; below it, it waits in the HQ triage queue.
	ForwardAt float64
	// Batch is how many posts are recorded per transaction. Default 100.
	Batch int
	// Stream also holds X's filtered stream open while this node has the
	// lease, for posts within seconds rather than a poll interval.
	Stream bool
	Holder string // this node's name in the lease; default host-pid-random
	Logger *slog.Logger
	// Polled is told after each poll that held the lease (for tests and
	// metrics): how many posts it read and recorded anew.
	Polled func(read, recorded int)

	once      sync.Once // defaults, set once before any use
	mu        sync.Mutex
	accountID string
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
		p.Overlap = 20
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
	for {
		ok, err := p.DB.AcquireLease(ctx, LeaseName, p.Holder, p.LeaseTTL)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			log.Error("intake lease", slog.Any("error", err))
		case ok && !held:
			log.Info("took the intake lease")
		case !ok && held:
			log.Warn("lost the intake lease")
		}
		if err == nil {
			// On an error (a busy database, say) the lease is as it was:
			// polling goes on, and the fence in each commit decides.
			held = ok
		}
		stream(held)
		wait := min(p.Interval, p.LeaseTTL/3)
		if held {
			if err := p.PollOnce(ctx); err != nil && ctx.Err() == nil {
				failures++
				wait = min(p.Interval*time.Duration(1<<min(failures, 5)), 5*time.Minute)
				if reset, limited := xapi.IsRateLimited(err); limited {
					wait = max(time.Until(reset), wait)
				}
				log.Error("poll mentions", slog.Any("error", err), slog.Duration("retry_in", wait))
				// Keep the lease alive while backing off.
				wait = min(wait, p.LeaseTTL/3)
			} else {
				failures = 0
			}
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// AccountID returns the account's X id, looked up once.
func (p *Poller) AccountID(ctx context.Context) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.accountID != "" {
		return p.accountID, nil
	}
	u, err := p.X.UserByUsername(ctx, p.Account)
	if err != nil {
		return "", fmt.Errorf("look up @%s: %w", p.Account, err)
	}
	p.accountID = u.ID
	return u.ID, nil
}

// PollOnce reads the mentions since the checkpoint (less an overlap),
// backfills with recent search when the timeline may not reach back far
// enough, and records every post, oldest first.
func (p *Poller) PollOnce(ctx context.Context) error {
	p.defaults()
	me, err := p.AccountID(ctx)
	if err != nil {
		return err
	}
	cp, err := p.DB.Checkpoint(ctx, CheckpointName)
	if err != nil {
		return err
	}
	// Before the first post is recorded, the checkpoint is the moment the
	// database was made (as a post id: X's ids count milliseconds), so that
	// a first poll that meets a full timeline still backfills, and nothing
	// older than the desk is read.
	start, err := p.startID(ctx)
	if err != nil {
		return err
	}
	if cp == "" {
		cp = start
	}
	since, err := p.DB.PostSeqAt(ctx, p.Overlap, cp)
	if err != nil {
		return err
	}
	if since == "" {
		since = start
	}
	posts, err := p.read(ctx, func(ctx context.Context, token string) (*xapi.Page, error) {
		return p.X.Mentions(ctx, me, since, token)
	})
	if err != nil {
		return err
	}
	// Had the timeline reached back to the checkpoint, the overlap (posts
	// at or below it) would be among those read. When every post read is
	// newer, the timeline's reach (about 800 posts, a window that slides as
	// posts arrive) cut some off: backfill with recent search.
	// Before any post is recorded there is no overlap to see; then only a
	// read of many posts can have been cut off by the reach.
	if len(posts) > 0 && compareIDs(oldestID(posts), cp) > 0 && (cp != start || len(posts) >= 100) {
		p.Logger.Warn("the mentions timeline did not reach back to the checkpoint; backfilling with recent search",
			slog.String("checkpoint", cp), slog.Int("read", len(posts)))
		more, err := p.read(ctx, func(ctx context.Context, token string) (*xapi.Page, error) {
			return p.X.SearchRecent(ctx, "@"+p.Account, cp, token)
		})
		if err != nil {
			if ctx.Err() != nil || shikayat.ErrorCode(err) == shikayat.ECONFLICT {
				return err
			}
			// Recording what was read beats recording nothing for ever;
			// the gap is in the log for a person to look at.
			p.Logger.Error("backfill failed: mentions between the checkpoint and the oldest post read may be missed",
				slog.String("checkpoint", cp), slog.String("oldest_read", oldestID(posts)), slog.Any("error", err))
		} else {
			posts = append(posts, more...)
		}
	}
	recorded, err := p.record(ctx, me, cp, posts)
	if recorded > 0 {
		p.Logger.Info("mentions recorded", slog.Int("read", len(posts)), slog.Int("new", recorded), slog.String("since", since))
	}
	if p.Polled != nil && err == nil {
		p.Polled(len(posts), recorded)
	}
	return err
}

func (p *Poller) fence() store.Fence {
	return store.Fence{Lease: LeaseName, Holder: p.Holder, TTL: p.LeaseTTL}
}

// read fetches every page and decodes the posts, skipping (and logging)
// any post that cannot be read rather than losing the rest. It renews the
// lease after each page, so a long read does not let it lapse.
func (p *Poller) read(ctx context.Context, fetch func(ctx context.Context, token string) (*xapi.Page, error)) ([]shikayat.Post, error) {
	var out []shikayat.Post
	err := xapi.Pages(ctx, fetch, func(pg *xapi.Page) error {
		if ok, err := p.DB.AcquireLease(ctx, LeaseName, p.Holder, p.LeaseTTL); err != nil {
			return err
		} else if !ok {
			return shikayat.Errorf(shikayat.ECONFLICT, "Lost the intake lease while reading mentions.")
		}
		posts, err := xapi.PostsFromPage(pg)
		if err != nil {
			p.Logger.Warn("some posts on a page could not be read", slog.Any("error", err))
		}
		out = append(out, posts...)
		return nil
	})
	return out, err
}

// record records posts oldest first, in batches, each with the checkpoint.
func (p *Poller) record(ctx context.Context, me, cp string, posts []shikayat.Post) (int, error) {
	seen := map[string]bool{}
	uniq := posts[:0]
	for _, post := range posts {
		if !seen[post.ID] {
			seen[post.ID] = true
			uniq = append(uniq, post)
		}
	}
	slices.SortFunc(uniq, func(a, b shikayat.Post) int { return compareIDs(a.ID, b.ID) })
	recorded := 0
	for start := 0; start < len(uniq); start += p.Batch {
		batch := uniq[start:min(start+p.Batch, len(uniq))]
		in := make([]shikayat.Incoming, 0, len(batch))
		for i := range batch {
			inc, err := p.incoming(ctx, me, &batch[i])
			if err != nil {
				return recorded, err
			}
			in = append(in, inc)
		}
		newest := batch[len(batch)-1].ID
		if compareIDs(cp, newest) > 0 {
			newest = cp
		}
		recs, err := p.DB.RecordPosts(ctx, p.fence(), CheckpointName, newest, in)
		if err != nil {
			return recorded, err
		}
		cp = newest
		for _, r := range recs {
			if !r.Duplicate {
				recorded++
				p.Logger.Debug("post recorded", slog.String("post_id", r.PostID), slog.String("kind", string(r.Kind)),
					slog.String("reason", r.Reason), slog.String("complaint", r.ComplaintCode))
			}
		}
	}
	return recorded, nil
}

// incoming prepares one post for the desk.
func (p *Poller) incoming(ctx context.Context, me string, post *shikayat.Post) (shikayat.Incoming, error) {
	in := shikayat.Incoming{Post: post, MentionsAccount: post.MentionsUser(p.Account)}
	if post.AuthorID == me || strings.EqualFold(post.AuthorUsername, p.Account) {
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
	return in, nil
}

// twitterEpoch is the millisecond X's post ids count from.
const twitterEpoch = 1288834974657

// startID is the post id of the moment the database was made.
func (p *Poller) startID(ctx context.Context) (string, error) {
	v, err := p.DB.Checkpoint(ctx, store.CreatedCheckpoint)
	if err != nil {
		return "", err
	}
	created, err := strconv.ParseInt(v, 10, 64)
	if err != nil || created <= twitterEpoch {
		return "", fmt.Errorf("the database's creation time %q is unreadable", v)
	}
	return strconv.FormatInt((created-twitterEpoch)<<22, 10), nil
}

func oldestID(posts []shikayat.Post) string {
	oldest := posts[0].ID
	for _, p := range posts[1:] {
		if compareIDs(p.ID, oldest) < 0 {
			oldest = p.ID
		}
	}
	return oldest
}

// compareIDs orders X ids (decimal numbers) numerically; "" sorts first.
func compareIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}
