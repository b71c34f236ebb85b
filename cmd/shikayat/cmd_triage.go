package main

import (
	"context"

	"github.com/shikayat/shikayat"
)

func runTriage(_ context.Context, _ []string, _ stdio) error {
	return shikayat.Errorf(shikayat.EINTERNAL, "triage is not built yet")
}
