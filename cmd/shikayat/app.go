package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
	"github.com/shikayat/shikayat/internal/compliance"
	"github.com/shikayat/shikayat/internal/config"
	"github.com/shikayat/shikayat/internal/desk"
	"github.com/shikayat/shikayat/internal/geo"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/live"
	"github.com/shikayat/shikayat/internal/metrics"
	"github.com/shikayat/shikayat/internal/open311"
	"github.com/shikayat/shikayat/internal/replies"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/throttle"
	"github.com/shikayat/shikayat/internal/triage"
	"github.com/shikayat/shikayat/internal/web"
	"github.com/shikayat/shikayat/internal/xapi"
)

// Main is the running desk: the program serve starts, which end-to-end
// tests also boot in-process (on port 0, with a temporary database).
type Main struct {
	Config config.Config
	Logger *slog.Logger

	DB    *store.DB
	Queue *jobs.Queue
	Web   *web.Server
	// Addr is the address the HTTP server listens on, once Run returned.
	Addr string
	// JobHandler works background jobs; the reply sender unless set.
	JobHandler jobs.Handler
	// Triager judges posts; the embedded model unless set.
	Triager shikayat.Triager
	X       *xapi.Client
	Poller  *intake.Poller
	// PollerOptions adjust the poller before it starts (tests).
	PollerOptions func(*intake.Poller)
	// Compliance checks the desk's posts against X and redacts those
	// deleted there; River runs it every --x-compliance-every.
	Compliance *compliance.Checker

	// LeagueRules set the league table for both the job that publishes it
	// and the page that reads it, one value so that the page reads the
	// table under the key the job published it with; zero is
	// shikayat.DefaultLeague.
	LeagueRules shikayat.LeagueRules

	// AccountX are the clients of --accounts, by lower-case username, each
	// with the account's own user token.
	AccountX map[string]*xapi.Client

	// Alerts streams live alerts to the staff signed in on this node.
	Alerts     *live.Hub
	stopAlerts context.CancelFunc

	stopIntake context.CancelFunc
	intakeDone chan struct{}

	stopChecks context.CancelFunc
	// accountsStartCheck bounds the credentials check at start (tests);
	// the constant of that name when 0.
	accountsStartCheck time.Duration
	// accountsRecheck is how soon an account X has not confirmed is asked
	// again (tests); accountsRecheckEvery when 0.
	accountsRecheck time.Duration
	// standing is what the log last said of each account's token
	// (noteStanding), by lower-case username.
	standing   xapi.StandingChanges
	checksDone chan struct{}

	// stopSLA ends the re-reading of the stored SLA periods (followSLA).
	stopSLA context.CancelFunc
	slaDone chan struct{}

	server  *http.Server
	served  chan error
	closing bool
}

// NewMain returns a Main with the default configuration.
func NewMain() *Main {
	return &Main{Logger: slog.New(slog.NewJSONHandler(os.Stderr, nil))}
}

