package api_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/api"
)

// A client that hangs up mid-request is not the server's failure: no
// ERROR line and no 500; a real internal error still is one.
func TestClientThatHangsUpIsNotAnInternalError(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequest("GET", "/api/v1/track/UP26-X", nil).WithContext(ctx)
	rec := httptest.NewRecorder()
	api.WriteError(rec, r, logger, fmt.Errorf("find complaint: %w", context.Canceled))
	if rec.Code != api.StatusClientClosed || strings.Contains(logs.String(), "level=ERROR") {
		t.Fatalf("client gone: status %d, log:\n%s", rec.Code, logs.String())
	}
	if !strings.Contains(logs.String(), "client disconnected") {
		t.Fatalf("the disconnect is not logged at debug:\n%s", logs.String())
	}

	logs.Reset()
	rec = httptest.NewRecorder()
	api.WriteError(rec, httptest.NewRequest("GET", "/api/v1/track/UP26-X", nil), logger, errors.New("disk full"))
	if rec.Code != 500 || !strings.Contains(logs.String(), "level=ERROR") {
		t.Fatalf("internal error: status %d, log:\n%s", rec.Code, logs.String())
	}
}
