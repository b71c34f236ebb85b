package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/shikayat/shikayat"
)

const replyColumns = `id, key, account, COALESCE(complaint_id, 0), in_reply_to, text, lang, state, posted_id, attempts, error, urgent, created_at, sent_at, attempted_at, duplicate_at, unsure_since,
	COALESCE((SELECT c.code FROM complaints c WHERE c.id = replies.complaint_id), ''),
	EXISTS (SELECT 1 FROM complaints c WHERE c.id = replies.complaint_id AND c.redacted_at IS NOT NULL)
		OR EXISTS (SELECT 1 FROM posts p WHERE p.id = replies.in_reply_to AND p.redacted_at IS NOT NULL)`

func scanReply(r rowScanner) (*shikayat.Reply, error) {
	var x shikayat.Reply
	var state string
	var urgent int
	var created int64
	var sent, tried sql.NullInt64
	var duplicate, unsure int64
	if err := r.Scan(&x.ID, &x.Key, &x.Account, &x.ComplaintID, &x.InReplyTo, &x.Text, &x.Lang, &state, &x.PostedID,
		&x.Attempts, &x.Error, &urgent, &created, &sent, &tried, &duplicate, &unsure, &x.Code, &x.Redacted); err != nil {
		return nil, err
	}
	x.State, x.Urgent, x.CreatedAt, x.SentAt = shikayat.ReplyState(state), urgent != 0, fromMS(created), timePtr(sent)
	x.TriedAt = timePtr(tried)
	if duplicate != 0 {
		x.DuplicateAt = timePtr(sql.NullInt64{Int64: duplicate, Valid: true})
	}
	if unsure != 0 {
		x.UnsureSince = timePtr(sql.NullInt64{Int64: unsure, Valid: true})
	}
	return &x, nil
}

// ClaimReply records a reply under its key, or returns the one already
// recorded under it (whatever its state): one key, one reply, ever.
func (s *DB) ClaimReply(ctx context.Context, r *shikayat.Reply) (*shikayat.Reply, error) {
	var out *shikayat.Reply
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var cid sql.NullInt64
		if r.ComplaintID != 0 {
			cid = sql.NullInt64{Int64: r.ComplaintID, Valid: true}
		}
		urgent := 0
		if r.Urgent {
			urgent = 1
		}
		// The complaint's row first, as a redaction takes it: a redaction
		// either lands before the check below or after the reply is
		// recorded (and then settles it).
		if cid.Valid {
			if _, err := tx.ExecContext(ctx, `SELECT id FROM complaints WHERE id = $1`+s.forUpdate(), cid); err != nil {
				return fmt.Errorf("claim reply: lock complaint: %w", err)
			}
		}
		var redacted bool
		if err := tx.QueryRowContext(ctx, `SELECT
			EXISTS (SELECT 1 FROM complaints WHERE id = $1 AND redacted_at IS NOT NULL)
			OR EXISTS (SELECT 1 FROM posts WHERE id = $2 AND redacted_at IS NOT NULL)`, cid, r.InReplyTo).Scan(&redacted); err != nil {
			return fmt.Errorf("claim reply: %w", err)
		}
		// A reply to a redacted post or complaint (its job was queued
		// before the redaction) is recorded failed, without its text.
		text, state, reason := r.Text, "pending", ""
		if redacted {
			text, state, reason = "", string(shikayat.ReplyFailed), RedactedReplyReason
		}
		res, err := tx.ExecContext(ctx, `
			INSERT INTO replies (key, account, complaint_id, in_reply_to, text, lang, state, error, urgent, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
			ON CONFLICT (key) DO NOTHING`,
			r.Key, r.Account, cid, r.InReplyTo, text, r.Lang, state, reason, urgent, ms(s.now()))
		if err != nil {
			return fmt.Errorf("claim reply: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("claim reply: %w", err)
		} else if n == 1 && redacted {
			var id int64
			if err := tx.QueryRowContext(ctx, `SELECT id FROM replies WHERE key = $1`, r.Key).Scan(&id); err != nil {
				return fmt.Errorf("claim reply: %w", err)
			}
			if err := s.replyEvent(ctx, tx, id, shikayat.SystemActor.Name(), "reply_given_up",
				"The post was redacted: the reply is not sent.", string(shikayat.ReplyPending)); err != nil {
				return err
			}
		}
		if r.Account != "" { // a reply recorded before replies named their account
			if _, err := tx.ExecContext(ctx, `UPDATE replies SET account = $1 WHERE key = $2 AND account = ''`, r.Account, r.Key); err != nil {
				return fmt.Errorf("claim reply: %w", err)
			}
		}
		out, err = scanReply(tx.QueryRowContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE key = $1`, r.Key))
		if err != nil {
			return fmt.Errorf("claim reply: %w", err)
		}
		return nil
	})
	return out, err
}

// FindReply returns the reply recorded under key.
func (s *DB) FindReply(ctx context.Context, key string) (*shikayat.Reply, error) {
	r, err := scanReply(s.db.QueryRowContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE key = $1`, key))
	if isNoRows(err) {
		return nil, shikayat.Errorf(shikayat.ENOTFOUND, "No reply %s was recorded.", key)
	} else if err != nil {
		return nil, fmt.Errorf("find reply: %w", err)
	}
	return r, nil
}

