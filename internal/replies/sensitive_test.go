package replies_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// TestSensitiveAcknowledgement: a sensitive complaint is acknowledged with
// the neutral template (code and link, nothing else), in Hindi and English,
// staff replies to it still go out, and a status reply names no district.
func TestSensitiveAcknowledgement(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		for _, tc := range []struct{ lang, text, want string }{
			{"en", "a man is sending obscene videos to my 15 year old daughter", "Reference"},
			{"hi", "मेरी नाबालिग बेटी के साथ छेड़छाड़ हुई", "संदर्भ"},
		} {
			id, err := f.sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@Uppolice " + tc.text})
			if err != nil {
				t.Fatal(err)
			}
			c, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: id, Text: tc.text, Lang: tc.lang,
				Triage: &shikayat.Triage{Urgency: shikayat.ClassImmediate, Type: shikayat.Type("women_safety"), Sensitive: true}})
			if err != nil {
				t.Fatal(err)
			}
			if err := f.sender.Acknowledge(ctx, ack(c)); err != nil {
				t.Fatal(err)
			}
			posts := f.sim.AccountPosts()
			text := posts[len(posts)-1].Text
			rest := strings.NewReplacer(c.Code, "", "https://desk.example/t/"+c.Code, "").Replace(text)
			if !strings.Contains(text, "https://desk.example/t/"+c.Code) || !strings.Contains(text, tc.want) {
				t.Fatalf("%s acknowledgement %q lacks the code or the link", tc.lang, text)
			}
			for _, leak := range []string{"112", "obscene", "daughter", "नाबालिग", "छेड़छाड़", "women", "complaint", "शिकायत"} {
				if strings.Contains(rest, leak) {
					t.Fatalf("%s acknowledgement %q says %q", tc.lang, text, leak)
				}
			}

			reply := shikayat.Action{Kind: shikayat.ActionReply, Text: "Please call 1090; an officer will contact you."}
			_, ev, err := f.db.ApplyAction(ctx, c.Code, reply, shikayat.SystemActor, "")
			if err != nil {
				t.Fatal(err)
			}
			if err := f.sender.Reply(ctx, jobs.ReplyArgs{ComplaintID: c.ID, EventID: ev.ID}); err != nil {
				t.Fatal(err)
			}
			if n := f.ownReplies(c.SourcePostID); n != 2 {
				t.Fatalf("%d replies to the sensitive complaint, want the acknowledgement and the staff reply", n)
			}

			// A status reply, public on X like the tracking page, names
			// no district.
			lko := shikayat.Action{Kind: shikayat.ActionForward, District: 162}
			if _, _, err := f.db.ApplyAction(ctx, c.Code, lko, shikayat.SystemActor, ""); err != nil {
				t.Fatal(err)
			}
			ask, _ := f.sim.AddDraft(xsim.Draft{Username: "someone", Text: "@Uppolice " + c.Code + " status?"})
			if err := f.sender.StatusReply(ctx, jobs.StatusReplyArgs{ComplaintID: c.ID, PostID: ask}); err != nil {
				t.Fatal(err)
			}
			posts = f.sim.AccountPosts()
			if status := posts[len(posts)-1].Text; !strings.Contains(status, c.Code) || strings.Contains(status, "Lucknow") || strings.Contains(status, "लखनऊ") {
				t.Fatalf("status reply %q lacks the code or names the district", status)
			}
		}
	})
}
