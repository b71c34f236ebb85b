// Package storetest gives tests a fresh database on each engine: SQLite
// always, and PostgreSQL when SHIKAYAT_TEST_POSTGRES holds a DSN (a server
// where the user may create databases). Each call makes a new, empty
// database that is dropped when the test ends.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
)

// EnvPostgres names the variable that holds the test server's DSN.
const EnvPostgres = "SHIKAYAT_TEST_POSTGRES"

// Engines lists the engines to test on: "sqlite", and "postgres" when the
// test server is configured.
func Engines() []string {
	if os.Getenv(EnvPostgres) != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// Each runs fn as a subtest on every engine, with a fresh DSN maker.
func Each(t *testing.T, fn func(t *testing.T, dsn func() string)) {
	t.Helper()
	for _, engine := range Engines() {
		t.Run(engine, func(t *testing.T) {
			fn(t, func() string { return DSN(t, engine) })
		})
	}
}

// DSN returns the DSN of a new, empty database on engine.
func DSN(t testing.TB, engine string) string {
	t.Helper()
	switch engine {
	case "sqlite":
		return "sqlite:" + filepath.Join(t.TempDir(), "shikayat.db")
	case "postgres":
		return newPostgres(t)
	}
	t.Fatalf("unknown engine %q", engine)
	return ""
}

func newPostgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		t.Skip(EnvPostgres + " is not set")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open %s: %v", EnvPostgres, err)
	}
	defer admin.Close()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	name := "shikayat_test_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(base)
	if err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		t.Fatalf("%s must be a postgres:// URL", EnvPostgres)
	}
	u.Path = "/" + name
	return u.String()
}
