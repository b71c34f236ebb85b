package intake_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// Every account is polled each round whatever another's outcome: when X
// refuses, fails or rate-limits the state account's mentions read, the
// other accounts' mentions are still recorded in the same round, the
// failure is reported for that account alone, and the state account is
// read again once its own back-off is over.
func TestPollAllStateAccountFailureStopsNoOther(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault xsim.Fault
	}{
		{"401", xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultStatus, Status: 401}},
		{"503", xsim.Fault{Endpoint: "mentions", Kind: xsim.Fault5xx}},
		{"429", xsim.Fault{Endpoint: "mentions", Kind: xsim.Fault429, ResetSeconds: 60}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			storetest.Each(t, func(t *testing.T, dsn func() string) {
				clock := &testClock{at: time.Now().Add(time.Minute)} // after the database is made
				r := newRig(t, dsn(), xsim.Options{ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"}, Now: clock.Now})
				ts := httptest.NewServer(r.sim)
				defer ts.Close()
				as := func(user string) *xapi.Client {
					return xapi.New(xapi.Options{BaseURL: ts.URL, Retries: -1, UserReads: true,
						Credentials: xapi.Credentials{AccessToken: user, AccessSecret: "s"}})
				}
				r.p.Accounts = shikayat.Accounts{{Username: "Uppolice", UnitID: "hq"}, {Username: "lucknowpolice", UnitID: "district:162"},
					{Username: "ghaziabadpolice", UnitID: "district:145"}}
				r.p.Extra = []intake.AccountReader{{Username: "lucknowpolice", X: as("lucknowpolice")}, {Username: "ghaziabadpolice", X: as("ghaziabadpolice")}}
				r.p.Interval = time.Nanosecond
				r.p.Now = clock.Now

				state := r.post(t, "sunita_v", "@Uppolice mera mobile chori ho gaya market me, madad kijiye")
				lko := r.post(t, "ramesh_k", "@lucknowpolice kal raat meri bike chori ho gayi ghar ke bahar se, please FIR likhiye")
				gzb := r.post(t, "amit_s", "@ghaziabadpolice mera purse chori ho gaya metro me")
				// Look the accounts up first, so that the fault meets the
				// state account's mentions read, the first of the round.
				for _, c := range []*xapi.Client{r.p.X, as("lucknowpolice"), as("ghaziabadpolice")} {
					if _, err := c.UserByUsername(ctx, "Uppolice"); err != nil {
						t.Fatal(err)
					}
				}
				if err := r.sim.SetFault(tc.fault); err != nil {
					t.Fatal(err)
				}
				if err := r.p.PollAll(ctx); err != nil && shikayat.ErrorCode(err) == shikayat.ECONFLICT {
					t.Fatal(err)
				}
				for _, id := range []string{lko, gzb} {
					if _, _, _, err := r.db.FindPost(ctx, id); err != nil {
						t.Fatalf("the state account's failed read kept another account's mention %s from being recorded: %v", id, err)
					}
				}
				if _, _, _, err := r.db.FindPost(ctx, state); err == nil {
					t.Fatalf("the state account's mention was recorded through a failed read")
				}
				err := r.p.FailingCheck(ctx)
				if err == nil || !strings.Contains(shikayat.ErrorMessage(err), "@Uppolice") ||
					strings.Contains(shikayat.ErrorMessage(err), "@lucknowpolice") || strings.Contains(shikayat.ErrorMessage(err), "@ghaziabadpolice") {
					t.Fatalf("FailingCheck = %v; want it to name @Uppolice alone", err)
				}
				// Once its back-off is over, the state account is read again.
				clock.Add(10 * time.Minute)
				if err := r.p.PollAll(ctx); err != nil {
					t.Fatal(err)
				}
				if _, _, _, err := r.db.FindPost(ctx, state); err != nil {
					t.Fatalf("the state account's mention after its back-off: %v", err)
				}
				if err := r.p.FailingCheck(ctx); err != nil {
					t.Fatalf("FailingCheck after a good round = %v", err)
				}
			})
		})
	}
}

// testClock is a clock the test moves; X (xsim) and intake both read it.
type testClock struct {
	mu sync.Mutex
	at time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at
}

func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = c.at.Add(d)
}

// An account added to a desk that has run for days starts from now (less
// the overlap), as a fresh desk does: its first poll does not read back
// over the days before it was configured. Its start is kept, so the next
// poll does not move it.
func TestNewAccountStartsFromNow(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		clock := &testClock{at: time.Now().Add(time.Minute)} // after the database is made
		r := newRig(t, dsn(), xsim.Options{ExtraAccounts: []string{"lucknowpolice"}, Now: clock.Now})
		ts := httptest.NewServer(r.sim)
		defer ts.Close()
		r.p.Now = clock.Now
		old := r.post(t, "ramesh_k", "@lucknowpolice kal raat meri bike chori ho gayi ghar ke bahar se, please FIR likhiye")
		if err := r.p.PollAll(ctx); err != nil { // the desk runs with the state account alone
			t.Fatal(err)
		}
		clock.Add(3 * 24 * time.Hour)

		// Days later, @lucknowpolice is configured.
		p := &intake.Poller{DB: r.db, X: r.p.X, Triager: r.p.Triager, Account: "Uppolice", Holder: r.p.Holder, Now: clock.Now,
			Interval: time.Nanosecond,
			Accounts: shikayat.Accounts{{Username: "Uppolice", UnitID: "hq"}, {Username: "lucknowpolice", UnitID: "district:162"}},
			Extra: []intake.AccountReader{{Username: "lucknowpolice", X: xapi.New(xapi.Options{BaseURL: ts.URL, Retries: -1, UserReads: true,
				Credentials: xapi.Credentials{AccessToken: "lucknowpolice", AccessSecret: "s"}})}}}
		recent := r.post(t, "sunita_v", "@lucknowpolice mera mobile chori ho gaya market me, madad kijiye")
		for range 2 {
			if err := p.PollAll(ctx); err != nil {
				t.Fatal(err)
			}
			clock.Add(time.Minute)
		}
		if _, _, _, err := r.db.FindPost(ctx, recent); err != nil {
			t.Fatalf("the new account's recent mention: %v", err)
		}
		if _, kind, _, err := r.db.FindPost(ctx, old); err == nil {
			t.Fatalf("the new account's first poll read back days before it was configured: a %s recorded", kind)
		}
	})
}
