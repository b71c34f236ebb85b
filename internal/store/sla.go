package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/shikayat/shikayat"
)

// SLA clocks. Each complaint's deadline (due_at, on the unit's clock) has a
// generation, sla_gen, that moves on whenever the deadline does; sla_step
// counts the moments of that deadline already marked (shikayat.SLAWarned,
// SLAOverdue, then one more per escalation). A change that moves the
// deadline schedules a job for its first moment in the same transaction;
// the job, when it runs, marks its moment and schedules the next. A job
// whose generation or step is no longer the complaint's does nothing, and
// the update that advances sla_step is what lets exactly one run record the
// event.

// SLAResult tells what one SLA job did.
type SLAResult struct {
	// Kind is the event recorded: shikayat.SLAEventWarning, SLAEventBreach
	// or SLAEventEscalation; "" when the job had nothing (more) to do.
	Kind string
	// Wait is set when the job ran before its moment: run it again then.
	Wait time.Duration
	// Code and PostID name the complaint, for the log.
	Code, PostID string
}

// scheduleSLA queues the job for the next moment of c's current deadline.
func (s *DB) scheduleSLA(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, gen, step int) error {
	if s.opts.Jobs == nil || c.DueAt == nil || c.Stage == shikayat.StageClosed {
		return nil
	}
	at := s.sla().Moment(c.UnitSince, *c.DueAt, step)
	job := shikayat.Job{Kind: shikayat.JobSLA, ComplaintID: c.ID, At: at, SLAGen: gen, SLAStep: step}
	if err := s.opts.Jobs.InsertTx(ctx, tx, job); err != nil {
		return fmt.Errorf("schedule SLA: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE complaints SET sla_queued = 1 WHERE id = $1 AND sla_queued = 0`, c.ID); err != nil {
		return fmt.Errorf("schedule SLA: %w", err)
	}
	return nil
}

// scheduleAckCheck queues the check that an immediate complaint's
// acknowledgement went out in time.
func (s *DB) scheduleAckCheck(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint) error {
	if s.opts.Jobs == nil {
		return nil
	}
	job := shikayat.Job{Kind: shikayat.JobSLA, ComplaintID: c.ID, At: c.ReceivedAt.Add(s.sla().ImmediateAck), SLAStep: shikayat.SLAAckStep}
	if err := s.opts.Jobs.InsertTx(ctx, tx, job); err != nil {
		return fmt.Errorf("schedule acknowledgement check: %w", err)
	}
	return nil
}

// slaMoved records in tx that an action changed c's deadline (from before)
// or not, and schedules what follows. A new deadline starts a new
// generation and leaves the escalation queue; an action by a person takes
// the complaint out of the queue as well (ownership never moved).
func (s *DB) slaMoved(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, before *time.Time, by shikayat.Actor) error {
	if sameTime(before, c.DueAt) {
		if by.System {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE complaints SET escalated_to = '', escalated_path = '' WHERE id = $1 AND escalated_to <> ''`, c.ID)
		if err != nil {
			return fmt.Errorf("clear escalation: %w", err)
		}
		return nil
	}
	var gen int
	err := tx.QueryRowContext(ctx, `
		UPDATE complaints SET sla_gen = sla_gen + 1, sla_step = 0, escalated_to = '', escalated_path = '', sla_queued = 0
		WHERE id = $1 RETURNING sla_gen`, c.ID).Scan(&gen)
	if err != nil {
		return fmt.Errorf("move deadline: %w", err)
	}
	return s.scheduleSLA(ctx, tx, c, gen, 0)
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// RunSLA marks moment step of the deadline of generation gen of complaint
// id, if that is still the complaint's next moment and its time has come:
// it records the event on the trail (internal, by the system), alerts the
// unit it concerns, and schedules the next moment — all in one transaction.
// Run twice, or on two nodes at once, it records one event.
func (s *DB) RunSLA(ctx context.Context, id int64, gen, step int) (SLAResult, error) {
	var res SLAResult
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		res = SLAResult{}
		c, err := findComplaintBy(ctx, tx, "c.id = $1", id)
		if shikayat.ErrorCode(err) == shikayat.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		res.Code, res.PostID = c.Code, c.SourcePostID
		if step == shikayat.SLAAckStep {
			return s.checkAck(ctx, tx, c, &res)
		}
		var curGen, curStep int
		if err := tx.QueryRowContext(ctx, `SELECT sla_gen, sla_step FROM complaints WHERE id = $1`, id).Scan(&curGen, &curStep); err != nil {
			return fmt.Errorf("run SLA: %w", err)
		}
		if c.Stage == shikayat.StageClosed || c.DueAt == nil || gen != curGen || step != curStep || step < 0 {
			return nil // outdated: the deadline moved, or this moment was marked
		}
		now := s.now()
		at := s.sla().Moment(c.UnitSince, *c.DueAt, step)
		if now.Before(at) {
			res.Wait = at.Sub(now)
			return nil
		}
		owner, err := findUnit(ctx, tx, c.UnitID)
		if err != nil {
			return err
		}
		a := &shikayat.Alert{Code: c.Code, UnitID: owner.ID, UnitPath: owner.Path, District: c.District, Type: c.EffectiveType(), At: now}
		e := &shikayat.Event{
			At: now, Actor: shikayat.SystemActor.Name(), FromStage: c.Stage, ToStage: c.Stage,
			FromUnit: c.UnitID, ToUnit: c.UnitID,
			Detail: map[string]string{"due": c.DueAt.Format(time.RFC3339), "step": strconv.Itoa(step + 1)},
		}
		escTo, escPath := "", ""
		switch step {
		case 0:
			res.Kind, a.Kind = shikayat.SLAEventWarning, shikayat.AlertSLAWarning
			e.Note = fmt.Sprintf("%.0f%% of the deadline has passed.", s.sla().WarnAt*100)
		case 1:
			res.Kind, a.Kind = shikayat.SLAEventBreach, shikayat.AlertOverdue
			e.Note = "The deadline passed: the complaint is overdue."
		default:
			var ok bool
			if escTo, ok = shikayat.EscalationUnit(owner.Path, step-1); !ok {
				return nil // nothing above: HQ owns it
			}
			escPath = shikayat.EscalationPath(owner.Path, step-1)
			res.Kind, a.Kind = shikayat.SLAEventEscalation, shikayat.AlertEscalation
			a.UnitID, a.UnitPath = escTo, escPath
			e.Note = "Overdue: escalated to " + escTo + "."
			e.Detail["to"] = escTo
		}
		e.Action = res.Kind
		q := `UPDATE complaints SET sla_step = $1 WHERE id = $2 AND sla_gen = $3 AND sla_step = $4`
		args := []any{step + 1, id, gen, step}
		if escTo != "" {
			q = `UPDATE complaints SET sla_step = $1, escalated_to = $5, escalated_path = $6 WHERE id = $2 AND sla_gen = $3 AND sla_step = $4`
			args = append(args, escTo, escPath)
		}
		r, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("run SLA: %w", err)
		}
		if n, err := r.RowsAffected(); err != nil {
			return fmt.Errorf("run SLA: %w", err)
		} else if n != 1 {
			res.Kind = "" // another run marked it first
			return nil
		}
		if err := insertEvent(ctx, tx, c.ID, e); err != nil {
			return err
		}
		if err := insertAlert(ctx, tx, a); err != nil {
			return err
		}
		if _, more := shikayat.EscalationUnit(owner.Path, step); step == 0 || more {
			return s.scheduleSLA(ctx, tx, c, gen, step+1)
		}
		return nil
	})
	return res, err
}

// checkAck records a breach when an immediate complaint's acknowledgement
// was not sent within ImmediateAck of its receipt; the guarded update of
// ack_checked makes it happen once.
func (s *DB) checkAck(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, res *SLAResult) error {
	now := s.now()
	due := c.ReceivedAt.Add(s.sla().ImmediateAck)
	if now.Before(due) {
		res.Wait = due.Sub(now)
		return nil
	}
	var sent int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM replies WHERE key = $1 AND state = 'sent' AND sent_at <= $2`,
		"ack:"+strconv.FormatInt(c.ID, 10), ms(due)).Scan(&sent)
	if err != nil {
		return fmt.Errorf("check acknowledgement: %w", err)
	}
	r, err := tx.ExecContext(ctx, `UPDATE complaints SET ack_checked = 1 WHERE id = $1 AND ack_checked = 0`, c.ID)
	if err != nil {
		return fmt.Errorf("check acknowledgement: %w", err)
	}
	if n, err := r.RowsAffected(); err != nil {
		return fmt.Errorf("check acknowledgement: %w", err)
	} else if n != 1 || sent > 0 {
		return nil
	}
	res.Kind = shikayat.SLAEventBreach
	e := &shikayat.Event{
		At: now, Actor: shikayat.SystemActor.Name(), Action: shikayat.SLAEventBreach,
		FromStage: c.Stage, ToStage: c.Stage, FromUnit: c.UnitID, ToUnit: c.UnitID,
		Note:   "The acknowledgement was not sent within its deadline.",
		Detail: map[string]string{"due": due.Format(time.RFC3339), "deadline": "acknowledgement"},
	}
	return insertEvent(ctx, tx, c.ID, e)
}

// ListEscalated returns the open complaints escalated to a unit in scope,
// longest overdue first: a unit's escalation queue. Ownership stays with
// the owning unit, which may lie outside the scope of the unit escalated to
// only when the tree says so (it never does: escalation goes up).
func (s *DB) ListEscalated(ctx context.Context, scope shikayat.Scope) ([]*shikayat.Complaint, error) {
	w := &where{}
	switch {
	case scope.IsZero():
		return nil, shikayat.ErrNoScope()
	case !scope.All():
		w.add(`c.escalated_path LIKE ? ESCAPE '\'`, likePrefix(scope.Path()))
	}
	w.add(`c.escalated_path <> ''`)
	w.add(`c.stage <> 'closed'`)
	if scope.HidesSensitive() {
		w.add(hideSensitive)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+complaintColumns+`
		FROM complaints c JOIN units u ON u.id = c.unit_id
		WHERE `+w.String()+` ORDER BY c.due_at, c.id LIMIT 500`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("list escalations: %w", err)
	}
	defer rows.Close()
	var out []*shikayat.Complaint
	for rows.Next() {
		c, _, err := scanComplaint(rows)
		if err != nil {
			return nil, fmt.Errorf("list escalations: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// EscalatedTo returns the unit whose escalation queue holds the complaint
// with the given id, "" when none.
func (s *DB) EscalatedTo(ctx context.Context, id int64) (string, error) {
	var to string
	if err := s.db.QueryRowContext(ctx, `SELECT escalated_to FROM complaints WHERE id = $1`, id).Scan(&to); err != nil {
		return "", fmt.Errorf("read escalation: %w", err)
	}
	return to, nil
}

// UnitBounces counts, per unit, the forwards that took a complaint away from
// it after it owned it (the bounces of shikayat.Apply), made at or after
// since: the league table's count against a unit.
func (s *DB) UnitBounces(ctx context.Context, since time.Time) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT from_unit, count(*) FROM events
		WHERE action = 'forward' AND from_unit <> 'hq' AND from_unit <> to_unit
			AND from_stage <> 'received' AND at >= $1
		GROUP BY from_unit`, ms(since))
	if err != nil {
		return nil, fmt.Errorf("count bounces: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var u string
		var n int
		if err := rows.Scan(&u, &n); err != nil {
			return nil, fmt.Errorf("count bounces: %w", err)
		}
		out[u] = n
	}
	return out, rows.Err()
}

// ResumeSLA schedules the next SLA moment of every open complaint stored
// without a queue (before SLA jobs existed, or by a command that has none):
// the desk runs it as it starts. Later changes schedule their own in their
// transaction. It works in batches; River's unique jobs keep a moment from
// being queued twice.
func (s *DB) ResumeSLA(ctx context.Context) (int, error) {
	if s.opts.Jobs == nil {
		return 0, nil
	}
	n := 0
	for after := int64(0); ; {
		batch := 0
		err := s.withTx(ctx, func(tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, `
				SELECT id, unit_since, due_at, sla_gen, sla_step FROM complaints
				WHERE sla_queued = 0 AND stage <> 'closed' AND id > $1 AND due_at IS NOT NULL ORDER BY id LIMIT 500`, after)
			if err != nil {
				return err
			}
			type open struct {
				c         shikayat.Complaint
				gen, step int
			}
			var cs []open
			for rows.Next() {
				var o open
				var since, due int64
				if err := rows.Scan(&o.c.ID, &since, &due, &o.gen, &o.step); err != nil {
					rows.Close()
					return err
				}
				d := fromMS(due)
				o.c.UnitSince, o.c.DueAt, o.c.Stage = fromMS(since), &d, shikayat.StageReceived
				cs = append(cs, o)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, o := range cs {
				if err := s.scheduleSLA(ctx, tx, &o.c, o.gen, o.step); err != nil {
					return err
				}
				after = o.c.ID
			}
			batch = len(cs)
			return nil
		})
		if err != nil {
			return n, fmt.Errorf("resume SLA: %w", err)
		}
		n += batch
		if batch == 0 {
			return n, nil
		}
	}
}
