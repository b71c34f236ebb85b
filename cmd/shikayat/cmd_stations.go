package main

import (
	"context"

	"github.com/shikayat/shikayat"
)

func runStations(_ context.Context, _ []string, _ stdio) error {
	return shikayat.Errorf(shikayat.EINTERNAL, "stations is not built yet")
}
