// Package config fills shikayat's one configuration struct from command-line
// flags and their SHIKAYAT_* environment twins, and validates it at start.
package config

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/throttle"
)

// Secret is a credential: it never prints.
type Secret string

func (Secret) String() string { return "[redacted]" }

// LogValue keeps a secret out of structured logs.
func (Secret) LogValue() slog.Value { return slog.StringValue("[redacted]") }

// Config is everything serve needs.
type Config struct {
	Addr       string
	DB         string
	BaseURL    string
	XAPI       string
	XPoll      time.Duration
	Boundaries string

	// Account is the police account's username on X, without "@".
	Account string
	// PoliceAccounts are other staff accounts whose posts are never answered.
	PoliceAccounts []string
	// AccountsFile is --accounts: the force's other accounts on X (district,
	// zone and functional handles), read into Accounts by Validate.
	AccountsFile string
	// Accounts are the accounts of AccountsFile, each with its own access
	// token; the state account (Account) is not among them.
	Accounts []Account
	// DailyPostBudget caps replies per IST day.
	DailyPostBudget int
	// DocketState is the two-letter prefix of docket codes.
	DocketState string
	LogLevel    slog.Level
	// LogFormat is how log lines are written: "json" (the default, one
	// object a line) or "text" (key=value, for a person at a terminal).
	LogFormat string
	// Templates is a directory of reply templates that override the
	// built-in ones ("" for none).
	Templates string
	// NoIntake keeps this node from polling X (it still sends replies).
	NoIntake bool
	// NoX keeps every request from reaching X: no intake, no compliance
	// reads, and replies fail without leaving the machine. For a desk on a
	// restored copy under test, which must not answer anyone.
	NoX bool
	// ReplyApproval holds a station officer's free-text reply until a
	// district operator (or above) approves it.
	ReplyApproval bool
	// XStream also holds X's filtered stream open on the intake node.
	XStream bool
	// IntakeLease is how long the polling node's lease lives unrenewed:
	// another node takes over at most this long after it dies.
	IntakeLease time.Duration
	// XOverlap is how far back before the checkpoint each poll re-reads,
	// because X's order is not strict.
	XOverlap time.Duration
	// ReplyBackoff is the first wait before a reply is tried again after X
	// failed; it doubles with each try, up to 64 times.
	ReplyBackoff time.Duration
	// ReplyWaitAlert is how long a reply may wait before /readyz, /metrics
	// and the log report it.
	ReplyWaitAlert time.Duration
	// ReplyGiveUp gives up a reply that has waited this long (0: never; a
	// person may still give one up).
	ReplyGiveUp time.Duration
	// ReplyReadLag bounds how long X's read side may lag its write side: a
	// reply X called a duplicate after a try whose outcome was unknown is
	// looked for on X this long before a person is asked to settle it.
	ReplyReadLag time.Duration

	// AcknowledgeThreshold and ReviewThreshold decide a post's handling
	// from triage's confidence (serve's --acknowledge-threshold and
	// --review-threshold, shared with the triage command); zero takes
	// triage's defaults.
	AcknowledgeThreshold, ReviewThreshold float64
	// XComplianceEvery is how often the desk checks its posts against X
	// and redacts those deleted there (0: never).
	XComplianceEvery time.Duration
	// Retention redacts the personal data of complaints closed longer ago
	// than this (0: kept).
	Retention time.Duration

	// SLA is the deadlines by class (--sla-immediate-ack,
	// --sla-immediate-action, --sla-mid-term, --sla-long-term); a zero
	// field takes DESIGN's default (shikayat.DefaultSLA). Every node
	// sharing a database must be given the same: a node whose closing
	// deadlines differ from those the database's statistics are counted
	// by does not start, unless SLAChange (--sla-change) makes its own the
	// database's.
	SLA       shikayat.SLA
	SLAChange bool

	// HelplineReplies answers another department's matter once with that
	// department's helpline (off by default).
	HelplineReplies bool

	// TrackRateLimit limits the public tracking lookups per client address
	// (on by default; off for benchmarks).
	TrackRateLimit bool
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client (for the tracking limit, sign-in throttling and logs);
	// none: the connection's peer is the client.
	TrustedProxies []netip.Prefix

	XBearerToken    Secret
	XConsumerKey    Secret
	XConsumerSecret Secret
	XAccessToken    Secret
	XAccessSecret   Secret

	// Raw flag values, read by Validate.
	policeRaw, levelRaw, proxiesRaw *string
	// slaFlags: the SLA came from flags or the environment, so a zero
	// deadline was given on purpose and is refused, not defaulted.
	slaFlags bool
}

