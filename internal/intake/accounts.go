package intake

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/xapi"
)

// AccountReader is a police account whose mentions are read besides the
// state account's, through a client that carries its own user token.
type AccountReader struct {
	Username string
	X        *xapi.Client
}

// reader polls one extra account: its own poller (checkpoint, overlap,
// gap and backfill under names ending in "@username") and its own
// back-off, so an account whose token X refuses does not hold up the
// others.
type reader struct {
	p        *Poller
	failures int
	next     time.Time

	mu  sync.Mutex // err is read by /readyz
	err error      // the last poll's failure; nil after a good one
}

// AccountSuffix is how an extra account's checkpoints are named: the state
// account's name with "@username" (lower case) appended, e.g.
// "x:mentions@lucknowpolice".
func AccountSuffix(username string) string {
	return "@" + strings.ToLower(strings.TrimPrefix(username, "@"))
}

// name is a checkpoint's name for this poller's account.
func (p *Poller) name(base string) string { return base + p.suffix }

// setReaders makes a poller per extra account, sharing everything but the
// account, its client and its checkpoints.
func (p *Poller) setReaders() {
	if len(p.Accounts) == 0 {
		p.Accounts = shikayat.Accounts{{Username: p.Account, UnitID: shikayat.HQUnitID}}
	}
	for _, a := range p.Extra {
		if strings.EqualFold(a.Username, p.Account) {
			continue
		}
		sub := &Poller{
			DB: p.DB, X: a.X, Triager: p.Triager, Account: a.Username, PoliceAccounts: p.PoliceAccounts,
			Accounts: p.Accounts, Interval: p.Interval, LeaseTTL: p.LeaseTTL, Overlap: p.Overlap,
			HelplineReplies: p.HelplineReplies, ForwardAt: p.ForwardAt, Batch: p.Batch, Holder: p.Holder,
			Prior:  p.Prior, // replies' PriorReplies reads every account's posts
			Logger: p.Logger.With(slog.String("account", a.Username)), Now: p.Now,
			suffix: AccountSuffix(a.Username), parent: p,
		}
		sub.defaults()
		p.readers = append(p.readers, &reader{p: sub})
	}
	p.self.p = p
}

// PollAll polls every account that is due, the state account first,
// under the one lease: each account backs off on its own, so that one
// account's failure (X refusing its token, failing, or rate-limiting it)
// holds up no other. It returns an error only when the round cannot go on
// (the lease is lost, ctx ended); each account's own failure is logged
// with the account and reported by FailingCheck. The round's posts are
// told to Polled once.
func (p *Poller) PollAll(ctx context.Context) error {
	p.defaults()
	if len(p.readers) == 0 {
		return p.PollOnce(ctx)
	}
	p.round.read, p.round.recorded = 0, 0
	defer func() { p.round.read, p.round.recorded = 0, 0 }()
	for _, r := range append([]*reader{&p.self}, p.readers...) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if p.Now().Before(r.next) {
			continue
		}
		if err := r.poll(ctx, p.Interval); err != nil {
			return err
		}
	}
	if p.Polled != nil {
		p.Polled(p.round.read, p.round.recorded)
	}
	return nil
}

// poll reads one account's mentions and sets when it is next due: an
// interval after this poll, or its back-off after a failure. It returns an
// error only when the lease is lost.
func (r *reader) poll(ctx context.Context, interval time.Duration) error {
	log := r.p.Logger
	if r.p.parent == nil {
		log = log.With(slog.String("account", r.p.Account))
	}
	started := r.p.Now()
	err := r.p.PollOnce(ctx)
	var bf *BackfillError
	if errors.As(err, &bf) {
		// The mentions were read: the poll succeeded. The backfill waits
		// on its own back-off.
		r.p.backfillFailed(bf)
		log.Error("backfill with recent search", slog.Any("error", err), slog.Duration("retry_in", r.p.backfillAt.Sub(r.p.Now())))
		err = nil
	}
	switch {
	case err != nil && shikayat.ErrorCode(err) == shikayat.ECONFLICT:
		return err // the lease is lost: the round ends
	case err != nil && ctx.Err() != nil:
		return ctx.Err()
	case err != nil:
		r.failures++
		wait := r.p.backoff(r.failures, err)
		log.Error("poll mentions", slog.Any("error", err), slog.Duration("retry_in", wait))
		r.next = r.p.Now().Add(wait)
	default:
		r.failures = 0
		r.next = started.Add(interval)
	}
	r.mu.Lock()
	r.err = err
	r.mu.Unlock()
	return nil
}

