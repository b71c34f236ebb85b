package replies_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// The standing of an account's token is logged once per account as it
// changes, not once per reply: "not yet confirmed" while X has not said
// whose it is, "belongs to another account" (a warning, naming the owner)
// once X says it is another's, and "confirmed" once it is the account's.
func TestSenderLogsATokensStandingOncePerChange(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"}})
		var logs syncBuffer
		f.sender.Logger = slog.New(slog.NewTextHandler(&logs, nil))
		x := xapi.New(xapi.Options{BaseURL: f.url, Retries: -1, Owner: "lucknowpolice",
			Credentials: xapi.Credentials{AccessToken: "lucknowpolice", AccessSecret: "s"}})
		f.sender.Accounts = map[string]*xapi.Client{"lucknowpolice": x}
		var acks []jobs.AcknowledgeArgs
		for i := range 4 {
			id, err := f.sim.AddDraft(xsim.Draft{Username: "citizen", Text: fmt.Sprintf("@lucknowpolice my bike was stolen in Hazratganj, case %d", i)})
			if err != nil {
				t.Fatal(err)
			}
			c, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: id, Text: "my bike was stolen", Lang: "en",
				Triage: &shikayat.Triage{Urgency: shikayat.ClassMidTerm}})
			if err != nil {
				t.Fatal(err)
			}
			acks = append(acks, jobs.AcknowledgeArgs{ComplaintID: c.ID, PostID: id, Account: "lucknowpolice"})
		}
		count := func(msg string) int { return strings.Count(logs.String(), msg) }
		const (
			notYet = "X has not yet confirmed its access token"
			other  = "its access token belongs to another account"
		)
		for range 2 {
			for _, a := range acks {
				if err := f.sender.Acknowledge(ctx, a); err == nil {
					t.Fatal("reply job done before X confirmed the token")
				}
			}
		}
		if count(notYet) != 1 || count(other) != 0 {
			t.Fatalf("8 tries with a token not yet confirmed logged %q %d times, %q %d times; want once, never:\n%s",
				notYet, count(notYet), other, count(other), logs.String())
		}
		x.SetTokenOwner("lucknowpolice", "ghaziabadpolice")
		for _, a := range acks {
			if err := f.sender.Acknowledge(ctx, a); err == nil {
				t.Fatal("reply job done with another account's token")
			}
		}
		var line string
		for _, l := range strings.Split(logs.String(), "\n") {
			if strings.Contains(l, other) {
				line = l
			}
		}
		if count(other) != 1 || !strings.Contains(line, "level=WARN") || !strings.Contains(line, "@ghaziabadpolice") {
			t.Fatalf("4 tries with another's token logged %q %d times (last %q); want once, a warning naming @ghaziabadpolice", other, count(other), line)
		}
		x.SetTokenOwner("lucknowpolice", "lucknowpolice")
		for _, a := range acks[:2] {
			if err := f.sender.Acknowledge(ctx, a); err != nil {
				t.Fatalf("reply with the confirmed token: %v", err)
			}
		}
		if n := count("X confirmed the account's access token"); n != 1 {
			t.Fatalf("the confirmation logged %d times; want once:\n%s", n, logs.String())
		}
	})
}
