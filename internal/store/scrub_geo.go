package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/shikayat/shikayat"
)

// ScrubGeo drops the location of the recorded posts X's compliance data
// lists with action "scrub_geo" (the author removed it on X): the exact
// coordinates and place in the post as read, and the coordinates of the
// complaint it opened when they came from the post (postGeoFrom). Text,
// author and trail are untouched. It returns how many posts it changed.
func (s *DB) ScrubGeo(ctx context.Context, ids []string) (int, error) {
	return s.scrubGeo(ctx, ids)
}

// ScrubLostGeo is ScrubGeo for posts X gave back without a location (the
// lookup fallback, which sees no scrub_geo): only those whose post as read
// holds one are scrubbed. A complaint located by other means (the text, a
// person) keeps its coordinates, whether or not its post had a location
// of its own.
func (s *DB) ScrubLostGeo(ctx context.Context, ids []string) (int, error) {
	return s.scrubGeo(ctx, ids)
}

func (s *DB) scrubGeo(ctx context.Context, ids []string) (int, error) {
	n := 0
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			var body string
			err := tx.QueryRowContext(ctx, `SELECT body FROM posts WHERE id = $1`+s.forUpdate(), id).Scan(&body)
			if isNoRows(err) {
				continue
			} else if err != nil {
				return fmt.Errorf("scrub geo of %s: %w", id, err)
			}
			scrubbed, changed := withoutGeo(body)
			if !changed {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE posts SET body = $1 WHERE id = $2`, scrubbed, id); err != nil {
				return fmt.Errorf("scrub geo of %s: %w", id, err)
			}
			n++
			// Only the coordinates the complaint took from the post (see
			// shikayat.OpenFrom): a location found otherwise stays.
			at, ok := postGeoFrom(body)
			if !ok {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE complaints SET lat = NULL, lon = NULL
				WHERE source_post_id = $1 AND lat = $2 AND lon = $3`, id, at.Lat, at.Lon); err != nil {
				return fmt.Errorf("scrub geo of %s: %w", id, err)
			}
		}
		return nil
	})
	return n, err
}

// postGeoFrom returns the exact coordinates of a stored post's JSON, the
// only location a complaint takes from its post.
func postGeoFrom(body string) (shikayat.Point, bool) {
	var p struct {
		Coordinates *shikayat.Point `json:"coordinates"`
	}
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.Coordinates == nil {
		return shikayat.Point{}, false
	}
	return *p.Coordinates, true
}

// withoutGeo drops the coordinates and place (and X's own geo object, in
// a raw body) from a stored post's JSON.
func withoutGeo(body string) (string, bool) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		return body, false
	}
	changed := false
	for _, k := range []string{"coordinates", "place", "geo"} {
		if _, ok := m[k]; ok {
			delete(m, k)
			changed = true
		}
	}
	if !changed {
		return body, false
	}
	b, err := json.Marshal(m)
	if err != nil {
		return body, false
	}
	return string(b), true
}
