package backup_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/backup"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A forced restore of a dump that does not load leaves the live database
// as it was: emptying it and loading the copy are one transaction.
func TestForcedRestoreOfBadDumpKeepsDatabase(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t, "postgres")
	db, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO checkpoints (name, value, updated_at) VALUES ('live', 'precious', 1)`); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "good.backup")
	if err := backup.Backup(ctx, dsn, file); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "truncated.backup")
	if err := os.WriteFile(bad, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	if err := backup.Restore(ctx, dsn, bad, true); err == nil {
		t.Fatal("a truncated dump restored without an error")
	}
	var v string
	if err := raw.QueryRow(`SELECT value FROM checkpoints WHERE name = 'live'`).Scan(&v); err != nil || v != "precious" {
		t.Fatalf("after a failed restore the live data is gone: %q, %v", v, err)
	}
}

// A password in the DSN, as user info or as a query parameter, reaches the
// PostgreSQL tools through the environment, never their command line.
func TestPasswordNeverOnCommandLine(t *testing.T) {
	dir := t.TempDir()
	argv := filepath.Join(dir, "argv")
	script := "#!/bin/sh\necho \"$@\" > " + argv + "\necho \"PGPASSWORD=$PGPASSWORD\" >> " + argv +
		"\nfor a; do case $a in --file=*) : > \"${a#--file=}\";; esac; done\n"
	if err := os.WriteFile(filepath.Join(dir, "pg_dump"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+":"+os.Getenv("PATH"))
	for _, tc := range []struct{ dsn, secret string }{
		{"postgres://u:userinfo-secret@127.0.0.1/db", "userinfo-secret"},
		{"postgres://u@127.0.0.1/db?password=query-secret&sslmode=disable", "query-secret"},
		{"postgres://u@127.0.0.1/db?sslpassword=key-secret", "key-secret"},
	} {
		os.Remove(argv)
		if err := backup.Backup(context.Background(), tc.dsn, filepath.Join(dir, "out")); err != nil {
			t.Fatalf("%s: %v", tc.dsn, err)
		}
		b, err := os.ReadFile(argv)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(string(b), "\n", 2)
		if strings.Contains(lines[0], "secret") {
			t.Errorf("password on the command line: %s", lines[0])
		}
		if tc.secret != "key-secret" && !strings.Contains(lines[1], "PGPASSWORD="+tc.secret) {
			t.Errorf("%s: the password does not reach pg_dump: %s", tc.dsn, lines[1])
		}
	}
}

// A restore that stopped after loading the copy and before marking it
// leaves a database serve refuses: the load itself says a restore is
// under way, and only the mark clears it.
func TestRestoreLoadsUnfinishedUntilMarked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		from, into := dsn(), dsn()
		db, err := store.Open(ctx, from, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		file := filepath.Join(t.TempDir(), "copy.backup")
		if err := backup.Backup(ctx, from, file); err != nil {
			t.Fatal(err)
		}
		if err := backup.Restore(ctx, into, file, false); err != nil {
			t.Fatal(err)
		}
		db, err = store.Open(ctx, into, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.RestoreFinished(ctx); err == nil {
			t.Fatal("a restore loaded but not marked looks finished")
		}
		if _, err := db.MarkRestored(ctx, "x:mentions"); err != nil {
			t.Fatal(err)
		}
		if err := db.RestoreFinished(ctx); err != nil {
			t.Fatalf("after the mark: %v", err)
		}
	})
}
