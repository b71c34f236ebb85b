package backup_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/backup"
)

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		head string
		want backup.Format
	}{
		{"SQLite format 3\x00\x10\x00", backup.FormatSQLite},
		{"PGDMP\x01\x0e\x00", backup.FormatPGCustom},
		{"--\n-- PostgreSQL database dump\n--\n", backup.FormatPGPlain},
		{"SQLite format 2\x00", backup.FormatUnknown},
		{"", backup.FormatUnknown},
		{"{\"complaints\": []}", backup.FormatUnknown},
	} {
		if got := backup.Detect([]byte(tc.head)); got != tc.want {
			t.Errorf("Detect(%q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

// A backup file comes from outside: any bytes are a format or unknown.
func FuzzDetect(f *testing.F) {
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte("PGDMP"))
	f.Add([]byte("-- PostgreSQL database dump"))
	f.Fuzz(func(t *testing.T, head []byte) {
		switch backup.Detect(head) {
		case backup.FormatSQLite, backup.FormatPGCustom, backup.FormatPGPlain, backup.FormatUnknown:
		default:
			t.Fatalf("Detect(%q) gave no known format", head)
		}
	})
}

func write(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A backup of one engine is refused for a database of the other, saying
// the engines differ; a file that is no backup is refused as such.
func TestRestoreRefusesAnotherEnginesBackup(t *testing.T) {
	ctx := context.Background()
	sqliteDSN := "sqlite:" + filepath.Join(t.TempDir(), "desk.db")
	err := backup.Restore(ctx, sqliteDSN, write(t, "pg.dump", "PGDMP\x01\x0e"), false)
	if shikayat.ErrorCode(err) != shikayat.EINVALID || !strings.Contains(shikayat.ErrorMessage(err), "engines differ") {
		t.Fatalf("restore of a PostgreSQL dump into SQLite = %v; want refused, the engines differ", err)
	}
	err = backup.Restore(ctx, "postgres://nobody@127.0.0.1:1/none", write(t, "desk.backup", "SQLite format 3\x00"), false)
	if shikayat.ErrorCode(err) != shikayat.EINVALID || !strings.Contains(shikayat.ErrorMessage(err), "engines differ") {
		t.Fatalf("restore of a SQLite backup into PostgreSQL = %v; want refused, the engines differ", err)
	}
	err = backup.Restore(ctx, sqliteDSN, write(t, "notes.txt", "hello"), false)
	if shikayat.ErrorCode(err) != shikayat.EINVALID || !strings.Contains(shikayat.ErrorMessage(err), "not a shikayat backup") {
		t.Fatalf("restore of a text file = %v; want refused as no backup", err)
	}
	if _, err := os.Stat(strings.TrimPrefix(sqliteDSN, "sqlite:")); !os.IsNotExist(err) {
		t.Fatalf("a refused restore left a database behind: %v", err)
	}
}

// Without pg_dump on PATH a PostgreSQL backup says what to install.
func TestBackupNamesTheMissingTool(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := backup.Backup(context.Background(), "postgres://nobody@127.0.0.1:1/none", filepath.Join(t.TempDir(), "out"))
	if err == nil || !strings.Contains(shikayat.ErrorMessage(err), "pg_dump") || !strings.Contains(shikayat.ErrorMessage(err), "postgresql-client") {
		t.Fatalf("backup without pg_dump = %v; want an error naming pg_dump and postgresql-client", err)
	}
}
