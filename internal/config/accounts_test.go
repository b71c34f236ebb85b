package config

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
)

func tokens(files map[string]string) func(string) ([]byte, error) {
	return func(p string) ([]byte, error) {
		if v, ok := files[p]; ok {
			return []byte(v), nil
		}
		return nil, errors.New("no such file")
	}
}

func TestParseAccounts(t *testing.T) {
	files := map[string]string{"lko.token": "tok-lko\nsec-lko\n", "gzb.token": "  tok-gzb\r\n sec-gzb", "one.line": "only-token\n"}
	in := "username,unit,access_token_file\n@lucknowpolice,district:162,lko.token\n# GRP next\nghaziabadpolice, district:139 ,gzb.token\n"
	accs, err := ParseAccounts(strings.NewReader(in), "Uppolice", tokens(files))
	if err != nil {
		t.Fatal(err)
	}
	if len(accs) != 2 || accs[0].Username != "lucknowpolice" || accs[0].UnitID != "district:162" ||
		accs[0].AccessToken != "tok-lko" || accs[0].AccessSecret != "sec-lko" ||
		accs[1].Username != "ghaziabadpolice" || accs[1].UnitID != "district:139" || accs[1].AccessSecret != "sec-gzb" {
		t.Fatalf("accounts = %+v", accs)
	}

	for _, tc := range []struct{ name, in, want string }{
		{"too few columns", "lucknowpolice,district:162\n", "line 1: want 3 columns"},
		{"bad username on its line", "lucknowpolice,district:162,lko.token\nlucknow police,district:162,lko.token\n", "line 2:"},
		{"bad unit", "kanpur,district:157,lko.token\nlucknowpolice,lucknow,lko.token\n", "line 2:"},
		{"district code not a number", "lucknowpolice,district:lko,lko.token\n", "line 1:"},
		{"listed twice", "lucknowpolice,district:162,lko.token\n\nLucknowPolice,district:162,lko.token\n", "line 3: @LucknowPolice is listed already on line 1"},
		{"the state account again", "uppolice,hq,lko.token\n", "line 1: @uppolice is the state account"},
		{"unreadable token file", "lucknowpolice,district:162,missing.token\n", "line 1: cannot read the access token"},
		{"token file of one line", "lucknowpolice,district:162,one.line\n", "line 1: the access token file"},
		{"no token file", "lucknowpolice,district:162,\n", "line 1: @lucknowpolice has no access_token_file"},
		{"broken quotes", "lucknowpolice,\"district:162,lko.token\n", "line 1: not CSV"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseAccounts(strings.NewReader(tc.in), "Uppolice", tokens(files))
			if err == nil || shikayat.ErrorCode(err) != shikayat.EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// A bad line in --accounts stops serve before the desk starts, naming the
// line.
func TestValidateRefusesBadAccountsLine(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "lko.token"), []byte("t\ns\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "accounts.csv")
	if err := os.WriteFile(path, []byte("username,unit,access_token_file\nlucknowpolice,district:162,lko.token\nkanpur,nowhere,lko.token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := flagConfig(t, "--accounts", path)
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "line 3:") {
		t.Fatalf("Validate = %v, want line 3 refused", err)
	}
	if err := os.WriteFile(path, []byte("lucknowpolice,district:162,lko.token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SHIKAYAT_ACCOUNTS", path) // the env twin
	c = flagConfig(t)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	got := c.ForceAccounts()
	if len(got) != 2 || got[0].Username != "Uppolice" || got[0].UnitID != "hq" || got[1].Username != "lucknowpolice" {
		t.Fatalf("ForceAccounts = %+v", got)
	}
}

func flagConfig(t *testing.T, args ...string) *Config {
	t.Helper()
	var c Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.Flags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return &c
}

// Only a first line naming all three columns is the header: a first line
// whose first column happens to be "username" is an account (@username is
// a valid handle), not skipped as a header; a header later is data.
func TestAccountsHeaderOnlyWithAllThreeNames(t *testing.T) {
	toks := tokens(map[string]string{"tok": "x\ny\n"})
	accs, err := ParseAccounts(strings.NewReader("username,district:162,tok\nlucknowpolice,district:162,tok\n"), "Uppolice", toks)
	if err != nil || len(accs) != 2 || accs[0].Username != "username" || accs[0].Line != 1 {
		t.Fatalf("first line that is data: %+v, %v; want @username read from line 1", accs, err)
	}
	accs, err = ParseAccounts(strings.NewReader(" Username , UNIT ,access_token_file\nlucknowpolice,district:162,tok\n"), "Uppolice", toks)
	if err != nil || len(accs) != 1 || accs[0].Line != 2 {
		t.Fatalf("with a header: %+v, %v; want one account, from line 2", accs, err)
	}
	if _, err := ParseAccounts(strings.NewReader("lucknowpolice,district:162,tok\nusername,unit,access_token_file\n"), "Uppolice", toks); err == nil {
		t.Fatal("a header line after the first accepted")
	}
}

func FuzzParseAccounts(f *testing.F) {
	f.Add("username,district:162,a\n")
	f.Add("username,unit,access_token_file\nlucknowpolice,district:162,a\n")
	f.Add("a,unit:grp,a\nb,zone:lucknow,a\n")
	f.Add("\"a\",\"hq\",\"a\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		accs, err := ParseAccounts(strings.NewReader(in), "Uppolice", tokens(map[string]string{"a": "x\ny\n"}))
		if err != nil {
			if shikayat.ErrorCode(err) != shikayat.EINVALID || !strings.HasPrefix(shikayat.ErrorMessage(err), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		seen := map[string]bool{"uppolice": true}
		for _, a := range accs {
			k := strings.ToLower(a.Username)
			if !ValidUsername(a.Username) || seen[k] || a.AccessToken == "" || a.AccessSecret == "" {
				t.Fatalf("accepted a bad account %+v", a)
			}
			if _, err := shikayat.ParseUnitID(a.UnitID); err != nil {
				t.Fatalf("accepted a bad unit %q", a.UnitID)
			}
			if a.Line <= 0 {
				t.Fatalf("account %+v without its line", a)
			}
			seen[k] = true
		}
	})
}

// With the stream on, polling is the safety net: it polls every 5 minutes
// unless told otherwise.
func TestStreamPollsLessByDefault(t *testing.T) {
	t.Setenv("SHIKAYAT_X_POLL", "")
	os.Unsetenv("SHIKAYAT_X_POLL")
	for _, tc := range []struct {
		args []string
		want time.Duration
	}{
		{nil, 15 * time.Second},
		{[]string{"--x-stream"}, 5 * time.Minute},
		{[]string{"--x-stream", "--x-poll", "15s"}, 15 * time.Second},
		{[]string{"--x-poll", "30s"}, 30 * time.Second},
	} {
		c := flagConfig(t, tc.args...)
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		if c.XPoll != tc.want {
			t.Errorf("%v: --x-poll %s, want %s", tc.args, c.XPoll, tc.want)
		}
	}
}
