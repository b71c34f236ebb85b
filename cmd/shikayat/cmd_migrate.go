package main

import (
	"context"
	"flag"
	"fmt"
)

func runMigrate(ctx context.Context, args []string, io stdio) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(io.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintln(io.out, "database is up to date")
	return nil
}
