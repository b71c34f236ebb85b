package main

import (
	"context"

	"github.com/shikayat/shikayat"
)

func runServe(_ context.Context, _ []string, _ stdio) error {
	return shikayat.Errorf(shikayat.EINTERNAL, "serve is not built yet")
}
