package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/shikayat/shikayat"
)

// postIdem is what an action on a post stores under its Idempotency-Key.
type postIdem struct {
	PostID  string `json:"post_id"`
	Action  string `json:"action"`
	Created bool   `json:"created"`
}

// ActOnPost makes a recorded post a complaint (shikayat.PostMakeComplaint:
// the docket issued, the automatic-forward rule applied as at intake, the
// acknowledgement queued, the citizen's clock started at the post) or
// records that it is not one (shikayat.PostNotComplaint); either is kept as
// a correction of triage's "actionable". Both are idempotent: a second
// make_complaint returns the first complaint (Created false), and two
// people acting at once make one complaint. With idemKey a replay returns
// what the first request returned. Only HQ acts on posts.
func (s *DB) ActOnPost(ctx context.Context, id, action string, by shikayat.Actor, idemKey string) (*shikayat.PostOutcome, error) {
	if !by.Scope.All() || by.System {
		return nil, shikayat.Errorf(shikayat.EFORBIDDEN, "Only HQ staff act on recorded posts.")
	}
	if action != shikayat.PostMakeComplaint && action != shikayat.PostNotComplaint {
		return nil, shikayat.Errorf(shikayat.EINVALID, "Unknown action %q: want make_complaint or not_complaint.", action)
	}
	if len(idemKey) > 200 {
		return nil, shikayat.Errorf(shikayat.EINVALID, "The Idempotency-Key is longer than 200 bytes.")
	}
	out := &shikayat.PostOutcome{}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		*out = shikayat.PostOutcome{}
		now := s.now()
		key := ""
		if idemKey != "" {
			key = "post:" + idemKey
			var response string
			err := tx.QueryRowContext(ctx, `SELECT response FROM idempotency_keys WHERE user_id = $1 AND key = $2`, by.UserID, key).Scan(&response)
			if err == nil {
				var first postIdem
				if json.Unmarshal([]byte(response), &first) != nil || first.PostID != id || first.Action != action {
					return shikayat.Errorf(shikayat.ECONFLICT, "This Idempotency-Key was used for another request.")
				}
				out.Created = first.Created
				return s.postOutcome(ctx, tx, id, by.Scope, out)
			} else if !isNoRows(err) {
				return fmt.Errorf("act on post: %w", err)
			}
		}
		// Lock the post's row: a second person acting at once waits here,
		// then sees what the first did.
		var kind, body, triage string
		var mentions, forward int
		err := tx.QueryRowContext(ctx, `UPDATE posts SET kind = kind WHERE id = $1
			RETURNING kind, body, triage, mentions, forward`, id).Scan(&kind, &body, &triage, &mentions, &forward)
		if isNoRows(err) {
			return shikayat.Errorf(shikayat.ENOTFOUND, "No post %s is recorded.", id)
		} else if err != nil {
			return fmt.Errorf("act on post: %w", err)
		}
		var t *shikayat.Triage
		if triage != "" {
			t = &shikayat.Triage{}
			if err := json.Unmarshal([]byte(triage), t); err != nil {
				return fmt.Errorf("act on post %s: triage: %w", id, err)
			}
		}
		switch k := shikayat.RecordKind(kind); {
		case action == shikayat.PostMakeComplaint && k == shikayat.RecordComplaint:
			// Made already (by another person, or a retry): the same complaint.
		case action == shikayat.PostMakeComplaint && (k == shikayat.RecordHeld || k == shikayat.RecordNonActionable):
			if err := s.makeComplaint(ctx, tx, id, body, t, mentions == 1, forward == 1, k, by, now); err != nil {
				return err
			}
			out.Created = true
		case action == shikayat.PostNotComplaint && k == shikayat.RecordHeld:
			if _, err := tx.ExecContext(ctx, `UPDATE posts SET kind = 'non_actionable', reason = $1, urgent = 0 WHERE id = $2`,
				"not a complaint, said "+by.Name(), id); err != nil {
				return fmt.Errorf("act on post: %w", err)
			}
			suggested := t != nil && t.Actionable
			if err := insertCorrection(ctx, tx, &shikayat.Correction{PostID: id, Field: shikayat.CorrectActionable,
				Suggested: strconv.FormatBool(suggested), Corrected: "false", UserID: by.UserID, By: by.Name(), At: now}); err != nil {
				return err
			}
		case action == shikayat.PostNotComplaint && k == shikayat.RecordNonActionable:
			// Recorded as not a complaint already: nothing more to say.
		case action == shikayat.PostNotComplaint && k == shikayat.RecordComplaint:
			return shikayat.Errorf(shikayat.ECONFLICT, "Post %s is a complaint already; close it instead.", id)
		default:
			return shikayat.Errorf(shikayat.ECONFLICT, "Post %s is recorded as %s; it cannot be made a complaint.", id, kind)
		}
		if err := s.postOutcome(ctx, tx, id, by.Scope, out); err != nil {
			return err
		}
		if key != "" {
			resp, _ := json.Marshal(postIdem{PostID: id, Action: action, Created: out.Created})
			var cid int64
			if out.Complaint != nil {
				cid = out.Complaint.ID
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO idempotency_keys (user_id, key, complaint_id, event_id, created_at, response) VALUES ($1, $2, $3, 0, $4, $5)`,
				by.UserID, key, cid, ms(now), string(resp)); isUniqueViolation(err) {
				return shikayat.Errorf(shikayat.ECONFLICT, "A request with this Idempotency-Key is in progress; retry it.")
			} else if err != nil {
				return fmt.Errorf("act on post: save idempotency key: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// makeComplaint opens the complaint of a recorded post in tx, as intake
// would have, and brings the post's follow-ups into its trail.
func (s *DB) makeComplaint(ctx context.Context, tx *sql.Tx, id, body string, t *shikayat.Triage, mentions, forward bool,
	was shikayat.RecordKind, by shikayat.Actor, now time.Time) error {
	var p shikayat.Post
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.ID != id {
		return shikayat.Errorf(shikayat.ECONFLICT, "Post %s could not be read; it cannot be made a complaint.", id)
	}
	suggested := t != nil && t.Actionable
	tr := shikayat.Triage{Intent: shikayat.IntentComplaint}
	if t != nil {
		tr = *t
	}
	nc, err := shikayat.OpenFrom(&shikayat.Incoming{Post: &p, Triage: &tr, MentionsAccount: mentions, Forward: forward})
	if err != nil {
		return err
	}
	c, _, err := s.createComplaint(ctx, tx, *nc)
	if err != nil {
		return err
	}
	at := now
	ev := &shikayat.Event{At: at, Actor: by.Name(), UserID: by.UserID, Action: "make_complaint",
		FromStage: c.Stage, ToStage: c.Stage, Note: "Made a complaint from post " + id + " (" + string(was) + ").",
		Detail: map[string]string{"post_id": id}}
	if err := insertEvent(ctx, tx, c.ID, ev); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE posts SET kind = 'complaint', reason = $1, complaint_id = $2, urgent = 0 WHERE id = $3`,
		"made a complaint by "+by.Name(), c.ID, id); err != nil {
		return fmt.Errorf("make complaint: %w", err)
	}
	if err := insertCorrection(ctx, tx, &shikayat.Correction{PostID: id, ComplaintID: c.ID, Field: shikayat.CorrectActionable,
		Suggested: strconv.FormatBool(suggested), Corrected: "true", UserID: by.UserID, By: by.Name(), At: at}); err != nil {
		return err
	}
	// The author's follow-ups while the post was held join the trail.
	rows, err := tx.QueryContext(ctx, `SELECT id, body FROM posts WHERE held_post_id = $1 AND complaint_id IS NULL ORDER BY seq`, id)
	if err != nil {
		return fmt.Errorf("make complaint: follow-ups: %w", err)
	}
	var follow []shikayat.Post
	for rows.Next() {
		var fid, fbody string
		if err := rows.Scan(&fid, &fbody); err != nil {
			rows.Close()
			return fmt.Errorf("make complaint: follow-ups: %w", err)
		}
		var fp shikayat.Post
		if json.Unmarshal([]byte(fbody), &fp) == nil && fp.ID == fid {
			follow = append(follow, fp)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("make complaint: follow-ups: %w", err)
	}
	for i := range follow {
		if err := s.attach(ctx, tx, c, shikayat.EventCitizenPost, &follow[i], false, at, nil); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE posts SET complaint_id = $1 WHERE id = $2`, c.ID, follow[i].ID); err != nil {
			return fmt.Errorf("make complaint: follow-ups: %w", err)
		}
	}
	return nil
}

// postOutcome fills out with the post and its complaint as they stand in tx.
func (s *DB) postOutcome(ctx context.Context, tx *sql.Tx, id string, scope shikayat.Scope, out *shikayat.PostOutcome) error {
	v, err := s.scanPost(tx.QueryRowContext(ctx, `SELECT `+postColumns+` FROM posts p LEFT JOIN complaints c ON c.id = p.complaint_id WHERE p.id = $1`, id))
	if isNoRows(err) {
		return shikayat.Errorf(shikayat.ENOTFOUND, "No post %s is recorded.", id)
	} else if err != nil {
		return fmt.Errorf("act on post: %w", err)
	}
	out.Post = v
	if v.Complaint != nil {
		if out.Complaint, err = findComplaintBy(ctx, tx, "c.code = $1", *v.Complaint); err != nil {
			return err
		}
		// A sensitive complaint a district owns is not HQ's to see, nor
		// the post it came from.
		// Asked again later, a sensitive complaint a unit below HQ owns is
		// not HQ's to see, nor the post it came from (the one who just made
		// it a complaint sees what it made).
		if c := out.Complaint; !out.Created && scope.HidesSensitive() && c.Sensitive && c.UnitID != shikayat.HQUnitID {
			out.Post, out.Complaint = nil, nil
			return shikayat.Errorf(shikayat.ENOTFOUND, "No post %s is recorded.", id)
		}
	}
	return nil
}
