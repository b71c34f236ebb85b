package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// RetriagedAction is the internal event of a complaint whose text X's own
// read replaced, and whose triage of that read was applied (nobody had
// acted on it yet).
const RetriagedAction = "triage_reapplied"

// RetriageDiffersAction is the internal event of a complaint whose text X's
// own read replaced after a person had acted on it, and whose triage of that
// read differs from what was set: nothing is moved; the complaint is put in
// HQ's review queue (and an immediate one alerts its unit).
const RetriageDiffersAction = "triage_differs"

// retriage applies open's triage (of X's own read of the complaint's
// post, which just replaced its text) to complaint id. Sensitive only ever
// becomes true. When class, type or district differ from what is set: a
// complaint nobody has acted on takes the new triage (re-routed when
// intake would route it); one a person has acted on is not moved, but an
// internal event names the differences and puts it in HQ's review queue,
// and one triage now calls immediate alerts its unit.
func (s *DB) retriage(ctx context.Context, tx *sql.Tx, id int64, open *shikayat.NewComplaint, now time.Time) error {
	if open == nil || open.Triage == nil {
		return nil
	}
	t := open.Triage
	c, version, err := findComplaintVersion(ctx, tx, "c.id = $1", id)
	if err != nil {
		return err
	}
	if c.Stage == shikayat.StageClosed {
		return nil
	}
	detail := map[string]string{"post_id": c.SourcePostID}
	var diffs []string
	differ := func(field, was, now string) {
		if now != "" && now != "0" && was != now {
			detail[field] = was + " -> " + now
			diffs = append(diffs, field+" "+orNone(was)+" → "+now)
		}
	}
	differ("class", string(c.EffectiveClass()), string(t.Urgency))
	differ("type", string(c.EffectiveType()), string(t.Type))
	district := c.District
	if district == 0 {
		district = c.SuggestedDistrict
	}
	differ("district", strconv.Itoa(district), strconv.Itoa(t.District))
	madeSensitive := t.Sensitive && !c.Sensitive
	if madeSensitive {
		detail["sensitive"] = "false -> true"
		diffs = append(diffs, "sensitive")
		if _, err := tx.ExecContext(ctx, `UPDATE complaints SET sensitive = 1, suggested_sensitive = 1, version = version + 1 WHERE id = $1`, c.ID); err != nil {
			return fmt.Errorf("retriage: %w", err)
		}
		c.Sensitive, c.SuggestedSensitive = true, true
		version++
	}
	if len(diffs) == 0 {
		return nil
	}
	becameImmediate := t.Urgency == shikayat.ClassImmediate && c.EffectiveClass() != shikayat.ClassImmediate
	if c.FirstActionAt != nil {
		if len(diffs) == 1 && madeSensitive {
			return insertEvent(ctx, tx, c.ID, &shikayat.Event{
				At: now, Actor: shikayat.SystemActor.Name(), Action: RetriagedAction, FromStage: c.Stage, ToStage: c.Stage,
				Note: "Triage of X's own read of the post found it sensitive; the complaint is now sensitive.", Detail: detail,
			})
		}
		return s.retriageDiffers(ctx, tx, c, detail, diffs, becameImmediate, now)
	}

	// Nobody acted on it yet: it takes the new triage.
	dueBefore := c.DueAt
	if t.Urgency != "" && c.Class == "" {
		c.SuggestedClass = t.Urgency
	}
	if t.Type != "" && c.Type == "" {
		c.SuggestedType = t.Type
	}
	if t.District != 0 {
		c.SuggestedDistrict = t.District
	}
	c.Confidence = t.Confidence
	s.setDue(c)
	if _, err := tx.ExecContext(ctx, `UPDATE complaints SET suggested_class = $1, suggested_type = $2, suggested_district = $3,
		confidence = $4, due_at = $5, version = version + 1 WHERE id = $6`,
		string(c.SuggestedClass), string(c.SuggestedType), c.SuggestedDistrict, c.Confidence, nullMS(c.DueAt), c.ID); err != nil {
		return fmt.Errorf("retriage: %w", err)
	}
	version++
	if err := insertEvent(ctx, tx, c.ID, &shikayat.Event{
		At: now, Actor: shikayat.SystemActor.Name(), Action: RetriagedAction, FromStage: c.Stage, ToStage: c.Stage,
		Note:   "Triage of X's own read of the post was applied: " + strings.Join(diffs, ", ") + ".",
		Detail: detail,
	}); err != nil {
		return err
	}
	if err := s.slaMoved(ctx, tx, c, dueBefore, shikayat.SystemActor); err != nil {
		return err
	}
	if open.Forward && t.District != 0 && t.District != c.District {
		a := shikayat.Action{Kind: shikayat.ActionForward, District: t.District, Reason: "Routed again by triage of X's own read of the post."}
		_, err := s.apply(ctx, tx, c, version, a, shikayat.SystemActor)
		return err // an immediate complaint alerts the unit it lands in
	}
	if becameImmediate {
		u, err := findUnit(ctx, tx, c.UnitID)
		if err != nil {
			return err
		}
		return insertAlert(ctx, tx, alertFor(c, u, now))
	}
	return nil
}

// retriageDiffers records that triage of X's read differs from what was set
// on a complaint a person has acted on, and puts it in HQ's review queue.
func (s *DB) retriageDiffers(ctx context.Context, tx *sql.Tx, c *shikayat.Complaint, detail map[string]string, diffs []string, immediate bool, now time.Time) error {
	note := "Triage of X's own read of the post differs from what was set (" + strings.Join(diffs, ", ") +
		"); a person has acted on the complaint, so nothing was moved. It is in HQ's review queue."
	if err := insertEvent(ctx, tx, c.ID, &shikayat.Event{
		At: now, Actor: shikayat.SystemActor.Name(), Action: RetriageDiffersAction, FromStage: c.Stage, ToStage: c.Stage,
		Note: note, Detail: detail,
	}); err != nil {
		return err
	}
	if err := markForReview(ctx, tx, c.ID, "triage of X's own read differs: "+strings.Join(diffs, ", ")); err != nil {
		return err
	}
	if !immediate {
		return nil
	}
	u, err := findUnit(ctx, tx, c.UnitID)
	if err != nil {
		return err
	}
	alerted := *c
	alerted.Class = shikayat.ClassImmediate
	return insertAlert(ctx, tx, alertFor(&alerted, u, now))
}

// markForReview puts a complaint in HQ's review queue, saying why.
func markForReview(ctx context.Context, tx *sql.Tx, id int64, reason string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE complaints SET review_reason = $1 WHERE id = $2`, reason, id); err != nil {
		return fmt.Errorf("mark for review: %w", err)
	}
	return nil
}

func orNone(s string) string {
	if s == "" || s == "0" {
		return "none"
	}
	return s
}