// SendTurn is what MarkReplySending decided.
type SendTurn int

const (
	// TurnWon: the reply is 'sending' and its post is reserved in the
	// day's budget; the caller may hand it to X.
	TurnWon SendTurn = iota
	// TurnLost: another worker tried meanwhile, or a try is still in
	// flight; the caller must not send.
	TurnLost
	// TurnOverBudget: the account's budget for the IST day is spent.
	TurnOverBudget
	// TurnNotClosed: a closing reply's complaint no longer stands closed
	// by its close (see MarkClosingReplySending); nothing changed.
	TurnNotClosed
)

var (
	errOverBudget = errors.New("over budget")
	errNotClosed  = errors.New("not closed")
)

// MarkReplySending records that the reply is about to be handed to X; from
// here until it is recorded sent its outcome is uncertain. attempts is the
// count the caller read, and account the one whose client the caller will
// post with: when another worker tried meanwhile, or the reply was moved
// to another account (MoveReplyAccount) since the caller read it, the
// turn is lost. A reply already 'sending' is taken over only when its last try
// began at least inFlight ago (a try that may still be in flight is left
// alone); that try's outcome is not known, so the reply is marked unsure
// from when it began (from now, for a try of a restored desk's) until it
// is settled. In the same transaction one post is reserved in the budget
// of the reply's account for today (IST), unless the reply holds today's
// reservation from an earlier try (a reservation of an earlier day is given
// back and today's taken): the counter row is raised only while it is under
// limit, so nodes sharing the database never overspend together.
func (s *DB) MarkReplySending(ctx context.Context, id int64, account string, attempts int, inFlight time.Duration, limit int) (SendTurn, error) {
	return s.markReplySending(ctx, id, account, attempts, inFlight, limit, 0)
}

// MarkClosingReplySending is MarkReplySending for the reply to a close
// event, closeEvent: in the same transaction, with the complaint's row
// locked against a concurrent action, the turn is taken only while the
// complaint stands closed by that close (closed, and no reopen after it;
// see shikayat.Complaint.ClosedBy). Otherwise nothing changes and the
// turn is TurnNotClosed. A reopen that lands once the reply is 'sending'
// cannot stop the try: the post is on its way to X.
func (s *DB) MarkClosingReplySending(ctx context.Context, id int64, account string, attempts int, inFlight time.Duration, limit int, closeEvent int64) (SendTurn, error) {
	return s.markReplySending(ctx, id, account, attempts, inFlight, limit, closeEvent)
}

