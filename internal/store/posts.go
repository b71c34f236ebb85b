package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
)

// heldDue is when a held immediate post must have been looked at: the
// SLA's first deadline for an immediate complaint, from the post's time.
func heldDue(created time.Time, sla shikayat.SLA) time.Time {
	return created.Add(sla.ImmediateAck)
}

// threadHeld returns the id of a post held for review in p's conversation
// by p's author, or "".
func (s *DB) threadHeld(ctx context.Context, tx *sql.Tx, p *shikayat.Post) string {
	if p.ConversationID == "" || p.ConversationID == p.ID {
		return ""
	}
	var id string
	err := tx.QueryRowContext(ctx, `SELECT id FROM posts WHERE conversation_id = $1 AND author_id = $2 AND kind = 'held' AND id <> $3 ORDER BY seq LIMIT 1`,
		p.ConversationID, p.AuthorID, p.ID).Scan(&id)
	if err != nil {
		return ""
	}
	return id
}

// alertHeld tells HQ's staff that a post triage called immediate is held
// for review. The alert names the post, never its text.
func (s *DB) alertHeld(ctx context.Context, tx *sql.Tx, p *shikayat.Post, now time.Time) error {
	hq, err := findUnit(ctx, tx, shikayat.HQUnitID)
	if err != nil {
		return err
	}
	return insertAlert(ctx, tx, &shikayat.Alert{Kind: shikayat.AlertReview, PostID: p.ID, UnitID: hq.ID, UnitPath: hq.Path, At: now})
}

const postColumns = `p.id, p.text, p.author_username, p.handling, p.triage, p.kind, p.reason, p.urgent, p.due_at, p.created_at, c.code`

func (s *DB) scanPost(rows interface{ Scan(...any) error }) (*shikayat.PostView, error) {
	v := &shikayat.PostView{}
	var handling, triage, kind string
	var urgent int
	var due sql.NullInt64
	var created int64
	var code sql.NullString
	if err := rows.Scan(&v.ID, &v.Text, &v.AuthorUsername, &handling, &triage, &kind, &v.Reason, &urgent, &due, &created, &code); err != nil {
		return nil, err
	}
	v.Handling, v.Kind, v.Urgent, v.CreatedAt = shikayat.Handling(handling), shikayat.RecordKind(kind), urgent == 1, fromMS(created)
	if triage != "" {
		var t shikayat.Triage
		if json.Unmarshal([]byte(triage), &t) == nil {
			v.Triage = &t
		}
	}
	if due.Valid {
		t := fromMS(due.Int64)
		v.DueAt = &t
		v.Overdue = v.Kind == shikayat.RecordHeld && t.Before(s.now())
	}
	if code.Valid && code.String != "" {
		c := code.String
		v.Complaint = &c
	}
	return v, nil
}

// postOfHiddenComplaint keeps out the posts of a sensitive complaint that a
// unit below HQ owns: HQ staff may not read them (nor their text here).
const postOfHiddenComplaint = `NOT EXISTS (SELECT 1 FROM complaints hc WHERE hc.id = p.complaint_id AND ` +
	`hc.sensitive <> 0 AND hc.unit_id <> '` + shikayat.HQUnitID + `')`

