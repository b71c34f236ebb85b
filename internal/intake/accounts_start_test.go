package intake_test

import (
	"context"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// startRig is a desk whose state account is @Uppolice, with
// @lucknowpolice on X to be added; poller makes a node's poller, with
// @lucknowpolice read through url ("" leaves it out of its --accounts).
type startRig struct {
	*rig
	clock *testClock
	url   string
}

func newStartRig(t *testing.T, dsn string) *startRig {
	return newStartRigWith(t, dsn, xsim.Options{})
}

// newStartRigWith is newStartRig over an X simulated with opts.
func newStartRigWith(t *testing.T, dsn string, opts xsim.Options) *startRig {
	clock := &testClock{at: time.Now().Add(time.Minute)}
	opts.ExtraAccounts, opts.Now = []string{"lucknowpolice"}, clock.Now
	r := newRig(t, dsn, opts)
	ts := httptest.NewServer(r.sim)
	t.Cleanup(ts.Close)
	return &startRig{rig: r, clock: clock, url: ts.URL}
}

func (s *startRig) poller(url string) *intake.Poller {
	p := &intake.Poller{DB: s.db, X: s.p.X, Triager: s.p.Triager, Account: "Uppolice", Holder: s.p.Holder, Now: s.clock.Now,
		Interval: time.Nanosecond, Accounts: shikayat.Accounts{{Username: "Uppolice", UnitID: "hq"}}}
	if url != "" {
		p.Accounts = append(p.Accounts, shikayat.PoliceAccount{Username: "lucknowpolice", UnitID: "district:162"})
		p.Extra = []intake.AccountReader{{Username: "lucknowpolice", X: xapi.New(xapi.Options{BaseURL: url, Retries: -1, UserReads: true,
			Credentials: xapi.Credentials{AccessToken: "lucknowpolice", AccessSecret: "s"}})}}
	}
	return p
}

func (s *startRig) pollTwice(t *testing.T, p *intake.Poller) {
	t.Helper()
	for range 2 {
		if err := p.PollAll(context.Background()); err != nil {
			t.Fatal(err)
		}
		s.clock.Add(time.Minute)
	}
}

// An account configured while its first polls fail (X unreachable for it,
// a wrong token file mended later) is read from when it was configured:
// its start is fixed before X is asked anything, not at the first poll
// that gets through.
func TestNewAccountReadFromBeforeItsFailedFirstPolls(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		s := newStartRig(t, dsn())
		dead := httptest.NewServer(nil)
		dead.Close()
		p := s.poller(dead.URL) // configured, but its reads fail
		if err := p.PollAll(ctx); err != nil {
			t.Fatal(err)
		}
		if err := p.FailingCheck(ctx); err == nil {
			t.Fatal("want @lucknowpolice failing")
		}
		s.clock.Add(time.Minute)
		during := s.post(t, "sunita_v", "@lucknowpolice mera mobile chori ho gaya market me, madad kijiye")
		s.clock.Add(2 * time.Hour)
		s.pollTwice(t, s.poller(s.url)) // mended
		if _, _, _, err := s.db.FindPost(ctx, during); err != nil {
			t.Fatalf("mention of a configured account, posted while its reads failed, never read: %v", err)
		}
	})
}

// During a rolling change, a node started with the new --accounts (not
// holding the lease) records when it first had the account; the lease
// holder, still on the old list, keeps the state account's checkpoint
// moving. When a node with the new list takes over hours later, the
// account is read from when the first node had it, not from then.
func TestNewAccountReadFromWhenAnyNodeFirstHadIt(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		s := newStartRig(t, dsn())
		if err := s.poller(s.url).NoteConfigured(ctx); err != nil { // the new node starts
			t.Fatal(err)
		}
		s.clock.Add(time.Minute)
		during := s.post(t, "sunita_v", "@lucknowpolice mera mobile chori ho gaya market me, madad kijiye")
		s.clock.Add(2 * time.Hour)
		s.post(t, "ramesh_k", "@Uppolice mera purse chori ho gaya station pe")
		s.pollTwice(t, s.poller("")) // the old node reads the state account
		s.clock.Add(time.Hour)
		s.pollTwice(t, s.poller(s.url)) // the new node takes over
		if _, _, _, err := s.db.FindPost(ctx, during); err != nil {
			t.Fatalf("mention posted after a node first had the account, before the lease holder did, never read: %v", err)
		}
	})
}