func (s *DB) markReplySending(ctx context.Context, id int64, account string, attempts int, inFlight time.Duration, limit int, closeEvent int64) (SendTurn, error) {
	turn := TurnWon
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		// The complaint's row first, then the reply's, as a complaint's
		// action and a redaction take them: the other order can deadlock on
		// PostgreSQL, and a redaction either lands before this check or
		// waits for the turn to be recorded.
		if err := s.lockReplyComplaint(ctx, tx, id); err != nil {
			return err
		}
		if given, err := s.refuseRedactedTurn(ctx, tx, id, account, attempts, now.Add(-inFlight)); err != nil {
			return err
		} else if given {
			turn = TurnLost
			return nil
		}
		var day string
		err := tx.QueryRowContext(ctx, `
			UPDATE replies SET state = 'sending', attempts = attempts + 1, attempted_at = $1,
				unsure_since = CASE
					WHEN state <> 'sending' OR unsure_since <> 0 THEN unsure_since
					WHEN COALESCE(attempted_at, 0) > 0 THEN attempted_at
					ELSE $1 END
			WHERE id = $2 AND attempts = $3 AND account = $5
			  AND (state = 'pending' OR (state = 'sending' AND COALESCE(attempted_at, 0) <= $4))
			RETURNING budget_day`, ms(now), id, attempts, ms(now.Add(-inFlight)), account).Scan(&day)
		if isNoRows(err) {
			turn = TurnLost
			return nil
		} else if err != nil {
			return fmt.Errorf("update reply: %w", err)
		}
		if closeEvent != 0 {
			if closed, err := s.closedBy(ctx, tx, id, closeEvent); err != nil {
				return err
			} else if !closed {
				turn = TurnNotClosed
				return errNotClosed // roll back the state change
			}
		}
		today := shikayat.ISTDay(now)
		if day == today {
			return nil // reserved today by an earlier try whose outcome is unknown
		}
		if day != "" {
			// Reserved on an earlier day by a try that was not posted (the
			// caller looked): that day's reservation goes back, and this
			// try is reserved in today's budget.
			if err := releaseBudget(ctx, tx, id); err != nil {
				return err
			}
		}
		day = today
		if ok, err := reserveBudget(ctx, tx, account, day, limit); err != nil {
			return err
		} else if !ok {
			turn = TurnOverBudget
			return errOverBudget // roll back the state change too
		}
		if _, err := tx.ExecContext(ctx, `UPDATE replies SET budget_day = $1 WHERE id = $2`, day, id); err != nil {
			return fmt.Errorf("update reply: %w", err)
		}
		return nil
	})
	if errors.Is(err, errOverBudget) || errors.Is(err, errNotClosed) {
		return turn, nil
	}
	return turn, err
}

// refuseRedactedTurn settles reply id, when the post it answers or its
// complaint was redacted and the turn would otherwise be won (pending, or
// 'sending' with its last try begun at or before stale): such a reply never
// gets a send turn again. It is given up (settleRedacted: failed when no
// try of it may stand on X, else given_up_unverified for its sender to look
// for on X) with its text masked, and given reports so.
func (s *DB) refuseRedactedTurn(ctx context.Context, tx *sql.Tx, id int64, account string, attempts int, stale time.Time) (given bool, err error) {
	err = tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM replies r WHERE r.id = $1 AND r.attempts = $2 AND r.account = $3
			AND (r.state = 'pending' OR (r.state = 'sending' AND COALESCE(r.attempted_at, 0) <= $4))
			AND (EXISTS (SELECT 1 FROM complaints c WHERE c.id = r.complaint_id AND c.redacted_at IS NOT NULL)
				OR EXISTS (SELECT 1 FROM posts p WHERE p.id = r.in_reply_to AND p.redacted_at IS NOT NULL)))`,
		id, attempts, account, ms(stale)).Scan(&given)
	if err != nil {
		return false, fmt.Errorf("reply %d: redacted: %w", id, err)
	}
	if !given {
		return false, nil
	}
	_, err = s.settleRedacted(ctx, tx, id)
	return true, err
}

// lockReplyComplaint locks the row of reply id's complaint (PostgreSQL;
// SQLite lets one writer in at a time). Every path that moves a reply and
// then settles it against a redaction (settleRedacted) takes it first, as
// a redaction does (lockRedacted), and as a complaint's action does: the
// complaint's row, then the reply's.
func (s *DB) lockReplyComplaint(ctx context.Context, tx *sql.Tx, id int64) error {
	var cid int64
	err := tx.QueryRowContext(ctx, `SELECT c.id FROM complaints c
		WHERE c.id = (SELECT complaint_id FROM replies WHERE id = $1)`+s.forUpdate(), id).Scan(&cid)
	if err != nil && !isNoRows(err) {
		return fmt.Errorf("reply %d: lock its complaint: %w", id, err)
	}
	return nil
}

// closedBy reports whether the complaint of reply id stands closed by its
// close event closeEvent, locking the complaint's row (PostgreSQL; SQLite
// lets one writer in at a time) so that no action lands before the
// transaction ends.
func (s *DB) closedBy(ctx context.Context, tx *sql.Tx, id, closeEvent int64) (bool, error) {
	var stage string
	err := tx.QueryRowContext(ctx, `SELECT c.stage FROM complaints c
		WHERE c.id = (SELECT complaint_id FROM replies WHERE id = $1)`+s.forUpdate(), id).Scan(&stage)
	if isNoRows(err) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("closing reply: %w", err)
	}
	if shikayat.Stage(stage) != shikayat.StageClosed {
		return false, nil
	}
	var closes, reopens int
	err = tx.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN e.id = $2 AND e.action = $3 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN e.id > $2 AND e.action = $4 THEN 1 ELSE 0 END), 0)
		FROM events e WHERE e.complaint_id = (SELECT complaint_id FROM replies WHERE id = $1) AND e.id >= $2`,
		id, closeEvent, string(shikayat.ActionClose), string(shikayat.ActionReopen)).Scan(&closes, &reopens)
	if err != nil {
		return false, fmt.Errorf("closing reply: %w", err)
	}
	return closes == 1 && reopens == 0, nil
}

