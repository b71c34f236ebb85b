// Command shikayat runs the complaint desk and its tools.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/shikayat/shikayat"
)

// Version is set at build time with -ldflags "-X main.Version=…".
var Version = "dev"

// stdio is what a subcommand reads and writes.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// subcommand runs one command with its arguments.
type subcommand struct {
	name, usage string
	run         func(ctx context.Context, args []string, io stdio) error
}

func subcommands() []subcommand {
	return []subcommand{
		{"serve", "run the desk: web UI, API, X intake and workers", runServe},
		{"demo", "the whole desk in one process, fed by a simulated X", runDemo},
		{"migrate", "bring the database schema up to date", runMigrate},
		{"stations", "stations import FILE.csv: import police stations", runStations},
		{"unit", "unit add --unit unit:NAME --name NAME: a functional unit under HQ", runUnit},
		{"user", "user add|list|disable|enable|reset-password: staff accounts", runUser},
		{"token", "token create|revoke: API tokens", runToken},
		{"corrections", "corrections export: people's corrections of triage, for train --extra", runCorrections},
		{"train", "train the triage model", runTrain},
		{"triage", "triage posts given as JSON lines", runTriage},
		{"xsim", "run a simulated X API", runXsim},
		{"audit", "audit verify|seal|seals: check, seal and export the trail", runAudit},
		{"privacy", "privacy export|erase --author HANDLE: what is held about an X user, and its erasure", runPrivacy},
		{"backup", "backup --out FILE: a consistent copy of the live database", runBackup},
		{"restore", "restore [--force] FILE: replace the database with a backup", runRestore},
		{"version", "print the version", runVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr}))
}

// run dispatches to a subcommand and returns the exit status.
func run(ctx context.Context, args []string, io stdio) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(io.err)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range subcommands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], io)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		}
		fmt.Fprintf(io.err, "shikayat %s: %s\n", c.name, describe(err))
		return 1
	}
	fmt.Fprintf(io.err, "shikayat: unknown command %q\n\n", args[0])
	usage(io.err)
	return 2
}

// errUsage marks an error whose message was already printed with usage.
var errUsage = errors.New("usage")

// describe renders an error for a person: the domain message where there is
// one, the full chain otherwise.
func describe(err error) string {
	if shikayat.ErrorCode(err) != shikayat.EINTERNAL {
		return shikayat.ErrorMessage(err)
	}
	return err.Error()
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: shikayat COMMAND [flags]\n\ncommands:")
	for _, c := range subcommands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.usage)
	}
}

func runVersion(_ context.Context, _ []string, io stdio) error {
	fmt.Fprintf(io.out, "shikayat %s\n", Version)
	return nil
}

// parseFlags parses a command's flags, which take no further arguments:
// -h gives flag.ErrHelp, anything else wrong errUsage (the message printed).
func parseFlags(fs *flag.FlagSet, args []string, io stdio) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(io.err, "shikayat %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return nil
}