// DefaultPoll is how often the mentions are polled; DefaultStreamPoll, with
// the filtered stream on, when polling is only the safety net.
const (
	DefaultPoll       = 15 * time.Second
	DefaultStreamPoll = 5 * time.Minute
)

// Flags binds the serve flags to c on fs, with defaults from the
// environment (SHIKAYAT_ADDR for --addr, and so on).
func (c *Config) Flags(fs *flag.FlagSet) {
	str := func(p *string, name, def, usage string) {
		fs.StringVar(p, name, envOr(name, def), usage+" (env "+envName(name)+")")
	}
	str(&c.Addr, "addr", "127.0.0.1:8080", "address to listen on")
	// A DSN holding a password may instead be in the file SHIKAYAT_DB_FILE
	// names, read by Validate when --db is not given.
	dbDefault := "sqlite:shikayat.db"
	if os.Getenv("SHIKAYAT_DB") == "" && os.Getenv("SHIKAYAT_DB_FILE") != "" {
		dbDefault = ""
	}
	str(&c.DB, "db", dbDefault, "database: sqlite:FILE or postgres://… (or a file holding it in SHIKAYAT_DB_FILE)")
	str(&c.BaseURL, "base-url", "", "public URL of the desk, for tracking links (default http:// + addr)")
	str(&c.XAPI, "x-api", "https://api.x.com", "X API base URL, without /2")
	str(&c.Boundaries, "boundaries", "", "GeoJSON FeatureCollection of district boundaries with an integer property lgd")
	str(&c.Account, "account", "Uppolice", "the police account's username on X")
	str(&c.AccountsFile, "accounts", "", "CSV of the force's other accounts on X: username,unit,access_token_file")
	str(&c.DocketState, "docket-state", "UP", "two-letter state prefix of docket codes")
	str(&c.LogFormat, "log-format", "json", "log lines as json or text")
	str(&c.Templates, "templates", "", "directory of reply templates (ack.hi.tmpl, …) that override the built-in ones")
	fs.BoolVar(&c.XStream, "x-stream", envOr("x-stream", "") == "true", "also read X's filtered stream on the intake node (env SHIKAYAT_X_STREAM=true)")
	fs.BoolVar(&c.HelplineReplies, "helpline-replies", envOr("helpline-replies", "") == "true", "answer another department's matter once with its helpline (env SHIKAYAT_HELPLINE_REPLIES=true)")
	fs.BoolVar(&c.NoX, "no-x", envOr("no-x", "") == "true", "send no request to X at all: no intake, no compliance reads, no replies (env SHIKAYAT_NO_X=true)")
	fs.BoolVar(&c.NoIntake, "no-intake", envOr("no-intake", "") == "true", "do not poll X on this node (env SHIKAYAT_NO_INTAKE=true)")
	fs.BoolVar(&c.ReplyApproval, "reply-approval", envOr("reply-approval", "true") != "false", "hold a station officer's free-text reply for a district operator's approval (env SHIKAYAT_REPLY_APPROVAL=false turns it off)")
	fs.BoolVar(&c.TrackRateLimit, "track-rate-limit", envOr("track-rate-limit", "true") != "false", "limit public tracking lookups per client address (env SHIKAYAT_TRACK_RATE_LIMIT=false turns it off)")
	var proxies string
	str(&proxies, "trusted-proxies", "", "comma-separated CIDRs of reverse proxies whose X-Forwarded-For names the client")
	var police string
	str(&police, "police-accounts", "", "comma-separated usernames of other police accounts, never answered")
	// Unset, --x-poll is 15s, or 5m with --x-stream: then the stream brings
	// the posts and polling is the safety net (README: what each costs).
	var d time.Duration
	if poll := envOr("x-poll", ""); poll != "" {
		var err error
		if d, err = time.ParseDuration(poll); err != nil {
			d = -1 // reported by Validate
		}
	}
	fs.DurationVar(&c.XPoll, "x-poll", d, "how often to poll X for mentions; default 15s, or 5m with --x-stream (env SHIKAYAT_X_POLL)")
	lease, err := time.ParseDuration(envOr("intake-lease", "30s"))
	if err != nil {
		lease = -1
	}
	fs.DurationVar(&c.IntakeLease, "intake-lease", lease, "how long the intake lease lives unrenewed (env SHIKAYAT_INTAKE_LEASE)")
	overlap, err := time.ParseDuration(envOr("x-overlap", "5m"))
	if err != nil {
		overlap = -1
	}
	fs.DurationVar(&c.XOverlap, "x-overlap", overlap, "how far back before the newest recorded mention each poll re-reads (env SHIKAYAT_X_OVERLAP)")
	dur := func(p *time.Duration, name, def, usage string) {
		d, err := time.ParseDuration(envOr(name, def))
		if err != nil {
			d = -1 // reported by Validate
		}
		fs.DurationVar(p, name, d, usage+" (env "+envName(name)+")")
	}
	dur(&c.ReplyBackoff, "reply-backoff", "1s", "first wait before a reply is tried again after X failed; doubles with each try, up to 64 times")
	dur(&c.ReplyWaitAlert, "reply-wait-alert", "15m", "report replies waiting longer than this in /readyz, /metrics and the log")
	dur(&c.ReplyGiveUp, "reply-give-up", "0s", "give up a reply that has waited this long (0: never)")
	dur(&c.XComplianceEvery, "x-compliance-every", "6h", "how often to check the desk's posts against X and redact those deleted there (0: never)")
	dur(&c.Retention, "retention", "0s", "redact the personal data of complaints closed longer ago than this, e.g. 26280h for 3 years (0: keep)")
	c.slaFlags = true
	dur(&c.SLA.ImmediateAck, "sla-immediate-ack", "15m", "SLA: an immediate complaint's acknowledgement is due this long after it was received")
	dur(&c.SLA.ImmediateFirstAction, "sla-immediate-action", "1h", "SLA: a person's first action on an immediate complaint is due this long after it reached its unit")
	dur(&c.SLA.MidTermClose, "sla-mid-term", "240h", "SLA: a mid_term complaint (and an immediate one once acted on) is due closed this long after it reached its unit")
	dur(&c.SLA.LongTermClose, "sla-long-term", "720h", "SLA: a long_term complaint is due closed this long after it reached its unit")
	fs.BoolVar(&c.SLAChange, "sla-change", envOr("sla-change", "false") == "true", "make this node's closing deadlines the database's, recounting the statistics by them (a node whose deadlines differ does not start otherwise)")
	dur(&c.ReplyReadLag, "reply-read-lag", "10m", "look this long for a reply X called a duplicate but does not show yet, before a person must settle it")
	budget, err := strconv.Atoi(envOr("daily-post-budget", "1000"))
	if err != nil {
		budget = -1
	}
	fs.IntVar(&c.DailyPostBudget, "daily-post-budget", budget, "most replies posted per IST day (env SHIKAYAT_DAILY_POST_BUDGET)")
	level := envOr("log-level", "info")
	fs.Func("log-level", "debug, info, warn or error (env SHIKAYAT_LOG_LEVEL)", func(s string) error { level = s; return nil })
	c.policeRaw, c.levelRaw, c.proxiesRaw = &police, &level, &proxies
}

