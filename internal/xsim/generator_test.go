package xsim

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
)

func fixedClock() func() time.Time {
	t := time.Date(2026, 6, 1, 4, 30, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

func TestLocalitiesNameRealDistricts(t *testing.T) {
	for name := range localities {
		found := false
		for _, d := range shikayat.Districts() {
			found = found || d.Name == name
		}
		if !found {
			t.Errorf("localities: %q is not a district name", name)
		}
	}
}

func TestGeneratorVariety(t *testing.T) {
	sim := New(Options{Now: fixedClock()})
	g := NewGenerator(sim, 3)
	var ids []string
	for range 1500 {
		id, err := g.Post()
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	count := map[string]int{}
	for _, id := range ids {
		tw, _ := sim.Post(id)
		sim.mu.Lock()
		inc, _ := sim.includesLocked([]*xapi.Tweet{&tw}, allSelection())
		sim.mu.Unlock()
		p, err := xapi.PostFrom(&tw, xapi.NewIndex(inc))
		if err != nil {
			t.Fatalf("post %s: %v", id, err)
		}
		if strings.TrimSpace(p.Text) == "" || strings.Contains(p.Text, "{") {
			t.Errorf("unfilled text %q", p.Text)
		}
		if weightedLength(tw.Text) > 280 && p.RetweetOf == "" {
			t.Errorf("post longer than X allows: %q", tw.Text)
		}
		if p.MentionsUser("Uppolice") {
			count["mention"]++
		}
		if strings.IndexFunc(p.Text, func(r rune) bool { return unicode.Is(unicode.Devanagari, r) }) >= 0 {
			count["devanagari"]++
		} else if p.Lang == "hi" {
			count["hinglish"]++
		} else {
			count["english"]++
		}
		if c := p.Coordinates; c != nil {
			count["coordinates"]++
			if c.Lat < 23.8 || c.Lat > 30.5 || c.Lon < 77 || c.Lon > 84.7 {
				t.Errorf("coordinates outside UP: %+v", c)
			}
		}
		if p.Place != nil {
			count["place"]++
			if c, ok := p.Place.Centre(); !ok || c.Lat < 23.8 || c.Lat > 30.5 {
				t.Errorf("place outside UP: %+v", p.Place)
			}
		}
		if p.AuthorLocation != "" {
			count["profile"]++
		}
		if len(p.Media) > 0 {
			count["photo"]++
			if p.Media[0].URL == "" || p.Media[0].Type != "photo" {
				t.Errorf("media without url: %+v", p.Media)
			}
		}
		if p.RetweetOf != "" {
			count["retweet"]++
		}
		if p.InReplyToPostID != "" {
			count["reply"]++
			if p.ConversationID == p.ID {
				t.Errorf("reply %s starts its own conversation", p.ID)
			}
		}
		if docketRE.MatchString(p.Text) {
			count["docket"]++
		}
	}
	for _, k := range []string{"mention", "devanagari", "hinglish", "english", "coordinates", "place", "profile", "photo", "retweet", "reply", "docket"} {
		if count[k] < 15 {
			t.Errorf("only %d posts with %s in 1500: %v", count[k], k, count)
		}
	}
	if count["mention"] < 1300 {
		t.Errorf("only %d of 1500 posts mention the account", count["mention"])
	}
	seenTypes := map[string]bool{}
	for _, tp := range complaintTemplates {
		seenTypes[tp.typ] = true
	}
	if len(seenTypes) != 12 {
		t.Errorf("templates cover %d complaint types, want all 12", len(seenTypes))
	}
}

func allSelection() selection {
	return selection{
		tweet: set("attachments", "author_id", "conversation_id", "created_at", "entities", "geo", "in_reply_to_user_id", "lang", "referenced_tweets"),
		user:  set("location"), place: set("country_code", "full_name", "geo", "name", "place_type"), media: set("url", "type", "alt_text"),
		exp: set("attachments.media_keys", "author_id", "geo.place_id", "referenced_tweets.id", "referenced_tweets.id.author_id"),
	}
}

func TestGeneratorDeterministic(t *testing.T) {
	texts := func() []string {
		sim := New(Options{Now: fixedClock()})
		g := NewGenerator(sim, 99)
		var out []string
		for range 200 {
			id, err := g.Post()
			if err != nil {
				t.Fatal(err)
			}
			tw, _ := sim.Post(id)
			out = append(out, tw.Text)
		}
		return out
	}
	a, b := texts(), texts()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("post %d differs with the same seed: %q vs %q", i, a[i], b[i])
		}
	}
}

func TestGeneratorFollowsUpOnIssuedDockets(t *testing.T) {
	sim := New(Options{Now: fixedClock()})
	g := NewGenerator(sim, 5)
	// The desk answers the first complaints with docket codes.
	for i := range 20 {
		id, err := g.complaint()
		if err != nil {
			t.Fatal(err)
		}
		sim.mu.Lock()
		_, err = sim.storeLocked(&xapi.Tweet{Text: "Registered UP26-" + strings.Repeat("AB", 4) + string(rune('0'+i%10)) + "X", AuthorID: sim.account.ID,
			ReferencedTweets: []xapi.ReferencedTweet{{Type: xapi.RefRepliedTo, ID: id}}})
		sim.mu.Unlock()
		if err != nil {
			t.Fatal(err)
		}
	}
	issued, inThread := 0, 0
	for range 100 {
		id, err := g.docketFollowUp()
		if err != nil {
			t.Fatal(err)
		}
		tw, _ := sim.Post(id)
		if strings.Contains(strings.ToUpper(tw.Text), "UP26-ABABABAB") {
			issued++
		}
		if len(tw.ReferencedTweets) > 0 {
			inThread++
		}
	}
	if issued < 90 || inThread < 20 {
		t.Errorf("%d of 100 follow-ups quote an issued code, %d reply in its thread", issued, inThread)
	}
}
