package config_test

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/config"
)

func parse(t *testing.T, args ...string) (*config.Config, error) {
	t.Helper()
	var c config.Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.Flags(fs)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return &c, c.Validate()
}

func TestDefaults(t *testing.T) {
	for _, v := range []string{"SHIKAYAT_ADDR", "SHIKAYAT_DB", "SHIKAYAT_BASE_URL", "SHIKAYAT_X_API", "SHIKAYAT_X_POLL"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	c, err := parse(t)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:8080" || c.DB != "sqlite:shikayat.db" || c.BaseURL != "http://127.0.0.1:8080" ||
		c.XAPI != "https://api.x.com" || c.XPoll != 15*time.Second || c.Account != "Uppolice" || c.IntakeLease != 30*time.Second ||
		c.XOverlap != 5*time.Minute {
		t.Fatalf("defaults = %+v", c)
	}
}

func TestEnvTwinsAndFlags(t *testing.T) {
	t.Setenv("SHIKAYAT_ADDR", "0.0.0.0:9000")
	t.Setenv("SHIKAYAT_X_POLL", "30s")
	t.Setenv("SHIKAYAT_X_OVERLAP", "10m")
	t.Setenv("SHIKAYAT_POLICE_ACCOUNTS", "@lkopolice, noidapolice")
	c, err := parse(t, "--base-url", "https://desk.example/", "--db", "postgres://u:secret@h/db")
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "0.0.0.0:9000" || c.XPoll != 30*time.Second || c.BaseURL != "https://desk.example" || c.XOverlap != 10*time.Minute {
		t.Fatalf("config = %+v", c)
	}
	if fmt.Sprint(c.PoliceAccounts) != "[lkopolice noidapolice]" {
		t.Fatalf("police accounts = %v", c.PoliceAccounts)
	}
	if strings.Contains(c.String(), "secret") {
		t.Fatalf("String() shows the database password: %s", c)
	}
}

func TestCredentials(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bearer")
	os.WriteFile(path, []byte("file-token\n"), 0o600)
	t.Setenv("SHIKAYAT_X_BEARER_TOKEN_FILE", path)
	t.Setenv("SHIKAYAT_X_CONSUMER_KEY", "ck")
	c, err := parse(t)
	if err != nil {
		t.Fatal(err)
	}
	if c.XBearerToken != "file-token" || c.XConsumerKey != "ck" {
		t.Fatalf("credentials not read")
	}
	if s := fmt.Sprintf("%v %s %+v", c.XBearerToken, c.XConsumerKey, *c); strings.Contains(s, "file-token") || strings.Contains(s, "ck ") {
		t.Fatalf("a credential printed: %s", s)
	}
	if got := strings.Join(c.MissingXCredentials(), ","); got != "SHIKAYAT_X_ACCESS_SECRET,SHIKAYAT_X_ACCESS_TOKEN,SHIKAYAT_X_CONSUMER_SECRET" {
		t.Fatalf("missing = %s", got)
	}
	t.Setenv("SHIKAYAT_X_BEARER_TOKEN_FILE", filepath.Join(dir, "nope"))
	if _, err := parse(t); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Fatalf("unreadable credential file: err = %v", err)
	}
}

func TestValidateRefuses(t *testing.T) {
	for name, args := range map[string][]string{
		"addr without port":  {"--addr", "localhost"},
		"base url scheme":    {"--base-url", "ftp://x"},
		"x api with /2":      {"--x-api", "https://api.x.com/2"},
		"poll too fast":      {"--x-poll", "10ms"},
		"lease too short":    {"--intake-lease", "1s"},
		"overlap too short":  {"--x-overlap", "10ms"},
		"overlap negative":   {"--x-overlap", "-5m"},
		"overlap too long":   {"--x-overlap", "48h"},
		"negative budget":    {"--daily-post-budget", "-1"},
		"docket state":       {"--docket-state", "U1"},
		"log level":          {"--log-level", "loud"},
		"empty account name": {"--account", "@"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parse(t, args...); shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("err = %v, want invalid", err)
			}
		})
	}
}

