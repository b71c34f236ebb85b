package replies_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// withAccount gives the sender the client of an extra simulated account
// (its access token is its username).
func (f *fixture) withAccount(username string) {
	if f.sender.Accounts == nil {
		f.sender.Accounts = map[string]*xapi.Client{}
	}
	f.sender.Accounts[username] = xapi.New(xapi.Options{BaseURL: f.url, Retries: -1,
		Credentials: xapi.Credentials{AccessToken: username, AccessSecret: "s"}})
}

// A reply goes out from the account its job names, the reply's record keeps
// that account across retries, and the account's own budget pays for it.
func TestSenderPostsFromTheJobsAccount(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{ExtraAccounts: []string{"lucknowpolice"}})
		f.withAccount("lucknowpolice")
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
		if err := f.sender.Acknowledge(ctx, a); err != nil {
			t.Fatal(err)
		}
		// A retry, even one naming another account, is the same reply.
		a.Account = "Uppolice"
		if err := f.sender.Acknowledge(ctx, a); err != nil {
			t.Fatal(err)
		}
		if n := len(f.sim.ExtraAccountPosts("lucknowpolice")); n != 1 {
			t.Fatalf("lucknowpolice posted %d replies, want 1", n)
		}
		if n := len(f.sim.AccountPosts()); n != 0 {
			t.Fatalf("Uppolice posted %d replies to a post that does not tag it", n)
		}
		r, err := f.db.FindReply(ctx, a.ReplyKey())
		if err != nil || r.Account != "lucknowpolice" || r.State != shikayat.ReplySent {
			t.Fatalf("reply %+v, %v", r, err)
		}
		day := shikayat.ISTDay(time.Now())
		if n, _ := f.db.BudgetUsed(ctx, "lucknowpolice", day); n != 1 {
			t.Fatalf("lucknowpolice's budget used %d, want 1", n)
		}
		if n, _ := f.db.BudgetUsed(ctx, "Uppolice", day); n != 0 {
			t.Fatalf("Uppolice's budget used %d, want 0", n)
		}
	})
}

// After an uncertain try, the sender looks for the reply among the posts of
// the account that sent it, not the state account's.
func TestSenderFindsAnUncertainReplyOnItsOwnAccount(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{ExtraAccounts: []string{"lucknowpolice"}})
		f.withAccount("lucknowpolice")
		id, err := f.sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@lucknowpolice fraud call took 5000 rupees"})
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: id, Text: "fraud call", Lang: "en",
			Triage: &shikayat.Triage{Urgency: shikayat.ClassMidTerm}})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.FaultAcceptedDropped, Count: 1}); err != nil {
			t.Fatal(err)
		}
		a := jobs.AcknowledgeArgs{ComplaintID: c.ID, PostID: id, Account: "lucknowpolice"}
		for i := 0; i < 3; i++ {
			_ = f.sender.Acknowledge(ctx, a) // the first try's answer is lost; the job is put back
		}
		if n := len(f.sim.ExtraAccountPosts("lucknowpolice")); n != 1 {
			t.Fatalf("lucknowpolice posted %d replies, want 1", n)
		}
		r, err := f.db.FindReply(ctx, a.ReplyKey())
		if err != nil || r.State != shikayat.ReplySent {
			t.Fatalf("reply %+v, %v", r, err)
		}
	})
}
