package main

import (
	"context"

	"github.com/shikayat/shikayat"
)

func runMigrate(_ context.Context, _ []string, _ stdio) error {
	return shikayat.Errorf(shikayat.EINTERNAL, "migrate is not built yet")
}
