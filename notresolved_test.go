package shikayat

import (
	"testing"
	"time"
)

func TestSaysNotResolvedTable(t *testing.T) {
	appeals := []string{
		"not resolved",
		"Still not resolved, please help",
		"my complaint has not been resolved yet",
		"It is still not fixed",
		"unresolved, reopen it",
		"problem is still there",
		"abhi tak nahi hua kuch",
		"samadhan nahi hua sir",
		"hal nahi hua",
		"koi action nahi hua",
		"koi karyavahi nahi hui",
		"kaam nahi hua abhi tak",
		"action nahi liya gaya",
		"समाधान नहीं हुआ",
		"मेरी शिकायत का समाधान नहीं हुआ",
		"कोई कार्रवाई नहीं हुई",
		"कार्रवाई नहीं हुई अभी तक",
		"अभी तक कुछ नहीं हुआ",
		"हल नहीं हुआ",
		"still not done sir",
		"complaint not solved",
		"not satisfied, nothing done",
	}
	thanks := []string{
		"koi dikkat nahi hui, thank you sir",
		"कोई परेशानी नहीं हुई, धन्यवाद",
		"Thank you, no action needed any more",
		"मुझे यकीन नहीं हुआ इतनी जल्दी काम हो गया, धन्यवाद",
		"thank you very much",
		"bahut dhanyawad sir, kaam ho gaya",
		"शुक्रिया, काम हो गया",
		"nahi hua koi nuksan, shukriya",
		"no action required now, thanks",
		"kuch bura nahi hua, thanks police",
		"मुझे कोई दिक्कत नहीं हुई",
		"विश्वास नहीं हुआ, बहुत बढ़िया काम",
		"great work, resolved quickly",
		"Resolved. Thanks a lot",
		"dhanyavad, samasya hal ho gayi",
		"problem solved, thank you UP Police",
		"बहुत बहुत धन्यवाद",
		"नहीं हुई कोई परेशानी",
		"never thought it would be this fast, thanks",
		"excellent service 👍",
		"sab theek hai ab, thanks",
		"no action needed, all good",
	}
	for _, s := range appeals {
		if !SaysNotResolved(s) {
			t.Errorf("SaysNotResolved(%q) = false, want true", s)
		}
	}
	for _, s := range thanks {
		if SaysNotResolved(s) {
			t.Errorf("SaysNotResolved(%q) = true, want false", s)
		}
	}
}

func TestThanksIsNotAppeal(t *testing.T) {
	closed := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := &Complaint{ID: 1, Code: "UP26-X", AuthorID: "1", Stage: StageClosed, LastClosedAt: &closed}
	p := &Post{ID: "9", AuthorID: "1", ConversationID: "5", Text: "@Uppolice कोई परेशानी नहीं हुई, धन्यवाद", CreatedAt: closed.Add(time.Hour)}
	if d := Decide(&Incoming{Post: p}, Found{Thread: c}); d.Appeal != "" {
		t.Errorf("thanks appealed: %q (%s)", d.Appeal, d.Reason)
	}
}

func TestParseRatingKeycap(t *testing.T) {
	for s, want := range map[string]int{"1️⃣": 1, "5️⃣": 5, "3⃣": 3} {
		if n, ok := ParseRating(s); !ok || n != want {
			t.Errorf("ParseRating(%q) = %d, %v; want %d", s, n, ok, want)
		}
	}
}
