package main

import (
	"context"

	"github.com/shikayat/shikayat"
)

func runXsim(_ context.Context, _ []string, _ stdio) error {
	return shikayat.Errorf(shikayat.EINTERNAL, "xsim is not built yet")
}