// FailingCheck is a readiness check that names every account whose last
// mentions read failed on this node, with X's reason (handles only; no
// token). It reports; it does not make a node unready. Only the node that
// holds the intake lease polls, so only it names any.
func (p *Poller) FailingCheck(context.Context) error {
	p.defaults()
	var msgs []string
	for _, r := range append([]*reader{&p.self}, p.readers...) {
		r.mu.Lock()
		err := r.err
		r.mu.Unlock()
		if err != nil {
			msgs = append(msgs, "@"+r.p.Account+": "+shikayat.ErrorMessage(err))
		}
	}
	if len(msgs) > 0 {
		return shikayat.Errorf(shikayat.EUNAUTHORIZED, "mentions not read: %s", strings.Join(msgs, "; "))
	}
	return nil
}

// notePolled tells Polled about one account's poll, or adds it to the
// round when several accounts are read.
func (p *Poller) notePolled(read, recorded int) {
	top := p
	if p.parent != nil {
		top = p.parent
	}
	if len(top.readers) > 0 {
		top.round.read += read
		top.round.recorded += recorded
		return
	}
	if p.Polled != nil {
		p.Polled(read, recorded)
	}
}

// mentionsOwn reports whether a post @mentions one of the force's accounts:
// only those may be answered (X lets an account reply only to posts that
// mention it).
func (p *Poller) mentionsOwn(post *shikayat.Post) bool {
	if post.MentionsUser(p.Account) {
		return true
	}
	return len(p.Accounts.Mentioned(post.Mentions)) > 0
}

// routeToUnit sends a complaint that tags a functional unit's account (GRP,
// the cyber cell, 1090…) to that unit: the account says whose matter it
// is. A complaint whose district triage took from the tagged account of
// that district (or that agrees with it) goes to the district at once: the
// deployment listed the account as the district's own, and it is the
// account that answers the citizen.
func (p *Poller) routeToUnit(in *shikayat.Incoming) {
	t := in.Triage
	if t == nil || !t.Actionable {
		return
	}
	tagged := p.Accounts.Mentioned(in.Post.Mentions)
	for _, acc := range tagged {
		if strings.HasPrefix(acc.UnitID, "unit:") {
			in.ForwardUnit = acc.UnitID
			in.Forward = false
			t.Reasons = append(t.Reasons, fmt.Sprintf("account: @%s → %s (a functional unit's account)", acc.Username, acc.UnitID))
			return
		}
	}
	if in.Forward || t.District == 0 {
		return
	}
	for _, acc := range tagged {
		if acc.UnitID == shikayat.DistrictUnitID(t.District) {
			in.Forward = true
			t.Reasons = append(t.Reasons, fmt.Sprintf("account: @%s is the district's own account (--accounts): routed there", acc.Username))
			return
		}
	}
}

// AccountsGapCheck is GapCheck for the extra accounts: it names each
// account whose mentions a backfill has not read yet, or lost for good.
func AccountsGapCheck(db *store.DB, usernames []string) func(context.Context) error {
	return func(ctx context.Context) error {
		var msgs []string
		for _, u := range usernames {
			gap, err := db.Checkpoint(ctx, GapName+AccountSuffix(u))
			if err != nil {
				return err
			}
			lost, err := db.Checkpoint(ctx, LostName+AccountSuffix(u))
			if err != nil {
				return err
			}
			if gap != "" {
				msgs = append(msgs, "@"+u+": intake gap open: mentions between posts "+gap+" are not read yet; intake keeps trying")
			}
			if lost != "" {
				msgs = append(msgs, "@"+u+": mentions between posts "+lost+" were lost for good (older than recent search reaches); a person must look for them on X")
			}
		}
		if len(msgs) > 0 {
			return shikayat.Errorf(shikayat.EINTERNAL, "%s", strings.Join(msgs, "; "))
		}
		return nil
	}
}

// maxRuleLength is how long one filtered-stream rule may be (X's
// pay-per-use and Pro tiers allow 1024; 512 is safe on every tier).
const maxRuleLength = 512

// streamRules is the one rule set that covers every account read: their
// handles joined by OR, as few rules as fit.
func (p *Poller) streamRules() []string {
	handles := []string{"@" + p.Account}
	for _, r := range p.readers {
		handles = append(handles, "@"+r.p.Account)
	}
	var rules []string
	cur := ""
	for _, h := range handles {
		switch {
		case cur == "":
			cur = h
		case len(cur)+len(" OR ")+len(h) > maxRuleLength:
			rules, cur = append(rules, cur), h
		default:
			cur += " OR " + h
		}
	}
	return append(rules, cur)
}
