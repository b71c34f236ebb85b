package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
)

// stationActions are what a station officer may do; routing belongs to the
// district and above.
var stationActions = map[shikayat.ActionKind]bool{
	shikayat.ActionNote: true, shikayat.ActionReply: true,
	shikayat.ActionClose: true, shikayat.ActionReopen: true,
	// A station officer who finds a complaint sensitive marks it so.
	shikayat.ActionSetSensitive: true,
}

// ApplyAction performs an action on the complaint with the given docket code
// on behalf of by, and appends its event, atomically. The complaint must lie
// in by's scope. With a non-empty idempotency key, a repeat of the same
// request by the same user returns the first result and changes nothing.
func (s *DB) ApplyAction(ctx context.Context, code string, a shikayat.Action, by shikayat.Actor, idemKey string) (*shikayat.Complaint, *shikayat.Event, error) {
	code, err := shikayat.ParseDocket(code)
	if err != nil {
		return nil, nil, err
	}
	if len(idemKey) > 200 {
		return nil, nil, shikayat.Errorf(shikayat.EINVALID, "Idempotency-Key is too long.")
	}
	sc, sargs, err := scopeClause(by.Scope, 2)
	if err != nil {
		return nil, nil, err
	}
	var c *shikayat.Complaint
	var ev *shikayat.Event
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if idemKey != "" {
			var cid, eid int64
			var response string
			err := tx.QueryRowContext(ctx, `SELECT complaint_id, event_id, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
				by.UserID, idemKey).Scan(&cid, &eid, &response)
			if err == nil {
				// A replay sees only what its user may see now…
				if c, err = findComplaintBy(ctx, tx, "c.id = $1"+sc, append([]any{cid}, sargs...)...); err != nil {
					return err
				}
				if c.Code != code {
					return shikayat.Errorf(shikayat.ECONFLICT, "This Idempotency-Key was used for another complaint.")
				}
				evs, err := listEvents(ctx, tx, cid)
				if err != nil {
					return err
				}
				for _, e := range evs {
					if e.ID == eid {
						ev = e
					}
				}
				c.Events = evs
				// …and gets the complaint as the first request left it.
				if response != "" {
					first := &shikayat.Complaint{}
					if err := json.Unmarshal([]byte(response), first); err != nil {
						return fmt.Errorf("apply action: replay: %w", err)
					}
					first.ID = c.ID
					c = first
				}
				return nil
			} else if !isNoRows(err) {
				return fmt.Errorf("apply action: %w", err)
			}
		}
		var version int
		c, version, err = findComplaintVersion(ctx, tx, "c.code = $1"+sc, append([]any{code}, sargs...)...)
		if err != nil {
			return err
		}
		if !by.System && by.Role == shikayat.RoleStationOfficer && !stationActions[a.Kind] {
			return shikayat.Errork(shikayat.EFORBIDDEN, "err_station_officer", "A station officer cannot %s a complaint; ask the district.", a.Kind)
		}
		if ev, err = s.apply(ctx, tx, c, version, a, by); err != nil {
			return err
		}
		if c.Events, err = listEvents(ctx, tx, c.ID); err != nil {
			return err
		}
		if idemKey != "" {
			response, err := json.Marshal(c)
			if err != nil {
				return fmt.Errorf("apply action: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO idempotency_keys (user_id, key, complaint_id, event_id, created_at, response) VALUES ($1, $2, $3, $4, $5, $6)`,
				by.UserID, idemKey, c.ID, ev.ID, ms(s.now()), string(response)); isUniqueViolation(err) {
				return shikayat.Errorf(shikayat.ECONFLICT, "A request with this Idempotency-Key is in progress; retry it.")
			} else if err != nil {
				return fmt.Errorf("apply action: save idempotency key: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return c, ev, nil
}

// apply resolves the action's references, lets the domain apply it, writes
// the complaint and the event, and queues what the action causes.
//
// version is the row version read together with c: the update fails with a
// conflict if anyone changed the complaint since (on PostgreSQL, statements
// in one transaction see others' commits).
func (s *DB) apply(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, version int, a shikayat.Action, by shikayat.Actor) (*shikayat.Event, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	var t shikayat.Target
	var err error
	if a.Kind == shikayat.ActionReply && !c.Replyable {
		return nil, shikayat.Errork(shikayat.EINVALID, "err_not_replyable", "X lets the desk reply only to posts that mention the account; this one did not.")
	}
	if a.Kind == shikayat.ActionReply && len(s.opts.Accounts) > 0 {
		// Told now, held for approval or not: no account may post it.
		_, why, err := s.replyAccount(ctx, tx, shikayat.Job{Kind: shikayat.JobReply, ComplaintID: c.ID})
		if err != nil {
			return nil, err
		}
		if why != "" {
			return nil, shikayat.Errork(shikayat.EINVALID, "err_no_reply_account", "This reply cannot be sent: %s.", why)
		}
	}
	switch a.Kind {
	case shikayat.ActionForward:
		id := a.Unit
		if a.District != 0 {
			id = shikayat.DistrictUnitID(a.District)
		} else if !strings.HasPrefix(id, "unit:") {
			id = "unit:" + id
		}
		if t.Unit, err = findUnit(ctx, tx, id); shikayat.ErrorCode(err) == shikayat.ENOTFOUND {
			return nil, shikayat.Errork(shikayat.EINVALID, "err_no_unit", "There is no unit %s to forward to.", id)
		} else if err != nil {
			return nil, err
		}
	case shikayat.ActionAssign:
		id := shikayat.StationUnitID(a.Station)
		if t.Unit, err = findUnit(ctx, tx, id); shikayat.ErrorCode(err) == shikayat.ENOTFOUND {
			return nil, shikayat.Errork(shikayat.EINVALID, "err_no_station", "There is no station %s.", a.Station)
		} else if err != nil {
			return nil, err
		}
	case shikayat.ActionMerge:
		into, err := shikayat.ParseDocket(a.Into)
		if err != nil {
			return nil, err
		}
		sc, sargs, err := scopeClause(by.Scope, 2)
		if err != nil {
			return nil, err
		}
		// Both complaints are locked before the target is read, so that
		// what is checked below still holds at commit: a close of the
		// target, or a merge of the target into this one, waits for this
		// merge or is seen by it (on PostgreSQL; SQLite runs one writer at
		// a time). Locked in id order, as every merge locks them, two
		// merges of the pair cannot deadlock; paths that lock one
		// complaint hold no other.
		if err := s.lockMergePair(ctx, tx, c.ID, into); err != nil {
			return nil, err
		}
		// The complaint merged was read before the lock: read it again,
		// so that a change committed meanwhile is a conflict, not lost.
		var now int
		if err := tx.QueryRowContext(ctx, `SELECT version FROM complaints WHERE id = $1`, c.ID).Scan(&now); err != nil {
			return nil, fmt.Errorf("apply action: %w", err)
		} else if now != version {
			return nil, shikayat.Errork(shikayat.ECONFLICT, "err_conflict", "The complaint changed while you worked on it; reload and try again.")
		}
		// A complaint that has duplicates of its own stays the one they
		// point at: merging it would make a chain (C → A → B), each
		// duplicate then pointing at a complaint nobody works on.
		var dups int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM complaints WHERE merged_into = $1`, c.Code).Scan(&dups); err != nil {
			return nil, fmt.Errorf("apply action: %w", err)
		} else if dups > 0 {
			return nil, shikayat.Errork(shikayat.EINVALID, "err_merge_has_duplicates", "Complaint %s has %d duplicates merged into it; merge the other complaint into this one instead.", c.Code, dups)
		}
		other, err := findComplaintBy(ctx, tx, "c.code = $1"+sc, append([]any{into}, sargs...)...)
		if shikayat.ErrorCode(err) == shikayat.ENOTFOUND {
			return nil, shikayat.Errork(shikayat.EINVALID, "err_no_merge_target", "There is no complaint %s to merge into.", into)
		} else if err != nil {
			return nil, err
		}
		if other.MergedInto != "" {
			return nil, shikayat.Errork(shikayat.EINVALID, "err_merge_target_merged", "Complaint %s is itself merged into %s; merge into that one.", other.Code, other.MergedInto)
		}
		// A closed complaint takes no more: merging an open one into it
		// would close it with a disposal it never had (and, on the league,
		// borrow the other's quick closure).
		if other.Stage == shikayat.StageClosed {
			return nil, shikayat.Errork(shikayat.EINVALID, "err_merge_closed", "Complaint %s is closed; reopen it before merging into it.", other.Code)
		}
		t.MergeIntoCode, t.MergeIntoID = other.Code, other.ID
	}

	wasImmediate, fromUnit := c.EffectiveClass() == shikayat.ClassImmediate, c.UnitID
	corrections := shikayat.CorrectionsOf(c, a, by)
	dueBefore := c.DueAt
	ev, err := shikayat.Apply(c, a, t, by, s.now())
	if err != nil {
		return nil, err
	}
	s.setDue(c)
	// A person's reply records the replier's unit as it is now: the league
	// counts it as a station's action only when it is that station's own.
	if a.Kind == shikayat.ActionReply && !by.System {
		ev.ByUnit = by.UnitID
	}
	res, err := tx.ExecContext(ctx, `
		UPDATE complaints SET stage = $1, district = $2, unit_id = $3, station_id = $4,
			class = $5, type = $6, resolution = $7, merged_into = $8, suggested_class = $9,
			bounces = $10, unit_since = $11, updated_at = $12, closed_at = $13,
			first_action_at = $14, due_at = $15, sensitive = $16, last_closed_at = $17, version = version + 1
		WHERE id = $18 AND version = $19`,
		string(c.Stage), c.District, c.UnitID, c.StationID, string(c.Class), string(c.Type),
		string(c.Resolution), c.MergedInto, string(c.SuggestedClass), c.Bounces, ms(c.UnitSince),
		ms(c.UpdatedAt), nullMS(c.ClosedAt), nullMS(c.FirstActionAt), nullMS(c.DueAt), boolInt(c.Sensitive), nullMS(c.LastClosedAt), c.ID, version)
	if err != nil {
		return nil, fmt.Errorf("apply action: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, fmt.Errorf("apply action: %w", err)
	} else if n != 1 {
		return nil, shikayat.Errork(shikayat.ECONFLICT, "err_conflict", "The complaint changed while you worked on it; reload and try again.")
	}
	held := a.Kind == shikayat.ActionReply && s.opts.ReplyApproval && !by.System &&
		by.Role == shikayat.RoleStationOfficer && a.Template == ""
	if held {
		if ev.Detail == nil {
			ev.Detail = map[string]string{}
		}
		ev.Detail["approval"] = "waiting"
	}
	if err := insertEvent(ctx, tx, c.ID, ev); err != nil {
		return nil, err
	}
	if err := s.slaMoved(ctx, tx, c, dueBefore, by); err != nil {
		return nil, err
	}
	for i := range corrections {
		corrections[i].At = ev.At
		if err := insertCorrection(ctx, tx, &corrections[i]); err != nil {
			return nil, err
		}
	}
	// An immediate complaint that lands in a unit, or is found immediate
	// where it is, alerts that unit's staff at once.
	if c.Stage != shikayat.StageClosed && c.EffectiveClass() == shikayat.ClassImmediate && (c.UnitID != fromUnit || !wasImmediate) {
		u := t.Unit
		if u == nil || u.ID != c.UnitID {
			if u, err = findUnit(ctx, tx, c.UnitID); err != nil {
				return nil, err
			}
		}
		if err := insertAlert(ctx, tx, alertFor(c, u, ev.At)); err != nil {
			return nil, err
		}
	}
	// Closing a complaint that came from X tells the citizen how it ended
	// and invites a rating (the reply template "close").
	closing := a.Kind == shikayat.ActionClose && c.Source == "x" && c.Replyable
	if (a.Kind == shikayat.ActionReply && !held || closing) && s.opts.Jobs != nil {
		job := shikayat.Job{Kind: shikayat.JobReply, ComplaintID: c.ID, EventID: ev.ID, Urgent: c.EffectiveClass() == shikayat.ClassImmediate}
		if closing {
			// A close no account may answer is still a close, without
			// the closing reply; a staff reply is refused (replyJobs).
			if ok, err := s.mayReply(ctx, tx, job); err != nil {
				return nil, err
			} else if !ok {
				return ev, nil
			}
		}
		if err := s.opts.Jobs.InsertTx(ctx, tx, job); err != nil {
			return nil, fmt.Errorf("apply action: queue reply: %w", err)
		}
	}
	return ev, nil
}

// lockMergePair locks, until the transaction ends, the complaint with
// the given id and the one with the given code, in id order (PostgreSQL;
// a no-op on SQLite, where the write lock is the database's). The rows are
// then read afresh by the statements after it.
func (s *DB) lockMergePair(ctx context.Context, tx *sql.Tx, id int64, code string) error {
	if s.engine != Postgres {
		return nil
	}
	if err := lockRows(ctx, tx, `SELECT id FROM complaints WHERE id = $1 OR code = $2 ORDER BY id FOR UPDATE`, []any{id, code}); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	return nil
}
