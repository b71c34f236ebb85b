package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/shikayat/shikayat/internal/store"
)

// runCorrections exports what people corrected in triage's judgement, as
// labelled posts that `shikayat train --extra` reads.
func runCorrections(ctx context.Context, args []string, sio stdio) error {
	if len(args) == 0 || args[0] != "export" {
		fmt.Fprintln(sio.err, "usage: shikayat corrections export [--db DSN] [--out FILE]")
		return errUsage
	}
	fs := flag.NewFlagSet("corrections export", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	out := fs.String("out", "", "file to write (standard output by default)")
	if err := parseFlags(fs, args[1:], sio); err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	var w io.Writer = sio.out
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	err = db.EachCorrectedPost(ctx, func(p store.CorrectedPost) error {
		n++
		return enc.Encode(struct {
			Post  any                  `json:"post"`
			Label store.CorrectedLabel `json:"label"`
		}{p.Post, p.Label})
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintf(sio.err, "exported %d corrected posts\n", n)
	return nil
}
