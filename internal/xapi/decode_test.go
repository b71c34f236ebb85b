package xapi

import (
	"bufio"
	"bytes"
	"github.com/shikayat/shikayat/internal/sharedtest"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
)

// sharedDir returns the shared data folder, or skips the test.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := sharedtest.Dir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	return dir
}

func readLines(t testing.TB, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	defer f.Close()
	var lines [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			lines = append(lines, bytes.Clone(sc.Bytes()))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func TestDecodePostDevSet(t *testing.T) {
	lines := readLines(t, filepath.Join(sharedDir(t), "triage", "dev.jsonl"))
	if len(lines) != 300 {
		t.Fatalf("dev set has %d lines, want 300", len(lines))
	}
	byID := map[string]shikayat.Post{}
	var withCoords, withPlace, retweets int
	for i, line := range lines {
		p, err := DecodePost(line)
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if _, dup := byID[p.ID]; dup {
			t.Fatalf("line %d: duplicate id %s", i+1, p.ID)
		}
		if p.Text == "" || p.AuthorID == "" || p.AuthorUsername == "" || p.CreatedAt.IsZero() {
			t.Errorf("line %d: incomplete post %+v", i+1, p)
		}
		byID[p.ID] = p
		if p.Coordinates != nil {
			withCoords++
		}
		if p.Place != nil {
			withPlace++
		}
		if p.RetweetOf != "" {
			retweets++
		}
	}
	// The dev set's README gives these counts.
	if withCoords != 24 || withPlace != 14 {
		t.Errorf("coordinates on %d posts, places on %d; want 24 and 14", withCoords, withPlace)
	}
	if retweets < 2 {
		t.Errorf("only %d retweets decoded", retweets)
	}

	check := func(id string, f func(p shikayat.Post)) {
		t.Helper()
		p, ok := byID[id]
		if !ok {
			t.Errorf("post %s not in the dev set", id)
			return
		}
		f(p)
	}
	check("1800379265346526245", func(p shikayat.Post) {
		if p.AuthorUsername != "rahulverma_lko" || p.AuthorName != "Rahul Verma" || p.AuthorLocation != "Lucknow, India" {
			t.Errorf("author = %q %q %q", p.AuthorUsername, p.AuthorName, p.AuthorLocation)
		}
		if !reflect.DeepEqual(p.Mentions, []string{"Uppolice", "lkopolice"}) {
			t.Errorf("mentions = %q", p.Mentions)
		}
		if !p.MentionsUser("uppolice") || p.Lang != "hi" {
			t.Errorf("mentions/lang wrong: %+v", p)
		}
		want := time.Date(2026, 1, 4, 1, 49, 1, 0, time.UTC)
		if !p.CreatedAt.Equal(want) {
			t.Errorf("created_at = %v, want %v", p.CreatedAt, want)
		}
	})
	check("1802687435522883667", func(p shikayat.Post) {
		if p.Coordinates == nil || p.Coordinates.Lat != 26.4762 || p.Coordinates.Lon != 80.2951 {
			t.Errorf("coordinates = %+v, want lat 26.4762 lon 80.2951", p.Coordinates)
		}
	})
	check("1806750950447895202", func(p shikayat.Post) {
		if p.Place == nil || p.Place.FullName != "Lucknow, India" || p.Place.Country != "IN" {
			t.Fatalf("place = %+v", p.Place)
		}
		if p.Place.BBox != [4]float64{80.8249, 26.7214, 81.06, 26.9606} {
			t.Errorf("bbox = %v", p.Place.BBox)
		}
		if c, ok := p.Place.Centre(); !ok || c.Lat < 26.7 || c.Lat > 27 {
			t.Errorf("centre = %v %v", c, ok)
		}
	})
	check("1814783104471825996", func(p shikayat.Post) {
		if p.RetweetOf != "1814783104471493398" {
			t.Errorf("retweet_of = %q", p.RetweetOf)
		}
		if len(p.Text) == 0 || p.Text[:3] == "RT " {
			t.Errorf("retweet text should be the original's, got %q", p.Text)
		}
		if !reflect.DeepEqual(p.Hashtags, []string{"UttarPradesh"}) {
			t.Errorf("hashtags = %q", p.Hashtags)
		}
	})
	check("1864363094283756156", func(p shikayat.Post) {
		if !reflect.DeepEqual(p.URLs, []string{"https://x.com/siddharth_k_/status/1864363094283756156/photo/1"}) {
			t.Errorf("urls = %q", p.URLs)
		}
	})
}

func TestDecodePostExpansions(t *testing.T) {
	line := `{"data":{"id":"20","text":"@Uppolice see photo, re UP26-7K3QM9XD4P","author_id":"7","created_at":"2026-03-01T10:00:00.000Z",
	"conversation_id":"10","in_reply_to_user_id":"1",
	"referenced_tweets":[{"type":"replied_to","id":"19"},{"type":"quoted","id":"11"}],
	"attachments":{"media_keys":["3_1","7_2","3_9"]},
	"geo":{"place_id":"p1","coordinates":{"type":"Point","coordinates":[81.84,25.43]}}},
	"includes":{"users":[{"id":"8","username":"other","name":"Other"},{"id":"7","username":"sita_p","name":"Sita","location":"Prayagraj"}],
	"places":[{"id":"p1","full_name":"Prayagraj, India","name":"Prayagraj","place_type":"city","country_code":"IN","geo":{"type":"Feature","bbox":[81.7,25.3,82.0,25.6],"properties":{}}}],
	"tweets":[{"id":"11","text":"quoted"}],
	"media":[{"media_key":"3_1","type":"photo","url":"https://pbs.example/1.jpg","alt_text":"gate"},{"media_key":"7_2","type":"video","preview_image_url":"https://pbs.example/2.jpg"}]}}`
	p, err := DecodePost([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	want := shikayat.Post{
		ID: "20", Text: "@Uppolice see photo, re UP26-7K3QM9XD4P", AuthorID: "7",
		AuthorUsername: "sita_p", AuthorName: "Sita", AuthorLocation: "Prayagraj",
		CreatedAt:      time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC),
		ConversationID: "10", InReplyToUserID: "1", InReplyToPostID: "19", QuotedPostID: "11",
		Coordinates: &shikayat.Point{Lat: 25.43, Lon: 81.84},
		Place:       &shikayat.Place{ID: "p1", FullName: "Prayagraj, India", Name: "Prayagraj", Country: "IN", Type: "city", BBox: [4]float64{81.7, 25.3, 82.0, 25.6}},
		Media: []shikayat.Media{
			{Key: "3_1", Type: "photo", URL: "https://pbs.example/1.jpg", AltText: "gate"},
			{Key: "7_2", Type: "video", PreviewURL: "https://pbs.example/2.jpg"},
			{Key: "3_9"}, // not in includes: kept by key
		},
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("got  %+v\nwant %+v", p, want)
	}
}

func TestDecodePostRejects(t *testing.T) {
	for name, line := range map[string]string{
		"empty":              "",
		"blank":              "   \n",
		"not json":           "hello",
		"array":              `[{"data":{"id":"1","text":"x"}}]`,
		"truncated":          `{"data":{"id":"1","text":"x"`,
		"no data":            `{"includes":{}}`,
		"null data":          `{"data":null}`,
		"errors only":        `{"errors":[{"title":"Not Found Error","detail":"Could not find tweet with id: [5].","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		"id missing":         `{"data":{"text":"x"}}`,
		"id not digits":      `{"data":{"id":"12a","text":"x"}}`,
		"id number":          `{"data":{"id":12,"text":"x"}}`,
		"text number":        `{"data":{"id":"12","text":5}}`,
		"bad time":           `{"data":{"id":"12","text":"x","created_at":"yesterday"}}`,
		"coords short":       `{"data":{"id":"12","text":"x","geo":{"coordinates":{"type":"Point","coordinates":[80.1]}}}}`,
		"coords range":       `{"data":{"id":"12","text":"x","geo":{"coordinates":{"type":"Point","coordinates":[80.1,95]}}}}`,
		"coords not a point": `{"data":{"id":"12","text":"x","geo":{"coordinates":{"type":"Polygon","coordinates":[80.1,25]}}}}`,
		"trailing garbage":   `{"data":{"id":"12","text":"x"}} {}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := DecodePost([]byte(line))
			if err == nil {
				t.Fatal("decoded, want an error")
			}
			if code := shikayat.ErrorCode(err); code != shikayat.EINVALID {
				t.Errorf("code %q, want invalid (%v)", code, err)
			}
		})
	}
}

func TestPostsFromPage(t *testing.T) {
	page := &Page{
		Data: []Tweet{
			{ID: "3", Text: "@Uppolice one", AuthorID: "u1", Geo: &TweetGeo{PlaceID: "pa"}},
			{ID: "bad", Text: "broken"},
			{ID: "2", Text: "@Uppolice two", AuthorID: "u2", Attachments: &Attachments{MediaKeys: []string{"m2"}}},
		},
		Includes: &Includes{
			Users:  []User{{ID: "u2", Username: "two"}, {ID: "u1", Username: "one", Location: "Agra"}},
			Places: []Place{{ID: "pa", FullName: "Agra, India"}},
			Media:  []Media{{MediaKey: "m2", Type: "photo", URL: "https://pbs.example/m2.jpg"}},
		},
	}
	posts, err := PostsFromPage(page)
	if shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Errorf("err = %v, want an invalid error naming the bad post", err)
	}
	if len(posts) != 2 {
		t.Fatalf("got %d posts, want 2", len(posts))
	}
	if p := posts[0]; p.ID != "3" || p.AuthorUsername != "one" || p.AuthorLocation != "Agra" || p.Place == nil || p.Place.FullName != "Agra, India" || p.Media != nil {
		t.Errorf("first post: %+v", p)
	}
	if p := posts[1]; p.ID != "2" || p.AuthorUsername != "two" || p.Place != nil || len(p.Media) != 1 || p.Media[0].URL != "https://pbs.example/m2.jpg" {
		t.Errorf("second post: %+v", p)
	}
	if posts, err := PostsFromPage(&Page{}); err != nil || len(posts) != 0 {
		t.Errorf("empty page: %v %v", posts, err)
	}
}

func BenchmarkDecodePost(b *testing.B) {
	dir, err := sharedtest.Dir()
	if err != nil {
		b.Skipf("skipping: %v", err)
	}
	lines := readLines(b, filepath.Join(dir, "triage", "dev.jsonl"))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := DecodePost(lines[i%len(lines)]); err != nil {
			b.Fatal(err)
		}
	}
}