// Run opens the database (migrating it), starts the job workers and the
// HTTP server, and returns once they are running.
func (m *Main) Run(ctx context.Context) error {
	cfg := &m.Config
	m.Logger.Info("starting", slog.String("config", cfg.String()))
	// The address is bound first: a process that cannot serve (another
	// one on this address) gives up before it records or adopts any reply
	// queue, or starts a worker.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	// The address answers at once: 503 with Retry-After until the desk is
	// ready (a client or proxy is told to come back, not left waiting
	// through the migrations and the account checks).
	gate := &startGate{}
	srv := &http.Server{
		Handler:           gate,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(m.Logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	defer func() {
		if m.server == nil {
			srv.Close()
		}
	}()
	m.Addr = ln.Addr().String()
	if missing := cfg.MissingXCredentials(); len(missing) > 0 && !isLocal(cfg.XAPI) {
		m.Logger.Warn("X credentials are missing: real X will refuse the desk's requests", slog.String("missing", strings.Join(missing, ",")))
	}

	db, err := store.Open(ctx, cfg.DB, store.Options{AfterMigrate: jobs.Migrate, DocketState: cfg.DocketState, ReplyApproval: cfg.ReplyApproval, SLA: cfg.SLA, ChangeSLA: cfg.SLAChange, Logger: m.Logger})
	if err != nil {
		return err
	}
	m.DB = db
	if err := db.RestoreFinished(ctx); err != nil {
		return err
	}

	reg := prometheus.NewRegistry()
	httpX := &http.Client{Timeout: 30 * time.Second, Transport: metrics.NewRateLimitWaits(nil, reg)}
	if cfg.NoX {
		httpX.Transport = noX{}
	}
	m.X = xapi.New(xapi.Options{
		BaseURL: cfg.XAPI, Logger: m.Logger,
		HTTPClient: httpX,
		// The state account's token posts nothing until X says it is
		// the state account's (checkAccounts), as every --accounts one.
		Owner: cfg.Account,
		Credentials: xapi.Credentials{
			BearerToken: string(cfg.XBearerToken), ConsumerKey: string(cfg.XConsumerKey),
			ConsumerSecret: string(cfg.XConsumerSecret), AccessToken: string(cfg.XAccessToken),
			AccessSecret: string(cfg.XAccessSecret),
		},
	})
	if err := m.openAccounts(ctx, httpX); err != nil {
		return err
	}
	if m.JobHandler == nil {
		tmpl, err := replies.LoadTemplates(cfg.Templates)
		if err != nil {
			return err
		}
		m.JobHandler = &replies.Sender{
			DB: db, X: m.X, Templates: tmpl, Account: cfg.Account, BaseURL: cfg.BaseURL,
			DailyBudget: cfg.DailyPostBudget, Settle: 5 * time.Second, Backoff: cfg.ReplyBackoff, Logger: m.Logger,
			ReadLag: cfg.ReplyReadLag, Overlap: cfg.XOverlap,
			Accounts: m.AccountX,
		}
	}
	if m.Triager == nil {
		opt, err := triagerOptions("", cfg.Boundaries, "", "")
		if err != nil {
			return fmt.Errorf("triage: %w", err)
		}
		opt.Thresholds = triage.Thresholds{Acknowledge: cfg.AcknowledgeThreshold, Review: cfg.ReviewThreshold}
		// --accounts is the one list of the force's accounts: it overrides
		// the built-in handle table.
		opt.Handles = triage.HandlesWith(opt.Handles, cfg.ForceAccounts())
		t, err := triage.New(opt)
		if err != nil {
			return fmt.Errorf("triage: %w", err)
		}
		m.Triager = t
	}
	m.Triager = metrics.NewTimedTriager(m.Triager, reg)
	m.Compliance = &compliance.Checker{Store: db, X: m.X, Logger: m.Logger}
	jcfg := jobs.Config{
		Handler: m.JobHandler, Logger: m.Logger, RetryBackoff: cfg.ReplyBackoff,
		Replies: db, WaitAlert: cfg.ReplyWaitAlert, GiveUpAfter: cfg.ReplyGiveUp, Sealer: db, League: db, LeagueRules: m.leagueRules(), SLA: db,
		Compliance: func(ctx context.Context) error { _, err := m.Compliance.Run(ctx); return err }, ComplianceEvery: cfg.XComplianceEvery,
		StateAccount: cfg.Account, Accounts: cfg.ForceAccounts().Usernames()[1:],
		Node: nodeName(m.Addr),
	}
	if cfg.Retention > 0 {
		jcfg.Retention = m.RunRetention
	}
	m.Queue, err = jobs.New(db.SQL(), db.Engine(), jcfg)
	if err != nil {
		return err
	}
	db.SetJobs(m.Queue)
	// This node's accounts are recorded first, before any adoption and
	// before the account checks: no other node adopts the queue of an
	// account this one works while it starts. The record is this
	// process's own (jobs.Config.Node): the one a previous process left
	// expires.
	if err := m.Queue.Announce(ctx); err != nil {
		return err
	}
	// A start that fails from here on never served: its record protects
	// nothing, and a process restarted in a loop must not leave one each
	// time (Close withdraws it again after the workers stop).
	defer func() {
		if m.server == nil {
			m.withdrawRecord(ctx)
		}
	}()
	// The replies queued for an account removed from --accounts are worked
	// with the others: each moves to an account its post mentioned, or
	// waits named in /readyz.
	if n, err := m.Queue.AdoptReplies(ctx); err != nil {
		return err
	} else if n > 0 {
		m.Logger.Warn("replies queued for accounts no longer in --accounts are worked with the state account's queue", slog.Int64("jobs", n))
	}
	// Complaints stored without a queue get their SLA jobs now.
	if n, err := db.ResumeSLA(ctx); err != nil {
		return err
	} else if n > 0 {
		m.Logger.Info("SLA jobs scheduled for complaints stored without them", slog.Int("complaints", n))
	}
	if sender, ok := m.JobHandler.(*replies.Sender); ok {
		sender.Queue = m.Queue
	}
	// Every account's credentials are checked before the reply workers
	// start: a token of another account must not post even the first
	// reply. An account X does not confirm in time posts nothing until it
	// does (its replies wait); it is asked again soon.
	confirmed := true
	if !cfg.NoX {
		cctx, cancel := context.WithTimeout(ctx, cmp.Or(m.accountsStartCheck, accountsStartCheck))
		confirmed = m.checkAccountsOnce(cctx)
		cancel()
	}
	// The workers outlive ctx: Close stops them in order, letting running
	// jobs finish.
	if err := m.Queue.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start job workers: %w", err)
	}

	reg.MustRegister(metrics.NewCollector(db, m.Logger))
	registerReplyMetrics(reg, m.Queue)
	m.Web = web.NewServer(m.Logger, reg)
	if err := m.mountDesk(db); err != nil {
		return err
	}
	m.Web.Ready = m.readiness()

	m.Poller = &intake.Poller{
		DB: db, X: m.X, Triager: m.Triager, Account: cfg.Account,
		PoliceAccounts: cfg.PoliceAccounts, Interval: cfg.XPoll, LeaseTTL: cfg.IntakeLease,
		Overlap: cfg.XOverlap, Stream: cfg.XStream, Logger: m.Logger, HelplineReplies: cfg.HelplineReplies,
		Accounts: cfg.ForceAccounts(), Extra: m.accountReaders(),
	}
	if sender, ok := m.JobHandler.(*replies.Sender); ok {
		// A restored desk asks the sender's path for its replies on X.
		m.Poller.Prior = sender
	}
	if m.PollerOptions != nil {
		m.PollerOptions(m.Poller)
	}
	// Every node, lease or not, records when it first had each account
	// configured: an account added is read from then on.
	if err := m.Poller.NoteConfigured(ctx); err != nil {
		return err
	}
	if cfg.XConsumerSecret != "" {
		// Account Activity: X answers its CRC check and signs deliveries
		// with the consumer secret.
		wh := m.Poller.Webhook(string(cfg.XConsumerSecret))
		m.Web.Handle("GET /x/webhook", wh)
		m.Web.Handle("POST /x/webhook", wh)
	}
	gate.open(m.Web)
	m.server, m.served = srv, served

	sctx, stopSLA := context.WithCancel(context.WithoutCancel(ctx))
	m.stopSLA, m.slaDone = stopSLA, make(chan struct{})
	go func() {
		defer close(m.slaDone)
		m.followSLA(sctx, db)
	}()
	if !cfg.NoX {
		// Every account's credentials, checked again now and then.
		cctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		m.stopChecks, m.checksDone = cancel, make(chan struct{})
		go func() {
			defer close(m.checksDone)
			m.checkAccounts(cctx, confirmed)
		}()
	}
	if !cfg.NoIntake {
		ictx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		m.stopIntake, m.intakeDone = cancel, make(chan struct{})
		go func() {
			defer close(m.intakeDone)
			m.Poller.Run(ictx)
		}()
	}
	m.Logger.Info("serving", slog.String("addr", m.Addr), slog.String("base_url", cfg.BaseURL))
	return nil
}

// RunRetention redacts the personal data of every complaint closed longer
// ago than --retention, a thousand at a time.
func (m *Main) RunRetention(ctx context.Context) error {
	const batch = 1000
	total := 0
	defer func() {
		if total > 0 {
			m.Logger.Info("retention: personal data of closed complaints redacted", slog.Int("complaints", total))
		}
	}()
	for {
		n, err := m.DB.RedactClosedBefore(ctx, time.Now().Add(-m.Config.Retention), batch)
		total += n
		if err != nil || n < batch {
			return err
		}
	}
}

// leagueRules are the league's settings, the job's and the page's.
func (m *Main) leagueRules() shikayat.LeagueRules {
	if m.LeagueRules == (shikayat.LeagueRules{}) {
		return shikayat.DefaultLeague
	}
	return m.LeagueRules
}

// mountDesk serves the route table: the desk's pages, the staff API and
// the public tracking pages.
func (m *Main) mountDesk(db *store.DB) error {
	cfg := &m.Config
	logger := web.WithRequestIDs(m.Logger)
	d, err := desk.New(db, logger, strings.HasPrefix(cfg.BaseURL, "https://"))
	if err != nil {
		return err
	}
	// The desk counts a staff reply as it will be posted: rendered.
	tmpl, err := replies.LoadTemplates(cfg.Templates)
	if err != nil {
		return err
	}
	d.RenderReply = func(lang, text, code string) (string, error) {
		return tmpl.Render(replies.TemplateReply, lang, replies.TemplateData{Code: code, URL: cfg.BaseURL + "/t/" + code, Text: text})
	}
	d.PoliceAccounts, d.AccountTrouble = cfg.ForceAccounts(), m.accountTrouble
	d.LeagueRules = m.leagueRules()
	if cfg.Boundaries != "" {
		b, err := geo.LoadBoundaries(cfg.Boundaries)
		if err != nil {
			return fmt.Errorf("boundaries: %w", err)
		}
		d.Map = districtMap(geo.NewMap(b, 600))
	}
	a := &api.Handler{Store: db, Logger: logger, RenderReply: d.RenderReply}
	clients := throttle.Clients{Trusted: cfg.TrustedProxies}
	d.Clients = clients
	track := &web.Tracker{Store: db, Server: m.Web, Clients: clients}
	if cfg.TrackRateLimit {
		// Per node, in memory: see throttle.Lookups.
		track.Limit = &throttle.Lookups{}
	}
	var origins []string
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Scheme != "" && u.Host != "" {
		origins = append(origins, u.Scheme+"://"+u.Host)
	}
	// Live alerts: this node's hub reads new alerts and streams them to the
	// staff signed in here.
	m.Alerts = &live.Hub{Source: db, Logger: m.Logger}
	hubCtx, stop := context.WithCancel(context.Background())
	m.stopAlerts = stop
	go m.Alerts.Run(hubCtx)
	signin := web.Signin{Accounts: db, Sessions: d.Sessions, Origins: origins}
	alerts := &live.Stream{Hub: m.Alerts, UnitPath: web.StaffUnitPath, StillSignedIn: m.Web.StillSignedIn(signin), Logger: logger}
	o311 := &open311.Handler{Store: db, Triager: m.Triager, Logger: logger, BaseURL: cfg.BaseURL,
		Jurisdiction: jurisdiction(cfg.BaseURL), Limit: track.Limit, Clients: clients, MaskNote: m.Web.MaskNote}
	routes := web.Routes(web.Handlers{Desk: d, API: a, Track: track, Alerts: alerts, Open311: o311})
	return m.Web.Mount(routes, signin)
}

// districtMap draws the dashboard's map from m.
func districtMap(m *geo.Map) desk.DistrictMap {
	return func(w io.Writer, title string, shade func(lgd int) (fill, href, tip string)) error {
		return m.Render(w, title, func(lgd int) geo.Shade {
			fill, href, tip := shade(lgd)
			return geo.Shade{Fill: fill, Href: href, Title: tip}
		})
	}
}

// jurisdiction is the Open311 jurisdiction_id: the host of the base URL.
func jurisdiction(baseURL string) string {
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "shikayat"
}

// Done is closed with the server's error when it stops on its own.
func (m *Main) Done() <-chan error { return m.served }

// Close shuts down in order: stop taking requests and let those in flight
// finish, let running jobs finish (or cancel them to be retried after the
// next start), then close the database. ctx bounds the wait.
func (m *Main) Close(ctx context.Context) error {
	var errs []error
	if m.stopIntake != nil {
		// A poll in flight commits or rolls back whole; then the lease goes.
		m.stopIntake()
		select {
		case <-m.intakeDone:
		case <-ctx.Done():
		}
	}
	if m.stopChecks != nil {
		m.stopChecks()
		select {
		case <-m.checksDone:
		case <-ctx.Done():
		}
	}
	if m.stopSLA != nil {
		m.stopSLA()
		<-m.slaDone
	}
	if m.stopAlerts != nil {
		// Open alert streams end; browsers reconnect to another node.
		m.stopAlerts()
	}
	if m.server != nil {
		if err := m.server.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("stop HTTP: %w", err))
		}
	}
	if m.Queue != nil {
		if err := m.Queue.Stop(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			errs = append(errs, fmt.Errorf("stop jobs: %w", err))
		}
		if m.server == nil {
			// A start that failed: its renewals may have recorded the
			// queues again before the workers stopped.
			m.withdrawRecord(ctx)
		}
	}
	if m.DB != nil {
		if err := m.DB.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close database: %w", err))
		}
	}
	m.Logger.Info("stopped")
	return errors.Join(errs...)
}

