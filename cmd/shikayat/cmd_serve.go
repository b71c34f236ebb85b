package main

import (
	"context"
	"flag"
	"log/slog"
	"time"
)

// shutdownGrace is how long serve waits on SIGTERM for requests and jobs in
// flight; jobs still running then are cancelled and retried after restart.
const shutdownGrace = 25 * time.Second

func runServe(ctx context.Context, args []string, io stdio) error {
	m := NewMain()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.err)
	m.Config.Flags(fs)
	thresholds := thresholdFlags(fs)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	th, err := thresholds()
	if err != nil {
		return err
	}
	m.Config.AcknowledgeThreshold, m.Config.ReviewThreshold = th.Acknowledge, th.Review
	if err := m.Config.Validate(); err != nil {
		return err
	}
	m.Logger = m.Config.NewLogger(io.err)
	if err := m.Run(ctx); err != nil {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
		defer cancel()
		m.Close(closeCtx)
		return err
	}
	var served error
	select {
	case <-ctx.Done():
		m.Logger.Info("shutting down", slog.String("reason", "signal"))
	case served = <-m.Done():
		m.Logger.Error("HTTP server stopped", slog.Any("error", served))
	}
	closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := m.Close(closeCtx); err != nil {
		return err
	}
	return served
}
