package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
	"github.com/shikayat/shikayat/internal/stations"
	"github.com/shikayat/shikayat/internal/xsim"
)

// demoUser is one login the demo makes: one per kind of desk.
type demoUser struct {
	username string
	role     shikayat.Role
	unit     string
	what     string
}

// demoUsers cover HQ, one zone, two districts (in different zones, to show
// that one does not see the other's complaints) and a station in each.
var demoUsers = []demoUser{
	{"hq-admin", shikayat.RoleHQAdmin, "hq", "HQ: everything, users and settings"},
	{"hq-operator", shikayat.RoleHQOperator, "hq", "HQ: every complaint, the review queue"},
	{"lucknow-zone", shikayat.RoleSupervisor, "zone:lucknow", "supervisor of Lucknow zone"},
	{"lucknow-op", shikayat.RoleDistrictOperator, "district:162", "district operator, Lucknow"},
	{"kanpur-op", shikayat.RoleDistrictOperator, "district:157", "district operator, Kanpur Nagar"},
	{"hazratganj-so", shikayat.RoleStationOfficer, "station:lko-hazratganj", "station officer, Hazratganj (Lucknow)"},
	{"kotwali-so", shikayat.RoleStationOfficer, "station:knp-kotwali", "station officer, Kotwali (Kanpur Nagar)"},
}

// runDemo runs the whole desk in one process, fed by a simulated X that
// posts realistic mentions, with demo logins printed at start.
func runDemo(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	addr := fs.String("addr", "127.0.0.1:8080", "address of the desk")
	rate := fs.Float64("rate", 6, "simulated mentions per minute")
	dsn := fs.String("db", "", "keep the demo in this database (sqlite:FILE or postgres://…); a temporary SQLite file by default")
	seed := fs.Uint64("seed", 0, "seed of the simulated posts; 0 for a random one")
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: shikayat demo [--addr HOST:PORT] [--rate N] [--db DSN]")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args, sio); err != nil {
		return err
	}
	if *rate < 0 {
		return shikayat.Errorf(shikayat.EINVALID, "--rate must be 0 or more posts per minute.")
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return shikayat.Errorf(shikayat.EINVALID, "--addr %q must be HOST:PORT.", *addr)
	}
	if *seed == 0 {
		*seed = uint64(time.Now().UnixNano())
	}
	if *dsn == "" {
		dir, err := os.MkdirTemp("", "shikayat-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		*dsn = "sqlite:" + filepath.Join(dir, "demo.db")
	}
	logger := slog.New(slog.NewTextHandler(sio.err, &slog.HandlerOptions{Level: slog.LevelWarn}))

	// The simulated X, in this process.
	sim := xsim.New(xsim.Options{Account: "Uppolice", Logger: logger, Limits: demoLimits()})
	simCtx, stopSim := context.WithCancel(context.WithoutCancel(ctx))
	defer stopSim()
	simAddr := make(chan net.Addr, 1)
	simDone := make(chan error, 1)
	go func() {
		simDone <- sim.ListenAndServe(simCtx, "127.0.0.1:0", func(a net.Addr) { simAddr <- a })
	}()
	var xURL string
	select {
	case a := <-simAddr:
		xURL = "http://" + a.String()
	case err := <-simDone:
		return fmt.Errorf("simulated X: %w", err)
	}

	logins, err := prepareDemo(ctx, *dsn)
	if err != nil {
		return err
	}

	m := NewMain()
	m.Logger = logger
	cfs := flag.NewFlagSet("demo", flag.ContinueOnError)
	cfs.SetOutput(sio.err)
	m.Config.Flags(cfs)
	if err := cfs.Parse([]string{"--addr", *addr, "--db", *dsn, "--x-api", xURL, "--x-poll", "2s",
		"--daily-post-budget", "100000", "--account", "Uppolice"}); err != nil {
		return err
	}
	if err := m.Config.Validate(); err != nil {
		return err
	}
	if err := m.Run(ctx); err != nil {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
		defer cancel()
		m.Close(closeCtx)
		return err
	}
	url := "http://" + m.Addr
	fmt.Fprintf(sio.out, "shikayat demo: the desk is at %s/desk/ — sign in with any of these:\n\n", url)
	for _, l := range logins {
		fmt.Fprintf(sio.out, "  %-15s %-14s %s\n", l.user.username, l.password, l.user.what)
	}
	fmt.Fprintf(sio.out, "\nA simulated X at %s posts about %g mentions a minute to @Uppolice; the desk\n", xURL, *rate)
	fmt.Fprintf(sio.out, "answers them there (see %s/_sim/posts). Citizens track complaints at %s/t/CODE.\n", xURL, url)
	fmt.Fprintf(sio.out, "Database: %s. Stop with Ctrl-C.\n", *dsn)

	gen := xsim.NewGenerator(sim, *seed)
	// A few posts at once, so the inboxes are not empty on first look.
	for range 8 {
		if _, err := gen.Post(); err != nil {
			logger.Warn("demo: simulated post failed", slog.Any("error", err))
		}
	}
	go gen.Run(simCtx, *rate)

	var served error
	select {
	case <-ctx.Done():
	case served = <-m.Done():
		m.Logger.Error("HTTP server stopped", slog.Any("error", served))
	}
	closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	err = m.Close(closeCtx)
	stopSim()
	<-simDone
	if err != nil {
		return err
	}
	return served
}

// demoLimits lifts the simulated X's limits so that a lively demo is not
// held up by the 15-minute windows of a real account.
func demoLimits() map[string]xsim.Limit {
	limits := map[string]xsim.Limit{}
	for ep := range xsim.DefaultLimits {
		limits[ep] = xsim.Limit{Requests: 100_000, Window: 15 * time.Minute}
	}
	return limits
}

type demoLogin struct {
	user     demoUser
	password string
}

// prepareDemo imports the sample stations and makes the demo users with
// fresh passwords; in a kept database, users that exist get new passwords.
func prepareDemo(ctx context.Context, dsn string) ([]demoLogin, error) {
	db, err := openStore(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	list, err := stations.Parse(bytes.NewReader(stations.Sample))
	if err != nil {
		return nil, fmt.Errorf("sample stations: %w", err)
	}
	if _, _, err := db.ImportStations(ctx, stationUnits(list)); err != nil {
		return nil, err
	}
	var out []demoLogin
	for _, u := range demoUsers {
		pw := demoPassword()
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return nil, err
		}
		err = db.CreateUser(ctx, &shikayat.User{Username: u.username, Name: u.what, Role: u.role, UnitID: u.unit}, hash)
		if shikayat.ErrorCode(err) == shikayat.ECONFLICT {
			err = db.SetPassword(ctx, u.username, hash, "")
		}
		if err != nil {
			return nil, fmt.Errorf("demo user %s: %w", u.username, err)
		}
		out = append(out, demoLogin{u, pw})
	}
	return out, nil
}

// demoPassword is 12 letters and digits, none easily confused.
func demoPassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	b := make([]byte, 12)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}
