package intake

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
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
}

// PollAll polls the state account's mentions, then every extra
// account's that is due, under the one lease. Only the state account's
// failure backs off the round; an extra account backs off on its own. The
// round's posts are told to Polled once.
func (p *Poller) PollAll(ctx context.Context) error {
	p.defaults()
	if len(p.readers) == 0 {
		return p.PollOnce(ctx)
	}
	p.round.read, p.round.recorded = 0, 0
	defer func() { p.round.read, p.round.recorded = 0, 0 }()
	err := p.PollOnce(ctx)
	var bf *BackfillError
	if err != nil && !errors.As(err, &bf) {
		return err
	}
	for _, r := range p.readers {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if p.Now().Before(r.next) {
			continue
		}
		started := p.Now()
		rerr := r.p.PollOnce(ctx)
		var rbf *BackfillError
		if errors.As(rerr, &rbf) {
			r.p.backfillFailed(rbf)
			r.p.Logger.Error("backfill with recent search", slog.Any("error", rerr), slog.Duration("retry_in", r.p.backfillAt.Sub(p.Now())))
			rerr = nil
		}
		switch {
		case rerr != nil && shikayat.ErrorCode(rerr) == shikayat.ECONFLICT:
			return rerr // the lease is lost: the round ends
		case rerr != nil:
			r.failures++
			wait := r.p.backoff(r.failures, rerr)
			r.p.Logger.Error("poll mentions", slog.Any("error", rerr), slog.Duration("retry_in", wait))
			r.next = p.Now().Add(wait)
		default:
			r.failures = 0
			r.next = started.Add(p.Interval)
		}
	}
	if p.Polled != nil {
		p.Polled(p.round.read, p.round.recorded)
	}
	return err
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
