package shikayat

import (
	"testing"
	"time"
)

func TestParseRating(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int // 0: not a rating
	}{
		{"2", 2}, {"@Uppolice 5", 5}, {"@Uppolice @dgpup  4 ", 4}, {"१", 1}, {"५/५", 5}, {"3/5", 3}, {"3 / 5", 3},
		{"one", 1}, {"Five", 5}, {"ek", 1}, {"do", 2}, {"teen", 3}, {"char", 4}, {"paanch", 5},
		{"एक", 1}, {"दो", 2}, {"तीन", 3}, {"चार", 4}, {"पाँच", 5}, {"पांच", 5},
		{"4 stars", 4}, {"4⭐", 4}, {"5 ⭐⭐⭐⭐⭐", 5}, {"⭐⭐", 2}, {"★★★", 3}, {"चार स्टार", 4},
		{"rating: 4", 4}, {"Rating 1/5.", 1}, {"2 out of 5", 2}, {"5!", 5}, {"5 🙏", 5},
		{"", 0}, {"0", 0}, {"6", 0}, {"10", 0}, {"2 din ho gaye koi nahi aaya", 0}, {"do something", 0},
		{"⭐⭐⭐⭐⭐⭐", 0}, {"thank you", 0}, {"12", 0}, {"UP26-7K3QM9XD4P", 0},
	} {
		got, ok := ParseRating(tc.text)
		if ok != (tc.want != 0) || got != tc.want {
			t.Errorf("ParseRating(%q) = %d, %v; want %d", tc.text, got, ok, tc.want)
		}
	}
}

func TestSaysNotResolved(t *testing.T) {
	for _, text := range []string{"not resolved", "@Uppolice my issue is NOT resolved yet", "Nothing done", "no action taken",
		"kuch nahi hua", "abhi tak kuch nahin hua sir", "koi action nahi liya", "koi karyavahi nahi hui",
		"समाधान नहीं हुआ", "कोई कार्यवाही नहीं हुई", "हल नहीं हुआ"} {
		if !SaysNotResolved(text) {
			t.Errorf("SaysNotResolved(%q) = false", text)
		}
	}
	for _, text := range []string{"thank you, resolved", "धन्यवाद", "5", "problem solved, shukriya", "no problem"} {
		if SaysNotResolved(text) {
			t.Errorf("SaysNotResolved(%q) = true", text)
		}
	}
}

func FuzzParseRating(f *testing.F) {
	for _, s := range []string{"2", "@Uppolice ५/५", "चार स्टार", "rating: 4", "⭐⭐", "2 din", "paanch!", "3 out of 5", "1️⃣", "5⃣ ⭐"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseRating(s)
		if ok != (n >= 1 && n <= 5) {
			t.Fatalf("ParseRating(%q) = %d, %v", s, n, ok)
		}
		if ok {
			// A rating stays one after the mentions X puts before it.
			if m, ok2 := ParseRating("@Uppolice " + s); !ok2 || m != n {
				t.Fatalf("ParseRating(%q) = %d, but with a mention %d, %v", s, n, m, ok2)
			}
		}
		_ = SaysNotResolved(s)
	})
}

func TestDecideFeedback(t *testing.T) {
	closedAt := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	closed := func(edit func(*Complaint)) *Complaint {
		c := &Complaint{ID: 1, Code: "UP26-AAAAAAAAAA", AuthorID: "1", Stage: StageClosed, ClosedAt: &closedAt, LastClosedAt: &closedAt}
		if edit != nil {
			edit(c)
		}
		return c
	}
	reopened := closed(func(c *Complaint) { c.Stage, c.ClosedAt, c.Rating, c.Appeals = StageInProgress, nil, 2, 1 })
	open := closed(func(c *Complaint) { c.Stage, c.ClosedAt, c.LastClosedAt = StageAssigned, nil, nil })
	post := func(author, text string, after time.Duration) *Post {
		return &Post{ID: "20", ConversationID: "10", InReplyToPostID: "15", AuthorID: author, AuthorUsername: "ram",
			Text: text, CreatedAt: closedAt.Add(after)}
	}
	for _, tc := range []struct {
		name   string
		post   *Post
		c      *Complaint
		event  string
		rating int
		appeal string
	}{
		{"the author's 5 rates it", post("1", "@Uppolice 5", time.Hour), closed(nil), EventRating, 5, ""},
		{"the author's 2 rates it and reopens it", post("1", "@Uppolice 2", time.Hour), closed(nil), EventRating, 2, AppealRating},
		{"the author's एक in Hindi reopens it", post("1", "एक", time.Hour), closed(nil), EventRating, 1, AppealRating},
		{"the author's 3 rates it and leaves it closed", post("1", "teen", time.Hour), closed(nil), EventRating, 3, ""},
		{"the author saying it is not resolved reopens it", post("1", "@Uppolice kuch nahi hua", time.Hour), closed(nil), EventCitizenPost, 0, AppealNotResolved},
		{"a later 5 of a reopened complaint replaces the rating", post("1", "5", 48*time.Hour), reopened, EventRating, 5, ""},
		{"a later 1 of a reopened complaint is recorded, it is open already", post("1", "1", 48*time.Hour), reopened, EventRating, 1, ""},
		{"a rating past the window is a plain follow-up", post("1", "1", FeedbackWindow+time.Hour), closed(nil), EventCitizenPost, 0, ""},
		{"not resolved past the window reopens nothing", post("1", "not resolved", FeedbackWindow+time.Hour), closed(nil), EventCitizenPost, 0, ""},
		{"a number on a complaint never closed is a follow-up", post("1", "2", time.Hour), open, EventCitizenPost, 0, ""},
		{"someone else's rating does not count", post("9", "1", time.Hour), closed(nil), EventCitizenPost, 0, ""},
		{"a follow-up with words is no rating", post("1", "2 din se koi nahi aaya", time.Hour), closed(nil), EventCitizenPost, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Decide(&Incoming{Post: tc.post, MentionsAccount: true}, Found{Thread: tc.c})
			if d.Kind != RecordAttachment || d.Attach != tc.c || d.Event != tc.event || d.Rating != tc.rating || d.Appeal != tc.appeal {
				t.Fatalf("Decide = kind %s attach %v event %s rating %d appeal %q; want attachment, event %s rating %d appeal %q (%s)",
					d.Kind, d.Attach != nil, d.Event, d.Rating, d.Appeal, tc.event, tc.rating, tc.appeal, d.Reason)
			}
		})
	}
	t.Run("another user's rating in the thread is not attached to the complaint", func(t *testing.T) {
		// The store finds a thread's complaint only for its own author.
		d := Decide(&Incoming{Post: post("9", "1", time.Hour), Triage: &Triage{Intent: IntentFeedback}}, Found{})
		if d.Kind != RecordNonActionable || d.Rating != 0 || d.Appeal != "" {
			t.Fatalf("Decide = %+v", d)
		}
	})
}
