package main

import (
	"context"

	"github.com/shikayat/shikayat"
)

func runUser(_ context.Context, _ []string, _ stdio) error {
	return shikayat.Errorf(shikayat.EINTERNAL, "user is not built yet")
}
