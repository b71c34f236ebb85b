package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// RestoredCheckpoint marks a database restored from a backup; its value is
// a RestoreMark as JSON.
const RestoredCheckpoint = "store:restored"

// RestoringCheckpoint says a restore loaded a copy and has not marked it
// yet (MarkRestored clears it): a desk must not serve such a database, whose
// posts after the copy would be answered again. It is written by the load
// itself, so no crash leaves a loaded copy without it.
const RestoringCheckpoint = "store:restoring"

// RestoringSQL writes RestoringCheckpoint into a PostgreSQL database just
// loaded from a dump (whose search path may be empty), for the load's own
// transaction.
const RestoringSQL = `INSERT INTO public.checkpoints (name, value, updated_at) VALUES ('` + RestoringCheckpoint + `', 'loaded', 0)
	ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`

// MarkRestoringSQLite writes RestoringCheckpoint into the SQLite database
// file at path, a copy not yet in the live database's place.
func MarkRestoringSQLite(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `INSERT INTO checkpoints (name, value, updated_at) VALUES ($1, 'loaded', 0)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`, RestoringCheckpoint); err != nil {
		return fmt.Errorf("restore: mark the copy as loading: %w", err)
	}
	return db.Close()
}

// RestoreFinished fails when a restore loaded this database and was not
// marked (RestoringCheckpoint): it says to run the restore again.
func (s *DB) RestoreFinished(ctx context.Context) error {
	v, err := s.Checkpoint(ctx, RestoringCheckpoint)
	if err != nil {
		return err
	}
	if v != "" {
		return shikayat.Errorf(shikayat.ECONFLICT, "A restore into this database stopped before it finished: run `shikayat restore --force` with the backup again before serving it.")
	}
	return nil
}

// RestoreMark says what a restored database knows of the copy it came from.
// Posts newer than the copy may have been recorded and acknowledged by the
// desk the copy was taken from: the restored desk reads them again, and
// before it opens a complaint for one it looks on X for its own reply.
type RestoreMark struct {
	// Checkpoint is the copy's mentions checkpoint ("" when it had none):
	// everything above it, less intake's overlap, may have come after.
	Checkpoint string `json:"checkpoint"`
	// Checkpoints holds the copy's mentions checkpoint of every account
	// read, by name (the state account's, and each "…@username"): each
	// account's window starts at its own.
	Checkpoints map[string]string `json:"checkpoints,omitempty"`
	// NewestPost is the id of the newest post the copy holds ("" for none).
	NewestPost string `json:"newest_post"`
	// At is when the copy was restored: the desk it came from is gone by
	// then, so no post made later was answered by it.
	At time.Time `json:"at"`
}

// BackupSQLite writes a consistent copy of the SQLite database named by dsn
// to path (which must not exist) while other processes read and write it:
// SQLite's online VACUUM INTO, never a copy of the live files. It changes
// nothing in the database, migrations included.
func BackupSQLite(ctx context.Context, dsn, path string) error {
	engine, driverDSN, err := ParseDSN(dsn)
	if err != nil {
		return err
	}
	if engine != SQLite {
		return shikayat.Errorf(shikayat.EINVALID, "VACUUM INTO is SQLite's; %s is %s.", redactDSN(dsn), engine)
	}
	if _, err := os.Stat(sqlitePath(dsn)); err != nil {
		return shikayat.Errorf(shikayat.ENOTFOUND, "No SQLite database at %s: %v", sqlitePath(dsn), err)
	}
	db, err := sql.Open("sqlite", driverDSN)
	if err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	return nil
}

