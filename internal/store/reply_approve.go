package store

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/shikayat/shikayat"
)

// ActionApproveReply is the trail's name for the approval of a held reply.
const ActionApproveReply = "approve_reply"

// ApproveReply approves a station officer's reply held for approval (the
// reply event eventID of the complaint code): it appends an approve_reply
// event and queues the reply through the reply job, as an unheld reply is.
// Only staff above a station, with the complaint in scope, may approve; a
// reply not held, or approved already, is refused.
func (s *DB) ApproveReply(ctx context.Context, code string, eventID int64, by shikayat.Actor) (*shikayat.Complaint, *shikayat.Event, error) {
	code, err := shikayat.ParseDocket(code)
	if err != nil {
		return nil, nil, err
	}
	sc, sargs, err := scopeClause(by.Scope, 2)
	if err != nil {
		return nil, nil, err
	}
	if by.System || by.Role == shikayat.RoleStationOfficer || by.Role == "" {
		return nil, nil, shikayat.Errork(shikayat.EFORBIDDEN, "err_approve_role", "Only the district or above approves a station's reply.")
	}
	var c *shikayat.Complaint
	var ev *shikayat.Event
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if c, err = findComplaintBy(ctx, tx, "c.code = $1"+sc, append([]any{code}, sargs...)...); err != nil {
			return err
		}
		events, err := listEvents(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		var held *shikayat.Event
		for _, e := range events {
			switch {
			case e.ID == eventID && e.Action == string(shikayat.ActionReply) && e.Detail["approval"] == "waiting":
				held = e
			case e.Action == ActionApproveReply && e.Detail["reply_event"] == strconv.FormatInt(eventID, 10):
				return shikayat.Errork(shikayat.ECONFLICT, "err_approved", "This reply was approved already.")
			}
		}
		if held == nil {
			return shikayat.Errork(shikayat.EINVALID, "err_no_held_reply", "There is no reply waiting for approval with this number.")
		}
		ev = &shikayat.Event{At: s.now(), Actor: by.Name(), UserID: by.UserID, Action: ActionApproveReply,
			FromStage: c.Stage, ToStage: c.Stage, Detail: map[string]string{"reply_event": strconv.FormatInt(eventID, 10)}}
		if err := insertEvent(ctx, tx, c.ID, ev); err != nil {
			return err
		}
		if s.opts.Jobs != nil {
			job := shikayat.Job{Kind: shikayat.JobReply, ComplaintID: c.ID, EventID: eventID, Urgent: c.EffectiveClass() == shikayat.ClassImmediate}
			if err := s.opts.Jobs.InsertTx(ctx, tx, job); err != nil {
				return err
			}
		}
		c.Events, err = listEvents(ctx, tx, c.ID)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return c, ev, nil
}