// reserveBudget takes one post from account's budget for day, if fewer
// than limit are taken.
func reserveBudget(ctx context.Context, tx *sql.Tx, account, day string, limit int) (bool, error) {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO reply_budget (account, day, used) VALUES ($1, $2, 0)
		ON CONFLICT (account, day) DO NOTHING`, account, day); err != nil {
		return false, fmt.Errorf("reserve budget: %w", err)
	}
	res, err := tx.ExecContext(ctx, `
		UPDATE reply_budget SET used = used + 1 WHERE account = $1 AND day = $2 AND used < $3`, account, day, limit)
	if err != nil {
		return false, fmt.Errorf("reserve budget: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("reserve budget: %w", err)
	}
	return n == 1, nil
}

// releaseBudget gives back the reply's reservation: X certainly did not
// post it.
func releaseBudget(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `
		UPDATE reply_budget SET used = used - 1
		WHERE used > 0 AND EXISTS (SELECT 1 FROM replies r
			WHERE r.id = $1 AND r.budget_day <> '' AND r.account = reply_budget.account AND r.budget_day = reply_budget.day)`, id); err != nil {
		return fmt.Errorf("release budget: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE replies SET budget_day = '' WHERE id = $1`, id); err != nil {
		return fmt.Errorf("release budget: %w", err)
	}
	return nil
}

// BudgetUsed returns how many posts account has reserved on an IST day.
func (s *DB) BudgetUsed(ctx context.Context, account, day string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT used FROM reply_budget WHERE account = $1 AND day = $2`, account, day).Scan(&n)
	if isNoRows(err) {
		return 0, nil
	} else if err != nil {
		return 0, fmt.Errorf("budget: %w", err)
	}
	return n, nil
}

// MarkReplyPending records that try number attempts certainly did not post
// (X refused it for now, e.g. a rate limit) and gives its budget back. A
// worker whose try is no longer the latest changes nothing: won is false.
func (s *DB) MarkReplyPending(ctx context.Context, id int64, attempts int, reason string) (won bool, err error) {
	return s.endTry(ctx, id, attempts, "pending", reason)
}

// MarkReplyFailed records that X refused try number attempts for good,
// gives its budget back and puts an internal "reply_failed" event on the
// complaint, so that the desk sees the reply did not go out. A stale worker
// changes nothing: won is false.
func (s *DB) MarkReplyFailed(ctx context.Context, id int64, attempts int, reason string) (won bool, err error) {
	return s.endTry(ctx, id, attempts, "failed", reason)
}

// MarkReplyRefusedUnsure records that X refused try number attempts for
// good while an earlier try's outcome is unknown (the reply was 'sending',
// or is unsure since such a try): that try may stand on X, so the reply is
// not failed but given_up_unverified, stays unsure and keeps its budget;
// its sender looks for it on X (and records it sent, or failed). A stale
// worker changes nothing: won is false.
func (s *DB) MarkReplyRefusedUnsure(ctx context.Context, id int64, attempts int, reason string) (won bool, err error) {
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockReplyComplaint(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE replies SET state = 'given_up_unverified', error = $1,
			unsure_since = CASE WHEN unsure_since <> 0 THEN unsure_since ELSE COALESCE(attempted_at, $2) END
			WHERE id = $3 AND attempts = $4 AND state = 'sending'`, reason, ms(s.now()), id, attempts)
		if err != nil {
			return fmt.Errorf("update reply: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("update reply: %w", err)
		} else if n != 1 {
			return nil
		}
		won = true
		_, err = s.settleRedacted(ctx, tx, id)
		return err
	})
	return won, err
}

