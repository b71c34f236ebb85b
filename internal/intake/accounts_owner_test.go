package intake_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/storetest"
)

// An account whose access token X says is another account's is not read
// with it: its poll fails as for a refused token, /readyz's check names
// it, and the mention of it waits (read once the token is its own).
func TestAccountWithAnotherAccountsTokenNotRead(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		s := newStartRig(t, dsn())
		p := s.poller(s.url)
		p.Extra[0].X.SetTokenOwner("lucknowpolice", "ghaziabadpolice")
		during := s.post(t, "sunita_v", "@lucknowpolice mera mobile chori ho gaya market me, madad kijiye")
		s.pollTwice(t, p)
		if err := p.FailingCheck(ctx); err == nil || !strings.Contains(err.Error(), "@lucknowpolice") {
			t.Fatalf("FailingCheck = %v; want @lucknowpolice named", err)
		}
		if _, _, _, err := s.db.FindPost(ctx, during); err == nil {
			t.Fatal("mentions read with a token X says is another account's")
		}
	})
}
