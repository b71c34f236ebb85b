package replies_test

import (
	"context"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// An account whose access token X says is another account's (a token file
// swapped) posts nothing: the reply waits, never handed to X, as for a
// token X refuses; it would otherwise answer the citizen as the other
// account. Once X says the token is the account's own, the reply goes.
func TestSenderWaitsOnATokenOfAnotherAccount(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"}})
		x := xapi.New(xapi.Options{BaseURL: f.url, Retries: -1,
			Credentials: xapi.Credentials{AccessToken: "ghaziabadpolice", AccessSecret: "s"}})
		f.sender.Accounts = map[string]*xapi.Client{"lucknowpolice": x}
		x.SetTokenOwner("lucknowpolice", "ghaziabadpolice") // what GET /2/users/me said
		id, err := f.sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@lucknowpolice my bike was stolen in Hazratganj"})
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: id, Text: "my bike was stolen", Lang: "en",
			Triage: &shikayat.Triage{Urgency: shikayat.ClassMidTerm}})
		if err != nil {
			t.Fatal(err)
		}
		a := jobs.AcknowledgeArgs{ComplaintID: c.ID, PostID: id, Account: "lucknowpolice"}
		if err := f.sender.Acknowledge(ctx, a); err == nil {
			t.Fatal("reply job done; want it to wait")
		}
		if n := len(f.sim.ExtraAccountPosts("ghaziabadpolice")); n != 0 {
			t.Fatalf("@ghaziabadpolice posted %d replies meant for @lucknowpolice", n)
		}
		r, err := f.db.FindReply(ctx, a.ReplyKey())
		if err != nil || r.State != shikayat.ReplyPending || r.Attempts != 0 {
			t.Fatalf("reply %+v, %v; want pending, never tried", r, err)
		}
		if err := x.Health(); shikayat.ErrorCode(err) != shikayat.EUNAUTHORIZED {
			t.Fatalf("Health = %v; want the wrong owner named", err)
		}
		x.SetTokenOwner("lucknowpolice", "lucknowpolice") // the right token, as X says now
		if err := x.Health(); err != nil {
			t.Fatalf("Health after X named the right owner = %v", err)
		}
	})
}
