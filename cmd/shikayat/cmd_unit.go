package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
)

const unitUsage = `usage: shikayat unit add --db DSN --unit unit:NAME --name NAME [--name-hi NAME] [--rename]

  add   make a functional unit under HQ: GRP, the cyber cell, 1090, traffic…;
        with --rename, rename one that exists (its Hindi name stays unless --name-hi is given)`

// runUnit manages the units HQ defines: functional units. Districts are
// built in, stations are imported.
func runUnit(ctx context.Context, args []string, io stdio) error {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(io.err, unitUsage)
		return errUsage
	}
	fs := flag.NewFlagSet("unit add", flag.ContinueOnError)
	fs.SetOutput(io.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	unit := fs.String("unit", "", "the functional unit: unit:NAME (lower-case letters, digits and dashes)")
	name := fs.String("name", "", "its name")
	nameHi := fs.String("name-hi", "", "its name in Hindi (kept by --rename when not given)")
	rename := fs.Bool("rename", false, "rename the unit, which must exist; without it, a unit that exists is refused")
	if err := fs.Parse(args[1:]); err != nil {
		return errUsage
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(io.err, "unit add: unexpected argument %q (a name with spaces needs quotes)\n", fs.Arg(0))
		fmt.Fprintln(io.err, unitUsage)
		return errUsage
	}
	slug, functional := strings.CutPrefix(*unit, "unit:")
	if !functional {
		return shikayat.Errorf(shikayat.EINVALID, "--unit %q: only functional units (unit:NAME) are made here; districts are built in and stations imported.", *unit)
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.SaveFunctionalUnit(ctx, slug, *name, *nameHi, *rename)
	if err != nil {
		return err
	}
	fmt.Fprintf(io.out, "unit %s: %s\n", u.ID, u.Name)
	return nil
}
