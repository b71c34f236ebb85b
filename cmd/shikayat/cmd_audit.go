package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
)

// runAudit checks, seals and exports the tamper-evident trail:
//
//	shikayat audit verify [--db DSN]   exit 0 only when every hash and seal match
//	shikayat audit seal [--db DSN]     seal the finished IST days not sealed yet
//	shikayat audit seals [--db DSN] [--from DAY] [--to DAY]   the seals, as JSON lines
func runAudit(ctx context.Context, args []string, io stdio) error {
	const usage = "usage: shikayat audit verify|seal|seals [--db DSN] [--from YYYY-MM-DD] [--to YYYY-MM-DD]"
	if len(args) == 0 || (args[0] != "verify" && args[0] != "seal" && args[0] != "seals") {
		fmt.Fprintln(io.err, usage)
		return errUsage
	}
	fs := flag.NewFlagSet("audit "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	var from, to *string
	if args[0] == "seals" {
		from = fs.String("from", "", "first IST day (YYYY-MM-DD), inclusive")
		to = fs.String("to", "", "last IST day (YYYY-MM-DD), inclusive")
	}
	if err := parseFlags(fs, args[1:], io); err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	enc := json.NewEncoder(io.out)
	switch args[0] {
	case "seal":
		seals, err := db.SealDays(ctx)
		if err != nil {
			return err
		}
		for _, s := range seals {
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
		return nil
	case "seals":
		return db.EachSeal(ctx, *from, *to, func(s store.Seal) error { return enc.Encode(s) })
	}
	rep, err := db.VerifyTrail(ctx)
	if err != nil {
		return err
	}
	if rep.Failure != nil {
		return shikayat.Errorf(shikayat.ECONFLICT, "The trail does not verify: %s (after %d events of %d complaints).",
			rep.Failure, rep.Events, rep.Complaints)
	}
	sealed := "no day sealed yet"
	if rep.LastSealed != "" {
		sealed = fmt.Sprintf("%d days sealed, through %s", rep.Seals, rep.LastSealed)
	}
	fmt.Fprintf(io.out, "trail verified: %d events of %d complaints, %s\n", rep.Events, rep.Complaints, sealed)
	return nil
}