// NewLogger writes log lines to w in the configured format, at the
// configured level and above.
func (c *Config) NewLogger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

func envName(flagName string) string {
	return "SHIKAYAT_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func envOr(flagName, def string) string {
	if v, ok := os.LookupEnv(envName(flagName)); ok {
		return v
	}
	return def
}

// Validate checks the values, fills derived ones and reads the credentials.
func (c *Config) Validate() error {
	if c.NoX {
		c.NoIntake, c.XStream, c.XComplianceEvery = true, false, 0
	}
	if c.policeRaw != nil {
		for _, p := range strings.Split(*c.policeRaw, ",") {
			if p = strings.TrimPrefix(strings.TrimSpace(p), "@"); p != "" {
				c.PoliceAccounts = append(c.PoliceAccounts, p)
			}
		}
	}
	if c.proxiesRaw != nil {
		p, err := throttle.ParseTrusted(*c.proxiesRaw)
		if err != nil {
			return err
		}
		c.TrustedProxies = p
	}
	if c.levelRaw != nil {
		if err := c.LogLevel.UnmarshalText([]byte(*c.levelRaw)); err != nil {
			return shikayat.Errorf(shikayat.EINVALID, "--log-level %q must be debug, info, warn or error.", *c.levelRaw)
		}
	}
	if c.DB == "" {
		dsn, err := secret("SHIKAYAT_DB")
		if err != nil {
			return err
		}
		c.DB = string(dsn)
		if c.DB == "" {
			c.DB = "sqlite:shikayat.db"
		}
	}
	switch c.LogFormat {
	case "":
		c.LogFormat = "json"
	case "json", "text":
	default:
		return shikayat.Errorf(shikayat.EINVALID, "--log-format %q must be json or text.", c.LogFormat)
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return shikayat.Errorf(shikayat.EINVALID, "--addr %q must be HOST:PORT.", c.Addr)
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://" + c.Addr
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return shikayat.Errorf(shikayat.EINVALID, "--base-url %q must be an http:// or https:// URL.", c.BaseURL)
	}
	c.XAPI = strings.TrimRight(c.XAPI, "/")
	if u, err := url.Parse(c.XAPI); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return shikayat.Errorf(shikayat.EINVALID, "--x-api %q must be an http:// or https:// URL.", c.XAPI)
	}
	if strings.HasSuffix(c.XAPI, "/2") {
		return shikayat.Errorf(shikayat.EINVALID, "--x-api %q must not end in /2: the client adds it.", c.XAPI)
	}
	if c.XPoll == 0 {
		c.XPoll = DefaultPoll
		if c.XStream {
			c.XPoll = DefaultStreamPoll
		}
	}
	if c.XPoll < time.Second {
		return shikayat.Errorf(shikayat.EINVALID, "--x-poll must be a duration of at least 1s, like 15s.")
	}
	if c.XOverlap == 0 {
		c.XOverlap = 5 * time.Minute
	}
	if c.XOverlap < time.Second || c.XOverlap > 24*time.Hour {
		return shikayat.Errorf(shikayat.EINVALID, "--x-overlap must be a duration between 1s and 24h, like 5m.")
	}
	if c.IntakeLease < 3*time.Second {
		return shikayat.Errorf(shikayat.EINVALID, "--intake-lease must be a duration of at least 3s, like 30s.")
	}
	// Zero takes the default (a Config built in code, not from flags).
	if c.ReplyBackoff == 0 {
		c.ReplyBackoff = time.Second
	}
	if c.ReplyWaitAlert == 0 {
		c.ReplyWaitAlert = 15 * time.Minute
	}
	if c.ReplyReadLag == 0 {
		c.ReplyReadLag = 10 * time.Minute
	}
	if c.ReplyBackoff < time.Millisecond {
		return shikayat.Errorf(shikayat.EINVALID, "--reply-backoff must be a duration of at least 1ms, like 1s.")
	}
	if c.ReplyWaitAlert < time.Second {
		return shikayat.Errorf(shikayat.EINVALID, "--reply-wait-alert must be a duration of at least 1s, like 15m.")
	}
	if c.ReplyGiveUp < 0 || (c.ReplyGiveUp > 0 && c.ReplyGiveUp < c.ReplyWaitAlert) {
		return shikayat.Errorf(shikayat.EINVALID, "--reply-give-up must be 0 (never) or a duration no shorter than --reply-wait-alert, like 24h.")
	}
	if c.XComplianceEvery < 0 || (c.XComplianceEvery > 0 && c.XComplianceEvery < time.Minute) || c.XComplianceEvery > 24*time.Hour {
		return shikayat.Errorf(shikayat.EINVALID, "--x-compliance-every must be 0 (off) or a duration from 1m to 24h, like 6h: X's terms want a deleted post gone within 24 hours.")
	}
	if c.Retention < 0 || (c.Retention > 0 && c.Retention < 24*time.Hour) {
		return shikayat.Errorf(shikayat.EINVALID, "--retention must be 0 (keep) or a duration of at least 24h, like 26280h (3 years).")
	}
	if c.ReplyReadLag < time.Second {
		return shikayat.Errorf(shikayat.EINVALID, "--reply-read-lag must be a duration of at least 1s, like 10m.")
	}
	if err := c.validateSLA(); err != nil {
		return err
	}
	if c.DailyPostBudget < 0 {
		return shikayat.Errorf(shikayat.EINVALID, "--daily-post-budget must be a number of posts, 0 or more.")
	}
	c.Account = strings.TrimPrefix(strings.TrimSpace(c.Account), "@")
	if c.Account == "" {
		return shikayat.Errorf(shikayat.EINVALID, "--account must name the police account on X.")
	}
	if c.AccountsFile != "" {
		accs, err := LoadAccounts(c.AccountsFile, c.Account)
		if err != nil {
			return err
		}
		c.Accounts = accs
	}
	c.DocketState = strings.ToUpper(c.DocketState)
	if len(c.DocketState) != 2 || c.DocketState[0] < 'A' || c.DocketState[0] > 'Z' || c.DocketState[1] < 'A' || c.DocketState[1] > 'Z' {
		return shikayat.Errorf(shikayat.EINVALID, "--docket-state %q must be two letters, like UP.", c.DocketState)
	}
	for name, p := range map[string]*Secret{
		"X_BEARER_TOKEN": &c.XBearerToken, "X_CONSUMER_KEY": &c.XConsumerKey,
		"X_CONSUMER_SECRET": &c.XConsumerSecret, "X_ACCESS_TOKEN": &c.XAccessToken,
		"X_ACCESS_SECRET": &c.XAccessSecret,
	} {
		v, err := secret("SHIKAYAT_" + name)
		if err != nil {
			return err
		}
		*p = v
	}
	return nil
}

