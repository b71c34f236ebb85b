package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// TestRedactionSettlesReplies: a post deleted on X gives up the desk's
// replies to it still waiting, and its redaction event says how many; a
// reply being sent keeps its text (its sender matches X's posts by it); a
// reply sent keeps its text, the force's own public words, with contact
// details masked.
func TestRedactionSettlesReplies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := newPrivacyDesk(t, dsn())
		var cid int64
		if err := d.db.SQL().QueryRow(`SELECT id FROM complaints WHERE code = $1`, d.mine[0]).Scan(&cid); err != nil {
			t.Fatal(err)
		}
		claim := func(key, text string) int64 {
			t.Helper()
			r, err := d.db.ClaimReply(ctx, &shikayat.Reply{Key: fmt.Sprintf("%s:%d", key, cid), ComplaintID: cid, InReplyTo: "101", Text: text, Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			return r.ID
		}
		sending := claim("note-a", "We are sending a team to you.")
		if _, err := d.db.MarkReplySending(ctx, sending, "", 0, 0, 100); err != nil {
			t.Fatal(err)
		}
		sent := claim("note-b", "We called you on 9876543210.")
		if _, err := d.db.MarkReplySending(ctx, sent, "", 0, 0, 100); err != nil {
			t.Fatal(err)
		}
		if _, err := d.db.MarkReplySent(ctx, sent, "9001"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.db.RedactDeletedPosts(ctx, []string{"101"}); err != nil {
			t.Fatal(err)
		}
		replies := map[string][2]string{}
		rows, err := d.db.SQL().Query(`SELECT key, state, text FROM replies WHERE complaint_id = $1`, cid)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var key, state, text string
			if err := rows.Scan(&key, &state, &text); err != nil {
				t.Fatal(err)
			}
			replies[key] = [2]string{state, text}
		}
		rows.Close()
		k := func(key string) string { return fmt.Sprintf("%s:%d", key, cid) }
		if got := replies[k("ack")]; got[0] != "failed" {
			t.Errorf("the waiting reply = %v, want it given up", got)
		}
		if got := replies[k("note-a")]; got != [2]string{"sending", "We are sending a team to you."} {
			t.Errorf("the reply being sent = %v, want it left to its sender, text and all", got)
		}
		if got := replies[k("note-b")]; got != [2]string{"sent", "We called you on 98XXXXXX10."} {
			t.Errorf("the reply sent = %v, want its text with the phone masked", got)
		}
		c, err := d.db.FindComplaint(ctx, d.mine[0], shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		last := c.Events[len(c.Events)-1]
		if last.Action != "redacted" || last.Detail["replies_given_up"] != "1" {
			t.Errorf("last event = %s %v, want the redaction naming one reply given up", last.Action, last.Detail)
		}
		if rep := verify(t, d.db); rep.Failure != nil {
			t.Fatalf("verify: %v", rep.Failure)
		}
	})
}
