package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// node is the real program running as its own process.
type node struct {
	t    *testing.T
	cmd  *exec.Cmd
	log  string
	addr string // where it serves, once it does
}

// startNode starts `shikayat serve` and waits until it serves.
func startNode(t *testing.T, name string, args ...string) *node {
	t.Helper()
	return startNodeEnv(t, name, nil, args...)
}

// startNodeEnv starts `shikayat serve` with env added to this process's
// environment (a test that runs beside others cannot set its own).
func startNodeEnv(t *testing.T, name string, env []string, args ...string) *node {
	t.Helper()
	dir := os.Getenv("SHIKAYAT_TEST_LOGDIR") // keep the nodes' logs there
	if dir == "" {
		dir = t.TempDir()
	}
	logPath := filepath.Join(dir, name+".log")
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmd := exec.Command(binary(t), append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Stderr, cmd.Stdout = f, f
	cmd.Env = append(append(os.Environ(), "SHIKAYAT_LOG_LEVEL=info"), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	n := &node{t: t, cmd: cmd, log: logPath}
	t.Cleanup(func() { n.kill() })
	deadline := time.Now().Add(60 * time.Second)
	for n.addr == "" {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not start:\n%s", name, n.logText())
		}
		time.Sleep(50 * time.Millisecond)
		for _, line := range strings.Split(n.logText(), "\n") {
			var m struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &m) == nil && m.Msg == "serving" {
				n.addr = m.Addr
			}
		}
	}
	return n
}

func (n *node) logText() string {
	b, _ := os.ReadFile(n.log)
	return string(b)
}

// kill ends the node with SIGKILL: no shutdown, no cleanup.
func (n *node) kill() {
	if n.cmd.ProcessState == nil {
		n.cmd.Process.Signal(syscall.SIGKILL)
		n.cmd.Wait()
	}
}

// stop ends the node with SIGTERM and checks it exits cleanly.
func (n *node) stop() {
	n.t.Helper()
	n.cmd.Process.Signal(syscall.SIGTERM)
	if err := n.cmd.Wait(); err != nil {
		n.t.Errorf("node exited with %v after SIGTERM:\n%s", err, lastLines(n.logText(), 20))
	}
}

// intakeLines picks what a node logged about intake, and any error.
func intakeLines(log string) string {
	var out []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, "intake") || strings.Contains(line, "mentions") || strings.Contains(line, `"level":"ERROR"`) ||
			strings.Contains(line, "backfill") || strings.Contains(line, "goroutine") && strings.Contains(line, "intake") {
			out = append(out, line)
		}
	}
	return lastLines(strings.Join(out, "\n"), 40)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// fastSim is a simulated X whose limits do not slow a load test down.
// reach, when above 0, is how far back the mentions timeline reaches (X's
// 800 by default): a short reach makes every restart backfill by search.
func fastSim(reach ...int) *xsim.Server {
	return xsim.New(fastSimOptions(reach...))
}

func fastSimOptions(reach ...int) xsim.Options {
	limits := map[string]xsim.Limit{}
	for ep := range xsim.DefaultLimits {
		limits[ep] = xsim.Limit{Requests: 1_000_000, Window: time.Minute}
	}
	o := xsim.Options{Account: "Uppolice", Limits: limits}
	if len(reach) > 0 {
		o.MentionsReach = reach[0]
	}
	return o
}

// crashAccounts are the accounts the crash test configures besides the
// state's (--accounts), with their units.
var crashAccounts = []string{"lucknowpolice,district:162", "ghaziabadpolice,district:145"}

// policeHandles are the force's accounts on the simulated X in these
// tests: the state account and crashAccounts.
var policeHandles = []string{"Uppolice", "lucknowpolice", "ghaziabadpolice"}

// ledger checks, from the simulated X and the database, that every post
// ended in exactly one record and every complaint was answered exactly once.
type ledger struct {
	t    *testing.T
	sim  *xsim.Server
	db   *sql.DB
	want []string // ids of the posts that mention the account
}

func (l *ledger) recorded() (n int) {
	l.db.QueryRow(`SELECT count(*) FROM posts`).Scan(&n)
	return n
}