// validateSLA fills the SLA's zero fields with DESIGN's defaults (a Config
// built in code; a zero given as a flag or in the environment is refused)
// and checks the rest: each deadline at least a second (short ones are for tests and
// drills), at most a year.
func (c *Config) validateSLA() error {
	d := shikayat.DefaultSLA
	for _, f := range []struct {
		p    *time.Duration
		def  time.Duration
		flag string
	}{
		{&c.SLA.ImmediateAck, d.ImmediateAck, "--sla-immediate-ack"},
		{&c.SLA.ImmediateFirstAction, d.ImmediateFirstAction, "--sla-immediate-action"},
		{&c.SLA.MidTermClose, d.MidTermClose, "--sla-mid-term"},
		{&c.SLA.LongTermClose, d.LongTermClose, "--sla-long-term"},
	} {
		if *f.p == 0 && !c.slaFlags {
			*f.p = f.def
		}
		if *f.p < time.Second || *f.p > 366*24*time.Hour {
			return shikayat.Errorf(shikayat.EINVALID, "%s must be a duration from 1s to 8784h (a year), like %s.", f.flag, f.def)
		}
	}
	if c.SLA.WarnAt == 0 {
		c.SLA.WarnAt = d.WarnAt
	}
	return nil
}

// DSNFromEnv is the database admin commands open by default: SHIKAYAT_DB,
// else the DSN in the file SHIKAYAT_DB_FILE names, else the embedded SQLite.
func DSNFromEnv() (string, error) {
	v, err := secret("SHIKAYAT_DB")
	if err != nil || v != "" {
		return string(v), err
	}
	return "sqlite:shikayat.db", nil
}

