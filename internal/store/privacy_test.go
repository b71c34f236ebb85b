package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// columnsHolding lists, as table.column, every column of every table of
// the schema (read from the database itself) whose value holds needle
// somewhere, in any case (both sides lower-cased, so folded copies such
// as search_text count). SQLite's full-text index internals (the fts5 shadow tables)
// are left out; the full-text tables themselves are searched.
// digestsHeld lists the columns holding a SHA-256 (hex) of any of texts:
// plain, or as a reply's text was digested for matching X's posts
// ("shikayat/reply/v1", a zero byte, the text with single spaces).
func digestsHeld(t *testing.T, db *store.DB, texts ...string) []string {
	t.Helper()
	var found []string
	for _, text := range texts {
		for _, in := range []string{text, "shikayat/reply/v1\x00" + strings.Join(strings.Fields(text), " ")} {
			h := sha256.Sum256([]byte(in))
			found = append(found, columnsHolding(t, db, hex.EncodeToString(h[:]))...)
		}
	}
	return found
}

func columnsHolding(t *testing.T, db *store.DB, needle string) []string {
	t.Helper()
	ctx := context.Background()
	type col struct{ table, name string }
	var cols []col
	var q string
	if db.Engine() == store.Postgres {
		q = `SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`
	} else {
		q = `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
				AND m.name NOT GLOB '*_fts_data' AND m.name NOT GLOB '*_fts_idx'
				AND m.name NOT GLOB '*_fts_docsize' AND m.name NOT GLOB '*_fts_config' AND m.name NOT GLOB '*_fts_content'
			ORDER BY m.name, p.cid`
	}
	rows, err := db.SQL().QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c col
		if err := rows.Scan(&c.table, &c.name); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	rows.Close()
	if len(cols) < 50 {
		t.Fatalf("read only %d columns from the schema", len(cols))
	}
	var found []string
	for _, c := range cols {
		var n int
		var err error
		if db.Engine() == store.Postgres {
			err = db.SQL().QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) FROM %q WHERE position(lower(CAST($1 AS text)) in lower(CAST(%q AS text))) > 0`, c.table, c.name), needle).Scan(&n)
		} else {
			err = db.SQL().QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) FROM %q WHERE instr(lower(CAST(%q AS TEXT)), lower($1)) > 0`, c.table, c.name), needle).Scan(&n)
		}
		if err != nil {
			t.Fatalf("%s.%s: %v", c.table, c.name, err)
		}
		if n > 0 {
			found = append(found, fmt.Sprintf("%s.%s (%d rows)", c.table, c.name, n))
		}
	}
	return found
}

// privacyDesk holds one citizen (author 7, known as user7 and later as
// renamed7) with two complaints, a follow-up, a held post, a reply and a
// staff note, beside another citizen's complaint.
type privacyDesk struct {
	db     *store.DB
	clk    *clock
	mine   []string // docket codes of author 7's complaints
	theirs string
}

// The citizen's words, and its handles, which no table may keep after
// erasure.
var secrets = []string{"Zebracrossing", "Quetzalfeather", "Vermilionkite", "Ultramarinebox", "user7", "renamed7"}

