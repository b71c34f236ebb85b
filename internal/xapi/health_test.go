package xapi_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// Health follows X's answers: a refused bearer token shows until a request
// is answered again; a server error shows as X failing.
func TestClientHealth(t *testing.T) {
	e := newEnv(t, xsim.Options{BearerToken: "right"}, xapi.Options{Credentials: xapi.Credentials{BearerToken: "wrong"}, Retries: -1})
	ctx := context.Background()
	if err := e.client.Health(); err != nil {
		t.Fatalf("before any request: %v", err)
	}
	if _, err := e.client.UserByUsername(ctx, "Uppolice"); err == nil {
		t.Fatal("a wrong bearer token was accepted")
	}
	err := e.client.Health()
	if shikayat.ErrorCode(err) != shikayat.EUNAUTHORIZED || !strings.Contains(shikayat.ErrorMessage(err), "refuses") || strings.Contains(shikayat.ErrorMessage(err), "wrong") {
		t.Fatalf("after a refusal: %v", err)
	}

	e = newEnv(t, xsim.Options{}, xapi.Options{Retries: -1})
	e.fault(t, xsim.Fault{Endpoint: "users", Kind: xsim.Fault5xx, Status: 502})
	e.client.UserByUsername(ctx, "Uppolice")
	if err := e.client.Health(); !strings.Contains(shikayat.ErrorMessage(err), "502") {
		t.Fatalf("after a 502: %v", err)
	}
	if _, err := e.client.UserByUsername(ctx, "Uppolice"); err != nil {
		t.Fatal(err)
	}
	if err := e.client.Health(); err != nil {
		t.Fatalf("after an answer: %v", err)
	}
}
