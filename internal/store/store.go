// Package store keeps shikayat's data in SQL: the embedded SQLite by default
// (modernc.org/sqlite) or PostgreSQL (pgx) through one database/sql code path.
// Each public method runs in its own transaction and calls small helpers that
// take the transaction, so that several steps commit or roll back together.
package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store/migrations"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// Engine names a database engine.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Options tune a store.
type Options struct {
	// AfterMigrate runs after the store's own migrations, under the same
	// lock: the job queue brings its tables up to date there.
	AfterMigrate func(ctx context.Context, db *sql.DB, engine Engine) error
	// DocketState is the two-letter state prefix of docket codes ("UP").
	DocketState string
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Rand is the source docket codes are drawn from; crypto/rand when nil.
	Rand io.Reader
	// SLA sets deadlines; DefaultSLA when zero. The periods that decide
	// whether a closure met the citizen's deadline must be those the
	// database's roll-ups were counted by: Open refuses others unless
	// ChangeSLA, which makes them the database's (a rebuild).
	// StoredSLA takes those periods from the database instead (for the
	// command-line tools, which are given no deadlines).
	SLA       shikayat.SLA
	ChangeSLA bool
	StoredSLA bool
	// Jobs enqueues background work in the store's transactions.
	Jobs JobInserter
	// ReplyApproval holds a station officer's free-text reply (no template)
	// until someone above the station approves it (ApproveReply).
	ReplyApproval bool
	// Accounts are the force's accounts on X, the state account first:
	// each reply job is given, as it is queued, the account that posts it
	// (reply_account.go). Empty: the sender's one account.
	Accounts shikayat.Accounts
	// TrackFor is how long a public view of a complaint may be answered
	// from memory (TrackComplaint): DefaultTrackFor when 0, never when
	// negative.
	TrackFor time.Duration
	// Logger tells what fails in the background (the roll-ups' rebuild at
	// Open); discarded when nil.
	Logger *slog.Logger
}

// JobInserter enqueues a job inside a transaction, so that the job exists
// exactly when the change that caused it commits.
type JobInserter interface {
	InsertTx(ctx context.Context, tx *sql.Tx, job shikayat.Job) error
}

// CreatedCheckpoint holds when the database was made, in Unix milliseconds.
const CreatedCheckpoint = "store:created"

// DB is an open store.
type DB struct {
	db     *sql.DB
	engine Engine
	opts   Options
	// writes counts the transactions committed, so that the public views
	// kept (track) are dropped by any change made through this store.
	writes atomic.Uint64
	track  tracked
	// periods are the deadlines in use, following the stored ones
	// (RefreshSLA).
	periods slaPeriods
	// locked, set only by tests, is called inside a transaction once it
	// holds a post's row lock ("record": a poll read the post to replace
	// it; "redact": a redaction blanked it), so that a test can start a
	// competing transaction while the lock is held.
	locked func(step string)
	// lockWait, set only by tests, replaces DefaultImportLockWait.
	lockWait time.Duration
	// bg is the work Open leaves running: the stats rules' sync.
	bg struct {
		cancel context.CancelFunc
		wg     sync.WaitGroup
		err    error
	}
}

// lockHeld calls the test hook, if any, for step ("recount": the station
// import's recount holds its lock on the statistics, on PostgreSQL).
func (s *DB) lockHeld(step string) {
	if s.locked != nil {
		s.locked(step)
	}
}

// ParseDSN splits a DSN into its engine and the driver's own DSN:
// "sqlite:PATH" (or a bare path) for SQLite, "postgres://…" or
// "postgresql://…" for PostgreSQL.
func ParseDSN(dsn string) (Engine, string, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return Postgres, dsn, nil
	case strings.HasPrefix(dsn, "sqlite:"), !strings.Contains(dsn, "://"):
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
		if path == "" {
			return "", "", shikayat.Errorf(shikayat.EINVALID, "The SQLite DSN needs a file, like sqlite:shikayat.db.")
		}
		if path == ":memory:" {
			return "", "", shikayat.Errorf(shikayat.EINVALID, "An in-memory SQLite database is not supported; give a file.")
		}
		q := url.Values{}
		// busy_timeout first: the others, journal_mode above all, may
		// have to wait for another connection opening the same file.
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
		return SQLite, "file:" + path + "?" + q.Encode(), nil
	}
	return "", "", shikayat.Errorf(shikayat.EINVALID, "Unknown database %q: use sqlite:FILE or postgres://…", redactDSN(dsn))
}

// redactDSN hides a password in a DSN for messages and logs.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	return u.Redacted()
}

