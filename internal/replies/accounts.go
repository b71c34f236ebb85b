package replies

import (
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
