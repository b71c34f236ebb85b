package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// What X says of an account's token is logged once per account and change
// (not at every check, each minute while X does not answer), the wrong
// owner as a warning.
func TestAccountStandingLoggedOncePerChange(t *testing.T) {
	var logs bytes.Buffer
	m := NewMain()
	m.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	say := func(msg string, warn bool) func(*slog.Logger) {
		return func(l *slog.Logger) {
			if warn {
				l.Warn(msg)
			} else {
				l.Info(msg)
			}
		}
	}
	m.noteStanding("Uppolice", "", say("confirmed Uppolice", false)) // confirmed at once: nothing to say
	for range 5 {
		m.noteStanding("lucknowpolice", "unanswered", say("unanswered", true))
	}
	for range 3 {
		m.noteStanding("LucknowPolice", "other:ghaziabadpolice", say("other", true))
	}
	m.noteStanding("lucknowpolice", "", say("confirmed", false))
	m.noteStanding("lucknowpolice", "", say("confirmed", false))
	got := logs.String()
	for msg, want := range map[string]int{"confirmed Uppolice": 0, "unanswered": 1, "other": 1, "msg=confirmed": 1} {
		if n := strings.Count(got, msg); n != want {
			t.Errorf("%q logged %d times; want %d:\n%s", msg, n, want, got)
		}
	}
	if !strings.Contains(got, "level=WARN msg=other account=LucknowPolice") {
		t.Errorf("the wrong owner is not a warning naming the account:\n%s", got)
	}
}
