package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
)

// WithheldAction is the internal trail event that records that X withholds
// a post in the country the desk serves: people there do not see it on X,
// staff still do here.
const WithheldAction = "withheld_on_x"

// MarkWithheld records, on the complaint of each recorded post among ids,
// that X withholds the post in country (an ISO code): one internal event a
// post, the first time X says so. Nothing is redacted: the post still
// exists, and its author may still be answered. Posts not recorded,
// redacted, or on no complaint are left alone. It returns how many posts
// it recorded.
func (s *DB) MarkWithheld(ctx context.Context, ids []string, country string) (int, error) {
	n := 0
	for _, id := range ids {
		err := s.withTx(ctx, func(tx *sql.Tx) error {
			var cid sql.NullInt64
			var redacted sql.NullInt64
			err := tx.QueryRowContext(ctx, `SELECT complaint_id, redacted_at FROM posts WHERE id = $1`, id).Scan(&cid, &redacted)
			if isNoRows(err) || (err == nil && (!cid.Valid || redacted.Valid)) {
				return nil
			} else if err != nil {
				return fmt.Errorf("withheld post %s: %w", id, err)
			}
			var stage string
			if err := tx.QueryRowContext(ctx, `SELECT stage FROM complaints WHERE id = $1`+s.forUpdate(), cid.Int64).Scan(&stage); err != nil {
				return fmt.Errorf("withheld post %s: %w", id, err)
			}
			var seen int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE complaint_id = $1 AND action = $2 AND detail LIKE $3`,
				cid.Int64, WithheldAction, `%"post_id":`+jsonString(id)+`%`).Scan(&seen); err != nil {
				return fmt.Errorf("withheld post %s: %w", id, err)
			}
			if seen > 0 {
				return nil
			}
			country = strings.ToUpper(country)
			ev := &shikayat.Event{
				At: s.now(), Actor: shikayat.SystemActor.Name(), Action: WithheldAction,
				FromStage: shikayat.Stage(stage), ToStage: shikayat.Stage(stage),
				Note:   "X withholds post " + id + " in " + country + ": people there do not see it on X. It is kept here as it was.",
				Detail: map[string]string{"post_id": id, "countries": country},
			}
			if err := insertEvent(ctx, tx, cid.Int64, ev); err != nil {
				return err
			}
			n++
			return nil
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
