package main

import (
	"cmp"
	"context"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/xapi"
)

// openAccounts makes a client per --accounts entry (the app's consumer key
// and secret, the account's own access token, reads signed with it so each
// account has X's per-user limits), checks that each account's unit
// exists (a line naming a unit the desk does not have, a misspelt
// functional unit say, stops the start with its line number: functional
// units are made with "unit add"), and tells the store the force's
// accounts, which decide who answers each post.
func (m *Main) openAccounts(ctx context.Context, httpX *http.Client) error {
	cfg := &m.Config
	m.AccountX = map[string]*xapi.Client{}
	for _, a := range cfg.Accounts {
		if _, err := m.DB.FindUnit(ctx, a.UnitID); err != nil {
			if shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
				return err
			}
			hint := ""
			if strings.HasPrefix(a.UnitID, "unit:") {
				hint = " (make a functional unit first with: shikayat unit add --unit " + a.UnitID + " --name NAME)"
			}
			return shikayat.Errorf(shikayat.EINVALID, "--accounts %s: line %d: @%s names unit %s, which the desk does not have%s.",
				cfg.AccountsFile, a.Line, a.Username, a.UnitID, hint)
		}
		m.AccountX[strings.ToLower(a.Username)] = xapi.New(xapi.Options{
			BaseURL: cfg.XAPI, Logger: m.Logger, HTTPClient: httpX, UserReads: true,
			// Nothing is posted with the token until X says it is this
			// account's (checkAccounts).
			Owner: a.Username,
			Credentials: xapi.Credentials{
				BearerToken: string(cfg.XBearerToken), ConsumerKey: string(cfg.XConsumerKey),
				ConsumerSecret: string(cfg.XConsumerSecret), AccessToken: string(a.AccessToken),
				AccessSecret: string(a.AccessSecret),
			},
		})
	}
	m.DB.SetAccounts(cfg.ForceAccounts())
	return nil
}

// accountReaders are the accounts intake reads besides the state account.
func (m *Main) accountReaders() []intake.AccountReader {
	var out []intake.AccountReader
	for _, a := range m.Config.Accounts {
		out = append(out, intake.AccountReader{Username: a.Username, X: m.AccountX[strings.ToLower(a.Username)]})
	}
	return out
}

// accountTrouble is what X last said of an account's credentials: nil while
// it answers. A token that X takes but that belongs to another account, or
// that X has not yet confirmed is the account's, is trouble too (the
// client keeps that standing: xapi.Client.SetTokenOwner).
func (m *Main) accountTrouble(username string) error {
	x := m.accountClient(username)
	if x == nil {
		return nil
	}
	return x.Health()
}

// accountClient is the client that posts as username: the state
// account's, or that of its --accounts entry.
func (m *Main) accountClient(username string) *xapi.Client {
	if strings.EqualFold(username, m.Config.Account) {
		return m.X
	}
	return m.AccountX[strings.ToLower(username)]
}

// accountsCheckEvery is how often every account's credentials are checked
// with X, besides at start: a token revoked while the desk runs shows in
// /readyz within this long even if the account is not used. An account X
// has not yet confirmed (it did not answer) is asked again every
// accountsRecheckEvery: its replies wait meanwhile.
const (
	accountsCheckEvery   = 10 * time.Minute
	accountsRecheckEvery = time.Minute
	// accountsStartCheck bounds the check at start, which the reply
	// workers wait for (Main.accountsStartCheck when set).
	accountsStartCheck = 20 * time.Second
)

// checkAccountsOnce asks X, with each account's own user token, whose it
// is (GET /2/users/me), a few accounts at a time. X's answer sets the
// account's standing (accountTrouble, /readyz x_accounts and x): an
// account whose credentials X refuses is named before it is ever used,
// and one whose token is another account's posts nothing. It reports
// whether every account is confirmed.
func (m *Main) checkAccountsOnce(ctx context.Context) bool {
	all := append([]string{m.Config.Account}, m.Config.ForceAccounts().Usernames()[1:]...)
	var wg sync.WaitGroup
	var mu sync.Mutex
	confirmed := true
	slots := make(chan struct{}, 8)
	for _, u := range all {
		x := m.accountClient(u)
		if x == nil {
			continue
		}
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			me, err := x.Me(ctx)
			if ctx.Err() != nil {
				mu.Lock()
				confirmed = false
				mu.Unlock()
				return
			}
			if err != nil {
				m.noteStanding(u, "unanswered", func(l *slog.Logger) {
					l.Warn("X did not confirm an account's credentials: its replies wait until it does", slog.Any("error", err))
				})
				mu.Lock()
				confirmed = false
				mu.Unlock()
				return
			}
			x.SetTokenOwner(u, me.Username) // refuses the token's use while it is another's
			if !strings.EqualFold(me.Username, u) {
				m.noteStanding(u, "other:"+strings.ToLower(me.Username), func(l *slog.Logger) {
					l.Warn("an account's access token belongs to another account: its replies wait until the token is replaced", slog.String("token_of", me.Username))
				})
			} else {
				m.noteStanding(u, "", func(l *slog.Logger) { l.Info("X confirmed an account's access token") })
			}
		}()
	}
	wg.Wait()
	return confirmed
}

// noteStanding logs, through say, what X last said of account's token
// when it differs from what was logged before: once per account and
// change, not at every check. A first standing of "" (confirmed at once)
// is not logged.
func (m *Main) noteStanding(account, standing string, say func(*slog.Logger)) {
	if m.standing.Changed(account, standing) {
		say(m.Logger.With(slog.String("account", account)))
	}
}

// checkAccounts checks the accounts (checkAccountsOnce) every
// accountsCheckEvery, or every accountsRecheckEvery while X has not
// confirmed one, until ctx ends. The first check is the caller's, before
// the reply workers start; confirmed is its outcome.
func (m *Main) checkAccounts(ctx context.Context, confirmed bool) {
	for {
		wait := accountsCheckEvery
		if !confirmed {
			wait = cmp.Or(m.accountsRecheck, accountsRecheckEvery)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		confirmed = m.checkAccountsOnce(ctx)
	}
}

// accountsCheck is /readyz's check of --accounts: it names every account
// whose credentials X refuses (or that X failed to answer), with the
// reason. It reports; it does not make a node unready.
func (m *Main) accountsCheck(context.Context) error {
	var bad []string
	for _, a := range m.Config.Accounts {
		if err := m.accountTrouble(a.Username); err != nil {
			bad = append(bad, "@"+a.Username+": "+shikayat.ErrorMessage(err))
		}
	}
	if len(bad) > 0 {
		return shikayat.Errorf(shikayat.EUNAUTHORIZED, "%s", strings.Join(bad, "; "))
	}
	return nil
}

// nodeName is this node's readable name in the record of the reply queues
// each node works: its host and the address it listens on, for operators.
// It need not be unique: the record's key adds the process id and a random
// suffix (jobs.Queue.Node), so a restarted process is a new node and the
// record the old one left expires by its TTL.
func nodeName(addr string) string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "localhost"
	}
	return host + "/" + addr
}
