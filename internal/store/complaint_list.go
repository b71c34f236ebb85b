package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
)

const (
	defaultPerPage = 50
	maxPerPage     = 200
)

// where builds a WHERE clause from conditions, numbering placeholders.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	// cond uses ? for each argument, in order.
	for _, a := range args {
		w.args = append(w.args, a)
		cond = strings.Replace(cond, "?", fmt.Sprintf("$%d", len(w.args)), 1)
	}
	w.conds = append(w.conds, cond)
}

// addScope limits the query (joined to the owning unit as u) to scope,
// sensitive complaints included only where the scope may see them, and
// refuses the zero scope.
func (w *where) addScope(scope shikayat.Scope) error {
	if err := w.addScopeCounting(scope); err != nil {
		return err
	}
	if scope.HidesSensitive() {
		w.add(hideSensitive)
	}
	return nil
}

// addScopeCounting limits the query to the units of scope but keeps the
// sensitive complaints a scope may not see: for counts only, where a
// sensitive complaint is a number and nothing more.
func (w *where) addScopeCounting(scope shikayat.Scope) error {
	switch {
	case scope.IsZero():
		return shikayat.ErrNoScope()
	case !scope.All():
		// The units of the subtree first, then their complaints by the
		// complaints_unit index.
		w.add(`c.unit_id IN (SELECT id FROM units WHERE path LIKE ? ESCAPE '\')`, likePrefix(scope.Path()))
	}
	return nil
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return "TRUE"
	}
	return strings.Join(w.conds, " AND ")
}

// ListComplaints returns one page of complaints matching f, newest first.
func (s *DB) ListComplaints(ctx context.Context, f shikayat.ComplaintFilter) (*shikayat.ComplaintPage, error) {
	if f.Page < 1 {
		f.Page = 1
	}
	if f.PerPage < 1 {
		f.PerPage = defaultPerPage
	} else if f.PerPage > maxPerPage {
		f.PerPage = maxPerPage
	}
	if f.Page > 1_000_000 {
		return nil, shikayat.Errorf(shikayat.EINVALID, "Page %d is out of range.", f.Page)
	}
	w, err := s.complaintWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	from := `FROM complaints c WHERE ` + w.String()
	var total int
	if !f.NoTotal {
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) `+from, w.args...).Scan(&total); err != nil {
			return nil, fmt.Errorf("list complaints: %w", err)
		}
	}
	order := ` ORDER BY c.received_at DESC, c.id DESC`
	if f.Urgent {
		// A class set by a person, else the model's suggestion.
		order = ` ORDER BY ` + urgencyExpr + `, c.received_at, c.id`
	}
	args := append(w.args, f.PerPage, (f.Page-1)*f.PerPage)
	rows, err := s.db.QueryContext(ctx, `SELECT `+complaintColumns+` `+from+
		order+fmt.Sprintf(` LIMIT $%d OFFSET $%d`, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, fmt.Errorf("list complaints: %w", err)
	}
	defer rows.Close()
	page := &shikayat.ComplaintPage{Page: f.Page, PerPage: f.PerPage, Total: total, Complaints: []*shikayat.Complaint{}}
	for rows.Next() {
		c, _, err := scanComplaint(rows)
		if err != nil {
			return nil, fmt.Errorf("list complaints: %w", err)
		}
		page.Complaints = append(page.Complaints, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list complaints: %w", err)
	}
	return page, nil
}

// complaintWhere is the WHERE clause of filter f (paging and order aside).
func (s *DB) complaintWhere(ctx context.Context, f shikayat.ComplaintFilter) (*where, error) {
	w := &where{}
	if f.BouncedFrom != 0 {
		f.Bounced, f.District = true, f.BouncedFrom
	}
	// Every list and export keeps the scope of the complaint's owner now:
	// a unit that sent a complaint away, or had closed one another unit
	// holds now, no longer sees it.
	if err := w.addScope(f.Scope); err != nil {
		return nil, err
	}
	if f.Bounced || f.Reopened {
		// The lists behind what is counted against a unit: scope, subtree
		// and district also select the unit of the event.
		if err := s.addEventWhere(ctx, w, f); err != nil {
			return nil, err
		}
		f.Under, f.District = "", 0
	}
	if f.Under != "" {
		u, err := s.FindUnit(ctx, f.Under)
		if err != nil {
			return nil, shikayat.Errorf(shikayat.EINVALID, "There is no unit %q.", f.Under)
		}
		w.add(`c.unit_id IN (SELECT id FROM units WHERE path LIKE ? ESCAPE '\')`, likePrefix(u.Path))
	}
	if f.Open {
		w.add("c.stage <> 'closed'")
	}
	closedCol := "c.closed_at"
	if f.Rated {
		w.add("c.rating > 0")
		closedCol = "c.last_closed_at"
	}
	for _, b := range []struct {
		col string
		at  time.Time
		op  string
	}{{"c.received_at", f.ReceivedFrom, ">="}, {"c.received_at", f.ReceivedTo, "<"}, {closedCol, f.ClosedFrom, ">="}, {closedCol, f.ClosedTo, "<"}} {
		if !b.at.IsZero() {
			w.add(b.col+" "+b.op+" ?", ms(b.at))
		}
	}
	if f.Stage != "" {
		if !f.Stage.Valid() {
			return nil, shikayat.Errorf(shikayat.EINVALID, "Unknown stage %q.", f.Stage)
		}
		w.add("c.stage = ?", string(f.Stage))
	}
	if f.Class != "" {
		if !f.Class.Valid() {
			return nil, shikayat.Errorf(shikayat.EINVALID, "Unknown class %q.", f.Class)
		}
		// A class set by a person, else the model's suggestion.
		w.add("(c.class = ? OR (c.class = '' AND c.suggested_class = ?))", string(f.Class), string(f.Class))
	}
	if f.Type != "" {
		if !f.Type.Valid() {
			return nil, shikayat.Errorf(shikayat.EINVALID, "Unknown type %q.", f.Type)
		}
		w.add("(c.type = ? OR (c.type = '' AND c.suggested_type = ?))", string(f.Type), string(f.Type))
	}
	if f.District != 0 {
		w.add("c.district = ?", f.District)
	}
	if f.Station != "" {
		w.add("c.station_id = ?", strings.TrimPrefix(f.Station, "station:"))
	}
	if f.Overdue {
		w.add("c.stage <> 'closed' AND c.due_at IS NOT NULL AND c.due_at <= ?", ms(s.now()))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		if !utf8.ValidString(q) || len(q) > 200 {
			return nil, shikayat.Errorf(shikayat.EINVALID, "The search text must be valid UTF-8 and at most 200 bytes.")
		}
		s.addTextMatch(w, strings.ToLower(q))
	}

	return w, nil
}

