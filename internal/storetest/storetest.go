// Package storetest gives tests a fresh database on each engine: SQLite
// always, and PostgreSQL when SHIKAYAT_TEST_POSTGRES holds a DSN (a server
// where the user may create databases). Each call makes a new database that
// is dropped when the test ends: by default a copy of a template that holds
// the store's migrations already (built once per set of migrations, so that
// a test does not spend most of its time migrating), or an empty one for
// the tests of the migrations themselves (EmptyDSN, EachEmpty).
package storetest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"

	"github.com/shikayat/shikayat/internal/store/migrations"
)

// EnvPostgres names the variable that holds the test server's DSN.
const EnvPostgres = "SHIKAYAT_TEST_POSTGRES"

// EnvEngines names the variable that, when set, picks the engines to test
// on from those Engines would give: "postgres" or "sqlite".
const EnvEngines = "SHIKAYAT_TEST_ENGINES"

// Engines lists the engines to test on: "sqlite", and "postgres" when the
// test server is configured; of those, only the one EnvEngines names when
// it is set.
func Engines() []string {
	all := []string{"sqlite"}
	if os.Getenv(EnvPostgres) != "" {
		all = append(all, "postgres")
	}
	pick := os.Getenv(EnvEngines)
	if pick == "" {
		return all
	}
	if !slices.Contains(all, pick) {
		panic(fmt.Sprintf("%s=%s: not an engine to test on here (%v)", EnvEngines, pick, all))
	}
	return []string{pick}
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

// EachEmpty is Each with databases that hold no table yet.
func EachEmpty(t *testing.T, fn func(t *testing.T, dsn func() string)) {
	t.Helper()
	for _, engine := range Engines() {
		t.Run(engine, func(t *testing.T) {
			fn(t, func() string { return EmptyDSN(t, engine) })
		})
	}
}

// DSN returns the DSN of a new database on engine whose schema the store's
// migrations have brought up to date; it holds no row the store writes at
// Open (the units, the checkpoints), which Open writes as on any database.
func DSN(t testing.TB, engine string) string {
	t.Helper()
	switch engine {
	case "sqlite":
		path := filepath.Join(t.TempDir(), "shikayat.db")
		b, err := sqliteTemplate()
		if err != nil {
			t.Fatalf("sqlite template: %v", err)
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return "sqlite:" + path
	case "postgres":
		return newPostgres(t, true)
	}
	t.Fatalf("unknown engine %q", engine)
	return ""
}

// EmptyDSN returns the DSN of a new, empty database on engine.
func EmptyDSN(t testing.TB, engine string) string {
	t.Helper()
	switch engine {
	case "sqlite":
		return "sqlite:" + filepath.Join(t.TempDir(), "shikayat.db")
	case "postgres":
		return newPostgres(t, false)
	}
	t.Fatalf("unknown engine %q", engine)
	return ""
}

// templateKey names the migrations' contents: a template is rebuilt
// whenever a migration is added or changed.
var templateKey = sync.OnceValues(func() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(migrations.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrations.FS, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", path, len(b))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:16], err
})

// migrate runs the engine's migrations on db, as the store's Open does.
func migrate(ctx context.Context, db *sql.DB, engine string) error {
	p, err := migrations.Provider(db, engine)
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// sqliteTemplate is the file of a migrated SQLite database, kept in the
// temporary directory under the migrations' key (so that the test
// processes of one run, and the runs after it, build it once) and in
// memory.
var sqliteTemplate = sync.OnceValues(func() ([]byte, error) {
	key, err := templateKey()
	if err != nil {
		return nil, err
	}
	path := filepath.Join(os.TempDir(), "shikayat-storetest-"+key+".db")
	if b, err := os.ReadFile(path); err == nil {
		return b, nil
	}
	// Built under a name of its own and renamed into place whole, so that
	// a process reading the template never sees half of one.
	tmp, err := os.CreateTemp(os.TempDir(), "shikayat-storetest-*.tmp")
	if err != nil {
		return nil, err
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	db, err := sql.Open("sqlite", "file:"+tmp.Name()+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := migrate(context.Background(), db, "sqlite"); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.Close(); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(tmp.Name())
	if err != nil {
		return nil, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, err
	}
	return b, nil
})

// templateLockID keys the advisory lock under which test processes take
// turns to build the PostgreSQL template.
const templateLockID = 0x5ec0de02

// pgTemplates remembers, per server, the template this process made sure of.
var pgTemplates sync.Map // base DSN → *pgTemplate

type pgTemplate struct {
	once sync.Once
	name string
	err  error
}

// postgresTemplate returns the name of the migrated template database on
// the server of base, building it when no test process has yet.
func postgresTemplate(admin *sql.DB, base string) (string, error) {
	v, _ := pgTemplates.LoadOrStore(base, &pgTemplate{})
	tp := v.(*pgTemplate)
	tp.once.Do(func() { tp.name, tp.err = buildPostgresTemplate(admin, base) })
	return tp.name, tp.err
}

func buildPostgresTemplate(admin *sql.DB, base string) (string, error) {
	key, err := templateKey()
	if err != nil {
		return "", err
	}
	ctx := context.Background()
	name := "shikayat_tmpl_" + key
	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, templateLockID); err != nil {
		return "", err
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, templateLockID)
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil {
		return "", err
	}
	if n == 1 {
		return name, nil
	}
	// Built under another name and renamed when whole: a process that
	// died half-way leaves no template that looks finished.
	build := name + "_build"
	if _, err := conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+build+` WITH (FORCE)`); err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+build); err != nil {
		return "", err
	}
	db, err := sql.Open("pgx", withDatabase(base, build))
	if err != nil {
		return "", err
	}
	err = migrate(ctx, db, "postgres")
	db.Close()
	if err != nil {
		return "", err
	}
	// A closed connection's server process may still be on its way out.
	if _, err := conn.ExecContext(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, build); err != nil {
		return "", err
	}
	if err := retryBusy(func() error {
		_, err := conn.ExecContext(ctx, `ALTER DATABASE `+build+` RENAME TO `+name)
		return err
	}); err != nil {
		return "", err
	}
	return name, nil
}

// retryBusy runs fn until it does not fail for a database other sessions
// are still leaving (object_in_use), for at most some seconds.
func retryBusy(fn func() error) error {
	var err error
	for range 100 {
		var pgErr *pgconn.PgError
		if err = fn(); err == nil || !errors.As(err, &pgErr) || pgErr.Code != "55006" /* object_in_use */ {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return err
}

// withDatabase is base with its database replaced by name.
func withDatabase(base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	u.Path = "/" + name
	return u.String()
}

func newPostgres(t testing.TB, migrated bool) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		t.Skip(EnvPostgres + " is not set")
	}
	if u, err := url.Parse(base); err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		t.Fatalf("%s must be a postgres:// URL", EnvPostgres)
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
	create := "CREATE DATABASE " + name
	if migrated {
		tmpl, err := postgresTemplate(admin, base)
		if err != nil {
			t.Fatalf("postgres template: %v", err)
		}
		create += " TEMPLATE " + tmpl
	}
	ctx := context.Background()
	if err := retryBusy(func() error { _, err := admin.ExecContext(ctx, create); return err }); err != nil {
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
	return withDatabase(base, name)
}
