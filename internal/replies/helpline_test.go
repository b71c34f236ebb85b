package replies_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/replies"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// TestHelplineReplyOnce: another department's matter is answered with its
// helpline exactly once on X, however often the job runs, and with no
// docket.
func TestHelplineReplyOnce(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		id, err := f.sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@Uppolice बिजली तीन दिन से नहीं है"})
		if err != nil {
			t.Fatal(err)
		}
		in := shikayat.Incoming{Post: &shikayat.Post{ID: id, ConversationID: id, AuthorID: "5", AuthorUsername: "citizen", Text: "@Uppolice बिजली तीन दिन से नहीं है"},
			MentionsAccount: true, HelplineReplies: true,
			Triage: &shikayat.Triage{Intent: shikayat.IntentOther, Lang: "hi", Confidence: 0.2, Handling: shikayat.HandlingRecord, Department: "electricity"}}
		recs, err := f.db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{in})
		if err != nil || recs[0].ComplaintID != 0 {
			t.Fatalf("record = %+v, %v", recs, err)
		}
		for i := 0; i < 3; i++ {
			if err := f.sender.HelplineReply(ctx, jobs.HelplineReplyArgs{PostID: id}); err != nil {
				t.Fatal(err)
			}
		}
		if n := f.ownReplies(id); n != 1 {
			t.Fatalf("%d helpline replies, want 1", n)
		}
		text := f.sim.AccountPosts()[0].Text
		if !strings.Contains(text, "1912") || strings.Contains(text, "UP26") {
			t.Fatalf("helpline reply %q: want the electricity helpline 1912 and no docket", text)
		}
	})
}

// TestTemplatesFitOnX renders every built-in template with the longest
// values it takes and checks X would take it: at most 280, counting a link
// as 23 and (to be safe) every character outside ASCII as 2.
func TestTemplatesFitOnX(t *testing.T) {
	tmpl, err := replies.LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	d := replies.TemplateData{Code: "UP26-7K3QM9XD4P", URL: "https://shikayat.uppolice.gov.in/t/UP26-7K3QM9XD4P",
		Immediate: true, CyberFraud: true, StatusText: "जाँच के बाद कार्रवाई की जा रही है", District: "Gautam Buddha Nagar", DistrictHi: "गौतम बुद्ध नगर",
		Text: "", AsOf: "27 Nov 14:05:31", Question: "18446744073709551615", Helpline: "1076", HelplineName: "CM Helpline (water supply: Jal Nigam, Jal Kal)"}
	d.ResolutionText = "शिकायतकर्ता से संपर्क नहीं हो सका"
	for _, name := range []string{replies.TemplateAck, replies.TemplateStatus, replies.TemplateHelpline, replies.TemplateClose} {
		for _, lang := range []string{"hi", "en"} {
			text, err := tmpl.Render(name, lang, d)
			if err != nil {
				t.Fatal(err)
			}
			if n := weighted(text); n > 280 {
				t.Errorf("%s.%s is %d long on X, over 280: %q", name, lang, n, text)
			}
		}
	}
	for _, lang := range []string{"hi", "en"} {
		text, _ := tmpl.Render(replies.TemplateAck, lang, d)
		if !strings.Contains(text, "1930") || !strings.Contains(text, "cybercrime.gov.in") {
			t.Errorf("the %s cyber-fraud acknowledgement %q does not send the citizen to 1930 and cybercrime.gov.in", lang, text)
		}
		d2 := d
		d2.CyberFraud = false
		if text, _ := tmpl.Render(replies.TemplateAck, lang, d2); strings.Contains(text, "1930") {
			t.Errorf("the %s acknowledgement of another type mentions 1930: %q", lang, text)
		}
	}
}

func weighted(text string) int {
	n := 0
	for _, w := range strings.Fields(text) {
		if strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") {
			text = strings.Replace(text, w, "", 1)
			n += 23
		}
	}
	for _, r := range text {
		if r < utf8.RuneSelf {
			n++
		} else {
			n += 2
		}
	}
	return n
}