func (s *DB) endTry(ctx context.Context, id int64, attempts int, state, reason string) (bool, error) {
	won := false
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockReplyComplaint(ctx, tx, id); err != nil {
			return err
		}
		// A try refused for now leaves the reply as unsure as it was; a
		// failed reply is settled.
		res, err := tx.ExecContext(ctx, `UPDATE replies SET state = $1, error = $2,
			unsure_since = CASE WHEN $1 = 'failed' THEN 0 ELSE unsure_since END
			WHERE id = $3 AND attempts = $4 AND state = 'sending'`,
			state, reason, id, attempts)
		if err != nil {
			return fmt.Errorf("update reply: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("update reply: %w", err)
		} else if n != 1 {
			return nil
		}
		won = true
		if err := releaseBudget(ctx, tx, id); err != nil {
			return err
		}
		if state == "failed" {
			if err := s.replyEvent(ctx, tx, id, shikayat.SystemActor.Name(), "reply_failed", reason, ""); err != nil {
				return err
			}
		}
		_, err = s.settleRedacted(ctx, tx, id)
		return err
	})
	return won, err
}

// replyEvent puts an internal event about reply id on its complaint (none
// for a reply without one).
func (s *DB) replyEvent(ctx context.Context, tx *sql.Tx, id int64, actor, action, note, was string) error {
	r, err := scanReply(tx.QueryRowContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE id = $1`, id))
	if err != nil {
		return fmt.Errorf("reply event: %w", err)
	}
	if r.ComplaintID == 0 {
		return nil
	}
	c, err := findComplaintBy(ctx, tx, "c.id = $1", r.ComplaintID)
	if err != nil {
		return err
	}
	detail := map[string]string{"key": r.Key, "in_reply_to": r.InReplyTo}
	if was != "" {
		detail["was"] = was
	}
	return insertEvent(ctx, tx, c.ID, &shikayat.Event{
		At: s.now(), Actor: actor, Action: action, FromStage: c.Stage, ToStage: c.Stage, Note: note, Detail: detail,
	})
}

// MarkUnverifiedNotPosted ends a reply not to be tried again whose outcome
// was unknown, once X's posts showed it was not posted (or that the post of
// its text is another reply's): it is failed with reason, its budget goes
// back, and an internal "reply_failed" event goes on its complaint. won is
// false when it is no longer unverified.
func (s *DB) MarkUnverifiedNotPosted(ctx context.Context, id int64, reason string) (won bool, err error) {
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockReplyComplaint(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE replies SET state = 'failed', error = $1, unsure_since = 0 WHERE id = $2 AND state = 'given_up_unverified'`, reason, id)
		if err != nil {
			return fmt.Errorf("update reply: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("update reply: %w", err)
		} else if n != 1 {
			return nil
		}
		won = true
		if err := releaseBudget(ctx, tx, id); err != nil {
			return err
		}
		if err := s.replyEvent(ctx, tx, id, shikayat.SystemActor.Name(), "reply_failed", reason, ""); err != nil {
			return err
		}
		_, err = s.settleRedacted(ctx, tx, id)
		return err
	})
	return won, err
}