func newPrivacyDesk(t *testing.T, dsn string) *privacyDesk {
	t.Helper()
	ctx := context.Background()
	clk := newClock()
	db := open(t, dsn, store.Options{Now: clk.Now, Jobs: &countJobs{}})
	at := clk.Now().Add(-time.Minute)
	a := incoming("101", "101", "7", "my phone was stolen at Zebracrossing, call me", true)
	b := incoming("102", "101", "7", "still waiting, Quetzalfeather", true) // follow-up: attached
	other := incoming("103", "103", "2", "chain snatched near the market", true)
	c := incoming("110", "110", "7", "cheated of money by Vermilionkite", true)
	c.Post.AuthorUsername = "renamed7" // the same person under a new handle
	held := heldIncoming("120", "120", "7", "someone follows me, Ultramarinebox", shikayat.ClassMidTerm, at)
	for _, in := range []shikayat.Incoming{a, b, other, c, held} {
		in.Forward, in.Triage.District = true, 162
		if in.Triage.Reasons == nil {
			in.Triage.Reasons = []string{"text: \"" + in.Post.Text + "\""}
		}
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in}); err != nil {
			t.Fatal(err)
		}
	}
	d := &privacyDesk{db: db, clk: clk}
	for _, id := range []string{"101", "110", "103"} {
		var code string
		if err := db.SQL().QueryRow(`SELECT code FROM complaints WHERE source_post_id = $1`, id).Scan(&code); err != nil {
			t.Fatalf("post %s made no complaint: %v", id, err)
		}
		if id == "103" {
			d.theirs = code
		} else {
			d.mine = append(d.mine, code)
		}
	}
	var cid int64
	if err := db.SQL().QueryRow(`SELECT id FROM complaints WHERE code = $1`, d.mine[0]).Scan(&cid); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ClaimReply(ctx, &shikayat.Reply{Key: fmt.Sprintf("ack:%d", cid), ComplaintID: cid, InReplyTo: "101",
		Text: "Your complaint is registered. Docket: " + d.mine[0], Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	hq := actorIn(t, db, shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq"})
	if _, _, err := db.ApplyAction(ctx, d.mine[0], shikayat.Action{Kind: shikayat.ActionNote, Text: "Spoke to the complainant.", Public: true}, hq, "key-1"); err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets[:4] {
		if found := columnsHolding(t, db, s); len(found) == 0 {
			t.Fatalf("the fixture holds %q nowhere", s)
		}
	}
	return d
}

func (d *privacyDesk) close(t *testing.T, code string) {
	t.Helper()
	hq := actorIn(t, d.db, shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq"})
	if _, _, err := d.db.ApplyAction(context.Background(), code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Text: "Done."}, hq, ""); err != nil {
		t.Fatal(err)
	}
}

// stats are the counts redaction must not change.
type stats struct {
	ByDistrict []shikayat.DistrictCount
	ByStage    map[shikayat.Stage]int
	Overdue    map[shikayat.Stage]int
	Complaints map[[2]string]int
	Posts      map[string]int
	Replies    map[string]int // by state
}

// giveUp moves n replies from pending to failed in s: a redaction gives up
// the replies still waiting, by design (the one count that changes).
func (s *stats) giveUp(n int) {
	s.Replies["pending"] -= n
	s.Replies["failed"] += n
	for k, v := range s.Replies {
		if v == 0 {
			delete(s.Replies, k)
		}
	}
}

func statsOf(t *testing.T, db *store.DB) stats {
	t.Helper()
	ctx := context.Background()
	var s stats
	var err error
	if s.ByDistrict, err = db.CountByDistrictStage(ctx, shikayat.SystemScope()); err != nil {
		t.Fatal(err)
	}
	if s.ByStage, s.Overdue, err = db.CountByStage(ctx, shikayat.SystemScope()); err != nil {
		t.Fatal(err)
	}
	tl, err := db.Tally(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Complaints, s.Posts, s.Replies = tl.Complaints, tl.Posts, tl.Replies
	return s
}

func TestExportPerson(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		p, err := d.db.ExportPerson(ctx, "@User7")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(p.AuthorIDs, []string{"7"}) || !reflect.DeepEqual(p.Handles, []string{"renamed7", "user7"}) {
			t.Fatalf("ids %v, handles %v", p.AuthorIDs, p.Handles)
		}
		var posts []string
		for _, pp := range p.Posts {
			posts = append(posts, pp.ID)
		}
		if !reflect.DeepEqual(posts, []string{"101", "102", "110", "120"}) {
			t.Fatalf("posts %v", posts)
		}
		var codes []string
		for _, c := range p.Complaints {
			codes = append(codes, c.Code)
			if len(c.Events) == 0 {
				t.Errorf("complaint %s exported without its events", c.Code)
			}
		}
		if !reflect.DeepEqual(codes, d.mine) {
			t.Fatalf("complaints %v, want %v", codes, d.mine)
		}
		if len(p.Replies) != 1 || p.Replies[0].InReplyTo != "101" {
			t.Fatalf("replies %+v", p.Replies)
		}
	})
}

// TestErasePerson: erasure refuses open complaints unless forced, then
// leaves no copy of the person's words or handles in any column of any
// table, nor in text search; the counts stay, the trail verifies and
// records who asked, and a later read of X does not fill anything in.
func TestErasePerson(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		_, err := db.ErasePerson(ctx, "user7", "DPO ticket 42", false)
		wantCode(t, err, shikayat.ECONFLICT)
		d.close(t, d.mine[0])
		_, err = db.ErasePerson(ctx, "user7", "DPO ticket 42", false)
		wantCode(t, err, shikayat.ECONFLICT) // the second is still open
		_, err = db.ErasePerson(ctx, "user7", "", true)
		wantCode(t, err, shikayat.EINVALID)

		before := statsOf(t, db)
		er, err := db.ErasePerson(ctx, "user7", "DPO ticket 42", true)
		if err != nil {
			t.Fatal(err)
		}
		if er.Posts != 4 || len(er.Complaints) != 2 {
			t.Fatalf("erasure = %+v", er)
		}
		before.giveUp(1) // the acknowledgement still waiting is not sent
		for _, s := range secrets {
			if found := columnsHolding(t, db, s); len(found) > 0 {
				t.Errorf("%q is still held in %v", s, found)
			}
		}
		if after := statsOf(t, db); !reflect.DeepEqual(before, after) {
			t.Errorf("the counts changed:\nbefore %+v\nafter  %+v", before, after)
		}
		page, err := db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope(), Query: "Zebracrossing"})
		if err != nil || page.Total != 0 {
			t.Errorf("search still finds the erased complaint: %+v, %v", page, err)
		}
		posts, err := db.ListPosts(ctx, shikayat.PostFilter{Scope: shikayat.SystemScope(), Query: "Quetzalfeather"})
		if err != nil || len(posts.Posts) != 0 {
			t.Errorf("post search still finds the erased post: %+v, %v", posts, err)
		}
		verifyTrail(t, db)
		// The other citizen's complaint is untouched; the erased ones keep
		// their docket and stage and record who asked.
		other, err := db.FindComplaint(ctx, d.theirs, shikayat.SystemScope())
		if err != nil || other.Text == "" {
			t.Fatalf("the other complaint: %+v, %v", other, err)
		}
		for i, code := range d.mine {
			c, err := db.FindComplaint(ctx, code, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			if c.Text != "" || c.AuthorUsername != "" || c.District != 162 {
				t.Errorf("%s after erasure: text %q author %q district %d", code, c.Text, c.AuthorUsername, c.District)
			}
			last := c.Events[len(c.Events)-1]
			if last.Action != store.RedactedAction || !strings.Contains(last.Note, "DPO ticket 42") || last.Detail["reason"] != store.RedactErasure {
				t.Errorf("%s's last event: %+v", code, last)
			}
			if i == 0 && (c.Stage != shikayat.StageClosed || !hasPublicNote(c, "Spoke to the complainant.")) {
				t.Errorf("%s lost its stage or public note: %s", code, c.Stage)
			}
		}
		// X reads the posts again (a poll's overlap, a pushed copy): the
		// records stay blank.
		again := incoming("101", "101", "7", "my phone was stolen at Zebracrossing, call me", true)
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{again}); err != nil {
			t.Fatal(err)
		}
		if found := columnsHolding(t, db, "Zebracrossing"); len(found) > 0 {
			t.Errorf("a later read of X brought the text back: %v", found)
		}
		p, err := db.ExportPerson(ctx, "user7")
		if err != nil || len(p.Posts) != 0 || len(p.Complaints) != 0 {
			t.Errorf("export after erasure: %+v, %v", p, err)
		}

		// Redaction is not a licence to edit: a changed text is caught.
		tamper(t, db, fmt.Sprintf(`UPDATE complaints SET text = 'made up' WHERE code = '%s'`, d.mine[0]))
		if rep := verify(t, db); rep.Failure == nil {
			t.Fatal("verify passed a redacted complaint given new text")
		}
	})
}

