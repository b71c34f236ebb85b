package main

import (
	"context"

	"github.com/shikayat/shikayat"
)

func runToken(_ context.Context, _ []string, _ stdio) error {
	return shikayat.Errorf(shikayat.EINTERNAL, "token is not built yet")
}
