package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// holdReplies works no reply: each try fails for now and is retried, as
// replies are while X answers 503. (A job snoozed instead waits out its
// snooze in its own queue before any node may adopt it: whether the first
// desk tried it before it stopped would decide what the test sees.)
type holdReplies struct{}

var errHeld = errors.New("X is unavailable (held by the test)")

func (holdReplies) Acknowledge(context.Context, jobs.AcknowledgeArgs) error { return errHeld }
func (holdReplies) Reply(context.Context, jobs.ReplyArgs) error             { return errHeld }
func (holdReplies) StatusReply(context.Context, jobs.StatusReplyArgs) error { return errHeld }
func (holdReplies) HelplineReply(context.Context, jobs.HelplineReplyArgs) error {
	return errHeld
}

// When an account is removed from --accounts, the replies queued for it do
// not wait silently: one never handed to X moves to an account its post
// mentioned that is still configured (never to one it did not mention),
// and one whose post mentioned no configured account waits, named in
// /readyz. The restarted desk is a new node: the record the old process
// left keeps the removed account's queue from adoption until it expires
// (5 minutes unrenewed), which the test ages in the database rather than
// waits for.
func TestRemovedAccountsRepliesMoveOrAreNamed(t *testing.T) {
	t.Parallel()
	sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice", "ghaziabadpolice"}})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	x := simClient{t, ts.URL}
	dsn := storetest.DSN(t, "sqlite")
	boot := func(accounts string, handler jobs.Handler) *Main {
		m := NewMain()
		m.Logger = discardLogger()
		m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", dsn, ts.URL
		m.Config.XPoll, m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = time.Second, "Uppolice", "UP", 1000
		m.Config.IntakeLease, m.Config.AccountsFile = 30*time.Second, accounts
		if err := m.Config.Validate(); err != nil {
			t.Fatal(err)
		}
		m.Config.BaseURL = "https://shikayat.example"
		m.JobHandler = handler
		m.PollerOptions = func(p *intake.Poller) { p.Interval, p.LeaseTTL = 200*time.Millisecond, 3*time.Second }
		if err := m.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return m
	}
	stop := func(m *Main) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		m.Close(ctx)
	}
	ctx := context.Background()

	m := boot(writeAccounts(t, "lucknowpolice,district:162", "ghaziabadpolice,district:145"), holdReplies{})
	both := x.mention(map[string]string{"username": "sunita_v", "text": "@Uppolice @lucknowpolice हजरतगंज लखनऊ में कल रात मेरी बाइक चोरी हो गई, कृपया मदद करें"})
	onlyLko := x.mention(map[string]string{"username": "ramesh_k", "text": "@lucknowpolice kal raat meri bike chori ho gayi Hazratganj Lucknow me, please FIR likhiye"})
	for _, id := range []string{both, onlyLko} {
		waitFor(t, "post "+id+" recorded", func() bool {
			v, err := m.DB.PostView(ctx, shikayat.SystemScope(), id)
			return err == nil && v.Complaint != nil
		})
	}
	// Every reply was tried (and is waiting) before the desk stops.
	raw := openRaw(t, dsn)
	waitFor(t, "both replies tried", func() bool {
		var n int
		err := raw.QueryRow(`SELECT count(*) FROM river_job WHERE queue LIKE 'replies-%' AND attempt > 0 AND state = 'retryable'`).Scan(&n)
		return err == nil && n == 2
	})
	old := m.Queue.Node()
	stop(m)
	if _, err := raw.Exec(`UPDATE reply_queue_nodes SET seen_ms = seen_ms - $1 WHERE node = $2`,
		(6 * time.Minute).Milliseconds(), old); err != nil {
		t.Fatal(err)
	}

	// @lucknowpolice leaves the file.
	m = boot(writeAccounts(t, "ghaziabadpolice,district:145"), nil)
	defer stop(m)
	if got := waitRepliesBy(t, x, both, 1); len(got) != 1 || got[0] != "Uppolice" {
		t.Fatalf("replies to the post tagging @Uppolice and the removed @lucknowpolice: %v; want one from Uppolice", got)
	}
	var body string
	waitFor(t, "readyz names the reply waiting on the removed account", func() bool {
		resp, err := http.Get("http://" + m.Addr + "/readyz")
		if err != nil {
			return false
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body = string(b)
		return strings.Contains(body, "@lucknowpolice")
	})
	if got := x.allReplies(onlyLko); len(got) != 0 {
		t.Fatalf("a post that tagged only the removed account was answered: %+v", got)
	}
	if strings.Contains(body, "Uppolice") {
		t.Errorf("readyz names the moved reply's account too: %s", body)
	}
}
