package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
)

const userUsage = `usage:
  shikayat user add --db DSN --username U --role ROLE --unit UNIT [--name NAME] --password-stdin
  shikayat user list --db DSN
  shikayat user disable|enable --db DSN --username U
  shikayat user reset-password --db DSN --username U --password-stdin`

func runUser(ctx context.Context, args []string, io stdio) error {
	if len(args) == 0 {
		fmt.Fprintln(io.err, userUsage)
		return errUsage
	}
	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	username := fs.String("username", "", "login name")
	switch args[0] {
	case "add":
		return userAdd(ctx, fs, dsn, username, args[1:], io)
	case "list":
		if err := fs.Parse(args[1:]); err != nil {
			return errUsage
		}
		return userList(ctx, *dsn, io)
	case "disable", "enable":
		if err := fs.Parse(args[1:]); err != nil {
			return errUsage
		}
		if *username == "" {
			fmt.Fprintf(io.err, "user %s needs --username\n", args[0])
			return errUsage
		}
		db, err := openStore(ctx, *dsn)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := db.SetUserDisabled(ctx, *username, args[0] == "disable"); err != nil {
			return err
		}
		fmt.Fprintf(io.out, "%s %sd\n", *username, args[0])
		return nil
	case "reset-password":
		pwStdin := fs.Bool("password-stdin", false, "read the new password from the first line of standard input")
		if err := fs.Parse(args[1:]); err != nil {
			return errUsage
		}
		if *username == "" || !*pwStdin {
			fmt.Fprintln(io.err, "user reset-password needs --username and --password-stdin")
			return errUsage
		}
		hash, err := readPassword(io.in)
		if err != nil {
			return err
		}
		db, err := openStore(ctx, *dsn)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := db.SetPassword(ctx, *username, hash, ""); err != nil {
			return err
		}
		fmt.Fprintf(io.out, "password of %s reset; its sessions ended\n", *username)
		return nil
	}
	fmt.Fprintln(io.err, userUsage)
	return errUsage
}

func userAdd(ctx context.Context, fs *flag.FlagSet, dsn, username *string, args []string, io stdio) error {
	name := fs.String("name", "", "full name")
	role := fs.String("role", "", "hq_admin, hq_operator, supervisor, district_operator or station_officer")
	unit := fs.String("unit", "", "hq, zone:NAME, range:NAME, district:LGD, unit:NAME or station:ID")
	pwStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := fs.Parse(args); err != nil {
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
	hash, err := readPassword(io.in)
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

func userList(ctx context.Context, dsn string, io stdio) error {
	db, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	users, err := db.ListUsers(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(io.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "USERNAME\tROLE\tUNIT\tSTATUS\tNAME")
	for _, u := range users {
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", u.Username, u.Role, u.UnitID, status, u.Name)
	}
	return w.Flush()
}

// readPassword reads a password from the first line of r and hashes it.
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && line == "" {
		return "", shikayat.Errorf(shikayat.EINVALID, "No password on standard input.")
	}
	return auth.HashPassword(strings.TrimRight(line, "\r\n"))
}