func TestReplySettings(t *testing.T) {
	c, err := parse(t)
	if err != nil {
		t.Fatal(err)
	}
	if c.ReplyBackoff != time.Second || c.ReplyWaitAlert != 15*time.Minute || c.ReplyGiveUp != 0 {
		t.Fatalf("reply defaults: backoff %s, wait alert %s, give up %s", c.ReplyBackoff, c.ReplyWaitAlert, c.ReplyGiveUp)
	}
	t.Setenv("SHIKAYAT_REPLY_GIVE_UP", "48h")
	c, err = parse(t, "--reply-backoff", "250ms", "--reply-wait-alert", "30m")
	if err != nil {
		t.Fatal(err)
	}
	if c.ReplyBackoff != 250*time.Millisecond || c.ReplyWaitAlert != 30*time.Minute || c.ReplyGiveUp != 48*time.Hour {
		t.Fatalf("reply settings: backoff %s, wait alert %s, give up %s", c.ReplyBackoff, c.ReplyWaitAlert, c.ReplyGiveUp)
	}
	for _, args := range [][]string{{"--reply-backoff", "-1s"}, {"--reply-wait-alert", "1ms"}, {"--reply-give-up", "5m", "--reply-wait-alert", "15m"}} {
		if _, err := parse(t, args...); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Fatalf("%v: err = %v, want invalid", args, err)
		}
	}
	t.Setenv("SHIKAYAT_REPLY_BACKOFF", "soon")
	if _, err := parse(t); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Fatalf("a bad env value: err = %v, want invalid", err)
	}
}

// The compliance check is on by default (every 6 hours), retention off;
// both have env twins, and X's 24 hours bound the check's interval.
func TestComplianceAndRetention(t *testing.T) {
	for _, v := range []string{"SHIKAYAT_X_COMPLIANCE_EVERY", "SHIKAYAT_RETENTION"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	c, err := parse(t)
	if err != nil {
		t.Fatal(err)
	}
	if c.XComplianceEvery != 6*time.Hour || c.Retention != 0 {
		t.Fatalf("defaults: compliance every %s, retention %s", c.XComplianceEvery, c.Retention)
	}
	t.Setenv("SHIKAYAT_X_COMPLIANCE_EVERY", "0")
	t.Setenv("SHIKAYAT_RETENTION", "26280h")
	if c, err = parse(t); err != nil || c.XComplianceEvery != 0 || c.Retention != 26280*time.Hour {
		t.Fatalf("env twins: %+v, %v", c, err)
	}
	for _, args := range [][]string{{"--x-compliance-every", "48h"}, {"--x-compliance-every", "10s"}, {"--retention", "1h"}, {"--retention", "-24h"}} {
		if _, err := parse(t, args...); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Errorf("%v: %v, want invalid", args, err)
		}
	}
}

func TestTrackRateLimitAndTrustedProxies(t *testing.T) {
	c, err := parse(t)
	if err != nil {
		t.Fatal(err)
	}
	if !c.TrackRateLimit || len(c.TrustedProxies) != 0 {
		t.Fatalf("defaults: limit %v, proxies %v", c.TrackRateLimit, c.TrustedProxies)
	}
	t.Setenv("SHIKAYAT_TRACK_RATE_LIMIT", "false")
	t.Setenv("SHIKAYAT_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.1")
	if c, err = parse(t); err != nil || c.TrackRateLimit || len(c.TrustedProxies) != 2 {
		t.Fatalf("from the environment: %+v, %v", c, err)
	}
	if c, err = parse(t, "--track-rate-limit=true", "--trusted-proxies", "fd00::/8"); err != nil || !c.TrackRateLimit || len(c.TrustedProxies) != 1 {
		t.Fatalf("flags: %+v, %v", c, err)
	}
	if _, err := parse(t, "--trusted-proxies", "10.0.0.0/99"); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Fatalf("a bad CIDR: %v", err)
	}
}