// A desk that was down when the account was added (the state account's
// checkpoint is hours old) reads the new account from that checkpoint, less
// the overlap: the mentions of the downtime are read for it as for the
// state account.
func TestNewAccountAddedWhileDownReadFromStateCheckpoint(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		s := newStartRig(t, dsn())
		s.post(t, "ramesh_k", "@Uppolice mera purse chori ho gaya station pe")
		s.pollTwice(t, s.poller(""))
		s.clock.Add(time.Hour) // the desk goes down
		during := s.post(t, "sunita_v", "@lucknowpolice mera mobile chori ho gaya market me, madad kijiye")
		s.clock.Add(3 * time.Hour)
		p := s.poller(s.url) // back, with the account added
		if err := p.NoteConfigured(ctx); err != nil {
			t.Fatal(err)
		}
		s.pollTwice(t, p)
		if _, _, _, err := s.db.FindPost(ctx, during); err != nil {
			t.Fatalf("mention posted while the desk was down, before the account was added, never read: %v", err)
		}
	})
}

// A desk down for ten days, back with an account added, reads the new
// account back to the state account's ten-day-old checkpoint: the mentions
// timeline reaches back by count, not by time, so a mention older than
// recent search reaches (SearchReach) is still there to read, and capping
// the start would drop it silently.
func TestNewAccountAfterALongDowntimeReadsWhatTheTimelineHolds(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		s := newStartRig(t, dsn())
		s.post(t, "ramesh_k", "@Uppolice mera purse chori ho gaya station pe")
		s.pollTwice(t, s.poller(""))
		s.clock.Add(time.Hour) // the desk goes down
		old := s.post(t, "sunita_v", "@lucknowpolice mera mobile chori ho gaya market me, madad kijiye")
		s.clock.Add(10 * 24 * time.Hour)
		p := s.poller(s.url) // back, with the account added
		if err := p.NoteConfigured(ctx); err != nil {
			t.Fatal(err)
		}
		s.pollTwice(t, p)
		if _, _, _, err := s.db.FindPost(ctx, old); err != nil {
			t.Fatalf("a mention ten days old, still in the account's mentions timeline, was not read: %v", err)
		}
	})
}

// When the account's mentions timeline no longer holds the oldest of them
// (more mentions came since than its reach), the part recent search still
// reaches is backfilled and the part it does not is recorded as lost, for
// /readyz to name: nothing is dropped silently.
func TestNewAccountAfterALongDowntimeRecordsWhatXNoLongerGives(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		s := newStartRigWith(t, dsn(), xsim.Options{MentionsReach: 120})
		s.post(t, "ramesh_k", "@Uppolice mera purse chori ho gaya station pe")
		s.pollTwice(t, s.poller(""))
		s.clock.Add(time.Hour) // the desk goes down
		old := s.post(t, "sunita_v", "@lucknowpolice mera mobile chori ho gaya market me, madad kijiye")
		s.clock.Add(9 * 24 * time.Hour)
		week := s.post(t, "asha_p", "@lucknowpolice ghar ke bahar se cycle chori ho gayi, madad kijiye")
		s.clock.Add(3 * 24 * time.Hour)
		for i := range 130 {
			s.post(t, "citizen_"+strconv.Itoa(i), "@lucknowpolice gali me roz raat ko jhagda hota hai, shikayat "+strconv.Itoa(i))
			s.clock.Add(time.Second)
		}
		p := s.poller(s.url) // back, with the account added
		if err := p.NoteConfigured(ctx); err != nil {
			t.Fatal(err)
		}
		s.pollTwice(t, p)
		if _, _, _, err := s.db.FindPost(ctx, week); err != nil {
			t.Fatalf("a mention three days old, beyond the timeline's reach but within search's, was not backfilled: %v", err)
		}
		if _, _, _, err := s.db.FindPost(ctx, old); err == nil {
			t.Fatal("a twelve-day-old mention beyond both reaches was read; the test's X gives more than X")
		}
		err := intake.AccountsGapCheck(s.db, []string{"lucknowpolice"})(ctx)
		if err == nil || !strings.Contains(shikayat.ErrorMessage(err), "@lucknowpolice: mentions between posts") ||
			!strings.Contains(shikayat.ErrorMessage(err), "lost for good") {
			t.Fatalf("the mentions X no longer gives are not named: %v", err)
		}
	})
}