// acksExpected returns the source posts of complaints that must be acknowledged.
func (l *ledger) complaints() []string {
	rows, err := l.db.Query(`SELECT source_post_id FROM complaints`)
	if err != nil {
		l.t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

func (l *ledger) acksSent() (n int) {
	l.db.QueryRow(`SELECT count(*) FROM replies WHERE key LIKE 'ack:%' AND state IN ('sent', 'failed')`).Scan(&n)
	return n
}

// repliesByTarget lists, per post answered, the police accounts that
// answered it (one entry per reply).
func (l *ledger) repliesByTarget() map[string][]string {
	out := map[string][]string{}
	add := func(account string, posts []xapi.Tweet) {
		for _, p := range posts {
			for _, r := range p.ReferencedTweets {
				if r.Type == xapi.RefRepliedTo {
					out[r.ID] = append(out[r.ID], account)
				}
			}
		}
	}
	add("Uppolice", l.sim.AccountPosts())
	for _, a := range l.sim.ExtraAccounts() {
		add(a, l.sim.ExtraAccountPosts(a))
	}
	return out
}

// waitSettled waits until every post is recorded and every complaint's
// acknowledgement is settled.
func (l *ledger) waitSettled(timeout time.Duration, n *node) {
	l.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		rec, comp, acks := l.recorded(), len(l.complaints()), l.acksSent()
		if rec >= len(l.want) && acks >= comp {
			return
		}
		if time.Now().After(deadline) {
			// A goroutine dump in the node's log shows where it is stuck.
			log := "(an in-process desk)"
			if n != nil {
				n.cmd.Process.Signal(syscall.SIGQUIT)
				n.cmd.Wait()
				log = intakeLines(n.logText())
			}
			var cp string
			l.db.QueryRow(`SELECT value FROM checkpoints WHERE name = 'x:mentions'`).Scan(&cp)
			var missing []string
			for _, id := range l.want {
				var k string
				if l.db.QueryRow(`SELECT kind FROM posts WHERE id = $1`, id).Scan(&k) != nil && len(missing) < 10 {
					missing = append(missing, id)
				}
			}
			l.t.Fatalf("not settled: %d of %d posts recorded, %d of %d acknowledgements settled; checkpoint %s; missing e.g. %v\n%s",
				rec, len(l.want), acks, comp, cp, missing, log)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// check proves the promise: nothing lost, nothing twice.
func (l *ledger) check() {
	l.t.Helper()
	// Records are keyed by post id, so none is twice; each must be of a
	// post that was made, and every mention must have one.
	rows, err := l.db.Query(`SELECT id FROM posts`)
	if err != nil {
		l.t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		if _, ok := l.sim.Post(id); !ok {
			l.t.Errorf("a record for post %s, which is not on X", id)
		}
	}
	rows.Close()
	for _, id := range l.want {
		var kind, text string
		if err := l.db.QueryRow(`SELECT kind, text FROM posts WHERE id = $1`, id).Scan(&kind, &text); err != nil || kind == "pending" || kind == "" {
			l.t.Errorf("post %s: record %q, %v", id, kind, err)
			continue
		}
		// X's own read wins over a pushed copy that differs. (A retweet
		// is recorded with the original's full text.)
		if p, _ := l.sim.Post(id); text != p.Text && !isRetweet(p) {
			l.t.Errorf("post %s: recorded text %q, X has %q", id, text, p.Text)
		}
	}
	var dupComplaints int
	l.db.QueryRow(`SELECT count(*) FROM (SELECT source_post_id FROM complaints GROUP BY source_post_id HAVING count(*) > 1) d`).Scan(&dupComplaints)
	if dupComplaints != 0 {
		l.t.Errorf("%d posts opened more than one complaint", dupComplaints)
	}
	replies := l.repliesByTarget()
	total := 0
	for target, by := range replies {
		total += len(by)
		if len(by) > 1 {
			l.t.Errorf("post %s was answered %d times (by %v)", target, len(by), by)
		}
	}
	complaints := l.complaints()
	for _, src := range complaints {
		p, ok := l.sim.Post(src)
		if !ok {
			l.t.Errorf("complaint from unknown post %s", src)
			continue
		}
		if !mentionsAccount(p) {
			continue
		}
		if by := replies[src]; len(by) != 1 {
			l.t.Errorf("complaint from post %s got %d acknowledgements, want 1", src, len(by))
		} else if !mentions(p, by[0]) {
			l.t.Errorf("complaint from post %s was answered by @%s, which it did not mention", src, by[0])
		}
	}
	l.t.Logf("%d posts, %d complaints, %d replies in all", len(l.want), len(complaints), total)
}

func isRetweet(p xapi.Tweet) bool {
	for _, r := range p.ReferencedTweets {
		if r.Type == xapi.RefRetweeted {
			return true
		}
	}
	return false
}

// mentionsAccount tells whether X counts the post as mentioning one of
// the force's accounts.
func mentionsAccount(p xapi.Tweet) bool {
	return slices.ContainsFunc(policeHandles, func(h string) bool { return mentions(p, h) })
}

// mentions tells whether X counts the post as mentioning @username.
func mentions(p xapi.Tweet, username string) bool {
	if p.Entities == nil {
		return false
	}
	for _, m := range p.Entities.Mentions {
		if strings.EqualFold(m.Username, username) {
			return true
		}
	}
	return false
}

// feed posts n generated mentions at about perSecond, and returns the ids
// of those that mention the account. When push is set, it is given each
// post as well (a webhook delivery, say).
func feed(ctx context.Context, sim *xsim.Server, n int, perSecond float64, seed uint64, push ...func(id string)) ([]string, error) {
	g := xsim.NewGenerator(sim, seed)
	tick := time.NewTicker(time.Duration(float64(time.Second) / perSecond))
	defer tick.Stop()
	var ids []string
	for i := 0; i < n; i++ {
		select {
		case <-ctx.Done():
			return ids, ctx.Err()
		case <-tick.C:
		}
		id, err := g.Post()
		if err != nil {
			return ids, err
		}
		for _, f := range push {
			f(id)
		}
		if p, ok := sim.Post(id); ok && mentionsAccount(p) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// The desk is killed with SIGKILL at random moments while mentions pour in,
// and restarted each time. Posts reach it three ways at once (polling, the
// filtered stream, and webhook deliveries of a third of them, some of which
// differ from what X has), while X answers some replies and searches with
// 503s and 429s; the mentions timeline reaches back only 300 posts, so a
// restart backfills by search. Three police accounts are configured (the
// state's and two districts'; posts tag one or both kinds). Every post
// still ends in exactly one record holding X's own text, and every
// complaint is acknowledged exactly once, from an account it mentioned.
// SHIKAYAT_CRASH_HEAVY=1 runs 20,000 posts and 50 kills.
func TestCrashLosesNothingAndAnswersOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: not in -short mode")
	}
	// It runs the real binary and mostly waits on it: beside the other
	// tests of its kind, so that the package stays well within go test's
	// ten minutes.
	t.Parallel()
	posts, kills, rate := 2000, 10, 150.0
	if os.Getenv("SHIKAYAT_CRASH_HEAVY") != "" {
		posts, kills, rate = 20000, 50, 300.0
	}
	const secret = "crash-webhook-secret"
	env := []string{"SHIKAYAT_X_CONSUMER_SECRET=" + secret}
	opts := fastSimOptions(300)
	for _, a := range crashAccounts {
		user, _, _ := strings.Cut(a, ",")
		opts.ExtraAccounts = append(opts.ExtraAccounts, user)
	}
	sim := xsim.New(opts)
	ts := httptest.NewServer(sim)
	defer ts.Close()
	dbDir := os.Getenv("SHIKAYAT_TEST_LOGDIR")
	if dbDir == "" {
		dbDir = t.TempDir()
	}
	dbPath := filepath.Join(dbDir, "crash.db")
	args := []string{"--db", "sqlite:" + dbPath, "--x-api", ts.URL, "--x-poll", "1s", "--x-stream",
		"--intake-lease", "3s", "--daily-post-budget", "1000000", "--accounts", writeAccounts(t, crashAccounts...)}

	// The desk starts first: nothing posted before its database existed is
	// its to read.
	n := startNodeEnv(t, "node-0", env, args...)
	nodes := []*node{n}
	var mu sync.Mutex // guards webhookURL
	webhookURL := "http://" + n.addr + "/x/webhook"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type fed struct {
		ids []string
		err error
	}
	done := make(chan fed, 1)
	seed := uint64(time.Now().UnixNano())
	t.Logf("generator seed %d", seed)
	client := &http.Client{Timeout: 5 * time.Second}
	var pushed, pushFailed, altered int
	push := func(id string) {
		if id[len(id)-1]%3 != 0 {
			return
		}
		mu.Lock()
		url := webhookURL
		mu.Unlock()
		body, err := sim.WebhookPayload(id)
		if err != nil {
			t.Error(err)
			return
		}
		if id[len(id)-2]%4 == 0 {
			// A pushed copy that differs from X's own read.
			body = bytes.Replace(body, []byte(`"text":"`), []byte(`"text":"[pushed copy] `), 1)
			altered++
		}
		// A delivery to a node that is down is lost, as with X: polling
		// still reads the post.
		if err := xsim.DeliverBody(ctx, client, url, secret, body); err != nil {
			pushFailed++
		} else {
			pushed++
		}
	}
	go func() {
		ids, err := feed(ctx, sim, posts, rate, seed, push)
		done <- fed{ids, err}
	}()

	// X misbehaves now and then while the desk is being killed.
	faults := []xsim.Fault{
		{Endpoint: "create_post", Kind: xsim.Fault5xx, Count: 3},
		{Endpoint: "create_post", Kind: xsim.Fault429, Count: 1, ResetSeconds: 2},
		{Endpoint: "search", Kind: xsim.Fault429, Count: 1, ResetSeconds: 2},
		{Endpoint: "search", Kind: xsim.Fault5xx, Count: 2},
	}
	var faultsSet int
	stopFaults := make(chan struct{})
	faultsDone := make(chan struct{})
	go func() {
		defer close(faultsDone)
		rng := rand.New(rand.NewPCG(seed, 2))
		for {
			select {
			case <-stopFaults:
				return
			case <-time.After(time.Duration(500+rng.IntN(1500)) * time.Millisecond):
			}
			if err := sim.SetFault(faults[rng.IntN(len(faults))]); err != nil {
				t.Error(err)
				return
			}
			faultsSet++
		}
	}()

	feedTime := time.Duration(float64(posts)/rate*float64(time.Second)) + 5*time.Second
	rng := rand.New(rand.NewPCG(seed, 1))
	var at []time.Duration
	for range kills {
		at = append(at, time.Duration(rng.Int64N(int64(feedTime))))
	}
	slices.Sort(at)
	start := time.Now()
	for i, d := range at {
		time.Sleep(time.Until(start.Add(d)))
		n.kill()
		n = startNodeEnv(t, "node-"+strconv.Itoa(i+1), env, args...)
		nodes = append(nodes, n)
		mu.Lock()
		webhookURL = "http://" + n.addr + "/x/webhook"
		mu.Unlock()
	}
	f := <-done
	close(stopFaults)
	<-faultsDone
	if f.err != nil {
		t.Fatal(f.err)
	}
	t.Logf("%d posts also pushed by webhook (%d of them differing from X's; %d deliveries failed), %d faults set", pushed, altered, pushFailed, faultsSet)

	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	l := &ledger{t: t, sim: sim, db: db, want: f.ids}
	settling := time.Now()
	l.waitSettled(4*time.Minute, n)
	t.Logf("settled %s after the last post", time.Since(settling).Round(time.Second))
	n.stop()
	l.check()
	backfills := 0
	for _, nd := range nodes {
		backfills += strings.Count(nd.logText(), "backfilling with recent search")
	}
	t.Logf("%d polls backfilled by search", backfills)
	if backfills == 0 {
		t.Errorf("no poll backfilled: the search faults were never met")
	}
}

// Two nodes share PostgreSQL; only the lease holder polls X. SIGKILL it and
// the other takes over within a minute, with no post lost or answered twice.
func TestIntakeFailsOverToTheOtherNode(t *testing.T) {
	if testing.Short() {
		t.Skip("failover test: not in -short mode")
	}
	// It runs the real binary and mostly waits on it: beside the other
	// tests of its kind, so that the package stays well within go test's
	// ten minutes.
	t.Parallel()
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skip(storetest.EnvPostgres + " is not set")
	}
	dsn := storetest.DSN(t, "postgres")
	sim := fastSim()
	ts := httptest.NewServer(sim)
	defer ts.Close()
	args := []string{"--db", dsn, "--x-api", ts.URL, "--x-poll", "1s", "--daily-post-budget", "1000000"} // default 30 s lease

	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	nodes := map[string]*node{"a": startNode(t, "a", args...), "b": startNode(t, "b", args...)}
	holder := func() string {
		var h string
		db.QueryRow(`SELECT holder FROM leases WHERE name = 'x-intake' AND expires_at > $1`, time.Now().UnixMilli()).Scan(&h)
		return h
	}
	pidOf := func(h string) string {
		for name, n := range nodes {
			if strings.Contains(h, "-"+strconv.Itoa(n.cmd.Process.Pid)+"-") {
				return name
			}
		}
		return ""
	}
	deadline := time.Now().Add(30 * time.Second)
	for pidOf(holder()) == "" {
		if time.Now().After(deadline) {
			t.Fatal("no node took the intake lease")
		}
		time.Sleep(100 * time.Millisecond)
	}
	leader := pidOf(holder())
	other := map[string]string{"a": "b", "b": "a"}[leader]

	ctx := context.Background()
	first, err := feed(ctx, sim, 150, 100, 1)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second)
	nodes[leader].kill()
	killed := time.Now()
	second, err := feed(ctx, sim, 150, 100, 2)
	if err != nil {
		t.Fatal(err)
	}
	for pidOf(holder()) != other {
		if time.Since(killed) > time.Minute {
			t.Fatalf("node %s did not take over within a minute", other)
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("node %s took over %s after node %s was killed", other, time.Since(killed).Round(time.Second), leader)
	l := &ledger{t: t, sim: sim, db: db, want: append(first, second...)}
	l.waitSettled(3*time.Minute, nodes[other])
	nodes[other].stop()
	l.check()
}
