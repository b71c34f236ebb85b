package main

import (
	"context"

	"github.com/shikayat/shikayat"
)

func runDemo(_ context.Context, _ []string, _ stdio) error {
	return shikayat.Errorf(shikayat.EINTERNAL, "demo is not built yet")
}
