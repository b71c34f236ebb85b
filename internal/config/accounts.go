package config

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/shikayat/shikayat"
)

// Account is one police account of --accounts, with its own OAuth 1.0a
// access token (the consumer key and secret stay the app's).
type Account struct {
	shikayat.PoliceAccount
	AccessToken  Secret
	AccessSecret Secret
	// Line is the account's line in the file, for errors found later
	// (a unit the desk does not have).
	Line int
}

// maxAccounts bounds --accounts: UP ran 122 handles.
const maxAccounts = 1000

// ParseAccounts reads --accounts: a CSV with the columns
// username,unit,access_token_file (a header line naming them is allowed),
// unit as in "user add" (hq, zone:NAME, range:NAME, district:LGD,
// unit:NAME, station:ID). readToken reads an access_token_file: the access
// token and secret on two lines. A bad line is refused with its line
// number; state is the --account, which may not be listed again.
func ParseAccounts(r io.Reader, state string, readToken func(path string) ([]byte, error)) ([]Account, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.Comment = '#'
	var out []Account
	seen := map[string]int{strings.ToLower(state): 0}
	first := true // only the first record may be the header
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// FieldPos may not be asked about a record that failed.
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, accountsErr(line, "not CSV: %v", errors.Unwrap(err))
		}
		line, _ := cr.FieldPos(0)
		if first && isAccountsHeader(rec) {
			first = false
			continue // the header
		}
		first = false
		if len(rec) != 3 {
			return nil, accountsErr(line, "want 3 columns (username,unit,access_token_file), have %d", len(rec))
		}
		username := strings.TrimPrefix(strings.TrimSpace(rec[0]), "@")
		if !ValidUsername(username) {
			return nil, accountsErr(line, "%q is not an X username (1 to 15 letters, digits or _)", clip(username))
		}
		key := strings.ToLower(username)
		if first, dup := seen[key]; dup {
			if first == 0 {
				return nil, accountsErr(line, "@%s is the state account (--account); list only the others", username)
			}
			return nil, accountsErr(line, "@%s is listed already on line %d", username, first)
		}
		seen[key] = line
		unit, err := shikayat.ParseUnitID(rec[1])
		if err != nil {
			return nil, accountsErr(line, "%s", shikayat.ErrorMessage(err))
		}
		path := strings.TrimSpace(rec[2])
		if path == "" {
			return nil, accountsErr(line, "@%s has no access_token_file", username)
		}
		b, err := readToken(path)
		if err != nil {
			return nil, accountsErr(line, "cannot read the access token of @%s: %v", username, err)
		}
		token, secret, ok := tokenLines(string(b))
		if !ok {
			return nil, accountsErr(line, "the access token file of @%s must hold the access token and its secret on two lines", username)
		}
		out = append(out, Account{
			PoliceAccount: shikayat.PoliceAccount{Username: username, UnitID: unit},
			AccessToken:   Secret(token), AccessSecret: Secret(secret), Line: line,
		})
		if len(out) > maxAccounts {
			return nil, accountsErr(line, "more than %d accounts", maxAccounts)
		}
	}
	return out, nil
}

// LoadAccounts reads the --accounts file; each access_token_file is found
// beside it unless its path is absolute.
func LoadAccounts(path, state string) ([]Account, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, shikayat.Errorf(shikayat.EINVALID, "--accounts: %v", err)
	}
	defer f.Close()
	dir := filepath.Dir(path)
	accs, err := ParseAccounts(f, state, func(p string) ([]byte, error) {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		return os.ReadFile(p)
	})
	if err != nil {
		return nil, fmt.Errorf("--accounts %s: %w", path, err)
	}
	return accs, nil
}

// tokenLines reads an access token file: the token, then the secret.
func tokenLines(s string) (token, secret string, ok bool) {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) != 2 || strings.ContainsFunc(lines[0]+lines[1], func(r rune) bool { return r < 0x21 || r > 0x7e }) {
		return "", "", false
	}
	return lines[0], lines[1], true
}

// ValidUsername reports whether s is an X username: 1 to 15 letters,
// digits or underscores.
func ValidUsername(s string) bool {
	if s == "" || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func accountsErr(line int, format string, args ...any) error {
	return shikayat.Errorf(shikayat.EINVALID, "line %d: %s", line, fmt.Sprintf(format, args...))
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// ForceAccounts is the one list of the force's accounts: the state
// account (--account, HQ's) first, then --accounts.
func (c *Config) ForceAccounts() shikayat.Accounts {
	out := shikayat.Accounts{{Username: c.Account, UnitID: shikayat.HQUnitID}}
	for _, a := range c.Accounts {
		out = append(out, a.PoliceAccount)
	}
	return out
}

// isAccountsHeader reports whether rec is the header line: all three
// column names, in order. A first line with only "username" in its first
// column (an account named so) is data.
func isAccountsHeader(rec []string) bool {
	want := []string{"username", "unit", "access_token_file"}
	if len(rec) != len(want) {
		return false
	}
	for i, w := range want {
		if !strings.EqualFold(strings.TrimSpace(rec[i]), w) {
			return false
		}
	}
	return true
}
