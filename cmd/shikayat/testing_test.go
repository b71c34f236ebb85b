package main

import (
	"log/slog"
	"testing"
	"time"
)

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// quietMain is the program configured for a test that does not read X: on
// port 0, the database dsn, X at xAPI (never polled), logging nowhere. set
// adjusts the configuration before it is validated.
func quietMain(t testing.TB, dsn, xAPI string, set ...func(*Main)) *Main {
	t.Helper()
	m := NewMain()
	m.Logger = discardLogger()
	m.Config.Addr, m.Config.DB = "127.0.0.1:0", dsn
	m.Config.XAPI, m.Config.XPoll, m.Config.Account, m.Config.DocketState = xAPI, 15*time.Second, "Uppolice", "UP"
	m.Config.IntakeLease, m.Config.NoIntake = 30*time.Second, true
	for _, f := range set {
		f(m)
	}
	if err := m.Config.Validate(); err != nil {
		t.Fatal(err)
	}
	return m
}
