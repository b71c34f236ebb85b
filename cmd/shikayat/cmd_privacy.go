package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// runPrivacy answers a person's requests under the data-protection law:
//
//	shikayat privacy export --db DSN --author HANDLE [--out FILE]
//	shikayat privacy erase --db DSN --author HANDLE --requested-by TEXT [--force]
//
// export writes everything held about the X user as JSON (standard output
// by default); erase redacts it as a deleted post is redacted, refusing
// while any of its complaints is open unless --force, and records who
// asked in each complaint's trail.
func runPrivacy(ctx context.Context, args []string, sio stdio) error {
	const usage = "usage: shikayat privacy export --db DSN --author HANDLE [--out FILE]\n" +
		"       shikayat privacy erase --db DSN --author HANDLE --requested-by TEXT [--force]"
	if len(args) == 0 || (args[0] != "export" && args[0] != "erase") {
		fmt.Fprintln(sio.err, usage)
		return errUsage
	}
	fs := flag.NewFlagSet("privacy "+args[0], flag.ContinueOnError)
	fs.SetOutput(sio.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	author := fs.String("author", "", "the person's X handle (with or without @)")
	var out, by *string
	var force *bool
	if args[0] == "export" {
		out = fs.String("out", "", "file to write (standard output by default)")
	} else {
		by = fs.String("requested-by", "", "who asked for the erasure (recorded in the trail)")
		force = fs.Bool("force", false, "erase even while the person's complaints are open")
	}
	if err := parseFlags(fs, args[1:], sio); err != nil {
		return err
	}
	if strings.TrimSpace(*author) == "" {
		fmt.Fprintln(sio.err, "privacy: --author is required\n"+usage)
		return errUsage
	}
	if by != nil && strings.TrimSpace(*by) == "" {
		fmt.Fprintln(sio.err, "privacy erase: --requested-by is required\n"+usage)
		return errUsage
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if args[0] == "erase" {
		er, err := db.ErasePerson(ctx, *author, *by, *force)
		if err != nil {
			return err
		}
		fmt.Fprintf(sio.out, "erased: %d posts of author ids %v (handles %v); complaints recording it: %s\n",
			er.Posts, er.AuthorIDs, er.Handles, strings.Join(er.Complaints, " "))
		return nil
	}
	p, err := db.ExportPerson(ctx, *author)
	if err != nil {
		return err
	}
	var w io.Writer = sio.out
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return err
	}
	if f != nil {
		return f.Close()
	}
	return nil
}
