// Package backup makes consistent copies of a live desk's database and
// restores them: SQLite through its online VACUUM INTO, PostgreSQL through
// its own tools, pg_dump, pg_restore and psql.
package backup

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
)

// Format is what a backup file holds.
type Format string

const (
	FormatSQLite     Format = "sqlite"          // a SQLite database file
	FormatPGCustom   Format = "postgres-custom" // pg_dump --format=custom
	FormatPGPlain    Format = "postgres-plain"  // pg_dump's plain SQL
	FormatUnknown    Format = ""
	sqliteMagic             = "SQLite format 3\x00"
	pgCustomMagic           = "PGDMP"
	pgPlainSignature        = "PostgreSQL database dump"
)

// Engine is the engine a backup of this format restores into.
func (f Format) Engine() store.Engine {
	if f == FormatSQLite {
		return store.SQLite
	}
	return store.Postgres
}

// Detect tells a backup's format from its first bytes.
func Detect(head []byte) Format {
	switch {
	case bytes.HasPrefix(head, []byte(sqliteMagic)):
		return FormatSQLite
	case bytes.HasPrefix(head, []byte(pgCustomMagic)):
		return FormatPGCustom
	case bytes.Contains(head[:min(len(head), 1024)], []byte(pgPlainSignature)):
		return FormatPGPlain
	}
	return FormatUnknown
}

// Backup writes a consistent copy of the database named by dsn to out,
// while the desk goes on serving and taking posts: SQLite with VACUUM INTO,
// PostgreSQL with pg_dump's custom format (one snapshot). The copy is
// written beside out and renamed, so out is whole or untouched.
func Backup(ctx context.Context, dsn, out string) error {
	engine, _, err := store.ParseDSN(dsn)
	if err != nil {
		return err
	}
	tmp, err := tempBeside(out)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if engine == store.SQLite {
		os.Remove(tmp) // VACUUM INTO writes a new file only
		err = store.BackupSQLite(ctx, dsn, tmp)
	} else {
		err = pgTool(ctx, "pg_dump", dsn, "--format=custom", "--no-owner", "--no-privileges", "--file="+tmp)
	}
	if err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	return nil
}

// ErrHolds is the code of a restore refused because the database holds
// complaints or posts.
const ErrHolds = shikayat.ECONFLICT

// Restore replaces the database named by dsn with the backup in file (of
// the same engine). It refuses a database holding any complaint or post
// unless force. The caller opens the store afterwards, which migrates a
// copy made by an older version, and marks the restore
// (store.MarkRestored).
func Restore(ctx context.Context, dsn, file string, force bool) error {
	engine, _, err := store.ParseDSN(dsn)
	if err != nil {
		return err
	}
	format, err := detectFile(file)
	if err != nil {
		return err
	}
	if format == FormatUnknown {
		return shikayat.Errorf(shikayat.EINVALID, "%s is not a shikayat backup: neither a SQLite database nor a PostgreSQL dump.", file)
	}
	if format.Engine() != engine {
		return shikayat.Errorf(shikayat.EINVALID, "%s is a %s backup but --db is %s: the engines differ. Restore it into a %s database.",
			file, format.Engine(), engine, format.Engine())
	}
	complaints, posts, err := store.Holdings(ctx, dsn)
	if err != nil {
		return err
	}
	if (complaints > 0 || posts > 0) && !force {
		return shikayat.Errorf(ErrHolds, "The database holds %d complaints and %d posts; a restore replaces all of it. Give --force to do so.", complaints, posts)
	}
	if engine == store.SQLite {
		return restoreSQLite(ctx, dsn, file)
	}
	return restorePostgres(ctx, dsn, file, format)
}

