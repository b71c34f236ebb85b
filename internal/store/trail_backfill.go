package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/shikayat/shikayat"
)

// backfillBatch is how many complaints one backfill transaction hashes.
const backfillBatch = 500

// backfillTrail gives events stored before the trail was hashed (up to the
// id migration 00010 noted) their digests and hash chain, once: after that
// the partial index events_unhashed makes the look-up free. An event
// written later without a hash is left for verify to report. It runs after
// the migrations, under their lock. An event that already has a hash is
// kept and chained onto.
func (s *DB) backfillTrail(ctx context.Context) error {
	var through int64
	err := s.db.QueryRowContext(ctx, `SELECT CAST(value AS BIGINT) FROM checkpoints WHERE name = 'trail:unhashed_through'`).Scan(&through)
	if isNoRows(err) {
		return nil
	} else if err != nil {
		return fmt.Errorf("hash the trail: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT complaint_id FROM events WHERE hash = '' AND id <= $1 ORDER BY complaint_id`, through)
	if err != nil {
		return fmt.Errorf("hash the trail: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("hash the trail: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("hash the trail: %w", err)
	}
	for len(ids) > 0 {
		batch := ids[:min(len(ids), backfillBatch)]
		ids = ids[len(batch):]
		err := s.withTx(ctx, func(tx *sql.Tx) error {
			for _, id := range batch {
				if err := backfillComplaint(ctx, tx, id, through); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func backfillComplaint(ctx context.Context, tx *sql.Tx, id, through int64) error {
	var code, text, author, textDigest, authorDigest string
	if err := tx.QueryRowContext(ctx, `SELECT code, text, author_username, text_digest, author_digest FROM complaints WHERE id = $1`, id).
		Scan(&code, &text, &author, &textDigest, &authorDigest); err != nil {
		return fmt.Errorf("hash the trail of complaint %d: %w", id, err)
	}
	if textDigest == "" {
		salt, err := newSalt()
		if err != nil {
			return err
		}
		textDigest, authorDigest = shikayat.PersonalDigest(salt, text), shikayat.PersonalDigest(salt, author)
		if _, err := tx.ExecContext(ctx, `UPDATE complaints SET text_digest = $1, author_digest = $2, digest_salt = $3 WHERE id = $4`,
			textDigest, authorDigest, salt, id); err != nil {
			return fmt.Errorf("hash the trail of %s: %w", code, err)
		}
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT id, complaint_id, at, actor, COALESCE(user_id, 0), action, from_stage, to_stage,
			from_unit, to_unit, note, public, detail, hash, actor_digest, note_digest, salt, by_unit
		FROM events WHERE complaint_id = $1 ORDER BY id`, id)
	if err != nil {
		return fmt.Errorf("hash the trail of %s: %w", code, err)
	}
	var evs []trailRow
	for {
		var r trailRow
		ok, err := r.next(rows)
		if err != nil {
			rows.Close()
			return err
		}
		if !ok {
			break
		}
		evs = append(evs, r)
	}
	rows.Close()
	prev := ""
	for i, r := range evs {
		if r.hash != "" || r.e.ID > through {
			prev = r.hash
			continue
		}
		detail, err := parseDetail(r.detail)
		if err != nil {
			return fmt.Errorf("hash the trail of %s: event %d: detail: %w", code, r.e.ID, err)
		}
		salt, err := newSalt()
		if err != nil {
			return err
		}
		td, ad := "", ""
		if i == 0 {
			td, ad = textDigest, authorDigest
		}
		es := hashEvent(prev, code, &r.e, detail, salt, td, ad)
		if _, err := tx.ExecContext(ctx, `UPDATE events SET hash = $1, actor_digest = $2, note_digest = $3, salt = $4 WHERE id = $5`,
			es.hash, es.actorDigest, es.noteDigest, es.salt, r.e.ID); err != nil {
			return fmt.Errorf("hash the trail of %s: event %d: %w", code, r.e.ID, err)
		}
		prev = es.hash
	}
	return nil
}
