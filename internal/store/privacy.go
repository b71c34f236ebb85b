package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// A person's requests under the data-protection law: what is held about
// an X user (ExportPerson), and its erasure (ErasePerson). A person is
// found by handle; X users change handles, so every author id ever seen
// with the handle counts, and then every handle seen with those ids.

// Person is what the desk holds about one X user.
type Person struct {
	Handle     string                `json:"handle"`
	AuthorIDs  []string              `json:"author_ids"`
	Handles    []string              `json:"handles"`
	Posts      []PersonPost          `json:"posts"`
	Complaints []*shikayat.Complaint `json:"complaints"`
	Replies    []*shikayat.Reply     `json:"replies"`
	// Events are the events about the person in complaints that are not
	// theirs: posts of theirs attached to another's complaint.
	Events []*shikayat.Event `json:"events"`
}

// PersonPost is one recorded post of the person.
type PersonPost struct {
	ID             string    `json:"id"`
	AuthorID       string    `json:"author_id"`
	AuthorUsername string    `json:"author_username"`
	ConversationID string    `json:"conversation_id"`
	Text           string    `json:"text"`
	Kind           string    `json:"kind"`
	Reason         string    `json:"reason"`
	Complaint      string    `json:"complaint,omitempty"`
	Body           string    `json:"body"` // the post as read from X, JSON
	CreatedAt      time.Time `json:"created_at"`
	RecordedAt     time.Time `json:"recorded_at"`
}

// personKeys finds the author ids seen with handle, and every handle seen
// with those ids.
func personKeys(ctx context.Context, q querier, handle string) (ids, handles []string, err error) {
	h := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(handle), "@"))
	if h == "" {
		return nil, nil, shikayat.Errorf(shikayat.EINVALID, "Name the X handle (--author).")
	}
	idSet, handleSet := map[string]bool{}, map[string]bool{h: true}
	rows, err := q.QueryContext(ctx, `
		SELECT author_id FROM posts WHERE lower(author_username) = $1 AND author_id <> ''
		UNION SELECT author_id FROM complaints WHERE lower(author_username) = $1 AND author_id <> ''`, h)
	if err != nil {
		return nil, nil, fmt.Errorf("find person: %w", err)
	}
	if err := collect(rows, idSet, false); err != nil {
		return nil, nil, err
	}
	for id := range idSet {
		rows, err := q.QueryContext(ctx, `
			SELECT author_username FROM posts WHERE author_id = $1 AND author_username <> ''
			UNION SELECT author_username FROM complaints WHERE author_id = $1 AND author_username <> ''`, id)
		if err != nil {
			return nil, nil, fmt.Errorf("find person: %w", err)
		}
		if err := collect(rows, handleSet, true); err != nil {
			return nil, nil, err
		}
	}
	return sortedSet(idSet), sortedSet(handleSet), nil
}

func collect(rows *sql.Rows, into map[string]bool, lower bool) error {
	defer rows.Close()
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return fmt.Errorf("find person: %w", err)
		}
		if lower {
			v = strings.ToLower(v)
		}
		into[v] = true
	}
	return rows.Err()
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// inList renders "$first, $first+1, …" for n arguments.
func inList(first, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", first+i)
	}
	return b.String()
}

// personWhere selects the rows of posts (or complaints) written by the
// person: by author id, or by handle when no id was recorded.
func personWhere(ids, handles []string) (string, []any) {
	var args []any
	var parts []string
	if len(ids) > 0 {
		parts = append(parts, "author_id IN ("+inList(1, len(ids))+")")
		for _, id := range ids {
			args = append(args, id)
		}
	}
	parts = append(parts, "lower(author_username) IN ("+inList(len(args)+1, len(handles))+")")
	for _, h := range handles {
		args = append(args, h)
	}
	return "(" + strings.Join(parts, " OR ") + ")", args
}

// actorWhere selects the events the person's posts made (their actor).
func actorWhere(ids, handles []string) (string, []any) {
	var args []any
	for _, h := range handles {
		args = append(args, "@"+h)
	}
	for _, id := range ids {
		args = append(args, "x:"+id)
	}
	return "lower(actor) IN (" + inList(1, len(args)) + ")", args
}

