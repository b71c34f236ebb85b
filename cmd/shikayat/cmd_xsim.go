package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/config"
	"github.com/shikayat/shikayat/internal/xsim"
)

// runXsim serves a simulated X until the context ends.
func runXsim(ctx context.Context, args []string, sio stdio) error {
	env := func(name, def string) string {
		if v, ok := os.LookupEnv("SHIKAYAT_" + name); ok {
			return v
		}
		return def
	}
	fs := flag.NewFlagSet("xsim", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	addr := fs.String("addr", env("ADDR", "127.0.0.1:8090"), "address to listen on (env SHIKAYAT_ADDR)")
	account := fs.String("account", env("ACCOUNT", "Uppolice"), "the police account's username (env SHIKAYAT_ACCOUNT)")
	rateDef, err := strconv.ParseFloat(env("RATE", "0"), 64)
	if err != nil {
		return shikayat.Errorf(shikayat.EINVALID, "SHIKAYAT_RATE must be a number of posts per minute.")
	}
	rate := fs.Float64("rate", rateDef, "generated mentions per minute; 0 for none (env SHIKAYAT_RATE)")
	seedDef, err := strconv.ParseUint(env("SEED", "0"), 10, 64)
	if err != nil {
		return shikayat.Errorf(shikayat.EINVALID, "SHIKAYAT_SEED must be a whole number.")
	}
	seed := fs.Uint64("seed", seedDef, "seed of the generator; 0 for a random one (env SHIKAYAT_SEED)")
	keepAliveDef, err := time.ParseDuration(env("KEEP_ALIVE", "20s"))
	if err != nil {
		return shikayat.Errorf(shikayat.EINVALID, "SHIKAYAT_KEEP_ALIVE must be a duration, like 20s.")
	}
	keepAlive := fs.Duration("keep-alive", keepAliveDef, "interval of the stream's keep-alive (env SHIKAYAT_KEEP_ALIVE)")
	extraFlag := fs.String("extra-accounts", env("EXTRA_ACCOUNTS", ""), "more police accounts, comma-separated; each one's OAuth access token is its username (env SHIKAYAT_EXTRA_ACCOUNTS)")
	limitsFlag := fs.String("limits", env("LIMITS", ""), "rate limits per endpoint instead of X's, e.g. create_post=1000/15m,mentions=10000/15m (\"*\" for every endpoint; env SHIKAYAT_LIMITS)")
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: shikayat xsim [--addr HOST:PORT] [--account NAME] [--extra-accounts a,b,…] [--rate N] [--limits NAME=N/DURATION,…]")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args, sio); err != nil {
		return err
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return shikayat.Errorf(shikayat.EINVALID, "--addr %q must be HOST:PORT.", *addr)
	}
	*account = strings.TrimPrefix(*account, "@")
	if *account == "" || len(*account) > 15 {
		return shikayat.Errorf(shikayat.EINVALID, "--account must be an X username.")
	}
	if *rate < 0 {
		return shikayat.Errorf(shikayat.EINVALID, "--rate must be 0 or more posts per minute.")
	}
	if *keepAlive <= 0 {
		return shikayat.Errorf(shikayat.EINVALID, "--keep-alive must be a positive duration.")
	}
	var extra []string
	for _, name := range strings.Split(*extraFlag, ",") {
		if name = strings.TrimPrefix(strings.TrimSpace(name), "@"); name == "" {
			continue
		}
		if !config.ValidUsername(name) {
			return shikayat.Errorf(shikayat.EINVALID, "--extra-accounts: %q is not an X username.", name)
		}
		extra = append(extra, name)
	}
	limits, err := xsim.ParseLimits(*limitsFlag)
	if err != nil {
		return shikayat.Errorf(shikayat.EINVALID, "--limits: %s.", err)
	}
	if *seed == 0 {
		*seed = uint64(time.Now().UnixNano())
	}

	log := slog.New(slog.NewJSONHandler(sio.err, nil))
	sim := xsim.New(xsim.Options{Account: *account, ExtraAccounts: extra, Logger: log, KeepAlive: *keepAlive, Limits: limits})
	if *rate > 0 {
		gen := xsim.NewGenerator(sim, *seed)
		go gen.Run(ctx, *rate)
	}
	acct := sim.Account()
	err = sim.ListenAndServe(ctx, *addr, func(a net.Addr) {
		fmt.Fprintf(sio.out, "xsim listening on http://%s (account @%s, id %s)\n", a, acct.Username, acct.ID)
		if len(extra) > 0 {
			fmt.Fprintf(sio.out, "extra accounts: @%s\n", strings.Join(extra, ", @"))
		}
		log.Info("xsim started", "addr", a.String(), "account", acct.Username, "account_id", acct.ID, "rate", *rate, "seed", *seed)
	})
	if err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}
