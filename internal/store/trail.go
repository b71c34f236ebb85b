package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/shikayat/shikayat"
)

// The tamper-evident trail: every event is hashed as it is inserted, chained
// to the complaint's previous event (shikayat.EventHash). Personal text — the
// complaint's text and author handle, each event's actor and note — enters
// the hash through a salted digest stored beside it.

// eventTrail is what insertEvent stores beside an event for the trail.
type eventTrail struct {
	hash, actorDigest, noteDigest, salt string
}

// newSalt draws the salt of an event's (or a complaint's) personal digests.
func newSalt() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// chainEvent hashes e onto the complaint's trail inside tx. It first locks
// the complaint's row (a no-op update, on both engines), so that two
// transactions adding events to one complaint take turns and never chain to
// the same previous event; the previous hash is read after the lock, which
// on PostgreSQL (read committed) sees the other's committed event. The
// complaint's text and author get their digests with its first event.
func chainEvent(ctx context.Context, tx *sql.Tx, complaintID int64, e *shikayat.Event, detail map[string]string) (eventTrail, error) {
	var code, text, author, textDigest, authorDigest string
	err := tx.QueryRowContext(ctx, `
		UPDATE complaints SET version = version WHERE id = $1
		RETURNING code, text, author_username, text_digest, author_digest`, complaintID,
	).Scan(&code, &text, &author, &textDigest, &authorDigest)
	if err != nil {
		return eventTrail{}, fmt.Errorf("save event: lock complaint: %w", err)
	}
	var prev string
	err = tx.QueryRowContext(ctx, `SELECT hash FROM events WHERE complaint_id = $1 ORDER BY id DESC LIMIT 1`, complaintID).Scan(&prev)
	first := isNoRows(err)
	if err != nil && !first {
		return eventTrail{}, fmt.Errorf("save event: previous hash: %w", err)
	}
	salt, err := newSalt()
	if err != nil {
		return eventTrail{}, err
	}
	if first && textDigest == "" {
		csalt, err := newSalt()
		if err != nil {
			return eventTrail{}, err
		}
		textDigest, authorDigest = shikayat.PersonalDigest(csalt, text), shikayat.PersonalDigest(csalt, author)
		if _, err := tx.ExecContext(ctx, `UPDATE complaints SET text_digest = $1, author_digest = $2, digest_salt = $3 WHERE id = $4`,
			textDigest, authorDigest, csalt, complaintID); err != nil {
			return eventTrail{}, fmt.Errorf("save event: complaint digests: %w", err)
		}
	}
	if !first {
		textDigest, authorDigest = "", ""
	}
	return hashEvent(prev, code, e, detail, salt, textDigest, authorDigest), nil
}

// hashEvent digests the event's personal text under salt and hashes it onto
// prev; textDigest and authorDigest are the complaint's, given for its first
// event only.
func hashEvent(prev, code string, e *shikayat.Event, detail map[string]string, salt, textDigest, authorDigest string) eventTrail {
	es := eventTrail{actorDigest: shikayat.PersonalDigest(salt, e.Actor), noteDigest: shikayat.PersonalDigest(salt, e.Note), salt: salt}
	te := trailEvent(code, e, es, detail)
	te.TextDigest, te.AuthorDigest = textDigest, authorDigest
	es.hash = shikayat.EventHash(prev, te)
	return es
}

// trailEvent is what an event's hash covers.
func trailEvent(code string, e *shikayat.Event, es eventTrail, detail map[string]string) shikayat.TrailEvent {
	return shikayat.TrailEvent{
		Code: code, At: fromMS(ms(e.At)), ActorDigest: es.actorDigest, UserID: e.UserID,
		Action: e.Action, FromStage: string(e.FromStage), ToStage: string(e.ToStage),
		FromUnit: e.FromUnit, ToUnit: e.ToUnit, NoteDigest: es.noteDigest, Public: e.Public,
		Detail: detail, ByUnit: e.ByUnit,
	}
}

// parseDetail reads an event's stored detail into the map its hash covers:
// "" is no detail; anything but a JSON object of strings is an error.
func parseDetail(s string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	var m map[string]string
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, err
	}
	return m, nil
}