// addEventWhere keeps the complaints with a bounce (f.Bounced) or a
// reopening (f.Reopened) in the acted period whose unit — the one that sent
// the complaint away, or held it closed — lies in the scope, under f.Under
// and in f.District: the events the dashboard counts against that unit,
// of the complaints the scope holds now (addScope, added by the caller).
func (s *DB) addEventWhere(ctx context.Context, w *where, f shikayat.ComplaintFilter) error {
	if f.Scope.IsZero() {
		return shikayat.ErrNoScope()
	}
	for _, ev := range []struct {
		on bool
		q  eventCount
	}{{f.Bounced, bouncesSQL}, {f.Reopened, reopenedSQL}} {
		if !ev.on {
			continue
		}
		cond := `c.id IN (SELECT e.complaint_id FROM events e JOIN units u ON u.id = e.from_unit WHERE ` + ev.q.where + w.eventPeriod(f.ActedFrom, f.ActedTo)
		if !f.Scope.All() {
			cond += ` AND u.path LIKE ` + w.arg(likePrefix(f.Scope.Path())) + ` ESCAPE '\'`
		}
		if f.Under != "" {
			u, err := s.FindUnit(ctx, f.Under)
			if err != nil {
				return shikayat.Errorf(shikayat.EINVALID, "There is no unit %q.", f.Under)
			}
			cond += ` AND u.path LIKE ` + w.arg(likePrefix(u.Path)) + ` ESCAPE '\'`
		}
		if f.District != 0 {
			cond += ` AND u.lgd = ` + w.arg(f.District)
		}
		w.add(cond + `)`)
	}
	return nil
}

// eventPeriod returns the conditions that keep events (as e) in [from,
// to), adding the bounds as arguments; zero times leave a bound open.
func (w *where) eventPeriod(from, to time.Time) string {
	out := ""
	if !from.IsZero() {
		out += " AND e.at >= " + w.arg(ms(from))
	}
	if !to.IsZero() {
		out += " AND e.at < " + w.arg(ms(to))
	}
	return out
}