// Open opens the database named by dsn and brings its schema up to date.
func Open(ctx context.Context, dsn string, opts Options) (*DB, error) {
	engine, driverDSN, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	driver := "sqlite"
	if engine == Postgres {
		driver = "pgx"
	}
	db, err := sql.Open(driver, driverDSN)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", redactDSN(dsn), err)
	}
	if engine == SQLite {
		// One writer at a time is SQLite's nature; a few connections let
		// reads go on beside it (WAL), and immediate transactions queue
		// writers on the busy timeout instead of failing.
		db.SetMaxOpenConns(4)
		// Idle connections are kept (database/sql keeps two by default):
		// under load each one reopened reads the schema and runs the
		// pragmas again, a fifth of a tracking lookup's time.
		db.SetMaxIdleConns(4)
	} else {
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(20)
		db.SetConnMaxIdleTime(5 * time.Minute)
	}
	if engine == SQLite {
		// The first connection turns a new file to WAL, which needs the
		// file to itself: processes opening it together take turns, and the
		// lock is held through the migrations.
		unlock, err := lockSQLite(ctx, sqlitePath(dsn))
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("open %s: %w", redactDSN(dsn), err)
		}
		defer unlock()
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s: %w", redactDSN(dsn), err)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Rand == nil {
		opts.Rand = rand.Reader
	}
	if opts.DocketState == "" {
		opts.DocketState = "UP"
	}
	if opts.SLA == (shikayat.SLA{}) {
		opts.SLA = shikayat.DefaultSLA
	}
	s := &DB{db: db, engine: engine, opts: opts}
	if s.opts.Jobs != nil {
		s.opts.Jobs = replyJobs{s: s, next: s.opts.Jobs}
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.seedUnits(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.checkStatsRules(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// Remember when the database was made: intake reads nothing older.
	now := ms(s.now())
	if _, err := db.ExecContext(ctx, `INSERT INTO checkpoints (name, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
		CreatedCheckpoint, fmt.Sprint(now), now); err != nil {
		db.Close()
		return nil, fmt.Errorf("open: %w", err)
	}
	s.syncStatsRulesInBackground()
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error {
	if s.bg.cancel != nil {
		s.bg.cancel()
	}
	s.bg.wg.Wait()
	s.track.mu.Lock()
	s.track.closed = true
	s.track.mu.Unlock()
	s.track.flights.Wait()
	for _, stmt := range s.track.stmts {
		if stmt != nil {
			stmt.Close()
		}
	}
	return s.db.Close()
}

// SQL returns the underlying pool, for the job queue that shares it.
func (s *DB) SQL() *sql.DB { return s.db }

// Engine tells which engine the store runs on.
func (s *DB) Engine() Engine { return s.engine }

// SetJobs sets the job inserter once the queue exists (it needs the pool).
// A nil j leaves the store without a queue.
func (s *DB) SetJobs(j JobInserter) {
	if j == nil {
		s.opts.Jobs = nil
		return
	}
	s.opts.Jobs = replyJobs{s: s, next: j}
}

// Ping checks that the database answers.
func (s *DB) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// migrationLockID keys the PostgreSQL advisory lock under which nodes that
// start together take turns to migrate.
const migrationLockID = 0x5ec0de01

// migrate brings the schema up to date. On SQLite, Open holds the file's
// lock around it.
func (s *DB) migrate(ctx context.Context) error {
	if s.engine == Postgres {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLockID); err != nil {
			return fmt.Errorf("migrate: take lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrationLockID)
	}
	p, err := migrations.Provider(s.db, string(s.engine))
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := s.backfillTrail(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if s.opts.AfterMigrate != nil {
		if err := s.opts.AfterMigrate(ctx, s.db, s.engine); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return nil
}

// sqlitePath returns the file of a SQLite DSN that ParseDSN accepted.
func sqlitePath(dsn string) string {
	return strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
}

// lockSQLite makes processes that open one SQLite file at the same time take
// turns to migrate it. It holds an exclusive transaction on a small lock
// database beside the file (SQLite's own file locking, so it works wherever
// SQLite does); the others wait on its busy timeout.
func lockSQLite(ctx context.Context, path string) (unlock func(), err error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(120000)")
	lockDB, err := sql.Open("sqlite", "file:"+path+".migrate-lock?"+q.Encode())
	if err != nil {
		return nil, err
	}
	lockDB.SetMaxOpenConns(1)
	conn, err := lockDB.Conn(ctx)
	if err != nil {
		lockDB.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if _, err := conn.ExecContext(ctx, `BEGIN EXCLUSIVE`); err != nil {
		conn.Close()
		lockDB.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() {
		conn.ExecContext(context.Background(), `ROLLBACK`)
		conn.Close()
		lockDB.Close()
	}, nil
}

// withTx runs fn in a transaction, committing when it returns nil.
func (s *DB) withTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	err = tx.Commit()
	s.writes.Add(1) // even when the commit fails: it may have committed
	if err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// WithTx runs fn in a transaction of the store, for work that must commit
// with the store's own changes (a checkpoint, say).
func (s *DB) WithTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.withTx(ctx, fn)
}

// now is the store's clock, to the millisecond that the database keeps, so
// that what a change returns equals what a later read finds.
func (s *DB) now() time.Time { return s.opts.Now().UTC().Truncate(time.Millisecond) }

// ms converts a time to the stored Unix milliseconds.
func ms(t time.Time) int64 { return t.UnixMilli() }

// fromMS converts stored Unix milliseconds to a UTC time.
func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

func nullMS(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: ms(*t), Valid: true}
}

func timePtr(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := fromMS(v.Int64)
	return &t
}

// isUniqueViolation reports whether err is a unique-constraint failure on
// either engine.
func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") || strings.Contains(msg, "SQLSTATE 23505")
}

var errNoRows = sql.ErrNoRows

func isNoRows(err error) bool { return errors.Is(err, errNoRows) }
