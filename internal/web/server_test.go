package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/web"
)

func TestErrorsMapToStatus(t *testing.T) {
	s := web.NewServer(slog.New(slog.DiscardHandler), prometheus.NewRegistry())
	for err, want := range map[error]int{
		shikayat.Errorf(shikayat.EINVALID, "bad"):                           400,
		shikayat.Errorf(shikayat.EUNAUTHORIZED, "who"):                      401,
		shikayat.Errorf(shikayat.EFORBIDDEN, "no"):                          403,
		shikayat.Errorf(shikayat.ENOTFOUND, "gone"):                         404,
		&shikayat.Error{Code: shikayat.ETOOMANY, Message: "slow down"}:      429,
		fmt.Errorf("wrapped: %w", shikayat.Errorf(shikayat.ECONFLICT, "x")): 409,
		errors.New("disk on fire"):                                          500,
	} {
		rec := httptest.NewRecorder()
		s.Error(rec, httptest.NewRequest("GET", "/x", nil), err)
		var body struct {
			Error struct{ Code, Message string }
		}
		json.Unmarshal(rec.Body.Bytes(), &body)
		if rec.Code != want || body.Error.Code != shikayat.ErrorCode(err) {
			t.Errorf("%v → %d %+v, want %d", err, rec.Code, body, want)
		}
		if want == 500 && body.Error.Message != "Internal error." {
			t.Errorf("an internal error leaked its detail: %q", body.Error.Message)
		}
	}
}

func TestReadiness(t *testing.T) {
	s := web.NewServer(slog.New(slog.DiscardHandler), prometheus.NewRegistry())
	failing := errors.New("down")
	s.Ready = []web.Check{
		{Name: "db", Run: func(context.Context) error { return nil }},
		{Name: "x", Warn: true, Run: func(context.Context) error { return failing }},
	}
	get := func() int {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
		return rec.Code
	}
	if code := get(); code != http.StatusOK {
		t.Fatalf("a warning made the node unready: %d", code)
	}
	s.Ready[0].Run = func(context.Context) error { return failing }
	if code := get(); code != http.StatusServiceUnavailable {
		t.Fatalf("a failed check left the node ready: %d", code)
	}
}
