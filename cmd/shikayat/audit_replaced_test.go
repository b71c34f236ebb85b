package main

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A complaint whose pushed post X read with another text and author takes
// X's; `shikayat audit verify` still passes on its trail.
func TestAuditVerifyAfterAPolledCopyReplacedAPushedOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		d := dsn()
		ctx := context.Background()
		db, err := store.Open(ctx, d, store.Options{AfterMigrate: jobs.Migrate})
		if err != nil {
			t.Fatal(err)
		}
		copyOf := func(author, name, text string, pushed bool) shikayat.Incoming {
			return shikayat.Incoming{Pushed: pushed, MentionsAccount: true,
				Post:   &shikayat.Post{ID: "1001", ConversationID: "1001", AuthorID: author, AuthorUsername: name, Text: text},
				Triage: &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeTheft, Lang: "en"}}
		}
		for _, in := range []shikayat.Incoming{
			copyOf("999", "attacker", "my phone was stolen", true),
			copyOf("7", "victim", "my phone was stolen in Aminabad", false),
		} {
			if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in}); err != nil {
				t.Fatal(err)
			}
		}
		var author string
		if err := db.SQL().QueryRow(`SELECT author_username FROM complaints WHERE source_post_id = '1001'`).Scan(&author); err != nil {
			t.Fatal(err)
		}
		if author != "victim" {
			t.Errorf("complaint author @%s, want X's @victim", author)
		}
		db.Close()
		code, out, errs := runCmd(t, "", "audit", "verify", "--db", d)
		if code != 0 || !strings.Contains(out, "trail verified: 2 events of 1 complaints") {
			t.Fatalf("audit verify = %d, %q, %q", code, out, errs)
		}
	})
}
