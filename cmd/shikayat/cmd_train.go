package main

import (
	"context"

	"github.com/shikayat/shikayat"
)

func runTrain(_ context.Context, _ []string, _ stdio) error {
	return shikayat.Errorf(shikayat.EINTERNAL, "train is not built yet")
}