// restoreSQLite puts the backup in the database's place: copied beside it
// and renamed, the old database's WAL files removed first. The copy says a
// restore is under way before it takes the database's place. No desk may have
// the database open.
func restoreSQLite(ctx context.Context, dsn, file string) error {
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
	tmp, err := tempBeside(path)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := copyFile(file, tmp); err != nil {
		return err
	}
	if err := store.MarkRestoringSQLite(ctx, tmp); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("restore: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}

// restorePostgres empties the database's public schema, loads the dump
// into it and says a restore is under way (store.RestoringCheckpoint), all
// in one psql transaction: a dump that does not load leaves the database
// as it was. A custom-format dump is first turned into SQL by pg_restore,
// in a private file of the temporary directory, which checks it whole
// before the database is touched.
func restorePostgres(ctx context.Context, dsn, file string, format Format) error {
	if _, err := exec.LookPath("psql"); err != nil {
		return missingTool("psql")
	}
	script := file
	if format == FormatPGCustom {
		f, err := os.CreateTemp("", "shikayat-restore-*.sql")
		if err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		f.Close()
		defer os.Remove(f.Name())
		if err := pgTool(ctx, "pg_restore", "", "--no-owner", "--no-privileges", "--exit-on-error", "--file="+f.Name(), file); err != nil {
			return err
		}
		script = f.Name()
	}
	return pgTool(ctx, "psql", dsn, "--quiet", "--no-psqlrc", "--single-transaction", "--set=ON_ERROR_STOP=1",
		"--command=DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
		"--file="+script,
		"--command="+store.RestoringSQL)
}

// pgTool runs one of PostgreSQL's client tools on the database named by
// dsn (none when dsn is ""). Secrets go in the environment, never on the
// command line where other users of the machine could read them: the
// password (from the user info or a password parameter) as PGPASSWORD, a
// client key's sslpassword (which has no variable of its own) in a private
// service file named by PGSERVICEFILE.
func pgTool(ctx context.Context, tool, dsn string, args ...string) error {
	if _, err := exec.LookPath(tool); err != nil {
		return missingTool(tool)
	}
	env := os.Environ()
	if dsn != "" {
		u, err := url.Parse(dsn)
		if err != nil {
			return shikayat.Errorf(shikayat.EINVALID, "The PostgreSQL DSN is not a URL.")
		}
		q := u.Query()
		if u.User != nil {
			if pw, ok := u.User.Password(); ok {
				env = append(env, "PGPASSWORD="+pw)
				u.User = url.User(u.User.Username())
			}
		}
		if q.Has("password") {
			env = append(env, "PGPASSWORD="+q.Get("password"))
			q.Del("password")
		}
		if q.Has("sslpassword") {
			service, err := serviceFile(q.Get("sslpassword"))
			if err != nil {
				return err
			}
			defer os.Remove(service)
			env = append(env, "PGSERVICEFILE="+service, "PGSERVICE=shikayat")
			q.Del("sslpassword")
		}
		u.RawQuery = q.Encode()
		args = append([]string{"--dbname=" + u.String()}, args...)
	}
	cmd := exec.CommandContext(ctx, tool, args...)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if tool == "psql" {
		cmd.Stdout = io.Discard
	}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w: %s", tool, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// serviceFile writes a private libpq service file holding a client key's
// password.
func serviceFile(sslpassword string) (string, error) {
	if strings.ContainsAny(sslpassword, "\r\n") {
		return "", shikayat.Errorf(shikayat.EINVALID, "The DSN's sslpassword holds a line break.")
	}
	f, err := os.CreateTemp("", "shikayat-pgservice-*")
	if err != nil {
		return "", fmt.Errorf("service file: %w", err)
	}
	if _, err := f.WriteString("[shikayat]\nsslpassword=" + sslpassword + "\n"); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", fmt.Errorf("service file: %w", err)
	}
	return f.Name(), f.Close()
}

// missingTool names what to install for a PostgreSQL client tool.
func missingTool(tool string) error {
	return shikayat.Errorf(shikayat.EINVALID, "%s is not on PATH: install PostgreSQL's client tools, of the server's major version or newer (Debian and Ubuntu: apt install postgresql-client).", tool)
}

func detectFile(file string) (Format, error) {
	f, err := os.Open(file)
	if err != nil {
		return FormatUnknown, shikayat.Errorf(shikayat.ENOTFOUND, "Cannot read the backup: %v", err)
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return FormatUnknown, fmt.Errorf("read %s: %w", file, err)
	}
	return Detect(head[:n]), nil
}

// tempBeside names a new file in the directory of path, for a write that
// is renamed into place.
func tempBeside(path string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	f.Close()
	return f.Name(), nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_TRUNC|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("restore: %w", err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("restore: %w", err)
	}
	return out.Close()
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	return nil
}
