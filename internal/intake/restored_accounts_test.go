package intake_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// askedPrior answers no post and remembers which posts it was asked about.
type askedPrior struct{ asked map[string]bool }

func (a *askedPrior) PriorReplies(ctx context.Context, since string, to []string) (map[string]shikayat.PriorReply, error) {
	for _, id := range to {
		a.asked[id] = true
	}
	return map[string]shikayat.PriorReply{}, nil
}

// restoredAccountsRig is a poller reading @Uppolice and @lucknowpolice.
func restoredAccountsRig(t *testing.T, dsn string) (*rig, *askedPrior) {
	r := newRig(t, dsn, xsim.Options{ExtraAccounts: []string{"lucknowpolice"}, ConsumerSecret: "app", AccessSecret: "right"})
	ts := httptest.NewServer(r.sim)
	t.Cleanup(ts.Close)
	lko := xapi.New(xapi.Options{BaseURL: ts.URL, Retries: -1, UserReads: true,
		Credentials: xapi.Credentials{ConsumerKey: "k", ConsumerSecret: "app", AccessToken: "lucknowpolice", AccessSecret: "right"}})
	r.p.Accounts = shikayat.Accounts{{Username: "Uppolice", UnitID: "hq"}, {Username: "lucknowpolice", UnitID: "district:162"}}
	r.p.Extra = []intake.AccountReader{{Username: "lucknowpolice", X: lko}}
	r.p.Interval = time.Nanosecond
	prior := &askedPrior{asked: map[string]bool{}}
	r.p.Prior = prior
	return r, prior
}

func pollRounds(t *testing.T, r *rig, n int) {
	t.Helper()
	if ok, err := r.db.AcquireLease(context.Background(), intake.LeaseName, "test-node", time.Hour); !ok || err != nil {
		t.Fatalf("lease: %v %v", ok, err)
	}
	for i := 0; i < n; i++ {
		if err := r.p.PollAll(context.Background()); err != nil {
			t.Logf("round %d: %v", i, err)
		}
	}
}

// After a restore, a post to an extra account is read, looked up on X and
// recorded: the account's poller looks for the desk's replies too.
func TestRestoredExtraAccountIsRead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		r, prior := restoredAccountsRig(t, dsn())
		id := r.post(t, "ramesh_k", "@lucknowpolice kal raat meri bike chori ho gayi ghar ke bahar se, please FIR likhiye")
		time.Sleep(2 * time.Millisecond) // the mark's moment comes after the post's
		if _, err := r.db.MarkRestored(ctx, intake.CheckpointName); err != nil {
			t.Fatal(err)
		}
		pollRounds(t, r, 3)
		if _, _, _, err := r.db.FindPost(ctx, id); err != nil {
			t.Fatalf("post %s to @lucknowpolice never recorded after the restore: %v", id, err)
		}
		if !prior.asked[id] {
			t.Errorf("post %s after the copy was recorded without looking on X for the desk's reply", id)
		}
	})
}

// Each account's window after a restore starts at that account's own
// checkpoint in the copy, not the state account's.
func TestRestoreWindowPerAccount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		r, prior := restoredAccountsRig(t, dsn())
		early := r.post(t, "ramesh_k", "@lucknowpolice mere ghar mein chori hui, kripya madad karein")
		late := r.post(t, "sita_d", "@lucknowpolice mera mobile chori ho gaya bazaar mein, FIR likhiye")
		time.Sleep(2 * time.Millisecond)
		fence := store.Fence{Lease: intake.LeaseName, Holder: "test-node", TTL: time.Hour}
		// The state account had read far ahead (an hour from now); the
		// Lucknow account only up to the early post.
		ahead := shikayat.SnowflakeAt(time.Now().Add(time.Hour))
		if err := r.db.SetCheckpoint(ctx, fence, intake.CheckpointName, ahead); err != nil {
			t.Fatal(err)
		}
		if err := r.db.SetCheckpoint(ctx, fence, intake.CheckpointName+intake.AccountSuffix("lucknowpolice"), early); err != nil {
			t.Fatal(err)
		}
		m, err := r.db.MarkRestored(ctx, intake.CheckpointName)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Checkpoints[intake.CheckpointName+intake.AccountSuffix("lucknowpolice")]; got != early {
			t.Errorf("mark keeps @lucknowpolice's checkpoint %q, want %q", got, early)
		}
		pollRounds(t, r, 3)
		if !prior.asked[late] {
			t.Errorf("post %s to @lucknowpolice, after that account's checkpoint in the copy, was not looked up on X", late)
		}
	})
}
