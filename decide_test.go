package shikayat

import (
	"strings"
	"testing"
)

func TestDecide(t *testing.T) {
	mine := &Complaint{ID: 1, Code: "UP26-AAAAAAAAAA"}
	quoted := &Complaint{ID: 2, Code: "UP26-BBBBBBBBBB"}
	complaint := &Triage{Intent: IntentComplaint, Actionable: true, Urgency: ClassMidTerm, Type: TypeTheft, Lang: "en", District: 162}
	thanks := &Triage{Intent: IntentFeedback, Lang: "en"}
	post := func(edit func(*Post)) *Post {
		p := &Post{ID: "10", ConversationID: "10", AuthorID: "1", AuthorUsername: "ram", Text: "@Uppolice my bike was stolen"}
		if edit != nil {
			edit(p)
		}
		return p
	}
	for _, tc := range []struct {
		name       string
		in         Incoming
		found      Found
		kind       RecordKind
		attach     *Complaint
		event      string
		status     bool
		open       bool
		reasonPart string
	}{
		{name: "an unreadable post is recorded as such",
			in:   Incoming{Post: &Post{ID: "10"}, Unreadable: &UnreadablePost{ID: "10", Error: "bad geo"}},
			kind: RecordUnreadable, reasonPart: "bad geo"},
		{name: "a staff post joins the thread's complaint",
			in: Incoming{Post: post(nil), Staff: true}, found: Found{Thread: mine},
			kind: RecordStaff, attach: mine, event: EventStaffPost},
		{name: "a staff post outside any complaint's thread is only recorded",
			in:   Incoming{Post: post(nil), Staff: true, Triage: complaint},
			kind: RecordStaff},
		{name: "a retweet is not actionable, even quoting a code",
			in:    Incoming{Post: post(func(p *Post) { p.RetweetOf = "5" }), Triage: complaint, Dockets: []string{quoted.Code}},
			found: Found{Quoted: quoted, Thread: mine}, kind: RecordNonActionable, reasonPart: "retweet"},
		{name: "a post quoting a code is a status question",
			in:    Incoming{Post: post(nil), Triage: thanks, Dockets: []string{quoted.Code}, MentionsAccount: true},
			found: Found{Quoted: quoted, Thread: mine}, kind: RecordAttachment, attach: quoted, event: EventCitizenPost, status: true},
		{name: "a status question without the mention gets no reply",
			in:    Incoming{Post: post(nil), Triage: thanks, Dockets: []string{quoted.Code}},
			found: Found{Quoted: quoted}, kind: RecordAttachment, attach: quoted, event: EventCitizenPost},
		{name: "a citizen's post in the thread of their complaint follows it up",
			in:    Incoming{Post: post(nil), Triage: complaint, MentionsAccount: true},
			found: Found{Thread: mine}, kind: RecordAttachment, attach: mine, event: EventCitizenPost},
		{name: "an actionable post opens a complaint",
			in:   Incoming{Post: post(nil), Triage: complaint, MentionsAccount: true, Forward: true},
			kind: RecordComplaint, open: true},
		{name: "feedback is not actionable",
			in:   Incoming{Post: post(nil), Triage: thanks},
			kind: RecordNonActionable, reasonPart: "feedback"},
		{name: "an untriaged citizen post is not actionable",
			in:   Incoming{Post: post(nil)},
			kind: RecordNonActionable},
		{name: "an actionable post without text opens nothing",
			in:   Incoming{Post: post(func(p *Post) { p.Text = "  " }), Triage: complaint},
			kind: RecordNonActionable, reasonPart: "no complaint opened"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Decide(&tc.in, tc.found)
			if d.Kind != tc.kind || d.Attach != tc.attach || d.Event != tc.event || d.StatusReply != tc.status || (d.Open != nil) != tc.open {
				t.Fatalf("Decide = %+v", d)
			}
			if !strings.Contains(d.Reason, tc.reasonPart) || d.Reason == "" {
				t.Fatalf("reason %q, want it to say %q", d.Reason, tc.reasonPart)
			}
		})
	}

	t.Run("a new complaint carries the post, and forwards only to a known district", func(t *testing.T) {
		in := Incoming{Post: post(func(p *Post) { p.Coordinates = &Point{Lat: 26.8, Lon: 80.9} }), Triage: complaint, Forward: true}
		d := Decide(&in, Found{})
		if o := d.Open; o == nil || o.SourcePostID != "10" || !o.Forward || !o.NoAcknowledge || o.Lat == nil || *o.Lat != 26.8 || o.Source != "x" {
			t.Fatalf("open = %+v", d.Open)
		}
		unknown := *complaint
		unknown.District = 9999
		in.Triage = &unknown
		d = Decide(&in, Found{})
		if d.Open == nil || d.Open.Forward || d.Open.Triage.District != 0 || unknown.District != 9999 {
			t.Fatalf("unknown district: %+v (triage %+v)", d.Open, d.Open.Triage)
		}
	})
}

func TestSnowflake(t *testing.T) {
	at, ok := SnowflakeTime("1445078208190291968")
	if !ok || at.Format("2006-01-02T15:04:05.000Z") != "2021-10-04T17:27:47.744Z" {
		t.Fatalf("SnowflakeTime = %s %v", at, ok)
	}
	if id := SnowflakeAt(at); id > "1445078208190291968" || !strings.HasPrefix(id, "14450782081") {
		t.Fatalf("SnowflakeAt = %s", id)
	}
	if back, _ := SnowflakeTime(SnowflakeAt(at)); !back.Equal(at) {
		t.Fatalf("round trip = %s, want %s", back, at)
	}
	for _, bad := range []string{"", "0", "-5", "12a", "99999999999999999999999"} {
		if _, ok := SnowflakeTime(bad); ok {
			t.Errorf("SnowflakeTime(%q) ok", bad)
		}
	}
}

func FuzzSnowflakeTime(f *testing.F) {
	for _, s := range []string{"1445078208190291968", "1", "0", "", "18446744073709551615", "+1", " 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		at, ok := SnowflakeTime(id)
		if !ok {
			return
		}
		if at.UnixMilli() < TwitterEpoch {
			t.Fatalf("%q made before the epoch: %s", id, at)
		}
		again, ok := SnowflakeTime(SnowflakeAt(at))
		if !ok && at.UnixMilli() > TwitterEpoch || ok && !again.Equal(at) {
			t.Fatalf("%q: %s does not round-trip (%s)", id, at, again)
		}
	})
}
