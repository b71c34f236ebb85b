package xapi

import (
	"encoding/json"
	"strings"
	"testing"
)

// One post in a shape the desk cannot take spoils only itself: the page's
// other posts are read, and it comes back unreadable with its raw JSON.
func TestReadPage(t *testing.T) {
	body := `{"data":[
		{"id":"3","text":"@Uppolice help","author_id":"9"},
		{"id":"2","text":"x","lang":5},
		{"id":"1","text":"y","geo":{"coordinates":{"type":"Point","coordinates":[500,500]}}},
		{"id":7,"text":"z"},
		"not even an object"
	],"includes":{"users":[{"id":"9","username":"ram","name":"Ram"}]},"meta":{"result_count":5}}`
	var p Page
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("one bad post spoiled the page: %v", err)
	}
	posts, bad := ReadPage(&p)
	if len(posts) != 1 || posts[0].ID != "3" || posts[0].AuthorUsername != "ram" {
		t.Fatalf("posts = %+v", posts)
	}
	if len(bad) != 4 {
		t.Fatalf("unreadable = %+v, want 4", bad)
	}
	want := map[string]string{"2": `"lang":5`, "1": "500"}
	for _, u := range bad {
		if frag, ok := want[u.ID]; ok {
			if !strings.Contains(u.Raw, frag) || u.Error == "" {
				t.Errorf("%s: %+v", u.ID, u)
			}
			delete(want, u.ID)
		} else if !strings.HasPrefix(u.ID, "unreadable:") || u.Raw == "" {
			t.Errorf("a post without a usable id got key %q (%+v)", u.ID, u)
		}
	}
	if len(want) != 0 {
		t.Errorf("missing unreadable posts %v", want)
	}
	if _, again := ReadPage(&p); again[2].ID != bad[2].ID {
		t.Errorf("the key of an id-less post is not stable: %s, %s", again[2].ID, bad[2].ID)
	}
}

func FuzzReadPage(f *testing.F) {
	for _, s := range []string{
		`{"data":[{"id":"1","text":"a"},{"id":"2","lang":5}],"meta":{"result_count":2}}`,
		`{"data":[{"id":"1","geo":{"coordinates":{"coordinates":[1]}}},7,null,"x"]}`,
		`{"data":[{"id":"1","created_at":"yesterday"}],"includes":{"users":[{"id":"1","username":"a"}]}}`,
		`{"meta":{"result_count":0}}`,
		`{"data":[{"id":"1","text":"\xff"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var p Page
		if json.Unmarshal(body, &p) != nil {
			return
		}
		var items struct {
			Data []json.RawMessage `json:"data"`
		}
		if json.Unmarshal(body, &items) != nil {
			t.Fatalf("the page decoded but its data is not a list")
		}
		posts, bad := ReadPage(&p)
		if len(posts)+len(bad) != len(items.Data) {
			t.Fatalf("%d posts + %d unreadable from %d items", len(posts), len(bad), len(items.Data))
		}
		for _, u := range bad {
			if u.ID == "" || u.Error == "" {
				t.Fatalf("unreadable post without a key or a reason: %+v", u)
			}
			if !isID(u.ID) && !strings.HasPrefix(u.ID, "unreadable:") {
				t.Fatalf("key %q", u.ID)
			}
		}
		for _, p := range posts {
			if !isID(p.ID) {
				t.Fatalf("post id %q", p.ID)
			}
		}
	})
}
