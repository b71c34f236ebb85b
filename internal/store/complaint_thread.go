package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/shikayat/shikayat"
)

// ComplaintThread returns the posts recorded with a complaint and the
// desk's replies to it, if the complaint lies in scope; one outside it is
// not found, as if it did not exist.
func (s *DB) ComplaintThread(ctx context.Context, code string, scope shikayat.Scope) (*shikayat.Thread, error) {
	code, err := shikayat.ParseDocket(code)
	if err != nil {
		return nil, err
	}
	sc, sargs, err := scopeClause(scope, 2)
	if err != nil {
		return nil, err
	}
	var id int64
	err = s.db.QueryRowContext(ctx, `SELECT c.id FROM complaints c JOIN units u ON u.id = c.unit_id WHERE c.code = $1`+sc,
		append([]any{code}, sargs...)...).Scan(&id)
	if isNoRows(err) {
		return nil, shikayat.Errorf(shikayat.ENOTFOUND, "Complaint not found.")
	} else if err != nil {
		return nil, fmt.Errorf("complaint thread: %w", err)
	}
	th := &shikayat.Thread{}
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, body, kind, recorded_at, reasons FROM posts
		WHERE complaint_id = $1 ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("complaint thread: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var pid, body, kind, reasons string
		var at int64
		if err := rows.Scan(&pid, &body, &kind, &at, &reasons); err != nil {
			return nil, fmt.Errorf("complaint thread: %w", err)
		}
		p := &shikayat.Post{ID: pid}
		if kind != string(shikayat.RecordUnreadable) && body != "" {
			if err := jsonUnmarshal(body, p); err != nil {
				return nil, fmt.Errorf("post %s: %w", pid, err)
			}
		}
		tp := shikayat.ThreadPost{Post: p, Kind: shikayat.RecordKind(kind), RecordedAt: fromMS(at)}
		if reasons != "" {
			if err := jsonUnmarshal(reasons, &tp.Reasons); err != nil {
				return nil, fmt.Errorf("post %s: reasons: %w", pid, err)
			}
		}
		th.Posts = append(th.Posts, tp)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("complaint thread: %w", err)
	}
	rrows, err := s.db.QueryContext(ctx, `
		SELECT id, key, text, lang, state, posted_id, attempts, error, created_at, sent_at
		FROM replies WHERE complaint_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("complaint thread: %w", err)
	}
	defer rrows.Close()
	for rrows.Next() {
		r := &shikayat.Reply{ComplaintID: id}
		var state string
		var created int64
		var sent sql.NullInt64
		if err := rrows.Scan(&r.ID, &r.Key, &r.Text, &r.Lang, &state, &r.PostedID, &r.Attempts, &r.Error, &created, &sent); err != nil {
			return nil, fmt.Errorf("complaint thread: %w", err)
		}
		r.State, r.CreatedAt, r.SentAt = shikayat.ReplyState(state), fromMS(created), timePtr(sent)
		th.Replies = append(th.Replies, r)
	}
	return th, rrows.Err()
}