// isLocal reports whether an X API URL points at this machine (xsim),
// which accepts empty credentials.
func isLocal(rawURL string) bool {
	host := rawURL
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	host, _, _ = strings.Cut(host, "/")
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// openStore opens the database named by a --db flag for an admin command,
// migrating it first like every command that opens a database.
func openStore(ctx context.Context, dsn string) (*store.DB, error) {
	if err := checkDSN(dsn); err != nil {
		return nil, err
	}
	return store.Open(ctx, dsn, store.Options{AfterMigrate: jobs.Migrate, StoredSLA: true})
}

// checkDSN refuses an empty --db, naming the SHIKAYAT_DB_FILE that could
// not be read when that is why it is empty.
func checkDSN(dsn string) error {
	if dsn != "" {
		return nil
	}
	if _, err := config.DSNFromEnv(); err != nil {
		return err
	}
	return shikayat.Errorf(shikayat.EINVALID, "--db is empty: give a database, sqlite:FILE or postgres://….")
}

// dbFlagDefault is the --db default: SHIKAYAT_DB, the DSN in the file
// SHIKAYAT_DB_FILE names, or the embedded SQLite. A file that cannot be
// read leaves the default empty, which opening refuses.
func dbFlagDefault() string {
	dsn, err := config.DSNFromEnv()
	if err != nil {
		return ""
	}
	return dsn
}

// noX is the transport of a desk told --no-x: every request to X fails
// before it leaves the machine.
type noX struct{}

func (noX) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, shikayat.Errorf(shikayat.EINVALID, "--no-x: this desk sends nothing to X (%s %s)", r.Method, r.URL.Path)
}

// startGate is the HTTP handler of a node that is starting: 503 with
// Retry-After until open hands it the desk's handler.
type startGate struct{ h atomic.Pointer[http.Handler] }

func (g *startGate) open(h http.Handler) { g.h.Store(&h) }

func (g *startGate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := g.h.Load(); h != nil {
		(*h).ServeHTTP(w, r)
		return
	}
	w.Header().Set("Retry-After", "5")
	http.Error(w, "starting", http.StatusServiceUnavailable)
}

// withdrawRecord deletes this process's record of its reply queues after
// a start that never served.
func (m *Main) withdrawRecord(ctx context.Context) {
	if err := m.Queue.Withdraw(context.WithoutCancel(ctx)); err != nil {
		m.Logger.Warn("could not delete the record of a start that failed; it expires", slog.String("error", err.Error()))
	}
}
