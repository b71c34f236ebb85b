package xapi_test

import (
	"context"
	"testing"

	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// The account's id is asked of X once, whoever asks; a failed look-up is
// not remembered.
func TestAccountIDsAskOnce(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, xsim.Options{}, xapi.Options{Retries: -1})
	var ids xapi.AccountIDs
	e.fault(t, xsim.Fault{Endpoint: "users", Kind: xsim.Fault5xx})
	if _, err := ids.Get(ctx, e.client, "Uppolice"); err == nil {
		t.Fatal("a failed look-up returned an id")
	}
	for _, name := range []string{"Uppolice", "@uppolice", "UPPOLICE"} {
		id, err := ids.Get(ctx, e.client, name)
		if err != nil || id != e.acct.ID {
			t.Fatalf("Get(%s) = %q, %v; want %s", name, id, err, e.acct.ID)
		}
	}
	if n := e.sim.Requests("users"); n != 2 {
		t.Fatalf("X was asked %d times, want 2 (the failure and one look-up)", n)
	}
}
