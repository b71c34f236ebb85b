package web_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
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

// readyz asks the server for /readyz and returns the status, the public
// reason of each check, and the raw body.
func readyz(t *testing.T, s *web.Server) (int, map[string]string, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	var body struct {
		Status string
		Checks map[string]string
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("readyz body %q: %v", rec.Body, err)
	}
	return rec.Code, body.Checks, rec.Body.String()
}

// A PostgreSQL connect error names the host, the user and the database: the
// public body gives a short reason, the log the detail.
func TestReadyzKeepsErrorDetailInTheLog(t *testing.T) {
	var logs bytes.Buffer
	s := web.NewServer(slog.New(slog.NewTextHandler(&logs, nil)), prometheus.NewRegistry())
	pg, err := sql.Open("pgx", "postgres://secretuser:hunter2@127.0.0.1:1/secretdb?sslmode=disable&connect_timeout=2")
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	s.Ready = []web.Check{{Name: "database", Run: pg.PingContext}}
	code, checks, body := readyz(t, s)
	if code != http.StatusServiceUnavailable {
		t.Errorf("database down: status %d", code)
	}
	if checks["database"] != "unavailable" {
		t.Errorf("database reason %q, want unavailable", checks["database"])
	}
	for _, secret := range []string{"secretuser", "hunter2", "secretdb", "127.0.0.1", "dial"} {
		if strings.Contains(body, secret) {
			t.Errorf("readyz body tells %q: %s", secret, body)
		}
	}
	if !strings.Contains(logs.String(), "secretdb") {
		t.Errorf("the log lacks the detail: %q", logs.String())
	}
}

// A closed store makes the node unready, with a short reason.
func TestReadyzDatabaseClosed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db, err := store.Open(context.Background(), dsn(), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s := web.NewServer(slog.New(slog.DiscardHandler), prometheus.NewRegistry())
		s.Ready = []web.Check{{Name: "database", Run: db.Ping}}
		if code, checks, _ := readyz(t, s); code != http.StatusOK || checks["database"] != "ok" {
			t.Fatalf("open store: %d %v", code, checks)
		}
		db.Close()
		code, checks, body := readyz(t, s)
		if code != http.StatusServiceUnavailable || checks["database"] != "unavailable" || strings.Contains(body, "sql:") {
			t.Errorf("closed store: %d %s", code, body)
		}
	})
}

// A check that does not stop the node serving (X, say) reports its trouble
// with 200; a domain error's message is its public reason.
func TestReadyzWarningsAnswer200(t *testing.T) {
	s := web.NewServer(slog.New(slog.DiscardHandler), prometheus.NewRegistry())
	s.Ready = []web.Check{
		{Name: "database", Run: func(context.Context) error { return nil }},
		{Name: "x", Warn: true, Run: func(context.Context) error {
			return fmt.Errorf("x: GET /2/users/me: 401 Unauthorized (token abc): %w", shikayat.Errorf(shikayat.EUNAUTHORIZED, "X refuses the credentials"))
		}},
	}
	code, checks, body := readyz(t, s)
	if code != http.StatusOK || checks["x"] != "X refuses the credentials" || strings.Contains(body, "abc") {
		t.Errorf("X refusing: %d %s", code, body)
	}
}
