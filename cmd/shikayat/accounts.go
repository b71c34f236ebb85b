package main

import (
	"context"
	"net/http"
	"strings"

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
// it answers.
func (m *Main) accountTrouble(username string) error {
	if strings.EqualFold(username, m.Config.Account) {
		return m.X.Health()
	}
	if x, ok := m.AccountX[strings.ToLower(username)]; ok {
		return x.Health()
	}
	return nil
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
