package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/shikayat/shikayat/internal/backup"
	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/jobs"
)

// runBackup writes a consistent copy of a live database:
//
//	shikayat backup --db DSN --out FILE
func runBackup(ctx context.Context, args []string, io stdio) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(io.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	out := fs.String("out", "", "the backup file to write (replaced whole, or left as it was)")
	if err := parseFlags(fs, args, io); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(io.err, "shikayat backup: --out FILE is required")
		fs.Usage()
		return errUsage
	}
	if err := checkDSN(*dsn); err != nil {
		return err
	}
	if err := backup.Backup(ctx, *dsn, *out); err != nil {
		return err
	}
	fmt.Fprintf(io.out, "backed up to %s\n", *out)
	return nil
}

// runRestore replaces a database with a backup of the same engine:
//
//	shikayat restore --db DSN [--force] FILE
func runRestore(ctx context.Context, args []string, io stdio) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(io.err)
	dsn := fs.String("db", dbFlagDefault(), "database to replace: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	force := fs.Bool("force", false, "replace a database that holds complaints or posts")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return errUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(io.err, "usage: shikayat restore --db DSN [--force] FILE")
		return errUsage
	}
	if err := checkDSN(*dsn); err != nil {
		return err
	}
	if err := backup.Restore(ctx, *dsn, fs.Arg(0), *force); err != nil {
		return err
	}
	// Migrated up to this version, then marked: posts after the copy are
	// read again, and answered only after looking on X for the desk's own
	// replies to them.
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return fmt.Errorf("restored, but cannot open the result: %w", err)
	}
	defer db.Close()
	mark, err := db.MarkRestored(ctx, intake.CheckpointName)
	if err != nil {
		return err
	}
	if _, err := jobs.Restored(ctx, db.SQL()); err != nil {
		return err
	}
	complaints, posts, err := db.Counts(ctx)
	if err != nil {
		return err
	}
	newest := mark.NewestPost
	if newest == "" {
		newest = "none"
	}
	fmt.Fprintf(io.out, "restored %s: %d complaints, %d posts, newest post %s; run `shikayat audit verify` next\n",
		fs.Arg(0), complaints, posts, newest)
	return nil
}
