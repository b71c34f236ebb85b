package xapi_test

import (
	"context"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// A client made for an account (Options.Owner) posts nothing until X has
// said its token is that account's: the post is refused without reaching
// X, and Health and WrongOwner say why. Reads go meanwhile. Once
// SetTokenOwner names the account, it posts.
func TestClientPostsNothingUntilTheOwnerIsConfirmed(t *testing.T) {
	e := newEnv(t, xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice"}},
		xapi.Options{Owner: "lucknowpolice", Retries: -1, UserReads: true,
			Credentials: xapi.Credentials{AccessToken: "lucknowpolice", AccessSecret: "s"}})
	ctx := context.Background()
	id := e.mention(t, map[string]string{"username": "citizen", "text": "@lucknowpolice my bike was stolen"})
	if err := e.client.WrongOwner(); shikayat.ErrorCode(err) != shikayat.EUNAUTHORIZED {
		t.Fatalf("WrongOwner before the check = %v; want the account unconfirmed", err)
	}
	if _, err := e.client.CreateReply(ctx, "noted", id); err == nil {
		t.Fatal("a reply was posted with a token X has not confirmed")
	}
	if n := e.sim.Requests(xapi.EndpointCreatePost); n != 0 {
		t.Fatalf("%d posts reached X before the check", n)
	}
	if _, err := e.client.UserByUsername(ctx, "lucknowpolice"); err != nil {
		t.Fatalf("a read before the check: %v", err)
	}
	if err := e.client.Health(); shikayat.ErrorCode(err) != shikayat.EUNAUTHORIZED {
		t.Fatalf("Health before the check = %v", err)
	}
	me, err := e.client.Me(ctx)
	if err != nil {
		t.Fatal(err)
	}
	e.client.SetTokenOwner("lucknowpolice", me.Username)
	if err := e.client.Health(); err != nil {
		t.Fatalf("Health after X confirmed the owner = %v", err)
	}
	if _, err := e.client.CreateReply(ctx, "noted", id); err != nil {
		t.Fatalf("reply after the check: %v", err)
	}
}

// Unconfirmed tells "X has not said whose the token is" from "X said it
// is another's": the sender logs them differently.
func TestUnconfirmedUntilXSaysWhoseTheTokenIs(t *testing.T) {
	c := xapi.New(xapi.Options{BaseURL: "http://127.0.0.1:1", Owner: "lucknowpolice"})
	if !c.Unconfirmed() || c.WrongOwner() == nil {
		t.Fatalf("a new client for an account: Unconfirmed %v, WrongOwner %v; want true and an error", c.Unconfirmed(), c.WrongOwner())
	}
	c.SetTokenOwner("lucknowpolice", "ghaziabadpolice")
	if c.Unconfirmed() || c.WrongOwner() == nil {
		t.Fatalf("a token X says is another's: Unconfirmed %v, WrongOwner %v; want false and an error", c.Unconfirmed(), c.WrongOwner())
	}
	c.SetTokenOwner("lucknowpolice", "lucknowpolice")
	if c.Unconfirmed() || c.WrongOwner() != nil {
		t.Fatalf("a token X confirmed: Unconfirmed %v, WrongOwner %v", c.Unconfirmed(), c.WrongOwner())
	}
	if plain := xapi.New(xapi.Options{BaseURL: "http://127.0.0.1:1"}); plain.Unconfirmed() {
		t.Fatal("a client for no account is unconfirmed")
	}
}