// UnseenAction is the internal event of a reply X called a duplicate after
// a try whose outcome was unknown, while its post was not visible on X.
const UnseenAction = "reply_unseen"

// MarkReplyUnseen records that X answered try number attempts with
// "duplicate content" after an earlier try whose outcome was unknown, while
// the account's posts did not show the reply: it was most likely posted.
// The reply becomes given_up_unverified with the time X said so, keeps its
// budget and is not tried again; an internal event says so on its
// complaint. A stale worker changes nothing: won is false.
func (s *DB) MarkReplyUnseen(ctx context.Context, id int64, attempts int, reason string) (won bool, err error) {
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockReplyComplaint(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE replies SET state = 'given_up_unverified', duplicate_at = $1, error = $2
			WHERE id = $3 AND attempts = $4 AND state = 'sending'`, ms(s.now()), reason, id, attempts)
		if err != nil {
			return fmt.Errorf("update reply: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("update reply: %w", err)
		} else if n != 1 {
			return nil
		}
		won = true
		if err := s.replyEvent(ctx, tx, id, shikayat.SystemActor.Name(), UnseenAction, reason, ""); err != nil {
			return err
		}
		_, err = s.settleRedacted(ctx, tx, id)
		return err
	})
	return won, err
}

// GiveUpReply ends a reply that waits (pending or sending) without sending
// it: a person decided so, or a rule the deployment set. It records the
// reason on the reply and an internal event on the complaint. A reply that
// is no longer waiting is a conflict. A pending reply no try of which may
// have reached X becomes failed. A 'sending' reply's last try may have been
// posted, as may an earlier try of a pending reply that is unsure: it
// becomes given_up_unverified (a 'sending' one keeps its budget), and its
// next job looks at X's posts and records it sent or failed.
func (s *DB) GiveUpReply(ctx context.Context, id int64, actor, reason string) error {
	_, err := s.giveUp(ctx, id, 0, actor, reason, true, 0)
	return err
}

// SkipReply gives up, by the desk's own rule (the system actor), a reply
// that waits as GiveUpReply does: a pending one, or a 'sending' one whose
// last try began at least inFlight ago (a try that may still be in flight
// on another node is left to it). One that does not (an unverified reply X
// called a duplicate included: it is most likely posted) is left as it is,
// and skipped is false.
func (s *DB) SkipReply(ctx context.Context, id int64, inFlight time.Duration, reason string) (skipped bool, err error) {
	_, err = s.giveUp(ctx, id, 0, shikayat.SystemActor.Name(), reason, false, inFlight)
	if shikayat.ErrorCode(err) == shikayat.ECONFLICT {
		return false, nil
	}
	return err == nil, err
}

// GiveUpComplaintReply is GiveUpReply for a reply of the given complaint
// (a reply of another complaint is not found); it returns the reply as
// given up.
func (s *DB) GiveUpComplaintReply(ctx context.Context, complaintID, id int64, actor, reason string) (*shikayat.Reply, error) {
	if complaintID == 0 {
		return nil, shikayat.Errorf(shikayat.ENOTFOUND, "No reply %d was recorded.", id)
	}
	return s.giveUp(ctx, id, complaintID, actor, reason, true, 0)
}

// giveUp gives up a reply that waits; with unseen set, also one X called a
// duplicate whose post never showed (a person settles it as not posted).
// With inFlight set, a 'sending' reply is given up only once its last try
// began at least that long ago.
func (s *DB) giveUp(ctx context.Context, id, complaintID int64, actor, reason string, unseen bool, inFlight time.Duration) (*shikayat.Reply, error) {
	if reason == "" {
		return nil, shikayat.Errorf(shikayat.EINVALID, "Say why the reply is given up.")
	}
	var out *shikayat.Reply
	sendingBefore := ms(s.now().Add(-inFlight))
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockReplyComplaint(ctx, tx, id); err != nil {
			return err
		}
		r, err := scanReply(tx.QueryRowContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE id = $1`, id))
		if isNoRows(err) || (err == nil && complaintID != 0 && r.ComplaintID != complaintID) {
			return shikayat.Errorf(shikayat.ENOTFOUND, "No reply %d was recorded.", id)
		} else if err != nil {
			return fmt.Errorf("give up reply: %w", err)
		}
		// A reply X called a duplicate whose post never showed waits for
		// a person: giving it up settles it as not posted.
		res, err := tx.ExecContext(ctx, `UPDATE replies SET error = $1,
			state = CASE WHEN state = 'sending' OR (state = 'pending' AND unsure_since <> 0) THEN 'given_up_unverified' ELSE 'failed' END,
			unsure_since = CASE WHEN state = 'sending' OR (state = 'pending' AND unsure_since <> 0) THEN unsure_since ELSE 0 END
			WHERE id = $2 AND (state = 'pending' OR (state = 'sending' AND COALESCE(attempted_at, 0) <= $4)
				OR ($3 AND state = 'given_up_unverified' AND duplicate_at <> 0))`, "given up: "+reason, id, unseen, sendingBefore)
		if err != nil {
			return fmt.Errorf("give up reply: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("give up reply: %w", err)
		} else if n != 1 {
			return shikayat.Errorf(shikayat.ECONFLICT, "Reply %s is %s, not waiting.", r.Key, r.State)
		}
		if r.State == shikayat.ReplyUnverified {
			if err := releaseBudget(ctx, tx, id); err != nil {
				return err
			}
		}
		if err := s.replyEvent(ctx, tx, id, actor, "reply_given_up", reason, string(r.State)); err != nil {
			return err
		}
		if _, err := s.settleRedacted(ctx, tx, id); err != nil {
			return err
		}
		out, err = scanReply(tx.QueryRowContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE id = $1`, id))
		if err != nil {
			return fmt.Errorf("give up reply: %w", err)
		}
		return nil
	})
	return out, err
}

// MarkReplySent records that X accepted the reply as postedID, and puts it
// on the complaint's public trail, in one transaction. It takes no attempt:
// a post X accepted is a fact whichever try made it, so it is recorded
// unless the reply is already recorded sent (then the first record stands
// and recorded is false). A reply that holds no reservation of the budget
// (it was marked failed, and a later look found it posted) is counted in
// the budget of the day its last try began, over the limit if need be (X
// posted it), and a reply marked failed gets an internal event saying it
// was found posted after all.
func (s *DB) MarkReplySent(ctx context.Context, id int64, postedID string) (recorded bool, err error) {
	if postedID == "" {
		return false, shikayat.Errorf(shikayat.EINVALID, "Reply %d: a post X accepted has an id.", id)
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockReplyComplaint(ctx, tx, id); err != nil {
			return err
		}
		now := s.now()
		r, err := scanReply(tx.QueryRowContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE id = $1`, id))
		if err != nil {
			return fmt.Errorf("mark reply sent: %w", err)
		}
		var budgetDay string
		if err := tx.QueryRowContext(ctx, `SELECT budget_day FROM replies WHERE id = $1`, id).Scan(&budgetDay); err != nil {
			return fmt.Errorf("mark reply sent: %w", err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE replies SET state = 'sent', posted_id = $1, sent_at = $2, error = '', unsure_since = 0
			WHERE id = $3 AND state <> 'sent'`,
			postedID, ms(now), id)
		if err != nil {
			return fmt.Errorf("mark reply sent: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("mark reply sent: %w", err)
		} else if n != 1 {
			return nil
		}
		recorded = true
		// The text as kept: masked, when what it answers was redacted.
		if r.Text, err = s.settleRedacted(ctx, tx, id); err != nil {
			return err
		}
		if budgetDay == "" {
			day := shikayat.ISTDay(now)
			if r.TriedAt != nil {
				day = shikayat.ISTDay(*r.TriedAt)
			}
			if err := chargeBudget(ctx, tx, id, r.Account, day); err != nil {
				return err
			}
		}
		if r.ComplaintID == 0 {
			return nil
		}
		c, err := findComplaintBy(ctx, tx, "c.id = $1", r.ComplaintID)
		if err != nil {
			return err
		}
		if r.State == shikayat.ReplyFailed {
			ev := &shikayat.Event{
				At: now, Actor: shikayat.SystemActor.Name(), Action: FoundPostedAction, FromStage: c.Stage, ToStage: c.Stage,
				Note:   "The reply marked failed (" + r.Error + ") was found posted on X.",
				Detail: map[string]string{"post_id": postedID, "in_reply_to": r.InReplyTo, "key": r.Key, "was": string(r.State)},
			}
			if err := insertEvent(ctx, tx, c.ID, ev); err != nil {
				return err
			}
		}
		ev := &shikayat.Event{
			At: now, Actor: shikayat.SystemActor.Name(), Action: "replied", FromStage: c.Stage, ToStage: c.Stage,
			Note: r.Text, Public: true, Detail: map[string]string{"post_id": postedID, "in_reply_to": r.InReplyTo, "key": r.Key},
		}
		return insertEvent(ctx, tx, c.ID, ev)
	})
	return recorded, err
}

// FoundPostedAction is the internal event of a reply marked failed that a
// later look found posted on X.
const FoundPostedAction = "reply_found_posted"

// chargeBudget counts a post X made in account's budget for day, whatever
// the limit: it is a fact, not a reservation that may be refused.
func chargeBudget(ctx context.Context, tx *sql.Tx, id int64, account, day string) error {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO reply_budget (account, day, used) VALUES ($1, $2, 0)
		ON CONFLICT (account, day) DO NOTHING`, account, day); err != nil {
		return fmt.Errorf("charge budget: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE reply_budget SET used = used + 1 WHERE account = $1 AND day = $2`, account, day); err != nil {
		return fmt.Errorf("charge budget: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE replies SET budget_day = $1 WHERE id = $2`, day, id); err != nil {
		return fmt.Errorf("charge budget: %w", err)
	}
	return nil
}

// PostRecorded reports whether X post postedID is recorded as the post of
// a reply other than id.
func (s *DB) PostRecorded(ctx context.Context, postedID string, id int64) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM replies WHERE posted_id = $1 AND id <> $2`, postedID, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("find reply post: %w", err)
	}
	return n > 0, nil
}

// SentSameText returns the post of another reply of r's complaint to the
// same post, posted from r's account with r's very text and recorded sent,
// or "" when there is none (and for a reply without a complaint): what X
// calls a duplicate when the citizen has that answer already. A reply of
// the same text to another post answers another question: it is no
// answer given already.
func (s *DB) SentSameText(ctx context.Context, r *shikayat.Reply) (string, error) {
	if r.ComplaintID == 0 {
		return "", nil
	}
	var posted string
	err := s.db.QueryRowContext(ctx, `SELECT posted_id FROM replies
		WHERE complaint_id = $1 AND account = $2 AND text = $3 AND in_reply_to = $4 AND state = 'sent' AND id <> $5
		ORDER BY sent_at, id LIMIT 1`, r.ComplaintID, r.Account, r.Text, r.InReplyTo, r.ID).Scan(&posted)
	if isNoRows(err) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("find a reply sent alike: %w", err)
	}
	return posted, nil
}

// FindPost returns a recorded post as the desk read it, what became of it,
// and the language triage found (hi, en, hinglish; "" for staff posts).
func (s *DB) FindPost(ctx context.Context, id string) (*shikayat.Post, shikayat.RecordKind, string, error) {
	var body, kind, lang string
	err := s.db.QueryRowContext(ctx, `SELECT body, kind, lang FROM posts WHERE id = $1`, id).Scan(&body, &kind, &lang)
	if isNoRows(err) {
		return nil, "", "", shikayat.Errorf(shikayat.ENOTFOUND, "Post %s was not recorded.", id)
	} else if err != nil {
		return nil, "", "", fmt.Errorf("find post: %w", err)
	}
	if kind == string(shikayat.RecordUnreadable) {
		return &shikayat.Post{ID: id}, shikayat.RecordUnreadable, lang, nil // body is X's raw JSON
	}
	var p shikayat.Post
	if err := jsonUnmarshal(body, &p); err != nil {
		return nil, "", "", fmt.Errorf("post %s: %w", id, err)
	}
	return &p, shikayat.RecordKind(kind), lang, nil
}