func hasPublicNote(c *shikayat.Complaint, note string) bool {
	for _, e := range c.Events {
		if e.Public && e.Note == note {
			return true
		}
	}
	return false
}

// TestScanFindsFoldedCopies: columnsHolding compares in one case, so a
// folded (lower-case) copy of a word is found whatever the case it is
// looked for in.
func TestScanFindsFoldedCopies(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{})
		if _, err := db.SQL().ExecContext(ctx, `CREATE TABLE folded_copy (t TEXT)`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO folded_copy VALUES ('my purse was stolen ultramarinebox')`); err != nil {
			t.Fatal(err)
		}
		for _, word := range []string{"Ultramarinebox", "ULTRAMARINEBOX"} {
			if found := columnsHolding(t, db, word); len(found) != 1 {
				t.Errorf("the scan for %q finds %v, want the folded copy", word, found)
			}
		}
	})
}

// TestRedactDeletedPosts: a post deleted on X loses its text, media and
// author; the complaint keeps its docket and stages; a pushed copy
// replaced by X's read later, or read again, stays blank; the trail
// verifies and records the redaction, and an edit of a redacted event is
// still caught.
func TestRedactDeletedPosts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		pushed := incoming("130", "130", "9", "pushed copy about Saffronlamp", true)
		pushed.Pushed = true
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{pushed}); err != nil {
			t.Fatal(err)
		}
		before := statsOf(t, db)
		n, err := db.RedactDeletedPosts(ctx, []string{"102", "130", "999"})
		if err != nil || n != 2 {
			t.Fatalf("redacted %d, %v", n, err)
		}
		for _, s := range []string{"Quetzalfeather", "Saffronlamp"} {
			if found := columnsHolding(t, db, s); len(found) > 0 {
				t.Errorf("%q is still held in %v", s, found)
			}
		}
		// The complaint's own post was not deleted: it keeps its text.
		c, err := db.FindComplaint(ctx, d.mine[0], shikayat.SystemScope())
		if err != nil || !strings.Contains(c.Text, "Zebracrossing") {
			t.Fatalf("complaint %+v, %v", c, err)
		}
		if after := statsOf(t, db); !reflect.DeepEqual(before, after) {
			t.Errorf("the counts changed:\nbefore %+v\nafter  %+v", before, after)
		}
		verifyTrail(t, db)
		// X's own read of the pushed post, differing: still blank.
		polled := incoming("130", "130", "9", "X's copy about Saffronlamp", true)
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{polled}); err != nil {
			t.Fatal(err)
		}
		if found := columnsHolding(t, db, "Saffronlamp"); len(found) > 0 {
			t.Errorf("X's read refreshed a redacted post: %v", found)
		}
		// The complaint's own post deleted: its text and author go, and the
		// author's later posts in the thread still join it.
		if n, err := db.RedactDeletedPosts(ctx, []string{"110"}); err != nil || n != 1 {
			t.Fatalf("redacted %d, %v", n, err)
		}
		if found := columnsHolding(t, db, "Vermilionkite"); len(found) > 0 {
			t.Errorf("the deleted complaint post is still held in %v", found)
		}
		recs, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{incoming("111", "110", "7", "any news?", true)})
		if err != nil {
			t.Fatal(err)
		}
		if recs[0].Kind != shikayat.RecordAttachment || recs[0].ComplaintCode != d.mine[1] {
			t.Errorf("a follow-up to the deleted post became %s of %q", recs[0].Kind, recs[0].ComplaintCode)
		}
		// Deleting again does nothing more.
		if n, err := db.RedactDeletedPosts(ctx, []string{"102", "130", "110"}); err != nil || n != 0 {
			t.Fatalf("redacted again: %d, %v", n, err)
		}
		verifyTrail(t, db)
		var id int64
		if err := db.SQL().QueryRow(`SELECT id FROM events WHERE action = $1 AND note = '' AND actor = '' ORDER BY id LIMIT 1`, shikayat.EventCitizenPost).Scan(&id); err != nil {
			t.Fatalf("no redacted citizen event: %v", err)
		}
		tamper(t, db, fmt.Sprintf(`UPDATE events SET note = 'a different story' WHERE id = %d`, id))
		if rep := verify(t, db); rep.Failure == nil || rep.Failure.EventID != id {
			t.Fatalf("verify after an edit of a redacted event: %+v", rep.Failure)
		}
	})
}

// TestRedactionKeepsTheTrailAppendOnly: the only change the trail allows
// besides hashing old events is blanking an event's actor and note, with
// the salt of their digests.
func TestRedactionKeepsTheTrailAppendOnly(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newTrailFixture(t, dsn())
		id := f.events[2]
		for _, q := range []string{
			`UPDATE events SET note = 'edited' WHERE id = $1`,
			`UPDATE events SET note = '', note_digest = '' WHERE id = $1`,
			`UPDATE events SET note = '', hash = 'ab' WHERE id = $1`,
			`UPDATE events SET note = '', public = 1 - public WHERE id = $1`,
			`UPDATE events SET note = '' WHERE id = $1`, // a redaction takes the salt too
			`DELETE FROM events WHERE id = $1`,
			// A staff note is the force's record, never a citizen's post.
			`UPDATE events SET note = '', actor = '', salt = '' WHERE id = $1`,
		} {
			if _, err := f.db.SQL().Exec(q, id); err == nil {
				t.Errorf("%s: allowed", q)
			}
		}
		if rep := verify(t, f.db); rep.Failure != nil {
			t.Fatalf("verify: %v", rep.Failure)
		}
	})
}

// TestVerifyAsksForTheRedactionEvent: the trail lets a citizen's post's
// event be blanked, but audit verify fails, naming the complaint and the
// event, until a redaction event follows it.
func TestVerifyAsksForTheRedactionEvent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		var id int64
		if err := d.db.SQL().QueryRow(`SELECT id FROM events WHERE actor LIKE '@%' AND detail LIKE '%"post_id":"102"%'`).Scan(&id); err != nil {
			t.Fatal(err)
		}
		if _, err := d.db.SQL().Exec(`UPDATE events SET note = '', actor = '', salt = '' WHERE id = $1`, id); err != nil {
			t.Fatalf("blanking a citizen's post's event refused: %v", err)
		}
		rep := verify(t, d.db)
		if rep.Failure == nil || rep.Failure.Code != d.mine[0] || rep.Failure.EventID != id {
			t.Fatalf("verify after a blank with no redaction event: %v, want a failure of %s event %d", rep.Failure, d.mine[0], id)
		}
		if _, err := d.db.RedactDeletedPosts(ctx, []string{"102"}); err != nil {
			t.Fatal(err)
		}
		if rep := verify(t, d.db); rep.Failure != nil {
			t.Fatalf("verify after the redaction: %v", rep.Failure)
		}
	})
}

// TestRetention: complaints closed before the cutoff lose their personal
// data; open ones and those closed since keep it.
func TestRetention(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		db := d.db
		d.close(t, d.mine[0])
		d.clk.Add(48 * time.Hour)
		d.close(t, d.theirs)
		before := statsOf(t, db)
		n, err := db.RedactClosedBefore(ctx, d.clk.Now().Add(-24*time.Hour), 100)
		if err != nil || n != 1 {
			t.Fatalf("retention redacted %d, %v", n, err)
		}
		before.giveUp(1) // the closed complaint's acknowledgement still waiting is not sent
		for _, s := range []string{"Zebracrossing", "Quetzalfeather"} {
			if found := columnsHolding(t, db, s); len(found) > 0 {
				t.Errorf("%q is still held in %v", s, found)
			}
		}
		for _, code := range []string{d.mine[1], d.theirs} {
			if c, err := db.FindComplaint(ctx, code, shikayat.SystemScope()); err != nil || c.Text == "" {
				t.Errorf("%s lost its text: %v", code, err)
			}
		}
		if after := statsOf(t, db); !reflect.DeepEqual(before, after) {
			t.Errorf("the counts changed:\nbefore %+v\nafter  %+v", before, after)
		}
		verifyTrail(t, db)
		if n, err := db.RedactClosedBefore(ctx, d.clk.Now().Add(-24*time.Hour), 100); err != nil || n != 0 {
			t.Fatalf("retention again: %d, %v", n, err)
		}
	})
}
