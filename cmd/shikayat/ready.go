package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/web"
)

// readyWaitingListed is how many waiting replies /readyz names.
const readyWaitingListed = 20

// readiness lists /readyz's checks. Only the database makes this node
// unready: X's trouble, replies waiting and a gap in intake are every
// node's, and are reported in the body (Warn) with 200, so that a load
// balancer does not drop every node during an X outage. Each check's
// domain message is its public reason; the rest of its error is logged.
func (m *Main) readiness() []web.Check {
	cfg := &m.Config
	return []web.Check{
		{Name: "database", Run: m.DB.Ping},
		{Name: "x_credentials", Warn: true, Run: func(context.Context) error {
			if missing := cfg.MissingXCredentials(); len(missing) > 0 && !isLocal(cfg.XAPI) {
				return shikayat.Errorf(shikayat.EUNAUTHORIZED, "missing %s: X refuses requests without them", strings.Join(missing, ", "))
			}
			return nil
		}},
		{Name: "x", Warn: true, Run: func(context.Context) error { return m.X.Health() }},
		// The accounts of --accounts whose credentials X refuses, by name.
		{Name: "x_accounts", Warn: true, Run: m.accountsCheck},
		// The accounts whose last mentions read failed on this node (the
		// one holding the intake lease), each with X's reason: one
		// account's failure holds up no other's polling.
		{Name: "x_accounts_polling", Warn: true, Run: func(ctx context.Context) error {
			if m.Poller == nil {
				return nil
			}
			return m.Poller.FailingCheck(ctx)
		}},
		// Replies waiting long make noise but not an unready node: another
		// node would not send them any sooner.
		// The body names them (reply key, how long), up to
		// readyWaitingListed; not their docket codes, which open tracking
		// pages: those are in the log.
		{Name: "replies_waiting", Warn: true, Run: func(ctx context.Context) error {
			rep, err := m.Queue.Waiting(ctx, readyWaitingListed)
			if err != nil {
				return err
			}
			if rep.Count > 0 {
				return shikayat.Errorf(shikayat.EINTERNAL, "%s", rep.Public())
			}
			return nil
		}},
		// This node's record of the reply queues it works, failing to
		// renew: once it expires, another node may take its accounts'
		// replies.
		{Name: "replies_queue_record", Warn: true, Run: func(context.Context) error { return m.Queue.RecordErr() }},
		// Replies not to be sent again whose post was not seen on X: their
		// jobs look for them; one X called a duplicate whose post never
		// showed waits for a person.
		{Name: "replies_unverified", Warn: true, Run: func(ctx context.Context) error {
			rep, err := m.Queue.Unverified(ctx, readyWaitingListed)
			if err != nil {
				return err
			}
			if rep.Count > 0 {
				return shikayat.Errorf(shikayat.EINTERNAL, "%s", rep.Public())
			}
			return nil
		}},
		// Replies queued for an account removed from --accounts that could
		// not move to another account their post mentioned.
		{Name: "replies_account_gone", Warn: true, Run: func(ctx context.Context) error {
			rep, err := m.DB.RepliesOnGoneAccounts(ctx, readyWaitingListed)
			if err != nil {
				return err
			}
			if rep.Count > 0 {
				return shikayat.Errorf(shikayat.EINTERNAL, "%s", rep.Public())
			}
			return nil
		}},
		// Mentions a failed backfill left unread: reported until read.
		{Name: "x_intake_gap", Warn: true, Run: intake.GapCheck(m.DB)},
		{Name: "x_accounts_intake_gap", Warn: true, Run: intake.AccountsGapCheck(m.DB, m.Config.ForceAccounts().Usernames()[1:])},
		{Name: "intake", Warn: true, Run: func(ctx context.Context) error {
			holder, live, err := m.DB.LeaseHolder(ctx, intake.LeaseName)
			if err != nil {
				return err
			}
			if !live {
				return fmt.Errorf("intake lease of %q lapsed or never taken: %w", holder,
					shikayat.Errorf(shikayat.EINTERNAL, "no node is reading X's mentions"))
			}
			return nil
		}},
	}
}