// secret reads a credential from NAME, or from the file named in NAME_FILE.
func secret(name string) (Secret, error) {
	if v := os.Getenv(name); v != "" {
		return Secret(v), nil
	}
	path := os.Getenv(name + "_FILE")
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", shikayat.Errorf(shikayat.EINVALID, "Cannot read %s_FILE: %v", name, err)
	}
	return Secret(strings.TrimSpace(string(b))), nil
}

// MissingXCredentials names the credentials that are not set. xsim accepts
// empty ones; real X refuses them.
func (c *Config) MissingXCredentials() []string {
	var out []string
	for name, v := range map[string]Secret{
		"SHIKAYAT_X_BEARER_TOKEN": c.XBearerToken, "SHIKAYAT_X_CONSUMER_KEY": c.XConsumerKey,
		"SHIKAYAT_X_CONSUMER_SECRET": c.XConsumerSecret, "SHIKAYAT_X_ACCESS_TOKEN": c.XAccessToken,
		"SHIKAYAT_X_ACCESS_SECRET": c.XAccessSecret,
	} {
		if v == "" {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// String describes the config for the start-up log, without secrets.
func (c *Config) String() string {
	return fmt.Sprintf("addr=%s db=%s base-url=%s x-api=%s x-poll=%s x-overlap=%s x-compliance-every=%s retention=%s account=%s sla=%s/%s/%s/%s",
		c.Addr, redact(c.DB), c.BaseURL, c.XAPI, c.XPoll, c.XOverlap, c.XComplianceEvery, c.Retention, c.Account,
		c.SLA.ImmediateAck, c.SLA.ImmediateFirstAction, c.SLA.MidTermClose, c.SLA.LongTermClose)
}

// redact hides a password in a URL-shaped DSN.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}
