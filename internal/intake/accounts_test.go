package intake_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// Every configured account's mentions are read under the one lease, each
// with its own checkpoint and its own token; a post that tags several is
// one record; an account X refuses holds up no other.
func TestPollAllAccounts(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"},
			ConsumerSecret: "app", AccessSecret: "right"})
		ts := httptest.NewServer(r.sim)
		defer ts.Close()
		as := func(user, secret string) *xapi.Client {
			return xapi.New(xapi.Options{BaseURL: ts.URL, Retries: -1, UserReads: true,
				Credentials: xapi.Credentials{ConsumerKey: "k", ConsumerSecret: "app", AccessToken: user, AccessSecret: secret}})
		}
		lko := as("lucknowpolice", "right")
		r.p.Accounts = shikayat.Accounts{{Username: "Uppolice", UnitID: "hq"}, {Username: "lucknowpolice", UnitID: "district:162"},
			{Username: "ghaziabadpolice", UnitID: "district:145"}}
		r.p.Extra = []intake.AccountReader{{Username: "lucknowpolice", X: lko}, {Username: "ghaziabadpolice", X: as("ghaziabadpolice", "revoked")}}
		r.p.Interval = time.Nanosecond // every account is due at each round
		var polled []int
		r.p.Polled = func(read, recorded int) { polled = append(polled, recorded) }

		onlyLko := r.post(t, "ramesh_k", "@lucknowpolice kal raat meri bike chori ho gayi ghar ke bahar se, please FIR likhiye")
		both := r.post(t, "sunita_v", "@Uppolice @lucknowpolice mera mobile chori ho gaya market me, madad kijiye")
		onlyGzb := r.post(t, "amit_s", "@ghaziabadpolice mera purse chori ho gaya metro me")
		if err := r.p.PollAll(ctx); err != nil {
			t.Fatal(err)
		}
		if n := r.countPosts(t); n != 2 {
			for _, id := range []string{onlyLko, both, onlyGzb} {
				_, kind, _, err := r.db.FindPost(ctx, id)
				t.Logf("%s: %q %v", id, kind, err)
			}
			t.Logf("lko health %v", lko.Health())
			t.Fatalf("%d posts recorded, want 2 (the one tagging two accounts once)", n)
		}
		if r.kind(t, onlyLko) != shikayat.RecordComplaint || r.kind(t, both) != shikayat.RecordComplaint {
			t.Fatalf("records %s, %s", r.kind(t, onlyLko), r.kind(t, both))
		}
		if len(polled) != 1 || polled[0] != 2 {
			t.Fatalf("Polled told %v, want one round of 2", polled)
		}
		for name, want := range map[string]bool{"x:mentions": true, "x:mentions@lucknowpolice": true, "x:mentions@ghaziabadpolice": false} {
			cp, err := r.db.Checkpoint(ctx, name)
			if err != nil || (cp != "") != want {
				t.Errorf("checkpoint %s = %q, %v", name, cp, err)
			}
		}
		if _, kind, _, err := r.db.FindPost(ctx, onlyGzb); err == nil {
			t.Fatalf("a post read with a refused token: %s", kind)
		}
		if err := lko.Health(); err != nil {
			t.Fatalf("lucknowpolice's standing: %v", err)
		}
		// The account's own post tagging another is a staff post.
		more := r.post(t, "lucknowpolice", "@Uppolice FIR registered in the matter of the stolen bike")
		if err := r.p.PollAll(ctx); err != nil {
			t.Fatal(err)
		}
		if k := r.kind(t, more); k != shikayat.RecordStaff {
			t.Fatalf("a configured account's own post recorded as %s, want staff", k)
		}
	})
}

// A complaint that tags a functional unit's account goes to that unit, and
// its reasons say why.
func TestFunctionalUnitsAccountRoutesToIt(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		r := newRig(t, dsn(), xsim.Options{ExtraAccounts: []string{"grpup"}})
		if _, err := r.db.SaveFunctionalUnit(ctx, "grp", "Government Railway Police", "", false); err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(r.sim)
		defer ts.Close()
		r.p.Accounts = shikayat.Accounts{{Username: "Uppolice", UnitID: "hq"}, {Username: "grpup", UnitID: "unit:grp"}}
		r.p.Extra = []intake.AccountReader{{Username: "grpup", X: xapi.New(xapi.Options{BaseURL: ts.URL, Retries: -1, UserReads: true,
			Credentials: xapi.Credentials{AccessToken: "grpup", AccessSecret: "s"}})}}
		id := r.post(t, "ramesh_k", "@grpup kal raat meri bike chori ho gayi ghar ke bahar se, please FIR likhiye")
		if err := r.p.PollAll(ctx); err != nil {
			t.Fatal(err)
		}
		c, err := r.db.FindComplaintByPost(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if c.UnitID != "unit:grp" || c.Stage != shikayat.StageForwarded {
			t.Fatalf("complaint %s at %s (%s), want forwarded to unit:grp", c.Code, c.UnitID, c.Stage)
		}
		v, err := r.db.PostView(ctx, shikayat.SystemScope(), id)
		if err != nil || v.Triage == nil || !strings.Contains(strings.Join(v.Triage.Reasons, "; "), "@grpup → unit:grp") {
			t.Fatalf("post %+v, %v: no reason names the unit's account", v, err)
		}
	})
}