// A DSN holding a password may come from a file, like the X credentials;
// SHIKAYAT_DB and --db win over it.
func TestDatabaseFromFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "db")
	if err := os.WriteFile(path, []byte("postgres://shikayat:s3cret@db.internal/shikayat\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SHIKAYAT_DB", "")
	t.Setenv("SHIKAYAT_DB_FILE", path)
	c, err := parse(t)
	if err != nil {
		t.Fatal(err)
	}
	if c.DB != "postgres://shikayat:s3cret@db.internal/shikayat" {
		t.Fatalf("--db from SHIKAYAT_DB_FILE = %q", c.DB)
	}
	if dsn, err := config.DSNFromEnv(); err != nil || dsn != c.DB {
		t.Fatalf("DSNFromEnv = %q, %v", dsn, err)
	}
	if strings.Contains(c.String(), "s3cret") {
		t.Fatalf("String() shows the password: %s", c.String())
	}
	if c, err := parse(t, "--db", "sqlite:other.db"); err != nil || c.DB != "sqlite:other.db" {
		t.Fatalf("--db beside SHIKAYAT_DB_FILE = %q, %v", c.DB, err)
	}
	t.Setenv("SHIKAYAT_DB_FILE", filepath.Join(dir, "missing"))
	if _, err := parse(t); shikayat.ErrorCode(err) != shikayat.EINVALID || !strings.Contains(err.Error(), "SHIKAYAT_DB_FILE") {
		t.Fatalf("unreadable SHIKAYAT_DB_FILE = %v, want invalid naming it", err)
	}
}

func TestLogFormat(t *testing.T) {
	t.Setenv("SHIKAYAT_LOG_FORMAT", "text")
	c, err := parse(t, "--log-level", "warn")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	log := c.NewLogger(&b)
	log.Info("quiet", "code", "UP26-X")
	log.Warn("loud", "code", "UP26-X")
	if got := b.String(); strings.Contains(got, "quiet") || !strings.Contains(got, "level=WARN msg=loud code=UP26-X") {
		t.Fatalf("text log at warn = %q", got)
	}
	c, err = parse(t, "--log-format", "json")
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	c.NewLogger(&b).Info("hello", "post_id", "1")
	if !strings.HasPrefix(b.String(), `{"time":`) || !strings.Contains(b.String(), `"post_id":"1"`) {
		t.Fatalf("json log = %q", b.String())
	}
	if _, err := parse(t, "--log-format", "xml"); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Fatalf("--log-format xml = %v, want invalid", err)
	}
}

// TestSLA: the deadlines default to DESIGN's, take flags and their env
// twins, and refuse what is not a deadline.
func TestSLA(t *testing.T) {
	for _, v := range []string{"SHIKAYAT_SLA_IMMEDIATE_ACK", "SHIKAYAT_SLA_IMMEDIATE_ACTION", "SHIKAYAT_SLA_MID_TERM", "SHIKAYAT_SLA_LONG_TERM"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	c, err := parse(t)
	if err != nil {
		t.Fatal(err)
	}
	if c.SLA != shikayat.DefaultSLA {
		t.Fatalf("default SLA = %+v", c.SLA)
	}
	t.Setenv("SHIKAYAT_SLA_MID_TERM", "20s")
	c, err = parse(t, "--sla-immediate-ack", "2s", "--sla-immediate-action", "5s", "--sla-long-term", "40s")
	if err != nil {
		t.Fatal(err)
	}
	want := shikayat.SLA{ImmediateAck: 2 * time.Second, ImmediateFirstAction: 5 * time.Second, MidTermClose: 20 * time.Second,
		LongTermClose: 40 * time.Second, WarnAt: 0.8}
	if c.SLA != want {
		t.Fatalf("SLA = %+v, want %+v", c.SLA, want)
	}
	os.Unsetenv("SHIKAYAT_SLA_MID_TERM")
	for _, args := range [][]string{
		{"--sla-mid-term", "-1h"}, {"--sla-long-term", "500ms"}, {"--sla-immediate-ack", "9000h"},
		{"--sla-immediate-ack", "0s"}, {"--sla-immediate-action", "0"}, {"--sla-mid-term", "0s"}, {"--sla-long-term", "0h"},
	} {
		if _, err := parse(t, args...); shikayat.ErrorCode(err) != shikayat.EINVALID || !strings.Contains(err.Error(), args[0]) {
			t.Errorf("%v: %v, want invalid naming the flag", args, err)
		}
	}
	t.Setenv("SHIKAYAT_SLA_LONG_TERM", "0s")
	if _, err := parse(t); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Errorf("SHIKAYAT_SLA_LONG_TERM=0s: %v, want invalid", err)
	}
	os.Unsetenv("SHIKAYAT_SLA_LONG_TERM")
	t.Setenv("SHIKAYAT_SLA_IMMEDIATE_ACTION", "soon")
	if _, err := parse(t); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Errorf("an unreadable SHIKAYAT_SLA_IMMEDIATE_ACTION: %v", err)
	}
}
