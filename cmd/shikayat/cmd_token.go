package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat/internal/auth"
)

func runToken(ctx context.Context, args []string, io stdio) error {
	const usage = "usage: shikayat token create --db DSN --username U | shikayat token revoke --db DSN TOKEN"
	if len(args) == 0 || (args[0] != "create" && args[0] != "revoke") {
		fmt.Fprintln(io.err, usage)
		return errUsage
	}
	fs := flag.NewFlagSet("token "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	username := fs.String("username", "", "the user the token acts as (create)")
	if err := fs.Parse(args[1:]); err != nil {
		return errUsage
	}
	if (args[0] == "create" && *username == "") || (args[0] == "revoke" && fs.NArg() != 1) {
		fmt.Fprintln(io.err, usage)
		return errUsage
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if args[0] == "revoke" {
		if err := db.RevokeToken(ctx, auth.TokenHash(strings.TrimSpace(fs.Arg(0)))); err != nil {
			return err
		}
		fmt.Fprintln(io.out, "token revoked")
		return nil
	}
	token, hash, err := auth.NewToken()
	if err != nil {
		return err
	}
	if err := db.CreateToken(ctx, *username, hash); err != nil {
		return err
	}
	fmt.Fprintln(io.out, token)
	return nil
}
