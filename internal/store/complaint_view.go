package store

import (
	"context"
	"database/sql"

	"github.com/shikayat/shikayat"
)

// RecordView records that a person read the complaint with the given docket
// code: for a sensitive complaint it appends an internal "viewed" event
// naming who and when; for any other complaint, or a read by the system, it
// records nothing. The complaint must lie in by's scope, so a view nobody
// could make is not recorded. The staff API's and the desk's complaint
// pages call it after they read the complaint.
func (s *DB) RecordView(ctx context.Context, code string, by shikayat.Actor) error {
	code, err := shikayat.ParseDocket(code)
	if err != nil {
		return err
	}
	if by.System {
		return nil
	}
	sc, sargs, err := scopeClause(by.Scope, 2)
	if err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		c, err := findComplaintBy(ctx, tx, "c.code = $1"+sc, append([]any{code}, sargs...)...)
		if err != nil || !c.Sensitive {
			return err
		}
		ev := &shikayat.Event{
			At: s.now(), Actor: by.Name(), UserID: by.UserID, Action: string(shikayat.ActionViewed),
			FromStage: c.Stage, ToStage: c.Stage, FromUnit: c.UnitID, ToUnit: c.UnitID,
		}
		return insertEvent(ctx, tx, c.ID, ev)
	})
}
