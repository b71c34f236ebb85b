package replies_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/replies"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// syncBuffer is a log a test reads while the sender writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// askStatus posts a question about c's status and returns its post id.
func (f *fixture) askStatus(t *testing.T, c *shikayat.Complaint, words string) string {
	t.Helper()
	id, err := f.sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@Uppolice " + c.Code + " " + words})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// Two questions about one docket within the same minute are both
// answered: the answers name the time to the second, so X does not refuse
// the second as a duplicate of the first.
func TestStatusQuestionsInOneMinuteAreBothAnswered(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		clk := &lagClock{t: time.Date(2026, 11, 27, 8, 35, 10, 0, time.UTC)}
		f.sender.Now = clk.Now
		c := f.complaint(t, "my scooter was stolen from the market", shikayat.ClassMidTerm)
		first, second := f.askStatus(t, c, "ka status kya hai?"), f.askStatus(t, c, "any update?")
		if err := f.sender.StatusReply(ctx, jobs.StatusReplyArgs{ComplaintID: c.ID, PostID: first}); err != nil {
			t.Fatal(err)
		}
		clk.Add(20 * time.Second)
		if err := f.sender.StatusReply(ctx, jobs.StatusReplyArgs{ComplaintID: c.ID, PostID: second}); err != nil {
			t.Fatal(err)
		}
		for _, ask := range []string{first, second} {
			if n := f.ownReplies(ask); n != 1 {
				t.Errorf("question %s has %d answers on X, want 1", ask, n)
			}
			if r := f.reply(t, "status:"+ask); r.State != shikayat.ReplySent {
				t.Errorf("the answer to %s is %s (%s), want sent", ask, r.State, r.Error)
			}
		}
	})
}

// Two people ask about one docket in their own posts, and both questions
// are answered within the same second: each answer names the post it
// answers, so X refuses neither as a duplicate of the other and nobody's
// question is taken as answered already.
func TestStatusQuestionsInOneSecondAreBothAnswered(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		var log syncBuffer
		f.sender.Logger = slog.New(slog.NewTextHandler(&log, nil))
		clk := &lagClock{t: time.Date(2026, 11, 27, 8, 35, 10, 0, time.UTC)}
		f.sender.Now = clk.Now
		c := f.complaint(t, "my scooter was stolen from the market", shikayat.ClassMidTerm)
		first := f.askStatus(t, c, "ka status kya hai?")
		other, err := f.sim.AddDraft(xsim.Draft{Username: "journalist", Text: "@Uppolice what happened with " + c.Code + "?"})
		if err != nil {
			t.Fatal(err)
		}
		for _, ask := range []string{first, other} {
			if err := f.sender.StatusReply(ctx, jobs.StatusReplyArgs{ComplaintID: c.ID, PostID: ask}); err != nil {
				t.Fatal(err)
			}
		}
		for _, ask := range []string{first, other} {
			if n := f.ownReplies(ask); n != 1 {
				t.Errorf("question %s has %d answers on X, want 1", ask, n)
			}
			if r := f.reply(t, "status:"+ask); r.State != shikayat.ReplySent {
				t.Errorf("the answer to %s is %s (%q), want sent", ask, r.State, r.Error)
			}
		}
		if strings.Contains(log.String(), "level=ERROR") {
			t.Fatalf("answering two questions logged an error:\n%s", log.String())
		}
	})
}

// A staff reply repeated word for word days later is refused by X as a
// duplicate: that is a person's deliberate reply that did not go out, an
// error for the desk to see, not an answer the citizen has already.
func TestRepeatedStaffReplyRefusedIsAnError(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		var log syncBuffer
		f.sender.Logger = slog.New(slog.NewTextHandler(&log, nil))
		clk := &lagClock{t: time.Date(2026, 11, 27, 8, 35, 10, 0, time.UTC)}
		f.sender.Now = clk.Now
		c := f.complaint(t, "my phone was stolen in the train", shikayat.ClassMidTerm)
		first := f.staffReply(t, c, "Please visit the GRP station with your bill.")
		if err := f.sender.Reply(ctx, first); err != nil {
			t.Fatal(err)
		}
		clk.Add(3 * 24 * time.Hour)
		again := f.staffReply(t, c, "Please visit the GRP station with your bill.")
		if err := f.sender.Reply(ctx, again); err != nil {
			t.Fatal(err)
		}
		r := f.reply(t, again.ReplyKey())
		if r.State != shikayat.ReplyFailed || strings.Contains(r.Error, "answered already") {
			t.Fatalf("the repeated staff reply is %s (%q), want failed as a duplicate, not answered already", r.State, r.Error)
		}
		if !strings.Contains(log.String(), "level=ERROR") {
			t.Fatalf("a staff reply X refused was not logged as an error:\n%s", log.String())
		}
	})
}

// A status answer, in either language, with the longest district name,
// fits in one post on X.
func TestStatusReplyFitsInAPost(t *testing.T) {
	tmpl, err := replies.LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	var longEn, longHi string
	for _, d := range shikayat.Districts() {
		if len(d.Name) > len(longEn) {
			longEn = d.Name
		}
		if shikayat.XWeightedLength(d.NameHi) > shikayat.XWeightedLength(longHi) {
			longHi = d.NameHi
		}
	}
	for _, lang := range []string{"en", "hi"} {
		text, err := tmpl.Render(replies.TemplateStatus, lang, replies.TemplateData{
			Code: "UP26-7K3QM9XD4P", URL: "https://desk.example/t/UP26-7K3QM9XD4P", StatusText: "थाने पर कार्यवाही जारी है",
			District: longEn, DistrictHi: longHi, AsOf: "27 Nov 14:05:31", Question: "18446744073709551615",
		})
		if err != nil {
			t.Fatal(err)
		}
		if n := shikayat.XWeightedLength(text); n > shikayat.XMaxWeighted {
			t.Errorf("%s status answer is %d long on X: %q", lang, n, text)
		}
	}
}
