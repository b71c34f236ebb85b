package main

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/storetest"
)

// "unit add" makes a unit once: a second add of the same unit (a typo of
// another, a copied command) is refused, not a silent rename; --rename
// renames it and keeps its Hindi name unless one is given. A stray word
// (an unquoted name), a control character or an overlong name is refused.
func TestUnitAddRefusesExistingStrayAndBadNames(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := dsn()
		add := func(args ...string) (int, string) {
			t.Helper()
			code, _, errs := runCmd(t, "", append([]string{"unit", "add", "--db", d}, args...)...)
			return code, errs
		}
		if code, errs := add("--unit", "unit:grp", "--name", "Government Railway Police", "--name-hi", "राजकीय रेलवे पुलिस"); code != 0 {
			t.Fatalf("unit add: %s", errs)
		}
		if code, errs := add("--unit", "unit:grp", "--name", "Cyber Cell"); code == 0 || !strings.Contains(errs, "--rename") {
			t.Fatalf("second add of unit:grp = %d %q; want refused, pointing to --rename", code, errs)
		}
		if code, errs := add("--unit", "unit:grp", "--name", "GRP Uttar Pradesh", "--rename"); code != 0 {
			t.Fatalf("rename: %s", errs)
		}
		if code, errs := add("--unit", "unit:nope", "--name", "Nope", "--rename"); code == 0 {
			t.Fatalf("rename of a unit that does not exist = %d %q; want refused", code, errs)
		}
		if code, errs := add("--unit", "unit:traffic", "--name", "Traffic", "Police"); code == 0 || !strings.Contains(errs, "Police") {
			t.Fatalf("stray argument = %d %q; want refused, naming it", code, errs)
		}
		for _, bad := range []string{"Traffic\nunit unit:hq: HQ", "Traffic\x1b[2J", strings.Repeat("T", 500)} {
			if code, _ := add("--unit", "unit:traffic", "--name", bad); code == 0 {
				t.Fatalf("name %q accepted", bad)
			}
		}
		db, err := openStore(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		u, err := db.FindUnit(context.Background(), "unit:grp")
		if err != nil || u.Name != "GRP Uttar Pradesh" || u.NameHi != "राजकीय रेलवे पुलिस" {
			t.Fatalf("unit:grp = %+v, %v; want renamed, Hindi name kept", u, err)
		}
		if _, err := db.FindUnit(context.Background(), "unit:traffic"); err == nil {
			t.Fatal("unit:traffic made from a refused command")
		}
	})
}
