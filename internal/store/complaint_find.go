package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/shikayat/shikayat"
)

func istYear(t time.Time) int { return t.In(shikayat.IST).Year() }

const complaintColumns = `c.id, c.code, c.source, c.source_post_id, c.author_id, c.author_username,
	c.conversation_id, c.text, c.lang, c.stage, c.district, c.unit_id, c.station_id, c.class,
	c.type, c.resolution, c.merged_into, c.suggested_district, c.suggested_class,
	c.suggested_type, c.confidence, c.lat, c.lon, c.media, c.bounces, c.version,
	c.received_at, c.unit_since, c.updated_at, c.closed_at, c.first_action_at, c.due_at, c.replyable,
	c.sensitive, c.suggested_sensitive, c.rating, c.appeals, c.last_closed_at`

// complaintRow is a complaint with the row version used for optimistic
// updates.
func scanComplaint(r rowScanner) (*shikayat.Complaint, int, error) {
	var c shikayat.Complaint
	var stage, class, typ, res, sclass, stype, media string
	var lat, lon sql.NullFloat64
	var version int
	var received, since, updated int64
	var closed, first, due, lastClosed sql.NullInt64
	var replyable, sensitive, ssensitive int
	err := r.Scan(&c.ID, &c.Code, &c.Source, &c.SourcePostID, &c.AuthorID, &c.AuthorUsername,
		&c.ConversationID, &c.Text, &c.Lang, &stage, &c.District, &c.UnitID, &c.StationID, &class,
		&typ, &res, &c.MergedInto, &c.SuggestedDistrict, &sclass, &stype, &c.Confidence,
		&lat, &lon, &media, &c.Bounces, &version, &received, &since, &updated, &closed, &first, &due, &replyable,
		&sensitive, &ssensitive, &c.Rating, &c.Appeals, &lastClosed)
	if err != nil {
		return nil, 0, err
	}
	c.Stage, c.Class, c.Type = shikayat.Stage(stage), shikayat.Class(class), shikayat.Type(typ)
	c.Resolution = shikayat.Resolution(res)
	c.SuggestedClass, c.SuggestedType = shikayat.Class(sclass), shikayat.Type(stype)
	c.Status = c.Stage.Status()
	c.Replyable = replyable != 0
	c.Sensitive, c.SuggestedSensitive = sensitive != 0, ssensitive != 0
	if lat.Valid && lon.Valid {
		c.Lat, c.Lon = &lat.Float64, &lon.Float64
	}
	if media != "" {
		if err := json.Unmarshal([]byte(media), &c.Media); err != nil {
			return nil, 0, fmt.Errorf("complaint %s: media: %w", c.Code, err)
		}
	}
	c.ReceivedAt, c.UnitSince, c.UpdatedAt = fromMS(received), fromMS(since), fromMS(updated)
	c.ClosedAt, c.FirstActionAt, c.DueAt = timePtr(closed), timePtr(first), timePtr(due)
	c.LastClosedAt = timePtr(lastClosed)
	return &c, version, nil
}

// findComplaintBy returns the one complaint matching where (with $1 bound to
// arg), or ENOTFOUND.
func findComplaintBy(ctx context.Context, q querier, where string, args ...any) (*shikayat.Complaint, error) {
	c, _, err := findComplaintVersion(ctx, q, where, args...)
	return c, err
}

func findComplaintVersion(ctx context.Context, q querier, where string, args ...any) (*shikayat.Complaint, int, error) {
	row := q.QueryRowContext(ctx, `SELECT `+complaintColumns+`
		FROM complaints c JOIN units u ON u.id = c.unit_id WHERE `+where, args...)
	c, v, err := scanComplaint(row)
	if isNoRows(err) {
		return nil, 0, shikayat.Errorf(shikayat.ENOTFOUND, "Complaint not found.")
	} else if err != nil {
		return nil, 0, fmt.Errorf("find complaint: %w", err)
	}
	return c, v, nil
}

// scopeClause limits a complaint query (joined to its unit as u) to scope,
// sensitive complaints included only where the scope may see them (see
// shikayat.Scope). argN is the placeholder number to use. The zero scope is
// refused.
func scopeClause(scope shikayat.Scope, argN int) (string, []any, error) {
	if scope.IsZero() {
		return "", nil, shikayat.ErrNoScope()
	}
	var clause string
	var args []any
	if !scope.All() {
		clause, args = fmt.Sprintf(" AND u.path LIKE $%d ESCAPE '\\'", argN), []any{likePrefix(scope.Path())}
	}
	if scope.HidesSensitive() {
		clause += " AND " + hideSensitive
	}
	return clause, args, nil
}

// hideSensitive is the condition that keeps sensitive complaints from a
// scope that hides them: only those HQ itself owns remain.
const hideSensitive = "(c.sensitive = 0 OR c.unit_id = '" + shikayat.HQUnitID + "')"

// FindComplaint returns a complaint by its docket code, with its events, if
// it lies in scope. A complaint outside the scope is not found, as if it did
// not exist.
func (s *DB) FindComplaint(ctx context.Context, code string, scope shikayat.Scope) (*shikayat.Complaint, error) {
	code, err := shikayat.ParseDocket(code)
	if err != nil {
		return nil, err
	}
	return s.findWithEvents(ctx, "c.code = $1", code, scope)
}

// FindComplaintByID returns a complaint by its id, with its events, if it
// lies in scope.
func (s *DB) FindComplaintByID(ctx context.Context, id int64, scope shikayat.Scope) (*shikayat.Complaint, error) {
	return s.findWithEvents(ctx, "c.id = $1", id, scope)
}

// FindComplaintByPost returns the complaint opened by a post.
func (s *DB) FindComplaintByPost(ctx context.Context, postID string) (*shikayat.Complaint, error) {
	return findComplaintBy(ctx, s.db, "c.source_post_id = $1", postID)
}

func (s *DB) findWithEvents(ctx context.Context, where string, key any, scope shikayat.Scope) (*shikayat.Complaint, error) {
	sc, sargs, err := scopeClause(scope, 2)
	if err != nil {
		return nil, err
	}
	c, err := findComplaintBy(ctx, s.db, where+sc, append([]any{key}, sargs...)...)
	if err != nil {
		return nil, err
	}
	if c.Events, err = listEvents(ctx, s.db, c.ID); err != nil {
		return nil, err
	}
	return c, nil
}

func listEvents(ctx context.Context, q querier, complaintID int64) ([]*shikayat.Event, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT id, at, actor, COALESCE(user_id, 0), action, from_stage, to_stage, from_unit,
			to_unit, note, public, detail, by_unit
		FROM events WHERE complaint_id = $1 ORDER BY id`, complaintID)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []*shikayat.Event
	for rows.Next() {
		e := &shikayat.Event{ComplaintID: complaintID}
		var at int64
		var from, to, detail string
		var public int
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.UserID, &e.Action, &from, &to, &e.FromUnit,
			&e.ToUnit, &e.Note, &public, &detail, &e.ByUnit); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		e.At, e.FromStage, e.ToStage, e.Public = fromMS(at), shikayat.Stage(from), shikayat.Stage(to), public != 0
		if detail != "" {
			if err := json.Unmarshal([]byte(detail), &e.Detail); err != nil {
				return nil, fmt.Errorf("event %d: detail: %w", e.ID, err)
			}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