// urgencyExpr is 0 for an immediate complaint (a class set by a person,
// else the model's suggestion), 1 for any other. Index complaints_urgency
// (migration 00012) is on the same expression.
const urgencyExpr = `(CASE WHEN c.class = 'immediate' OR (c.class = '' AND c.suggested_class = 'immediate') THEN 0 ELSE 1 END)`

// overdueCount is the SQL that counts, in a grouped query, the open
// complaints past the unit's deadline; now is the placeholder of the time.
func overdueCount(now string) string {
	return `coalesce(sum(CASE WHEN c.stage <> 'closed' AND c.due_at <= ` + now + ` THEN 1 ELSE 0 END), 0)`
}

// CountByStage counts complaints per stage within scope.
func (s *DB) CountByStage(ctx context.Context, scope shikayat.Scope) (count, overdue map[shikayat.Stage]int, err error) {
	w := &where{}
	if err := w.addScope(scope); err != nil {
		return nil, nil, err
	}
	// Overdue is on the unit's clock: due_at is the owning unit's deadline.
	nowArg := fmt.Sprintf("$%d", len(w.args)+1)
	rows, err := s.db.QueryContext(ctx, `SELECT c.stage, count(*),
			`+overdueCount(nowArg)+`
		FROM complaints c WHERE `+w.String()+` GROUP BY c.stage`, append(w.args, ms(s.now()))...)
	if err != nil {
		return nil, nil, fmt.Errorf("count complaints: %w", err)
	}
	defer rows.Close()
	count, overdue = map[shikayat.Stage]int{}, map[shikayat.Stage]int{}
	for rows.Next() {
		var stage string
		var n, late int
		if err := rows.Scan(&stage, &n, &late); err != nil {
			return nil, nil, fmt.Errorf("count complaints: %w", err)
		}
		count[shikayat.Stage(stage)], overdue[shikayat.Stage(stage)] = n, late
	}
	return count, overdue, rows.Err()
}

// addTextMatch adds a substring search over the complaint's search text.
// SQLite answers it from an FTS5 trigram index (three characters or more),
// PostgreSQL from a pg_trgm GIN index; both work for Devanagari.
func (s *DB) addTextMatch(w *where, q string) {
	if s.engine == SQLite && utf8.RuneCountInString(q) >= 3 {
		w.add("c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)", `"`+strings.ReplaceAll(q, `"`, `""`)+`"`)
		return
	}
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q)
	w.add(`c.search_text LIKE ? ESCAPE '\'`, "%"+esc+"%")
}

// CountByDistrictStage counts complaints per district and stage within
// scope, and how many of them are overdue (on the unit's clock).
// Complaints without a district count under district 0.
//
// The totals include the sensitive complaints the scope may not list (an
// HQ operator's counts include a district's sensitive complaints): a count
// tells their number and nothing else, and the state's totals stay true.
func (s *DB) CountByDistrictStage(ctx context.Context, scope shikayat.Scope) ([]shikayat.DistrictCount, error) {
	w := &where{}
	if err := w.addScopeCounting(scope); err != nil {
		return nil, err
	}
	// Overdue is on the unit's clock: due_at is the owning unit's deadline.
	nowArg := fmt.Sprintf("$%d", len(w.args)+1)
	rows, err := s.db.QueryContext(ctx, `
		SELECT c.district, c.stage, count(*),
			`+overdueCount(nowArg)+`
		FROM complaints c JOIN units u ON u.id = c.unit_id
		WHERE `+w.String()+`
		GROUP BY c.district, c.stage
		ORDER BY c.district, c.stage`, append(w.args, ms(s.now()))...)
	if err != nil {
		return nil, fmt.Errorf("count complaints: %w", err)
	}
	defer rows.Close()
	var out []shikayat.DistrictCount
	for rows.Next() {
		var d shikayat.DistrictCount
		var stage string
		if err := rows.Scan(&d.District, &stage, &d.Count, &d.Overdue); err != nil {
			return nil, fmt.Errorf("count complaints: %w", err)
		}
		d.Stage = shikayat.Stage(stage)
		out = append(out, d)
	}
	return out, rows.Err()
}
