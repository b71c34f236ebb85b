package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
)

func runUser(ctx context.Context, args []string, io stdio) error {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(io.err, "usage: shikayat user add --db DSN --username U --role ROLE --unit UNIT --password-stdin")
		return errUsage
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(io.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	username := fs.String("username", "", "login name")
	name := fs.String("name", "", "full name")
	role := fs.String("role", "", "hq_admin, hq_operator, supervisor, district_operator or station_officer")
	unit := fs.String("unit", "", "hq, zone:NAME, range:NAME, district:LGD, unit:NAME or station:ID")
	pwStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := fs.Parse(args[1:]); err != nil {
		return errUsage
	}
	if *username == "" || *role == "" || *unit == "" || !*pwStdin {
		fmt.Fprintln(io.err, "user add needs --username, --role, --unit and --password-stdin")
		return errUsage
	}
	unitID, err := shikayat.ParseUnitID(*unit)
	if err != nil {
		return err
	}
	line, err := bufio.NewReader(io.in).ReadString('\n')
	if err != nil && line == "" {
		return shikayat.Errorf(shikayat.EINVALID, "No password on standard input.")
	}
	hash, err := auth.HashPassword(strings.TrimRight(line, "\r\n"))
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	u := &shikayat.User{Username: *username, Name: *name, Role: shikayat.Role(*role), UnitID: unitID}
	if err := db.CreateUser(ctx, u, hash); err != nil {
		return err
	}
	fmt.Fprintf(io.out, "added %s (%s at %s)\n", u.Username, u.Role, u.UnitID)
	return nil
}