// personPostsWhere selects the person's posts: those recorded with their
// id or handle, and the unreadable ones (kept as X sent them, not decoded)
// whose raw body names them.
func personPostsWhere(ids, handles []string) (string, []any) {
	where, args := personWhere(ids, handles)
	var raw []string
	for _, id := range ids {
		for _, pat := range []string{`%"author_id":` + jsonString(id) + `%`, `%"author_id": ` + jsonString(id) + `%`} {
			args = append(args, pat)
			raw = append(raw, fmt.Sprintf("body LIKE $%d", len(args)))
		}
	}
	for _, h := range handles {
		args = append(args, "%"+jsonString(strings.ToLower(h))+"%")
		raw = append(raw, fmt.Sprintf("lower(body) LIKE $%d", len(args)))
	}
	if len(raw) > 0 {
		where = "(" + where + ") OR (kind = 'unreadable' AND (" + strings.Join(raw, " OR ") + "))"
	}
	return where, args
}

func (s *DB) personPostIDs(ctx context.Context, q querier, ids, handles []string) ([]string, error) {
	where, args := personPostsWhere(ids, handles)
	rows, err := q.QueryContext(ctx, `SELECT id FROM posts WHERE `+where+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("person's posts: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("person's posts: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (s *DB) personComplaints(ctx context.Context, q querier, ids, handles []string) ([]int64, error) {
	where, args := personWhere(ids, handles)
	rows, err := q.QueryContext(ctx, `SELECT id FROM complaints WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("person's complaints: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("person's complaints: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// ExportPerson gathers everything held about the X user known by handle:
// its posts, its complaints with their trails, the desk's replies to it,
// and the events its posts made in others' complaints.
func (s *DB) ExportPerson(ctx context.Context, handle string) (*Person, error) {
	ids, handles, err := personKeys(ctx, s.db, handle)
	if err != nil {
		return nil, err
	}
	p := &Person{Handle: strings.TrimPrefix(strings.TrimSpace(handle), "@"), AuthorIDs: ids, Handles: handles,
		Posts: []PersonPost{}, Complaints: []*shikayat.Complaint{}, Replies: []*shikayat.Reply{}, Events: []*shikayat.Event{}}
	where, args := personPostsWhere(ids, handles)
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.author_id, p.author_username, p.conversation_id, p.text, p.kind, p.reason,
			COALESCE(c.code, ''), p.body, p.created_at, p.recorded_at
		FROM posts p LEFT JOIN complaints c ON c.id = p.complaint_id
		WHERE p.id IN (SELECT id FROM posts WHERE `+where+`) ORDER BY p.seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	for rows.Next() {
		var pp PersonPost
		var created, recorded int64
		if err := rows.Scan(&pp.ID, &pp.AuthorID, &pp.AuthorUsername, &pp.ConversationID, &pp.Text, &pp.Kind, &pp.Reason,
			&pp.Complaint, &pp.Body, &created, &recorded); err != nil {
			rows.Close()
			return nil, fmt.Errorf("export: %w", err)
		}
		pp.CreatedAt, pp.RecordedAt = fromMS(created), fromMS(recorded)
		p.Posts = append(p.Posts, pp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	cids, err := s.personComplaints(ctx, s.db, ids, handles)
	if err != nil {
		return nil, err
	}
	mine := map[int64]bool{}
	for _, cid := range cids {
		c, err := findComplaintBy(ctx, s.db, "c.id = $1", cid)
		if err != nil {
			return nil, err
		}
		full, err := s.FindComplaint(ctx, c.Code, shikayat.SystemScope())
		if err != nil {
			return nil, err
		}
		mine[cid] = true
		p.Complaints = append(p.Complaints, full)
	}
	// The desk's replies: to the person's posts, and on their complaints.
	postIDs := make([]any, 0, len(p.Posts))
	for _, pp := range p.Posts {
		postIDs = append(postIDs, pp.ID)
	}
	if len(postIDs) > 0 {
		rrows, err := s.db.QueryContext(ctx, `SELECT `+replyColumns+` FROM replies WHERE in_reply_to IN (`+inList(1, len(postIDs))+`) ORDER BY id`, postIDs...)
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		for rrows.Next() {
			r, err := scanReply(rrows)
			if err != nil {
				rrows.Close()
				return nil, fmt.Errorf("export: %w", err)
			}
			p.Replies = append(p.Replies, r)
		}
		rrows.Close()
		if err := rrows.Err(); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	}
	// Events the person's posts made in complaints not theirs.
	aw, aargs := actorWhere(ids, handles)
	erows, err := s.db.QueryContext(ctx, `SELECT id, complaint_id, at, actor, action, note, detail FROM events WHERE `+aw+` ORDER BY id`, aargs...)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer erows.Close()
	for erows.Next() {
		var e shikayat.Event
		var at int64
		var detail string
		if err := erows.Scan(&e.ID, &e.ComplaintID, &at, &e.Actor, &e.Action, &e.Note, &detail); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		if mine[e.ComplaintID] {
			continue
		}
		e.At = fromMS(at)
		e.Detail, _ = parseDetail(detail)
		p.Events = append(p.Events, &e)
	}
	return p, erows.Err()
}

// Erasure is what ErasePerson did.
type Erasure struct {
	AuthorIDs  []string `json:"author_ids"`
	Handles    []string `json:"handles"`
	Posts      int      `json:"posts"`      // posts redacted
	Complaints []string `json:"complaints"` // docket codes whose trail records the erasure
}

// ErasePerson redacts everything held about the X user known by handle,
// as a deleted post is redacted: its posts, the complaints they opened
// with every post on them, the events its posts made anywhere, and the
// desk's replies to it. It refuses while any of its complaints is open,
// unless force. Every complaint touched records who asked in its trail.
func (s *DB) ErasePerson(ctx context.Context, handle, requestedBy string, force bool) (*Erasure, error) {
	requestedBy = strings.TrimSpace(requestedBy)
	if requestedBy == "" {
		return nil, shikayat.Errorf(shikayat.EINVALID, "Say who asked for the erasure (--requested-by).")
	}
	out := &Erasure{Complaints: []string{}}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		ids, handles, err := personKeys(ctx, tx, handle)
		if err != nil {
			return err
		}
		out.AuthorIDs, out.Handles = ids, handles
		cids, err := s.personComplaints(ctx, tx, ids, handles)
		if err != nil {
			return err
		}
		postIDs, err := s.personPostIDs(ctx, tx, ids, handles)
		if err != nil {
			return err
		}
		// The complaints' rows first, as every path that settles a reply
		// takes them: then the person's complaints again, as they stand.
		if err := s.lockRedacted(ctx, tx, cids, postIDs); err != nil {
			return err
		}
		if cids, err = s.personComplaints(ctx, tx, ids, handles); err != nil {
			return err
		}
		if !force {
			var open []string
			for _, cid := range cids {
				var code, stage string
				if err := tx.QueryRowContext(ctx, `SELECT code, stage FROM complaints WHERE id = $1`, cid).Scan(&code, &stage); err != nil {
					return fmt.Errorf("erase: %w", err)
				}
				if stage != string(shikayat.StageClosed) {
					open = append(open, code)
				}
			}
			if len(open) > 0 {
				return shikayat.Errorf(shikayat.ECONFLICT, "%d of the person's complaints are still open (%s): close them first, or erase with --force.",
					len(open), strings.Join(open, ", "))
			}
		}
		r := newRedaction(RedactErasure, "Personal data erased at the request of "+requestedBy+".", s.now())
		for _, cid := range cids {
			if err := s.blankComplaintAll(ctx, tx, cid, r); err != nil {
				return err
			}
		}
		for _, id := range postIDs {
			if err := s.redactPost(ctx, tx, id, r); err != nil {
				return err
			}
		}
		// Events the person's posts made where no post row says so.
		aw, aargs := actorWhere(ids, handles)
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT complaint_id FROM events WHERE `+aw, aargs...)
		if err != nil {
			return fmt.Errorf("erase: %w", err)
		}
		var more []int64
		for rows.Next() {
			var cid int64
			if err := rows.Scan(&cid); err != nil {
				rows.Close()
				return fmt.Errorf("erase: %w", err)
			}
			more = append(more, cid)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("erase: %w", err)
		}
		if len(ids) == 0 && len(cids) == 0 && len(postIDs) == 0 && len(more) == 0 {
			return shikayat.Errorf(shikayat.ENOTFOUND, "Nothing held about @%s: no post, complaint, author id or trail event has that handle.", handles[0])
		}
		if _, err := tx.ExecContext(ctx, `UPDATE events SET actor = '', note = '', salt = '' WHERE hash <> '' AND `+aw, aargs...); err != nil {
			return fmt.Errorf("erase: events: %w", err)
		}
		for _, cid := range more {
			r.touch(cid, 0)
		}
		out.Posts = r.posts
		for _, cid := range r.order {
			var code string
			if err := tx.QueryRowContext(ctx, `SELECT code FROM complaints WHERE id = $1`, cid).Scan(&code); err != nil {
				return fmt.Errorf("erase: %w", err)
			}
			out.Complaints = append(out.Complaints, code)
		}
		return s.record(ctx, tx, r)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