// ListPosts returns one page of recorded posts: the held ones (immediate
// first, then oldest) or all, newest first; matching a post id or text.
// Posts are HQ's: only a scope over the whole state reads them.
func (s *DB) ListPosts(ctx context.Context, f shikayat.PostFilter) (*shikayat.PostPage, error) {
	if !f.Scope.All() {
		return nil, shikayat.Errorf(shikayat.EFORBIDDEN, "Only HQ reads recorded posts.")
	}
	if f.Page < 1 {
		f.Page = 1
	}
	if f.PerPage < 1 {
		f.PerPage = defaultPerPage
	} else if f.PerPage > maxPerPage {
		f.PerPage = maxPerPage
	}
	w := &where{}
	if f.Scope.HidesSensitive() {
		w.add(postOfHiddenComplaint)
	}
	order := `p.seq DESC`
	if f.Held {
		w.add(`p.kind = 'held'`)
		order = `p.urgent DESC, p.created_at, p.seq`
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		if !utf8.ValidString(q) || len(q) > 200 || strings.ContainsRune(q, 0) {
			return nil, shikayat.Errorf(shikayat.EINVALID, "The search text must be valid UTF-8, without NUL, and at most 200 bytes.")
		}
		if _, err := strconv.ParseUint(q, 10, 64); err == nil {
			w.add(`p.id = ?`, q)
		} else {
			s.addPostTextMatch(w, q)
		}
	}
	from := `FROM posts p LEFT JOIN complaints c ON c.id = p.complaint_id WHERE ` + w.String()
	var total int
	// The count needs no join: the filters are the post's own, and the
	// held queue's partial index answers it alone.
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM posts p WHERE `+w.String(), w.args...).Scan(&total); err != nil {
		return nil, fmt.Errorf("list posts: %w", err)
	}
	args := append(w.args, f.PerPage, (f.Page-1)*f.PerPage)
	rows, err := s.db.QueryContext(ctx, `SELECT `+postColumns+` `+from+
		fmt.Sprintf(` ORDER BY %s LIMIT $%d OFFSET $%d`, order, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, fmt.Errorf("list posts: %w", err)
	}
	defer rows.Close()
	page := &shikayat.PostPage{Page: f.Page, PerPage: f.PerPage, Total: total, Posts: []*shikayat.PostView{}}
	for rows.Next() {
		v, err := s.scanPost(rows)
		if err != nil {
			return nil, fmt.Errorf("list posts: %w", err)
		}
		page.Posts = append(page.Posts, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list posts: %w", err)
	}
	return page, nil
}

// addPostTextMatch adds a substring search over the posts' text: SQLite's
// FTS5 trigram index (three characters or more), PostgreSQL's pg_trgm GIN
// index over the folded text.
func (s *DB) addPostTextMatch(w *where, q string) {
	if s.engine == SQLite && utf8.RuneCountInString(q) >= 3 {
		w.add("p.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)", `"`+strings.ReplaceAll(q, `"`, `""`)+`"`)
		return
	}
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(q))
	if s.engine == SQLite {
		w.add(`lower(p.text) LIKE ? ESCAPE '\'`, "%"+esc+"%")
		return
	}
	// PostgreSQL's LIKE escapes with a backslash already; an ESCAPE clause
	// would hide the pattern from the trigram index.
	w.add(`lower(p.text) LIKE ?`, "%"+esc+"%")
}

// PostView returns one recorded post as HQ sees it; HQ's only.
func (s *DB) PostView(ctx context.Context, scope shikayat.Scope, id string) (*shikayat.PostView, error) {
	if !scope.All() {
		return nil, shikayat.Errorf(shikayat.EFORBIDDEN, "Only HQ reads recorded posts.")
	}
	hide := ""
	if scope.HidesSensitive() {
		hide = " AND " + postOfHiddenComplaint
	}
	v, err := s.scanPost(s.db.QueryRowContext(ctx, `SELECT `+postColumns+` FROM posts p LEFT JOIN complaints c ON c.id = p.complaint_id WHERE p.id = $1`+hide, id))
	if isNoRows(err) {
		return nil, shikayat.Errorf(shikayat.ENOTFOUND, "No post %s is recorded.", id)
	} else if err != nil {
		return nil, fmt.Errorf("find post: %w", err)
	}
	return v, nil
}

// ReviewComplaints returns what HQ's review queue shows besides held
// posts, oldest first, at most limit of each: open complaints that no
// district owns yet (at HQ, not forwarded), and open complaints triage was
// less sure of than below (made from a held post, or when triage failed) or
// marked for review (X's own read of the post triaged differently).
func (s *DB) ReviewComplaints(ctx context.Context, scope shikayat.Scope, below float64, limit int) (noDistrict, unsure []*shikayat.Complaint, err error) {
	if !scope.All() {
		return nil, nil, shikayat.Errorf(shikayat.EFORBIDDEN, "Only HQ sees the review queue.")
	}
	list := func(cond string, args ...any) ([]*shikayat.Complaint, error) {
		if scope.HidesSensitive() {
			cond += " AND " + hideSensitive
		}
		args = append(args, limit)
		rows, err := s.db.QueryContext(ctx, `SELECT `+complaintColumns+` FROM complaints c JOIN units u ON u.id = c.unit_id
			WHERE c.stage <> 'closed' AND `+cond+fmt.Sprintf(` ORDER BY c.received_at, c.id LIMIT $%d`, len(args)), args...)
		if err != nil {
			return nil, fmt.Errorf("review queue: %w", err)
		}
		defer rows.Close()
		out := []*shikayat.Complaint{}
		for rows.Next() {
			c, _, err := scanComplaint(rows)
			if err != nil {
				return nil, fmt.Errorf("review queue: %w", err)
			}
			out = append(out, c)
		}
		return out, rows.Err()
	}
	if noDistrict, err = list(`c.district = 0 AND c.unit_id = $1`, shikayat.HQUnitID); err != nil {
		return nil, nil, err
	}
	// Less sure: triage's confidence, or a reason a person should look
	// (X's own read of the post was triaged differently, or is no complaint).
	if unsure, err = list(`(c.confidence < $1 OR c.review_reason <> '')`, below); err != nil {
		return nil, nil, err
	}
	return noDistrict, unsure, nil
}
