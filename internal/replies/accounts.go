package replies

import (
	"context"
	"log/slog"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
)

// client returns the client that posts as account: X for the state account
// (Account, or ""), else the account's own from Accounts.
func (s *Sender) client(account string) (*xapi.Client, error) {
	if account == "" || strings.EqualFold(account, s.Account) {
		return s.X, nil
	}
	if x, ok := s.Accounts[strings.ToLower(account)]; ok && x != nil {
		return x, nil
	}
	return nil, shikayat.Errorf(shikayat.EUNAUTHORIZED, "@%s is not among the accounts this desk posts from (--accounts)", account)
}

// moveAccount gives a reply whose account this desk does not post from
// (removed from --accounts) an account its post mentioned that the desk
// still posts from, when it was never handed to X and no restored desk
// may have posted it (store.MoveReplyAccount); it returns that account's
// client. Otherwise the reply waits, and /readyz names it.
func (s *Sender) moveAccount(ctx context.Context, log *slog.Logger, r *shikayat.Reply) (*xapi.Client, error) {
	if restored, err := s.restoredBefore(ctx, r); err != nil {
		return nil, err
	} else if restored {
		return nil, shikayat.Errorf(shikayat.EUNAUTHORIZED, "@%s is not among the accounts this desk posts from, and a restored desk may have posted this reply from it", r.Account)
	}
	from := r.Account
	to, why, err := s.DB.MoveReplyAccount(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	if why != "" {
		return nil, shikayat.Errorf(shikayat.EUNAUTHORIZED, "@%s is not among the accounts this desk posts from (--accounts), and the reply cannot move to another: %s", from, why)
	}
	x, err := s.client(to)
	if err != nil {
		return nil, err
	}
	r.Account = to
	log.Warn("reply moved from an account no longer in --accounts to one its post mentioned", slog.String("from", from), slog.String("to", to))
	return x, nil
}

// noteOwner logs the standing of account's token when it changes, once
// per account (not once per reply): a token X has not yet confirmed
// (its replies wait until it does), one X says is another account's (a
// warning: its replies wait until the token is replaced), and one
// confirmed again after either. err is the client's WrongOwner.
func (s *Sender) noteOwner(account string, x *xapi.Client, err error) {
	if account == "" {
		account = s.Account
	}
	standing := ""
	if err != nil {
		standing = "unconfirmed"
		if !x.Unconfirmed() {
			standing = "other:" + err.Error()
		}
	}
	if !s.ownerSeen.Changed(account, standing) {
		return
	}
	log := s.log().With(slog.String("account", account))
	switch {
	case standing == "":
		log.Info("X confirmed the account's access token: its replies are posted")
	case standing == "unconfirmed":
		log.Info("the account's replies wait: X has not yet confirmed its access token", slog.Any("error", err))
	default:
		log.Warn("the account's replies wait: its access token belongs to another account", slog.Any("error", err))
	}
}