// Holdings counts the complaints and posts the database named by dsn
// holds, without migrating or creating it: none when it does not exist or
// has no tables yet.
func Holdings(ctx context.Context, dsn string) (complaints, posts int, err error) {
	engine, driverDSN, err := ParseDSN(dsn)
	if err != nil {
		return 0, 0, err
	}
	driver, exists := "pgx", `SELECT to_regclass('complaints') IS NOT NULL AND to_regclass('posts') IS NOT NULL`
	if engine == SQLite {
		if _, err := os.Stat(sqlitePath(dsn)); errors.Is(err, os.ErrNotExist) {
			return 0, 0, nil
		}
		driver, exists = "sqlite", `SELECT count(*) = 2 FROM sqlite_master WHERE type = 'table' AND name IN ('complaints', 'posts')`
	}
	db, err := sql.Open(driver, driverDSN)
	if err != nil {
		return 0, 0, fmt.Errorf("open %s: %w", redactDSN(dsn), err)
	}
	defer db.Close()
	var ok bool
	if err := db.QueryRowContext(ctx, exists).Scan(&ok); err != nil {
		return 0, 0, fmt.Errorf("connect to %s: %w", redactDSN(dsn), err)
	}
	if !ok {
		return 0, 0, nil
	}
	err = db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM posts)`).Scan(&complaints, &posts)
	if err != nil {
		return 0, 0, fmt.Errorf("count holdings: %w", err)
	}
	return complaints, posts, nil
}

// MarkRestored records, in the database just restored, what the copy
// knows (RestoreMark), with mentions the name of intake's checkpoint. A
// reply the copy holds as pending or sending may have gone out from the
// desk the copy came from: each becomes 'sending' with its last try long
// past, so its next try first looks for it on X, as after an uncertain
// send (one whose post or complaint was redacted is given up unverified
// instead, see settleRedacted). The copy's leases go: the node that held them is gone.
func (s *DB) MarkRestored(ctx context.Context, mentions string) (RestoreMark, error) {
	var m RestoreMark
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		m = RestoreMark{At: now}
		cps, err := accountCheckpoints(ctx, tx, mentions)
		if err != nil {
			return err
		}
		m.Checkpoint, m.Checkpoints = cps[mentions], cps
		var newest sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT max(seq) FROM posts WHERE kind <> 'unreadable'`).Scan(&newest); err != nil {
			return fmt.Errorf("mark restore: %w", err)
		}
		if newest.Valid {
			m.NewestPost = strconv.FormatInt(newest.Int64, 10)
		}
		b, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("mark restore: %w", err)
		}
		if err := setCheckpoint(ctx, tx, RestoredCheckpoint, string(b), now); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `UPDATE replies SET state = 'sending', attempted_at = 0 WHERE state IN ('pending', 'sending') RETURNING id`)
		if err != nil {
			return fmt.Errorf("mark restore: %w", err)
		}
		var moved []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("mark restore: %w", err)
			}
			moved = append(moved, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("mark restore: %w", err)
		}
		// Moved as every reply is moved: one whose post or complaint was
		// redacted is given up unverified (looked for on X, never sent
		// again), its text masked.
		for _, id := range moved {
			if _, err := s.settleRedacted(ctx, tx, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM leases`); err != nil {
			return fmt.Errorf("mark restore: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM checkpoints WHERE name = $1`, RestoringCheckpoint); err != nil {
			return fmt.Errorf("mark restore: %w", err)
		}
		return nil
	})
	return m, err
}

// accountCheckpoints returns the checkpoint named mentions and every
// extra account's ("mentions@username"), by name.
func accountCheckpoints(ctx context.Context, tx *sql.Tx, mentions string) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, value FROM checkpoints WHERE name = $1 OR substr(name, 1, $2) = $3`,
		mentions, len(mentions)+1, mentions+"@")
	if err != nil {
		return nil, fmt.Errorf("mark restore: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return nil, fmt.Errorf("mark restore: %w", err)
		}
		out[name] = value
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("mark restore: %w", err)
	}
	return out, nil
}

// Restored returns the mark of the last restore, and false when the
// database was never restored.
func (s *DB) Restored(ctx context.Context) (RestoreMark, bool, error) {
	v, err := s.Checkpoint(ctx, RestoredCheckpoint)
	if err != nil || v == "" {
		return RestoreMark{}, false, err
	}
	var m RestoreMark
	if err := json.Unmarshal([]byte(v), &m); err != nil {
		return RestoreMark{}, false, fmt.Errorf("restore mark %q: %w", v, err)
	}
	return m, true, nil
}

// Unrecorded returns those of ids that have no record.
func (s *DB) Unrecorded(ctx context.Context, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	marks := make([]string, len(ids))
	for i, id := range ids {
		args[i], marks[i] = id, "$"+strconv.Itoa(i+1)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM posts WHERE id IN (`+strings.Join(marks, ", ")+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("find records: %w", err)
	}
	defer rows.Close()
	known := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("find records: %w", err)
		}
		known[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find records: %w", err)
	}
	var out []string
	for _, id := range ids {
		if !known[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

// adoptAcknowledgement records the account's reply found on X as the
// acknowledgement of c, sent: the citizen has it already, so none is
// queued. Its key is the acknowledgement job's ("ack:" and the complaint's
// id), so that job, were one ever queued, finds it sent.
func (s *DB) adoptAcknowledgement(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, r *shikayat.PriorReply, now time.Time) error {
	key := "ack:" + strconv.FormatInt(c.ID, 10)
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO replies (key, complaint_id, in_reply_to, text, lang, state, posted_id, created_at, sent_at)
		VALUES ($1, $2, $3, $4, $5, 'sent', $6, $7, $7)`,
		key, c.ID, c.SourcePostID, r.Text, c.Lang, r.PostID, ms(now)); err != nil {
		return fmt.Errorf("adopt acknowledgement: %w", err)
	}
	ev := &shikayat.Event{
		At: now, Actor: shikayat.SystemActor.Name(), Action: "replied", FromStage: c.Stage, ToStage: c.Stage,
		Note: r.Text, Public: true,
		Detail: map[string]string{"post_id": r.PostID, "in_reply_to": c.SourcePostID, "key": key, "adopted": "found on X after a restore"},
	}
	if err := insertEvent(ctx, tx, c.ID, ev); err != nil {
		return err
	}
	c.Events = append(c.Events, ev)
	return nil
}

// Counts counts the complaints and posts the store holds.
func (s *DB) Counts(ctx context.Context) (complaints, posts int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM posts)`).Scan(&complaints, &posts)
	if err != nil {
		return 0, 0, fmt.Errorf("count holdings: %w", err)
	}
	return complaints, posts, nil
}
